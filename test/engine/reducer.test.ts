import {describe, expect, it} from 'vitest';
import {initialState, reduce, stepElapsed, MAX_NOTICES} from '../../src/engine/reducer.js';
import {check, exec, scenario, step} from './model-fixtures.js';

const sc = scenario([step(0, [exec(1, 'a'), exec(2, 'b')]), step(1, [], {check: check('/v.sh')})]);

describe('engine reducer', () => {
  it('starts on the intro with one state per step, action and check', () => {
    const s = initialState(sc, 1000);
    expect(s.phase).toBe('intro');
    expect(s.steps.map((x) => x.check.status)).toEqual(['none', 'idle']);
    expect(s.steps[0]!.actions.map((a) => a.status)).toEqual(['idle', 'idle']);
  });

  it('banks time on a step when leaving it and counts a live visit', () => {
    let s = initialState(sc, 0);
    s = reduce(s, {type: 'enter-step', step: 0, at: 100});
    expect(s.steps[0]).toMatchObject({status: 'active', startedAt: 100, enteredAt: 100});
    expect(stepElapsed(s.steps[0]!, 350)).toBe(250);
    s = reduce(s, {type: 'enter-step', step: 1, at: 400});
    expect(s.steps[0]).toMatchObject({elapsedMs: 300});
    expect(s.steps[0]!.enteredAt).toBeUndefined();
    s = reduce(s, {type: 'step-status', step: 1, status: 'passed', at: 900});
    expect(s.steps[1]).toMatchObject({status: 'passed', finishedAt: 900, elapsedMs: 500});
    expect(s.stepIndex).toBe(1);
  });

  it('patches actions, checks, terminals and keeps notices and setup lines bounded', () => {
    let s = initialState(sc, 0);
    s = reduce(s, {type: 'action', step: 0, id: 2, patch: {status: 'running'}});
    expect(s.steps[0]!.actions[1]!.status).toBe('running');
    s = reduce(s, {type: 'check', step: 1, patch: {status: 'polling', attempts: 3}});
    expect(s.steps[1]!.check).toMatchObject({status: 'polling', attempts: 3, feedback: []});
    s = reduce(s, {type: 'terminal', id: 'T2', patch: {started: true}});
    expect(s.terminals.T2).toMatchObject({id: 'T2', started: true, tail: []});
    for (let i = 0; i < MAX_NOTICES + 5; i++) s = reduce(s, {type: 'notice', notice: {id: i, level: 'info', message: {code: 'notice.error', params: {message: `n${i}`}}, at: i}});
    expect(s.notices).toHaveLength(MAX_NOTICES);
    expect(s.notices.at(-1)!.message.params).toEqual({message: `n${MAX_NOTICES + 4}`});
  });

  it('returns the same state when nothing changes (so subscribers are not woken)', () => {
    const s = initialState(sc, 0);
    expect(reduce(s, {type: 'phase', phase: 'intro'})).toBe(s);
    expect(reduce(s, {type: 'check', step: 9, patch: {attempts: 1}})).toBe(s);
  });
});
