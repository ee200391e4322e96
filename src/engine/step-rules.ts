// The rules of one step, in one place: which action Enter runs next (file writes included),
// whether the learner may leave and why not (a reason code), whether the step is done, and
// its verdict in a summary. Pure functions of the scenario's step and its state: the engine,
// the TUI's controllers and marker, and the headless runner all ask here, never re-derive.

import {message, type Message} from '../render/i18n.js';
import type {Action, Step} from '../scenario/model.js';
import {firstUnanswered} from './quiz-answer.js';
import type {ActionStatus, StepState} from './types.js';

/** Why the learner may not leave the step yet. */
export type LeaveRefusal = 'quiz-open' | 'check-not-passed';

/** A refusal as the message the edges say. */
export const REFUSAL_MESSAGES: Readonly<Record<LeaveRefusal | 'not-on-step' | 'first-step', Message>> = {
  'quiz-open': message('quiz.refused'),
  'check-not-passed': message('enter.refused'),
  'not-on-step': message('engine.notOnStep'),
  'first-step': message('prev.first'),
};

export type LeaveVerdict = {readonly ok: true} | {readonly ok: false; readonly reason: LeaveRefusal};

/** What Enter does on a step. */
export type EnterPlan =
  | {readonly kind: 'run'; readonly action: Action}
  | {readonly kind: 'quiz'; readonly question: number}
  | {readonly kind: 'leave'}
  | {readonly kind: 'refused'; readonly reason: LeaveRefusal};

/** What a learner pressing Enter would run: commands and file writes of the page's body, in document order. Hints and solutions are theirs to choose. */
export function learnerActions(step: Step): Action[] {
  return step.actions.filter((a) => (a.kind === 'exec' || a.kind === 'file') && a.context === 'body');
}

export function actionStatus(st: StepState, id: number): ActionStatus {
  return st.actions.find((a) => a.id === id)?.status ?? 'idle';
}

const unfinished = (s: ActionStatus) => s === 'idle' || s === 'queued' || s === 'running';

/** The next action Enter runs (the `›` marker): the first learner action not yet started. */
export function nextAction(step: Step, st: StepState): Action | undefined {
  return learnerActions(step).find((a) => actionStatus(st, a.id) === 'idle');
}

/** Every learner action has run to its end (so the check may start by itself). */
export function allActionsRan(step: Step, st: StepState): boolean {
  return learnerActions(step).every((a) => !unfinished(actionStatus(st, a.id)));
}

export function mayLeave(step: Step, st: StepState): LeaveVerdict {
  if (st.status === 'passed') return {ok: true};
  if (firstUnanswered(step, st) >= 0) return {ok: false, reason: 'quiz-open'};
  if (step.check && st.check.status !== 'passed') return {ok: false, reason: 'check-not-passed'};
  return {ok: true};
}

/** Done: nothing stands in the way of leaving, and a check, when there is one, passed. */
export function isDone(step: Step, st: StepState): boolean {
  return st.status === 'passed' || mayLeave(step, st).ok;
}

export function enterPlan(step: Step, st: StepState): EnterPlan {
  const action = nextAction(step, st);
  if (action) return {kind: 'run', action};
  const question = st.status === 'passed' ? -1 : firstUnanswered(step, st);
  if (question >= 0) return {kind: 'quiz', question};
  const leave = mayLeave(step, st);
  return leave.ok ? {kind: 'leave'} : {kind: 'refused', reason: leave.reason};
}

/**
 * The verdict of a step the learner leaves: with a check, the check decides (it passed, or
 * leaving was refused); without one, the step stands or falls with its commands, as headless
 * decides it — a command that failed or timed out fails the step.
 */
export function leaveVerdict(step: Step, st: StepState): 'passed' | 'failed' {
  if (step.check) return 'passed';
  const bad = step.actions.some((a) => {
    const s = actionStatus(st, a.id);
    return a.kind === 'exec' && (s === 'failed' || s === 'timed-out');
  });
  return bad ? 'failed' : 'passed';
}
