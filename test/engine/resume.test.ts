// Resume restores the shell: the exports and the folder of the last session come back into
// the new terminals before anything runs, so earlier steps re-check as passed and the next
// step's command works with Enter alone; a step that no longer passes is offered to revisit.
import {readFileSync, rmSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createEngine} from '../../src/engine/create-engine.js';
import {progressFile} from '../../src/engine/dirs.js';
import type {EngineOptions} from '../../src/engine/engine-options.js';
import {plainEnv} from '../../src/engine/script-env.js';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {fixture, tempDirs, waitFor, type TempDirs} from './integration-helpers.js';
import {words} from '../words.js';

let t: TempDirs;
beforeEach(() => {
  t = tempDirs();
});
afterEach(() => t.cleanup());

// No sandbox: the test removes a folder by its host path (the sandbox's own mapping is tested beside it).
const opts = (extra: Partial<EngineOptions> = {}): EngineOptions => ({dirs: t, shell: 'pipe', sandbox: 'none', env: plainEnv(process.env), outputBatchMs: 30, ...extra});

async function firstSession() {
  const scenario = await loadScenario(fixture('resume'), {});
  const engine = createEngine(scenario, opts());
  await engine.start();
  expect(await engine.enter()).toBe('ran');
  expect(await waitFor(() => engine.store.getSnapshot().steps[0]!.check.status === 'passed', 5000)).toBe(true);
  await waitFor(() => engine.store.getSnapshot().stepIndex === 1 || engine.next().ok, 2000);
  expect(engine.store.getSnapshot().stepIndex).toBe(1);
  await engine.dispose();
  return scenario;
}

describe('resume', () => {
  it('restores exported variables and the folder; step 1 re-checks as passed; step 2 passes with Enter alone', async () => {
    const scenario = await firstSession();
    const saved = JSON.parse(readFileSync(progressFile(t, scenario.id), 'utf8'));
    expect(saved.terminals.T1.env).toMatchObject({DEMO_NAME: 'katarun'});
    expect(saved.terminals.T1.cwd).toMatch(/\/demo$/);

    const again = createEngine(scenario, opts());
    try {
      await again.start(1);
      const s = again.store.getSnapshot();
      expect(s.steps[0]!.status).toBe('passed');
      expect(s.revisit).toBeUndefined();
      const restored = s.notices.map((n) => words(n.message)).find((m) => m.startsWith('T1 restored')) ?? '';
      expect(restored).toMatch(/^T1 restored from where you stopped: exported DEMO_NAME; folder \S*\/demo\. Functions, aliases/);
      expect(await again.enter()).toBe('ran');
      expect(await waitFor(() => again.store.getSnapshot().steps[1]!.check.status === 'passed', 5000)).toBe(true);
    } finally {
      await again.dispose();
    }
  });

  it('an earlier step that no longer passes is named and offered to go back to', async () => {
    const scenario = await firstSession();
    const again = createEngine(scenario, opts());
    try {
      // The folder the learner was in is gone: step 1's check fails now.
      const saved = JSON.parse(readFileSync(progressFile(t, scenario.id), 'utf8'));
      rmSync(saved.terminals.T1.cwd, {recursive: true, force: true});
      await again.start(1);
      expect(again.store.getSnapshot().revisit).toBe(0);
      expect(again.store.getSnapshot().notices.map((n) => words(n.message)).join('\n')).toContain('Step 1 passed last time, but its check does not pass now');
      expect(again.revisit()).toBe(true);
      expect(again.store.getSnapshot()).toMatchObject({stepIndex: 0});
      expect(again.store.getSnapshot().revisit).toBeUndefined();
    } finally {
      await again.dispose();
    }
  });
});
