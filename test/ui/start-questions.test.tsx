// What starting asks before it touches anything shared: a kind cluster katarun did not create
// (y: used for this run; n: not started, with the way out), and a scenario another katarun has
// open (y: a separate copy; n: quit). Over the real engine with a scripted shell port; the
// real shells are in test/sandbox/tui.test.ts.
import {afterEach, describe, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {EngineChoice, ScenarioSession} from '../../src/ui/session.js';
import {exec, scenario, step} from './scenario-builders.js';
import {FakeShellPort} from './fake-shell-port.js';
import {disposeEngines, KEY, realEngine, renderApp} from './helpers.js';

afterEach(async () => {
  cleanup();
  await disposeEngines();
});

function world(extra: Partial<ScenarioSession>) {
  const s = scenario([step(0, 'Run a command', 'Run `echo hello`{{exec}}.', [exec(1, 'echo hello')])]);
  const engine = realEngine(s, new FakeShellPort());
  const created: EngineChoice[] = [];
  const session: ScenarioSession = {
    scenario: s,
    createEngine: (choice) => {
      created.push(choice);
      return engine;
    },
    ...extra,
  };
  return {session, engine, created};
}

describe('a kind cluster katarun did not create', () => {
  test('y starts with it, for this run', async () => {
    const {session, engine, created} = world({resumeStep: 0, foreignCluster: async () => 'learners-own'});
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('already exists and katarun did not create it');
    expect(app.frame()).toContain('learners-own');
    expect(created).toEqual([]);
    await app.press('y');
    expect(created).toEqual([{createCluster: false, useExistingCluster: true}]);
    expect(engine.calls).toContain('start:0');
  });

  test('n starts nothing and says how to get it out of the way; Enter asks again', async () => {
    const {session, created} = world({foreignCluster: async () => 'learners-own'});
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('already exists');
    await app.press('n');
    await app.until("Not started: kind cluster learners-own is not katarun's");
    expect(created).toEqual([]);
    await app.press(KEY.enter);
    await app.until('already exists');
  });

  test('a cluster that is katarun\'s (no question) starts straight away', async () => {
    const {session, created} = world({missingCluster: async () => undefined, foreignCluster: async () => undefined});
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('Step 1/1');
    expect(created).toEqual([{createCluster: false}]);
  });
});

describe('a scenario another katarun has open', () => {
  test('asks with its pid; y opens a separate copy from the first step, then asks about the cluster as usual', async () => {
    const {session, engine, created} = world({resumeStep: 3, openElsewhere: {pid: '4242', since: 0}, missingCluster: async () => 'katarun-lab'});
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('Another katarun (pid 4242) has this scenario open');
    await app.press('y');
    await app.until('Create it now?');
    await app.press('y');
    expect(created).toEqual([{createCluster: true, separate: true}]);
    expect(engine.calls).toContain('start:0');
  });

  test('n quits without creating an engine', async () => {
    const {session, created} = world({openElsewhere: {pid: '4242', since: 0}});
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('Another katarun');
    await app.press('n');
    expect(app.exits).toEqual([0]);
    expect(created).toEqual([]);
  });
});
