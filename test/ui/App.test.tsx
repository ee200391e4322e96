// The App as a learner meets it, over the REAL engine (createEngine) with a scripted shell
// port: the step rules, the check polling and the terminals' queue are the engine's own.
import {afterEach, describe, expect, test, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {WORKSPACE_HOME} from '../../src/scenario/assets/workspace-target.js';
import {check as verify, copy, exec, file, hint, scenario, step} from './scenario-builders.js';
import {FakeShellPort} from './fake-shell-port.js';
import {disposeEngines, KEY, renderApp, sessionFor} from './helpers.js';

afterEach(async () => {
  cleanup();
  await disposeEngines();
});

const check = verify('/s/v.sh');

function demo() {
  return scenario([
    step(0, 'Run a command', '# Run a command\n\nRun `echo hello`{{exec}} and look, then `ls -la`{{exec}}.', [exec(1, 'echo hello'), exec(2, 'ls -la')]),
    step(1, 'A gated step', 'Make the check pass: `echo ready > status.txt`{{copy}} then `cat status.txt`{{exec}}.', [copy(1, 'echo ready > status.txt'), exec(2, 'cat status.txt')], {
      check,
      hints: [hint('Write **ready** into the file.'), hint('Use the copy action.')],
      answer: {file: '/s/answer.md', body: 'Run `echo ready > status.txt`.'},
    }),
  ]);
}

describe('intro', () => {
  test('shows title, description, intro text, what it needs, and starts on Enter', async () => {
    const {session, engine} = sessionFor(demo(), {preflight: async () => ({ready: true, checks: [{id: 'bash', ok: true, detail: 'bash 5.2', severity: 'error'}]})});
    const app = renderApp({session});
    await app.until('this machine is ready');
    expect(app.frame()).toContain('Demo tutorial');
    expect(app.frame()).toContain('A scenario for tests.');
    expect(app.frame()).toContain('Welcome to the demo.');
    expect(app.frame()).toContain('Needs: bash only');
    expect(app.frame()).toContain('this machine is ready');
    await app.press(KEY.enter);
    // The engine starts asynchronously: wait for the step's header rather than reading the next frame.
    await app.until('Step 1/2 · Run a command');
    expect(engine.calls).toContain('start:0');
  });

  test('offers to resume: Enter continues at the saved step, o starts over after a yes', async () => {
    const a = sessionFor(demo(), {resumeStep: 1});
    const app = renderApp({session: a.session});
    await app.settle();
    expect(app.frame()).toContain('You stopped at step 2/2.');
    expect(app.frame()).toContain('continue at step 2 (earlier steps are re-checked)');
    await app.press(KEY.enter);
    expect(a.engine.calls).toContain('start:1');
    await app.until('Step 2/2 · A gated step');
    app.unmount();

    const b = sessionFor(demo(), {resumeStep: 1});
    const again = renderApp({session: b.session});
    await again.press('o');
    expect(again.frame()).toContain('Start over? The workspace of');
    expect(b.engine.calls).toEqual([]);
    await again.press('y');
    expect(b.engine.calls).toContain('start:0');
    await again.until('Step 1/2 · Run a command');
  });

  test('asks before creating a missing kind cluster', async () => {
    const {session, engine, created} = sessionFor(demo(), {clusterToCreate: 'katarun-istio'});
    const app = renderApp({session});
    await app.press(KEY.enter);
    expect(app.frame()).toContain('The kind cluster katarun-istio does not exist. Create it now?');
    expect(engine.calls).toEqual([]);
    await app.press('n');
    expect(created).toEqual([]);
    await app.press(KEY.enter, 'y');
    expect(created).toEqual([{createCluster: true}]);
    expect(engine.calls).toContain('start:0');
    await app.until('Step 1/2');
  });

  test('shows what is missing when the machine is not ready', async () => {
    const {session} = sessionFor(demo(), {
      preflight: async () => ({ready: false, checks: [{id: 'tool:kind', ok: false, detail: 'not found', fix: 'install kind', severity: 'error'}]}),
    });
    const app = renderApp({session});
    await app.until('this machine is not ready yet');
    expect(app.frame()).toContain('this machine is not ready yet');
    expect(app.frame()).toContain('✘ tool:kind: not found — install kind');
  });

  test('refuses to start on a machine that is not ready, and quitting then exits 3', async () => {
    const {session, engine, created} = sessionFor(demo(), {
      preflight: async () => ({ready: false, checks: [{id: 'docker', ok: false, detail: 'daemon not reachable', fix: 'start Docker', severity: 'error'}]}),
      missingCluster: async () => 'katarun-istio',
    });
    const app = renderApp({session});
    await app.until('this machine is not ready yet');
    await app.press(KEY.enter);
    await app.until('Not started: fix what is listed above');
    expect(engine.calls).toEqual([]);
    expect(created).toEqual([]);
    expect(app.frame()).not.toContain('Create it now?');
    await app.press('q');
    expect(app.exits).toEqual([3]);
  });
});

describe('step', () => {
  /** The demo started at step 1; `hold` commands stay running until port.release(). */
  async function started(hold: string[] = [], checks?: FakeShellPort['checks']) {
    const port = new FakeShellPort((command) => ({output: [`output of ${command}`], hold: hold.includes(command)}), checks);
    const s = sessionFor(demo(), {}, port);
    const app = renderApp({session: s.session});
    await app.press(KEY.enter);
    await app.until('Step 1/2 · Run a command');
    return {app, engine: s.engine, port, clock: s.clock};
  }

  test('prints the step text once, with numbered actions and key hints', async () => {
    const {app} = await started();
    const frame = app.frame();
    expect(frame.match(/Step 1\/2 · Run a command/g)).toHaveLength(1);
    // The body's own `# Run a command` only repeated the header: it is not printed again.
    expect(frame.match(/Run a command/g)).toHaveLength(1);
    expect(frame).toMatch(/Run echo hello.\[1.▶.run\] and look/);
    expect(frame).toMatch(/echo hello.\[1.▶.run\]/);
    expect(frame).toContain('Demo tutorial · Step 1/2');
    expect(frame).toContain('› 1 ▶ echo hello');
    expect(frame).toContain('Enter run 1 · 1–9');
    expect(frame).toContain('This step has no check.');
  });

  test('Enter runs the next command, whose output goes to the transcript; Enter at the end moves on', async () => {
    const {app, engine, port} = await started();
    await app.press(KEY.enter);
    await app.until('✔ exit 0');
    expect(engine.calls).toContain('action:1');
    expect(app.frame()).toContain('$ echo hello');
    expect(app.frame()).toContain('output of echo hello');
    await app.press(KEY.enter);
    await app.until('output of ls -la');
    await app.press(KEY.enter);
    await app.until('Step 2/2 · A gated step');
    expect(port.terminal().commands).toEqual(['echo hello', 'ls -la']);
  });

  test('shows the live tail of a running command with its elapsed time', async () => {
    const {app, port} = await started(['ls -la']);
    await app.press('2');
    await app.until('T1 ~ $ ls -la');
    expect(app.frame()).toContain('… running');
    port.terminal().print(['line one', 'line two']);
    await app.until('line two');
    port.release();
    await app.until('✔ done');
  });

  test('n is refused with the reason while the check has not passed; p goes back', async () => {
    const {app, engine, port} = await started();
    await app.press('n');
    await app.until('Step 2/2 · A gated step');
    await app.press('n');
    expect(app.frame()).toContain('The check has not passed yet — finish the step');
    // Enter runs the step's one exec action (the copy action is not Enter's), then is refused.
    await app.press(KEY.enter);
    await app.until('output of cat status.txt');
    await app.press(KEY.enter, KEY.enter);
    expect(app.frame()).toContain('The check has not passed yet — finish the step');
    // The footer says what Enter does now: nothing until the check passes.
    expect(app.frame()).toContain('Enter: the check first');
    expect(port.terminal().commands).toEqual(['cat status.txt']);
    await app.press('p');
    expect(engine.calls).toContain('prev');
    await app.until('Step 1/2 · Run a command (again)');
    await app.press(KEY.right);
    expect(engine.store.getSnapshot().stepIndex).toBe(1);
    await app.press(KEY.left);
    expect(engine.store.getSnapshot().stepIndex).toBe(0);
  });

  test('the check: spinner while polling, FAIL feedback with expected and actual, then passed', async () => {
    let ready = false;
    const {app, engine, port} = await started([], () =>
      ready ? {exitCode: 0} : {exitCode: 1, output: 'FAIL: status.txt is missing\nEXPECTED: ready\nACTUAL: (no file)\n'},
    );
    await app.press('n');
    await app.until('Step 2/2 · A gated step');
    // Running the step's command starts the engine's polling of the check by itself.
    await app.press(KEY.enter);
    await app.until('Checking… (attempt 2)');
    expect(app.frame()).toContain('✘ Not yet');
    expect(app.frame()).toContain('FAIL: status.txt is missing');
    expect(app.frame()).toContain('expected: ready');
    expect(app.frame()).toContain('actual: (no file)');
    ready = true;
    await app.until('✔ Check passed — Enter');
    const attempts = port.scriptsRun.length;
    await app.press('r');
    expect(engine.calls).toContain('recheck');
    await vi.waitFor(() => expect(port.scriptsRun.length).toBeGreaterThan(attempts), {timeout: 10_000});
  });

  test('number keys run or copy an action; c copies the next copy action and shows the text', async () => {
    const {app, engine} = await started();
    await app.press('n');
    await app.until('Step 2/2');
    await app.press('1');
    await app.until('⧉ Copied');
    expect(app.copies).toEqual(['echo ready > status.txt']);
    expect(app.frame()).toContain('⧉ Copied (OSC 52, if your terminal allows it):');
    expect(app.frame()).toContain('  echo ready > status.txt');
    await app.press('c');
    await vi.waitFor(() => expect(app.copies).toHaveLength(2), {timeout: 10_000});
    await app.press('9');
    expect(app.frame()).toContain('This step has no action 9.');
    expect(engine.calls).not.toContain('action:9');
  });

  test('h shows hints one by one; a asks before showing the solution', async () => {
    const {app} = await started();
    await app.press('n');
    await app.until('Step 2/2');
    await app.press('h');
    expect(app.frame()).toContain('Hint 1/2');
    expect(app.frame()).toContain('Write ready into the file.');
    await app.press('h', 'h');
    expect(app.frame()).toContain('Hint 2/2');
    expect(app.frame()).toContain('No more hints for this step.');
    await app.press('a');
    expect(app.frame()).toContain('Show the solution for this step? (y/n)');
    await app.press('n');
    expect(app.frame()).not.toContain('Solution\n');
    await app.press('a', 'y');
    expect(app.frame()).toContain('Solution');
    expect(app.frame()).toContain('Run echo ready > status.txt');
  });

  test('? opens the help overlay and any key closes it', async () => {
    const {app, engine} = await started();
    await app.press('?');
    expect(app.frame()).toContain('Keys');
    expect(app.frame()).toContain('drop into the shell; Ctrl-] comes back');
    await app.press('x');
    expect(app.frame()).not.toContain('Press any key to close.');
    expect(engine.calls.filter((c) => c.startsWith('action'))).toEqual([]);
  });

  test('s hands the terminal to T1 and comes back', async () => {
    const {app, engine} = await started();
    await app.press('s');
    await vi.waitFor(() => expect(app.drops).toEqual(['Shell T1 — type freely; Ctrl-] returns to the tutorial.']), {timeout: 10_000});
    expect(engine.calls.filter((c) => c.startsWith('terminal'))).toHaveLength(1);
    expect(await app.until('Enter run 1')).toContain('Enter run 1');
  });

  test('q quits at once when idle; asks first while a command runs', async () => {
    const idle = await started();
    await idle.app.press('q');
    expect(idle.app.exits).toEqual([0]);

    const busy = await started(['echo hello']);
    await busy.app.press(KEY.enter);
    await busy.app.until('… running');
    await busy.app.until('output of echo hello');
    const rowsBefore = busy.app.frame().split('\n').length;
    await busy.app.press('q');
    expect(busy.app.frame()).toContain('A command is still running. Quit anyway? (y/n)');
    // The question takes the footer's place (it names its keys): the step stays on screen, no rows come or go.
    expect(busy.app.frame()).toContain('› 2 ▶ ls -la');
    expect(busy.app.frame().split('\n').at(-1)).toBe('? A command is still running. Quit anyway? (y/n)');
    expect(busy.app.frame().split('\n')).toHaveLength(rowsBefore);
    expect(busy.app.exits).toEqual([]);
    await busy.app.press('n');
    expect(busy.app.exits).toEqual([]);
    await busy.app.press('q', 'y');
    expect(busy.app.exits).toEqual([0]);
  });

  test('Ctrl-C interrupts a running command; with nothing running, the second one quits with 130', async () => {
    const {app, engine} = await started(['echo hello']);
    await app.press(KEY.enter);
    await app.until('… running');
    await app.press(KEY.ctrlC);
    expect(engine.calls).toContain('interrupt:T1');
    expect(app.frame()).toContain('Ctrl-C sent to the running command.');
    expect(app.exits).toEqual([]);
    // The fake terminal stops the command on Ctrl-C as bash would: exit 130.
    await app.until('130');
    await app.press(KEY.ctrlC);
    expect(app.frame()).toContain('Press Ctrl-C again to quit');
    expect(app.exits).toEqual([]);
    await app.press(KEY.ctrlC);
    expect(app.exits).toEqual([130]);
  });

  test('a key between two Ctrl-C disarms quitting', async () => {
    const {app} = await started();
    await app.press(KEY.ctrlC, '?', KEY.ctrlC);
    expect(app.exits).toEqual([]);
  });
});

describe("the engine's step rules, as the screen shows them", () => {
  test('a file write stands first: the marker is on it, Enter writes it, then runs the command that reads it; a hint action is never Enter\'s', async () => {
    const inHint = {...exec(3, 'rm -rf /tmp/never'), context: 'hint' as const};
    const s = sessionFor(scenario([step(0, 'Write', 'Write the file, then read it.', [file(1, 'app.conf', 'port=8080\n'), exec(2, 'cat app.conf'), inHint])]));
    const app = renderApp({session: s.session});
    await app.press(KEY.enter);
    await app.until('Step 1/1');
    expect(app.frame()).toMatch(/› 1 ✎ app\.conf ← port=8080/);
    expect(app.frame()).toContain('Enter write 1 (app.conf)');
    await app.press(KEY.enter);
    await app.until('Enter run 2');
    await vi.waitFor(() => expect(readFileSync(join(s.engine.workspace, WORKSPACE_HOME, 'app.conf'), 'utf8')).toBe('port=8080\n'), {timeout: 10_000});
    await app.until('Enter run 2');
    expect(app.frame()).toMatch(/› 2 .*cat app\.conf/);
    await app.press(KEY.enter);
    await app.until('output of cat app.conf');
    // Both of the body's actions ran; the hint's command is the learner's to choose: Enter leaves.
    await app.press(KEY.enter);
    await app.until('Finished: Demo tutorial');
    expect(s.port.terminal().commands).toEqual(['cat app.conf']);
  });

  test('a step without a check whose command failed is failed in the summary, as headless says', async () => {
    const port = new FakeShellPort((command) => ({output: [`${command}: not found`], exitCode: 127}));
    const s = sessionFor(scenario([step(0, 'Broken', 'Run `nosuch`{{exec}}', [exec(1, 'nosuch')])]), {}, port);
    const app = renderApp({session: s.session});
    await app.press(KEY.enter);
    await app.until('Step 1/1');
    await app.press(KEY.enter);
    await app.until('nosuch: not found');
    await app.press(KEY.enter);
    await app.until('Finished: Demo tutorial');
    expect(app.frame()).toMatch(/1\. Broken\s+\S+\s+✘ failed/);
  });
});

describe('finish', () => {
  test('shows the finish text and a summary with times; Enter exits 0', async () => {
    const s = sessionFor(scenario([step(0, 'Only step', 'Do it: `true`{{exec}}', [exec(1, 'true')])]));
    const app = renderApp({session: s.session});
    await app.press(KEY.enter);
    await app.until('Step 1/1');
    await app.press(KEY.enter);
    await app.until('✔ exit 0');
    s.clock.advance(65_000);
    await app.press(KEY.enter);
    await app.until('Finished: Demo tutorial');
    const frame = app.frame();
    expect(frame).toContain('Finished: Demo tutorial');
    expect(frame).toContain('All done, well played.');
    expect(frame).toMatch(/1\. Only step\s+1:05\s+✔ passed/);
    expect(frame).toMatch(/Total\s+1:05/);
    expect(frame).toContain('Enter exit');
    await app.press(KEY.enter);
    expect(app.exits).toEqual([0]);
  });
});

describe('picker', () => {
  test('lists scenarios with their details and saved progress, and opens the chosen one', async () => {
    const a = sessionFor(demo());
    const opened: string[] = [];
    const entries = [
      {id: 'basics', title: 'katarun basics', difficulty: 'beginner', time: '5 minutes', languages: ['en', 'ru'], steps: 4, bundled: true, dir: '/b'},
      {id: 'istio-egress', title: 'Istio egress', difficulty: 'intermediate', time: '40 minutes', languages: ['en', 'ru'], steps: 7, bundled: true, dir: '/i', saved: {step: 3, total: 7}},
    ];
    const app = renderApp({picker: {entries, open: async (entry) => (opened.push(entry.id), a.session)}});
    await app.settle();
    expect(app.frame()).toContain('katarun — choose a tutorial');
    expect(app.frame()).toContain('› katarun basics');
    expect(app.frame()).toContain('basics · beginner · 5 minutes · 4 steps · en/ru');
    expect(app.frame()).toContain('saved at step 3/7');
    await app.press(KEY.down, KEY.enter);
    expect(opened).toEqual(['istio-egress']);
    await app.settle();
    expect(app.frame()).toContain('Needs: bash only');
    await app.press('q');
    expect(app.exits).toEqual([0]);
  });
});

describe('language', () => {
  test('Russian UI strings with --lang ru', async () => {
    const s = sessionFor(demo());
    const app = renderApp({session: s.session, lang: 'ru'});
    await app.settle();
    expect(app.frame()).toContain('Нужно: только bash');
    await app.press(KEY.enter);
    await app.until('Шаг 1/2 · Run a command');
    expect(app.frame()).toMatch(/\[1.▶.запуск\]/);
  });
});

describe('the setup script', () => {
  test('its lines go to the transcript sanitised: a title or a screen clear in its output never reaches the terminal', async () => {
    const setup = {path: '/s/setup.sh', language: 'bash' as const, role: 'setup' as const, source: {file: '/s/index.json', line: 1}};
    const port = new FakeShellPort(undefined, (script) => (script.path === setup.path ? {exitCode: 0, output: 'pulled \u001b]0;pwned\u0007the image\n\u001b[2Jready\n'} : {exitCode: 1}));
    const {session} = sessionFor(scenario(demo().steps, {setup}), {}, port);
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('Step 1/2');
    const shown = app.frames.join('\n');
    expect(shown).toContain('pulled the image');
    expect(shown).toContain('ready');
    expect(shown).not.toContain('pwned');
    expect(shown).not.toContain('\u001b[2J');
  });
});

describe('a cluster found missing only when starting', () => {
  test('asks with the name the check reports, then creates it', async () => {
    const {session, engine, created} = sessionFor(demo(), {missingCluster: async () => 'katarun-istio'});
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('Create it now?');
    expect(app.frame()).toContain('The kind cluster katarun-istio does not exist.');
    await app.press('y');
    expect(created).toEqual([{createCluster: true}]);
    expect(engine.calls).toContain('start:0');
    await app.until('Step 1/2');
  });

  test('starts straight away when the cluster is there', async () => {
    const {session, engine, created} = sessionFor(demo(), {missingCluster: async () => undefined});
    const app = renderApp({session});
    await app.press(KEY.enter);
    await app.until('Step 1/2');
    expect(created).toEqual([{createCluster: false}]);
    expect(engine.calls).toContain('start:0');
  });
});
