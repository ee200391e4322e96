// The TUI's class hooks with the real classroom link over a client whose sending is recorded:
// the status bar shows the class's pace, ! raises a hand with the step's latest FAIL line and
// lowers it again, and the engine's steps are shared as they start.
import {afterEach, describe, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {check, exec, scenario, step} from '../ui/scenario-builders.js';
import {FakeShellPort} from '../ui/fake-shell-port.js';
import {disposeEngines, KEY, renderApp, sessionFor} from '../ui/helpers.js';
import {classroomLink} from '../../src/class/classroom-link.js';
import {ClassClient} from '../../src/class/client.js';
import {translator} from '../../src/render/i18n.js';
import type {ClassEvent} from '../../src/class/protocol.js';
import type {Engine} from '../../src/engine/types.js';
import {tempDir, waitFor} from './helpers.js';

afterEach(async () => {
  cleanup();
  await disposeEngines();
});

/** A learner's client and classroom link whose "server" records every event and answers with `pace`. */
function recordingClass(pace: {step: number; past: number; total: number}) {
  const posted: ClassEvent[] = [];
  const client = new ClassClient({
    target: {base: 'http://127.0.0.1:9', code: 'ABC234'},
    name: 'Ada',
    scenario: {id: 'demo', title: 'Demo'},
    steps: [{title: 'One'}, {title: 'Two'}],
    dir: tempDir(),
    request: async (_m, url, body) => {
      if (url.endsWith('/events')) posted.push(...(body as {events: ClassEvent[]}).events);
      return {status: 200, body: {pace}};
    },
  });
  const link = classroomLink(client, translator('en'));
  client.start();
  return {posted, client, link};
}

describe('the TUI in a class', () => {
  test('status bar pace, a raised hand with the FAIL line, shared steps', async () => {
    // A server that takes everything and says 3 of 5 are past the learner's step.
    const {posted, client, link} = recordingClass({step: 0, past: 3, total: 5});
    const demo = scenario([step(0, 'Run a command', 'Run it.', [exec(1, 'echo hello')], {check: check()}), step(1, 'Second', 'More.', [])]);
    const port = new FakeShellPort(undefined, () => ({exitCode: 1, output: 'FAIL: nothing listens on 8080\n'}));
    const {session, engine} = sessionFor(demo, {classroom: link}, port);
    link.attach(engine as unknown as Engine);
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('class: 3 of 5 past step 1');
    // The step's check failed with a FAIL line (r runs it now): the hand carries it.
    await app.until('Step 1/2');
    await app.press('r');
    await app.until('FAIL: nothing listens on 8080');
    await app.press('!');
    await app.until('Hand raised: the instructor sees you need help on step 1');
    await waitFor(() => posted.find((e) => e.type === 'hand'), 5000, 'the hand to be sent');
    expect(posted.find((e) => e.type === 'hand')).toMatchObject({type: 'hand', step: 0, up: true, fail: 'nothing listens on 8080'});
    await app.press('!');
    await app.until('Hand lowered.');
    await waitFor(() => (posted.filter((e) => e.type === 'hand').length === 2 ? true : undefined), 5000, 'the lowered hand');
    expect(posted.filter((e) => e.type === 'hand')[1]).toMatchObject({step: 0, up: false});
    // Entering the step was shared, as a reporter sees it.
    expect(posted.find((e) => e.type === 'step')).toMatchObject({type: 'step', step: 0, status: 'active'});
    await client.close();
  });

  test('the terminal is not shared by default; T shows what it shares and asks, y shares, T again stops', async () => {
    const {posted, client, link} = recordingClass({step: 0, past: 1, total: 2});
    const demo = scenario([step(0, 'Run a command', 'Run it.', [exec(1, 'echo secret-one'), exec(2, 'echo secret-two')]), step(1, 'Second', 'More.', [])]);
    const {session, engine} = sessionFor(demo, {classroom: link});
    link.attach(engine as unknown as Engine);
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('class: 1 of 2 past step 1');
    // Not shared by default: a command runs, its step event goes out, its output does not.
    await app.press('1');
    await waitFor(() => posted.find((e) => e.type === 'step'), 5000, 'the step event');
    await waitFor(() => (client.getSnapshot().queued === 0 ? true : undefined), 5000, 'the queue to drain');
    expect(JSON.stringify(posted)).not.toContain('secret-one');
    expect(posted.some((e) => e.type === 'terminal')).toBe(false);
    // T: what would be shared, in full, then a yes/no; n sends nothing.
    await app.press('T');
    await app.until('Sharing your terminal sends the instructor the last 40 lines');
    await app.until('Share your terminal with the instructor? (y/n)');
    await app.press('n');
    expect(link.sharingTerminal()).toBe(false);
    expect(posted.some((e) => e.type === 'terminal')).toBe(false);
    // T, y: shared, and the status bar says so.
    await app.press('T');
    await app.until('Share your terminal with the instructor? (y/n)');
    await app.press('y');
    await app.until('sharing terminal with the instructor');
    const first = await waitFor(() => posted.find((e) => e.type === 'terminal'), 5000, 'the shared terminal');
    expect(first).toMatchObject({type: 'terminal', sharing: true, lines: ['$ echo secret-one', 'output of echo secret-one']});
    // T again: one "stopped", and nothing after it.
    await app.press('T');
    await app.until("Stopped sharing your terminal; the instructor's copy is deleted.");
    await waitFor(() => posted.find((e) => e.type === 'terminal' && !e.sharing), 5000, 'the end of sharing');
    await app.press('2');
    await waitFor(() => (client.getSnapshot().queued === 0 && posted.filter((e) => e.type === 'step').length > 0 ? true : undefined), 5000, 'the queue to drain');
    const after = posted.slice(posted.findIndex((e) => e.type === 'terminal' && !e.sharing) + 1);
    expect(JSON.stringify(after)).not.toContain('secret-two');
    expect(app.lastFrame()).not.toContain('sharing terminal with the instructor');
    await client.close();
  });
});
