import {mkdtemp, readdir, readFile, rm, writeFile, mkdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loadProgress, progressFromState, resumeInfo, saveProgress} from '../../src/engine/progress-store.js';
import {initialState, reduce} from '../../src/engine/reducer.js';
import type {EngineDirs} from '../../src/engine/dirs.js';
import {scenario, step} from './model-fixtures.js';

let root: string;
let dirs: EngineDirs;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'katarun-progress-'));
  dirs = {state: join(root, 'state'), data: join(root, 'data'), cache: join(root, 'cache')};
});
afterEach(() => rm(root, {recursive: true, force: true}));

const sc = scenario([step(0), step(1), step(2)]);

describe('progress store', () => {
  it('saves atomically and reads back; resumeInfo offers the step only for the same content', async () => {
    let s = reduce(initialState(sc, 0), {type: 'enter-step', step: 0, at: 1});
    s = reduce(s, {type: 'step-status', step: 0, status: 'passed', at: 5});
    s = reduce(s, {type: 'enter-step', step: 1, at: 6});
    await saveProgress(dirs, progressFromState(sc, s, 42));
    const files = await readdir(join(dirs.state, 'progress'));
    expect(files).toEqual(['unit.json']);
    const loaded = await loadProgress(dirs, 'unit');
    expect(loaded.kind).toBe('ok');
    if (loaded.kind === 'ok') expect(loaded.progress).toMatchObject({currentStep: 1, contentHash: 'hash-1', steps: [{status: 'passed'}, {status: 'active'}, {status: 'pending'}]});
    expect(await resumeInfo(sc, dirs)).toEqual({step: 1, savedAt: 42});
    expect(await resumeInfo({...sc, contentHash: 'changed'}, dirs)).toBeUndefined();
  });

  it('sets a corrupt file aside and reports it, without throwing', async () => {
    await mkdir(join(dirs.state, 'progress'), {recursive: true});
    await writeFile(join(dirs.state, 'progress', 'unit.json'), '{"version": 1, "id": ');
    expect(await resumeInfo(sc, dirs)).toBeUndefined();
    const r = await loadProgress(dirs, 'unit', () => 777);
    expect(r).toMatchObject({kind: 'corrupt', reason: {code: 'progress.badJson'}});
    const files = await readdir(join(dirs.state, 'progress'));
    expect(files).toEqual(['unit.json.corrupt-777']);
    expect(await readFile(join(dirs.state, 'progress', files[0]!), 'utf8')).toContain('"version"');
    expect((await loadProgress(dirs, 'unit')).kind).toBe('none');
  });

  it('a fractional currentStep (1.5) or a malformed terminal snapshot is corrupt, not "step 2.5/3"', async () => {
    await mkdir(join(dirs.state, 'progress'), {recursive: true});
    const good = progressFromState(sc, reduce(initialState(sc, 0), {type: 'enter-step', step: 1, at: 1}), 9);
    await writeFile(join(dirs.state, 'progress', 'unit.json'), JSON.stringify({...good, currentStep: 1.5}));
    expect(await resumeInfo(sc, dirs)).toBeUndefined();
    expect(await loadProgress(dirs, 'unit', () => 1)).toMatchObject({kind: 'corrupt', reason: {code: 'progress.badShape'}});
    await writeFile(join(dirs.state, 'progress', 'unit.json'), JSON.stringify({...good, terminals: {T1: {env: {A: 1}}}}));
    expect(await loadProgress(dirs, 'unit', () => 2)).toMatchObject({kind: 'corrupt'});
    await writeFile(join(dirs.state, 'progress', 'unit.json'), JSON.stringify({...good, terminals: {T1: {env: {A: '1'}, cwd: '/w/demo'}}}));
    expect(await loadProgress(dirs, 'unit', () => 3)).toMatchObject({kind: 'ok', progress: {terminals: {T1: {env: {A: '1'}, cwd: '/w/demo'}}}});
  });
});
