// The engine as the TUI drives it, over real bash: Enter runs the next command, the check
// starts by itself after the last one and gates `next`, output reaches the store in
// batches, progress is saved and resumed (with a re-check), dispose leaves nothing behind.
import {existsSync, readFileSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createEngine} from '../../src/engine/create-engine.js';
import type {EngineOptions} from '../../src/engine/engine-options.js';
import {progressFile} from '../../src/engine/dirs.js';
import {resumeInfo} from '../../src/engine/progress-store.js';
import {plainEnv} from '../../src/engine/script-env.js';
import type {EngineEvent} from '../../src/engine/types.js';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {fixture, processesWithEnv, tempDirs, uniqueMarker, waitFor, type TempDirs} from './integration-helpers.js';
import {words} from '../words.js';

let t: TempDirs;
let marker: string;
beforeEach(() => {
  t = tempDirs();
  marker = uniqueMarker();
});
afterEach(() => t.cleanup());

const opts = (extra: Partial<EngineOptions> = {}): EngineOptions => ({
  dirs: t,
  shell: 'pipe',
  env: {...plainEnv(process.env), KATARUN_TEST_ID: marker},
  outputBatchMs: 30,
  ...extra,
});

describe('engine (TUI flow)', () => {
  it('Enter runs each command, the check gates next, output is batched into the store, progress is saved and resumed', async () => {
    const scenario = await loadScenario(fixture('persist'), {});
    const engine = createEngine(scenario, opts());
    const events: EngineEvent[] = [];
    engine.onEvent((e) => events.push(e));
    let updates = 0;
    engine.store.subscribe(() => updates++);
    await engine.start();
    expect(engine.store.getSnapshot()).toMatchObject({phase: 'step', stepIndex: 0, setup: {status: 'passed'}});
    expect(engine.store.getSnapshot().setup.lines).toContain('preparing');
    expect(engine.next()).toEqual({ok: false, reason: {code: 'enter.refused'}, code: 'check-not-passed'});
    expect(await engine.enter()).toBe('ran');
    expect(await engine.enter()).toBe('ran');
    expect(await waitFor(() => engine.store.getSnapshot().steps[0]!.check.status === 'passed')).toBe(true);
    expect(engine.store.getSnapshot().steps[0]!.status).toBe('passed');
    expect(await engine.enter()).toBe('advanced');
    expect(engine.store.getSnapshot().stepIndex).toBe(1);
    expect(await engine.enter()).toBe('ran');
    // Step 2's command has finished: a third action-finished (step 1 ran two).
    expect(await waitFor(() => events.some((e) => e.type === 'action-finished' && e.step === 1), 15_000)).toBe(true);
    expect(events.filter((e) => e.type === 'action-finished')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'step-finished')).toHaveLength(1);
    expect(updates).toBeLessThan(200);
    expect(await waitFor(() => engine.store.getSnapshot().steps[1]!.check.status === 'passed')).toBe(true);
    await engine.dispose();
    expect(engine.store.getSnapshot().phase).toBe('closed');
    const saved = JSON.parse(readFileSync(progressFile(t, scenario.id), 'utf8')) as {currentStep: number; steps: {status: string}[]};
    expect(saved.currentStep).toBe(1);
    expect(saved.steps.map((s) => s.status).slice(0, 2)).toEqual(['passed', 'passed']);
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0)).toBe(true);

    // Resume at step 2: step 1's check is run again before it counts. The shell's export was
    // saved with the progress and restored into the new T1, so it passes again.
    expect(await resumeInfo(scenario, t)).toMatchObject({step: 1});
    const again = createEngine(scenario, opts());
    await again.start(1);
    const s = again.store.getSnapshot();
    expect(s.stepIndex).toBe(1);
    expect(s.steps[0]).toMatchObject({status: 'passed', resumed: true});
    expect(s.notices.some((n) => n.level === 'warning' && words(n.message).includes('Step 1'))).toBe(false);
    await again.dispose();
  });

  it('a corrupt progress file is set aside with a warning, never fatal', async () => {
    const scenario = await loadScenario(fixture('flow'), {});
    const {mkdirSync, writeFileSync, readdirSync} = await import('node:fs');
    const file = progressFile(t, scenario.id);
    mkdirSync(`${t.state}/progress`, {recursive: true});
    writeFileSync(file, 'not json');
    const engine = createEngine(scenario, opts());
    await engine.start();
    expect(engine.store.getSnapshot().notices.some((n) => n.level === 'warning' && words(n.message).includes('moved'))).toBe(true);
    expect(readdirSync(`${t.state}/progress`).some((f) => f.includes('.corrupt-'))).toBe(true);
    await engine.dispose();
    expect(existsSync(file)).toBe(true);
  });
});
