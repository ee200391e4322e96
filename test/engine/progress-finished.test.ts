// A finished scenario's progress says so: the next open offers a review or a fresh start, never
// "continue at step 3/3" (and a one-step scenario, whose currentStep is 0, is offered it too).
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {progressFromState, resumeInfo, saveProgress} from '../../src/engine/progress-store.js';
import {initialState, reduce} from '../../src/engine/reducer.js';
import type {EngineDirs} from '../../src/engine/dirs.js';
import type {EngineState} from '../../src/engine/types.js';
import {scenario, step} from './model-fixtures.js';

let root: string;
let dirs: EngineDirs;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'katarun-finished-'));
  dirs = {state: join(root, 'state'), data: join(root, 'data'), cache: join(root, 'cache')};
});
afterEach(() => rm(root, {recursive: true, force: true}));

function passAll(sc: ReturnType<typeof scenario>): EngineState {
  let s = initialState(sc, 0);
  for (const st of sc.steps) {
    s = reduce(s, {type: 'enter-step', step: st.index, at: 1});
    s = reduce(s, {type: 'step-status', step: st.index, status: 'passed', at: 2});
  }
  return s;
}

describe('a finished scenario', () => {
  it('saved on the finish page: resumeInfo says finished', async () => {
    const sc = scenario([step(0), step(1), step(2)]);
    const done = reduce(passAll(sc), {type: 'phase', phase: 'finish'});
    const saved = progressFromState(sc, done, 7);
    expect(saved.finished).toBe(true);
    await saveProgress(dirs, saved);
    expect(await resumeInfo(sc, dirs)).toEqual({step: 2, savedAt: 7, finished: true});
  });

  it('every step passed (a file written before the flag existed) counts as finished; one failed step does not', async () => {
    const sc = scenario([step(0), step(1)]);
    await saveProgress(dirs, progressFromState(sc, passAll(sc), 8));
    expect(await resumeInfo(sc, dirs)).toMatchObject({finished: true});
    let open = passAll(sc);
    open = reduce(open, {type: 'step-status', step: 0, status: 'failed', at: 3});
    await saveProgress(dirs, progressFromState(sc, open, 9));
    expect(await resumeInfo(sc, dirs)).toEqual({step: 1, savedAt: 9});
  });

  it('a one-step scenario finished is offered too (its currentStep is 0)', async () => {
    const sc = scenario([step(0)]);
    await saveProgress(dirs, progressFromState(sc, reduce(passAll(sc), {type: 'phase', phase: 'finish'}), 5));
    expect(await resumeInfo(sc, dirs)).toEqual({step: 0, savedAt: 5, finished: true});
  });
});
