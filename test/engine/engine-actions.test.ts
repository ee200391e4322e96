// Actions through the engine over real bash: output batched into a bounded tail, HOSTn
// mapped onto local terminals with a warning, placeholders resolved before typing, copy
// returns the text, an interrupt action stops a running command first.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createEngine} from '../../src/engine/create-engine.js';
import {plainEnv} from '../../src/engine/script-env.js';
import {exec, scenario, script, step} from './model-fixtures.js';
import {processesWithEnv, tempDirs, uniqueMarker, waitFor, type TempDirs} from './integration-helpers.js';
import {translator} from '../../src/render/i18n.js';
import {words} from '../words.js';

let t: TempDirs;
let marker: string;
beforeEach(() => {
  t = tempDirs();
  marker = uniqueMarker();
});
afterEach(() => t.cleanup());

const make = (steps: ReturnType<typeof step>[]) =>
  createEngine(scenario(steps, {dir: t.root, indexFile: join(t.root, 'index.json')}), {
    dirs: t,
    shell: 'pipe',
    env: {...plainEnv(process.env), KATARUN_TEST_ID: marker},
    outputBatchMs: 50,
  });

describe('engine actions (real bash)', () => {
  it('a zx foreground script runs in T1 with katarun\'s Node and zx, like a typed command', async () => {
    const fg = join(t.root, 'fg.mjs');
    writeFileSync(fg, "fs.writeFileSync(path.join(process.env.KATARUN_WORKSPACE, 'fg.txt'), `zx ${typeof $}`)\n");
    const engine = make([step(0, [exec(1, 'true')], {foreground: script(fg, 'foreground')})]);
    await engine.start();
    await engine.pageReady();
    expect(readFileSync(join(engine.workspace, 'root', 'fg.txt'), 'utf8')).toBe('zx function');
    await engine.dispose();
  });

  it('a challenge hint script is run with the seconds on the step as $1, and asked again after every hint was shown', async () => {
    const hintScript = join(t.root, 'hint.sh');
    writeFileSync(hintScript, 'if [ "$1" -lt 3600 ]; then echo "look at the file again ($1 s)"; fi\n');
    const engine = make([step(0, [exec(1, 'true')], {hints: [{text: 'first a plain hint', source: {file: 'x', line: 1}}, {text: '', source: {file: 'x', line: 2}, script: script(hintScript, 'hint')}]})]);
    await engine.start();
    const notices = () => engine.store.getSnapshot().notices.map((n) => words(n.message));
    expect(engine.revealHint()?.text).toBe('first a plain hint');
    // What to show while the script runs is a message for the UI to word (it was English from the engine).
    expect(engine.revealHint()).toMatchObject({text: '', asking: {code: 'hint.asking', params: {n: expect.any(Number)}}});
    expect(await waitFor(() => notices().some((m) => /^Hint: look at the file again \(\d+ s\)$/.test(m)))).toBe(true);
    // All hints shown: asking again re-runs the time-staged script rather than saying "no more".
    expect(engine.revealHint()?.script?.path).toBe(hintScript);
    expect(await waitFor(() => notices().filter((m) => m.startsWith('Hint: ')).length === 2)).toBe(true);
    await engine.dispose();
  });

  it('batches a flood of output into few store updates and a bounded tail', async () => {
    const engine = make([step(0, [exec(1, 'seq 1 30000')])]);
    await engine.start();
    let tailUpdates = 0;
    let last = engine.store.getSnapshot().terminals.T1;
    engine.store.subscribe(() => {
      const now = engine.store.getSnapshot().terminals.T1;
      if (now?.tail !== last?.tail) tailUpdates++;
      last = now;
    });
    await engine.runAction(1);
    const term = engine.store.getSnapshot().terminals.T1!;
    expect(term.tail.length).toBeLessThanOrEqual(200);
    expect(term.tail.at(-1)).toBe('30000');
    expect(term.lineCount).toBeGreaterThanOrEqual(30000);
    expect(tailUpdates).toBeLessThan(40);
    expect(engine.store.getSnapshot().steps[0]!.actions[0]).toMatchObject({status: 'passed', exitCode: 0});
    await engine.dispose();
  });

  it('maps HOST2 to a local T2 with a warning, resolves placeholders, returns copy text', async () => {
    const engine = make([
      step(0, [
        exec(1, 'echo [[HOST2_IP]] {{TRAFFIC_HOST1_8080}} > "$KATARUN_WORKSPACE/ip.txt"', {host: 'HOST2'}),
        {kind: 'copy', id: 2, text: 'curl [[HOST_IP]]', source: {file: 'x', line: 1}, context: 'body', block: false},
      ]),
    ]);
    await engine.start();
    await engine.runAction(1);
    expect(readFileSync(join(engine.workspace, 'root', 'ip.txt'), 'utf8')).toBe('127.0.0.1 http://localhost:8080\n');
    expect(engine.store.getSnapshot().terminals.T2?.started).toBe(true);
    expect(engine.store.getSnapshot().terminals.T1).toBeUndefined();
    expect(engine.store.getSnapshot().notices.some((n) => n.level === 'warning' && words(n.message).includes('HOST2'))).toBe(true);
    expect(await engine.runAction(2)).toEqual({copied: 'curl 127.0.0.1'});
    await engine.dispose();
  });

  it("katarun's own notices are codes the edges say in the UI language", async () => {
    const engine = make([step(0, [exec(1, 'true', {host: 'HOST2'}), {kind: 'copy', id: 2, text: 'open {{TRAFFIC_SELECTOR}}', source: {file: 'x', line: 1}, context: 'body', block: false}])]);
    await engine.start();
    await engine.runAction(1);
    await engine.runAction(2);
    const messages = engine.store.getSnapshot().notices.map((n) => words(n.message, translator('ru')));
    expect(messages).toContain('HOST2 в Katacoda — другая машина; здесь это локальный терминал (T2).');
    expect(messages.some((m) => m.startsWith('Этот шаг ссылается на выбор порта'))).toBe(true);
    await engine.dispose();
  });

  it('an interrupt action stops the running command first, then runs', async () => {
    const engine = make([step(0, [exec(1, 'echo $$ > pid.txt; while true; do sleep 0.1; done'), exec(2, 'echo after > after.txt', {interrupt: true})])]);
    await engine.start();
    const watcher = engine.runAction(1);
    expect(await waitFor(() => engine.store.getSnapshot().steps[0]!.actions[0]!.status === 'running')).toBe(true);
    // The loop is really running (bash has written its pid) before the interrupt comes.
    expect(await waitFor(() => existsSync(join(engine.workspace, 'root', 'pid.txt')))).toBe(true);
    await engine.runAction(2);
    await watcher;
    const actions = engine.store.getSnapshot().steps[0]!.actions;
    expect(actions[0]!.status).toBe('interrupted');
    expect(actions[1]).toMatchObject({status: 'passed', exitCode: 0});
    expect(readFileSync(join(engine.workspace, 'root', 'after.txt'), 'utf8')).toBe('after\n');
    await engine.dispose();
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0)).toBe(true);
  });
  it('an interrupt action sent right after the command it stops (Enter pressed twice quickly) stops it, never queues behind it', async () => {
    const engine = make([step(0, [exec(1, 'while true; do sleep 0.1; done'), exec(2, 'echo after > after.txt', {interrupt: true})])]);
    await engine.start();
    // No wait in between: the loop may not have reached the shell when the interrupt comes.
    const watcher = engine.runAction(1);
    const second = engine.runAction(2);
    let bound: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<'stuck'>((r) => (bound = setTimeout(() => r('stuck'), 20_000)));
    expect(await Promise.race([Promise.all([watcher, second]).then(() => 'done'), stuck]), JSON.stringify({actions: engine.store.getSnapshot().steps[0]!.actions, t1: engine.store.getSnapshot().terminals.T1})).toBe('done');
    clearTimeout(bound);
    const actions = engine.store.getSnapshot().steps[0]!.actions;
    expect(actions[0]!.status).toBe('interrupted');
    expect(actions[1]).toMatchObject({status: 'passed', exitCode: 0});
    await engine.dispose();
  });
});
