// The one set of step rules the engine, the TUI and headless share.
import {describe, expect, test} from 'vitest';
import {initialState} from '../../src/engine/reducer.js';
import {enterPlan, leaveVerdict, mayLeave, nextAction} from '../../src/engine/step-rules.js';
import type {StepState} from '../../src/engine/types.js';
import type {Action, Step} from '../../src/scenario/model.js';
import {exec, scenario, step} from '../ui/scenario-builders.js';

const src = {file: '/s/step1.md', line: 3};
const file = (id: number, path: string): Action => ({id, kind: 'file', path, mode: 'replace', text: 'x=1\n', source: src, context: 'body', block: true});
const inHint = (a: Action): Action => ({...a, context: 'hint'});
const check = {script: {role: 'verify' as const, path: '/v', language: 'bash' as const, source: src}, timeoutMs: 1, intervalMs: 1, rule: 'exit' as const};

function stateOf(s: Step, patch: (st: StepState) => StepState = (x) => x): StepState {
  return patch(initialState(scenario([s]), 0).steps[0]!);
}
const withStatus = (st: StepState, id: number, status: StepState['actions'][number]['status']): StepState => ({
  ...st,
  actions: st.actions.map((a) => (a.id === id ? {...a, status} : a)),
});

describe('step rules', () => {
  test('a file write comes first when it stands first: Enter writes it, then runs the command that reads it', () => {
    const s = step(0, 'Write', 'text', [file(1, 'app.conf'), exec(2, 'cat app.conf')]);
    const st = stateOf(s);
    expect(nextAction(s, st)?.id).toBe(1);
    expect(enterPlan(s, st)).toMatchObject({kind: 'run', action: {id: 1}});
    expect(nextAction(s, withStatus(st, 1, 'done'))?.id).toBe(2);
  });

  test('an action inside a <details> hint is never the next one', () => {
    const s = step(0, 'Hinted', 'text', [inHint(exec(1, 'ls')), exec(2, 'pwd')]);
    expect(nextAction(s, stateOf(s))?.id).toBe(2);
    expect(enterPlan(s, withStatus(stateOf(s), 2, 'passed'))).toEqual({kind: 'leave'});
  });

  test('leaving: refused with a code while the check has not passed, allowed once it has', () => {
    const s = step(0, 'Checked', 'text', [exec(1, 'ls')], {check});
    const ran = withStatus(stateOf(s), 1, 'passed');
    expect(mayLeave(s, ran)).toEqual({ok: false, reason: 'check-not-passed'});
    expect(enterPlan(s, ran)).toEqual({kind: 'refused', reason: 'check-not-passed'});
    expect(mayLeave(s, {...ran, check: {...ran.check, status: 'passed'}})).toEqual({ok: true});
  });

  test('a step without a check whose command failed is failed in the summary, as headless says', () => {
    const s = step(0, 'Unchecked', 'text', [exec(1, 'false'), exec(2, 'true')]);
    expect(leaveVerdict(s, withStatus(withStatus(stateOf(s), 1, 'failed'), 2, 'passed'))).toBe('failed');
    expect(leaveVerdict(s, withStatus(withStatus(stateOf(s), 1, 'passed'), 2, 'passed'))).toBe('passed');
    expect(leaveVerdict(s, withStatus(stateOf(s), 1, 'interrupted'))).toBe('passed');
  });
});
