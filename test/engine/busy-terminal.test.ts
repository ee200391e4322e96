// The engine over a real PTY: an action sent while the learner keeps T1 busy waits visibly,
// is never typed into that program, can be cancelled, and runs once the prompt is back; a
// REPL started by one action receives the next action's line.
import {spawnSync} from 'node:child_process';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createEngine} from '../../src/engine/create-engine.js';
import {plainEnv} from '../../src/engine/script-env.js';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {fixture, tempDirs, waitFor, type TempDirs} from './integration-helpers.js';

let ptyAvailable = true;
try {
  await import('@lydell/node-pty');
} catch {
  ptyAvailable = false;
}
const hasPython = spawnSync('python3', ['-c', '1']).status === 0;

let t: TempDirs;
beforeEach(() => {
  t = tempDirs();
});
afterEach(() => t.cleanup());

// The busy state comes from the PTY's prompt markers; without the addon there is no PTY to test.
describe.runIf(ptyAvailable)('engine: busy terminal (PTY)', () => {
  it('an action waits while the learner runs sleep in T1, says so, can be cancelled, and runs after Ctrl-C', async () => {
    const engine = createEngine(await loadScenario(fixture('busy'), {}), {dirs: t, shell: 'pty', env: plainEnv(process.env), outputBatchMs: 30});
    try {
      await engine.start();
      const t1 = await engine.terminal('T1');
      t1.write('sleep 30\r');
      expect(await waitFor(() => !t1.atPrompt, 3000)).toBe(true);
      const first = engine.runAction(1);
      expect(await waitFor(() => engine.store.getSnapshot().terminals.T1?.waiting?.busyWith === 'sleep 30', 5000)).toBe(true);
      expect(engine.cancel('T1')).toBe(true);
      await first;
      const st = () => engine.store.getSnapshot().steps[0]!.actions[0]!.status;
      expect(st()).toBe('idle');
      expect(engine.store.getSnapshot().terminals.T1?.waiting).toBeUndefined();
      // Enter again: it waits; Ctrl-C stops the learner's sleep and the action runs.
      const second = engine.enter();
      expect(await waitFor(() => engine.store.getSnapshot().terminals.T1?.waiting !== undefined, 5000)).toBe(true);
      engine.interrupt('T1');
      await second;
      expect(st()).toBe('passed');
      expect(engine.store.getSnapshot().terminals.T1?.tail.join('\n')).toContain('action-ran-42');
      expect(t1.screen()).not.toContain('__kc_d');
    } finally {
      await engine.dispose();
    }
  });

  it.runIf(hasPython)('a line for a REPL the previous action started goes to the REPL', async () => {
    // No sandbox: the host's python3 may live in a home the sandbox hides.
    const engine = createEngine(await loadScenario(fixture('busy'), {}), {dirs: t, shell: 'pty', sandbox: 'none', env: plainEnv(process.env), outputBatchMs: 30});
    try {
      await engine.start(1);
      const t1 = await engine.terminal('T1');
      void engine.runAction(1);
      expect(await waitFor(() => t1.foreground()?.readsTerminal === true, 8000)).toBe(true);
      await engine.runAction(2);
      expect(await waitFor(() => t1.screen().includes('42'), 5000)).toBe(true);
      await engine.runAction(3);
      expect(await waitFor(() => engine.store.getSnapshot().steps[1]!.actions[0]!.status === 'passed', 5000)).toBe(true);
      expect(await waitFor(() => t1.atPrompt, 5000)).toBe(true);
    } finally {
      await engine.dispose();
    }
  });
});
