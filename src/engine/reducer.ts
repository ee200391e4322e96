// Every change to EngineState goes through `reduce`: a pure function of the state and a
// message, so the state machine (intro → setup → steps → finish → closed) is unit-tested
// without shells, timers or files.

import type {Scenario} from '../scenario/model.js';
import type {Text} from '../render/i18n.js';
import type {ActionState, CheckState, EngineState, Notice, Phase, SetupState, StepState, StepStatus, TerminalState} from './types.js';

export const MAX_NOTICES = 50;
export const MAX_SETUP_LINES = 200;
export const SETUP_HEAD_LINES = 10;

export type EngineMsg =
  | {readonly type: 'phase'; readonly phase: Phase}
  | {readonly type: 'enter-step'; readonly step: number; readonly at: number}
  | {readonly type: 'leave-step'; readonly at: number}
  | {readonly type: 'action'; readonly step: number; readonly id: number; readonly patch: Partial<Omit<ActionState, 'id'>>}
  | {readonly type: 'check'; readonly step: number; readonly patch: Partial<CheckState>}
  | {readonly type: 'step-status'; readonly step: number; readonly status: StepStatus; readonly at: number; readonly resumed?: boolean}
  | {readonly type: 'hint-shown'; readonly step: number}
  | {readonly type: 'solution-shown'; readonly step: number}
  | {readonly type: 'quiz-answered'; readonly step: number; readonly question: number}
  | {readonly type: 'terminal'; readonly id: string; readonly patch: Partial<TerminalState>}
  | {readonly type: 'setup'; readonly patch: Partial<Omit<SetupState, 'lines'>>; readonly lines?: readonly Text[]}
  | {readonly type: 'notice'; readonly notice: Notice}
  /** An earlier step no longer passes (resume's re-check); without `step`, the offer is taken or gone. */
  | {readonly type: 'revisit'; readonly step?: number};

export function initialState(scenario: Scenario, now: number): EngineState {
  return {
    phase: 'intro',
    stepIndex: 0,
    steps: scenario.steps.map((step): StepState => ({
      index: step.index,
      status: 'pending',
      elapsedMs: 0,
      actions: step.actions.map((a) => ({id: a.id, status: 'idle'})),
      check: {status: step.check ? 'idle' : 'none', attempts: 0, feedback: [], lastOutput: []},
      hintsShown: 0,
      solutionShown: false,
      quizAnswered: step.quizzes.map(() => false),
    })),
    terminals: {},
    setup: {status: 'idle', lines: [], head: [], total: 0},
    notices: [],
    startedAt: now,
  };
}

const patchStep = (s: EngineState, i: number, f: (st: StepState) => StepState): EngineState => {
  const cur = s.steps[i];
  if (!cur) return s;
  const steps = s.steps.slice();
  steps[i] = f(cur);
  return {...s, steps};
};

/** Time on the step: what was banked on earlier visits plus the current visit. */
export function stepElapsed(st: StepState, now: number): number {
  return st.elapsedMs + (st.enteredAt !== undefined && st.finishedAt === undefined ? now - st.enteredAt : 0);
}

function bank(st: StepState, at: number): StepState {
  if (st.enteredAt === undefined) return st;
  const {enteredAt, ...rest} = st;
  return {...rest, elapsedMs: st.elapsedMs + Math.max(0, at - enteredAt)};
}

export function reduce(s: EngineState, m: EngineMsg): EngineState {
  switch (m.type) {
    case 'phase':
      return s.phase === m.phase ? s : {...s, phase: m.phase};
    case 'enter-step': {
      const left = s.phase === 'step' && s.stepIndex !== m.step ? patchStep(s, s.stepIndex, (st) => bank(st, m.at)) : s;
      const entered = patchStep(left, m.step, (st) => {
        const open = st.status === 'pending' || st.status === 'not-run';
        return {
          ...st,
          status: open ? 'active' : st.status,
          startedAt: st.startedAt ?? m.at,
          enteredAt: st.finishedAt === undefined ? (st.enteredAt ?? m.at) : undefined,
        };
      });
      return {...entered, phase: 'step', stepIndex: m.step};
    }
    case 'leave-step':
      return s.phase === 'step' ? patchStep(s, s.stepIndex, (st) => bank(st, m.at)) : s;
    case 'action':
      return patchStep(s, m.step, (st) => ({...st, actions: st.actions.map((a) => (a.id === m.id ? {...a, ...m.patch} : a))}));
    case 'check':
      return patchStep(s, m.step, (st) => ({...st, check: {...st.check, ...m.patch}}));
    case 'step-status':
      return patchStep(s, m.step, (st) => {
        const done = m.status === 'passed' || m.status === 'failed';
        const banked = done ? bank(st, m.at) : st;
        return {
          ...banked,
          status: m.status,
          ...(done ? {finishedAt: m.at} : {}),
          ...(m.resumed !== undefined ? {resumed: m.resumed} : {}),
        };
      });
    case 'hint-shown':
      return patchStep(s, m.step, (st) => ({...st, hintsShown: st.hintsShown + 1}));
    case 'solution-shown':
      return patchStep(s, m.step, (st) => (st.solutionShown ? st : {...st, solutionShown: true}));
    case 'quiz-answered':
      return patchStep(s, m.step, (st) => {
        if (st.quizAnswered[m.question] !== false) return st;
        const quizAnswered = st.quizAnswered.slice();
        quizAnswered[m.question] = true;
        return {...st, quizAnswered};
      });
    case 'terminal': {
      const cur: TerminalState = s.terminals[m.id] ?? {id: m.id as TerminalState['id'], started: false, tail: [], lineCount: 0};
      return {...s, terminals: {...s.terminals, [m.id]: {...cur, ...m.patch}}};
    }
    case 'setup': {
      if (!m.lines?.length) return {...s, setup: {...s.setup, ...m.patch}};
      const lines = [...s.setup.lines, ...m.lines].slice(-MAX_SETUP_LINES);
      const head = s.setup.head.length < SETUP_HEAD_LINES ? [...s.setup.head, ...m.lines].slice(0, SETUP_HEAD_LINES) : s.setup.head;
      return {...s, setup: {...s.setup, ...m.patch, lines, head, total: s.setup.total + m.lines.length}};
    }
    case 'notice':
      return {...s, notices: [...s.notices, m.notice].slice(-MAX_NOTICES)};
    case 'revisit': {
      if (m.step !== undefined) return {...s, revisit: m.step};
      const {revisit: _gone, ...rest} = s;
      return rest;
    }
  }
}
