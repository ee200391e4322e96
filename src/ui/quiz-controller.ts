// The quiz prompt's behaviour: opening it on the first open question of the step, the keys
// while it is open (choose, tick, type, erase), and submitting an answer to the engine.
// Plain TypeScript beside controller.ts, testable without rendering.

import type {Engine} from '../engine/types.js';
import {firstUnanswered} from '../engine/quiz-answer.js';
import {mayLeave} from '../engine/step-rules.js';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {Quiz} from '../scenario/model.js';
import type {Intent} from './keymap.js';
import type {QuizPrompt, UiEvent, UiMessage} from './ui-state.js';

export interface QuizDeps {
  readonly engine: Engine;
  readonly prompt: QuizPrompt | undefined;
  readonly dispatch: (event: UiEvent) => void;
  readonly say: (text: string, level?: UiMessage['level']) => void;
  readonly print: (text: string) => void;
  readonly t: Translate;
}

/** A typed answer longer than this is surely a paste gone wrong; the rest is dropped. */
const MAX_TEXT = 400;

const isChoice = (quiz: Quiz) => quiz.kind === 'single' || quiz.kind === 'multiple';

/**
 * Open the prompt on the step's first open question (with the draft left there by Esc, if any);
 * false when every question is answered.
 */
export function openQuiz(engine: Engine, dispatch: QuizDeps['dispatch'], draft?: QuizPrompt, verdict?: QuizPrompt['verdict']): boolean {
  const state = engine.store.getSnapshot();
  const step = engine.scenario.steps[state.stepIndex];
  const st = state.steps[state.stepIndex];
  if (state.phase !== 'step' || !step || !st) return false;
  const question = firstUnanswered(step, st);
  if (question < 0) return false;
  const kept = draft?.step === state.stepIndex && draft.question === question ? {cursor: draft.cursor, selected: draft.selected, text: draft.text} : {cursor: 0, selected: [], text: ''};
  dispatch({type: 'quiz', quiz: {step: state.stepIndex, question, ...kept, ...(verdict ? {verdict} : {})}});
  return true;
}

export function handleQuizIntent(intent: Intent, d: QuizDeps): void {
  const {engine, prompt, dispatch, t} = d;
  const state = engine.store.getSnapshot();
  const quiz = prompt && state.phase === 'step' && state.stepIndex === prompt.step ? engine.scenario.steps[prompt.step]?.quizzes[prompt.question] : undefined;
  if (!prompt || !quiz) return dispatch({type: 'quiz'});
  // Typing and Enter in one input (see keymap): the edited prompt is submitted at once.
  const submitNow = intent.type === 'quiz-input' && intent.submit === true;
  const set = (patch: Partial<QuizPrompt>) => {
    const {verdict: _old, ...rest} = prompt;
    const next = {...rest, ...patch};
    if (submitNow && patch.verdict === undefined) return submit(d, next, quiz);
    dispatch({type: 'quiz', quiz: next});
  };
  const count = quiz.options.length;
  /** Choosing option i (single) or ticking/unticking it (multiple), from a given prompt. */
  const chosen = (from: QuizPrompt, i: number): Partial<QuizPrompt> => {
    if (quiz.kind === 'single') return {cursor: i, selected: [i]};
    const selected = from.selected.includes(i) ? from.selected.filter((x) => x !== i) : [...from.selected, i].sort((a, b) => a - b);
    return {cursor: i, selected};
  };
  switch (intent.type) {
    case 'quiz-close':
      dispatch({type: 'quiz'});
      return d.say(t('quiz.closed'));
    case 'quiz-clear':
      return set(isChoice(quiz) ? {selected: []} : {text: ''});
    case 'quiz-backspace':
      if (!isChoice(quiz)) set({text: Array.from(prompt.text).slice(0, -1).join('')});
      return;
    case 'quiz-move': {
      if (!isChoice(quiz) || count === 0) return;
      const cursor = (prompt.cursor + intent.by + count) % count;
      // Single choice behaves like radio buttons: moving chooses.
      return set(quiz.kind === 'single' ? {cursor, selected: [cursor]} : {cursor});
    }
    case 'quiz-input': {
      if (!isChoice(quiz)) return set({text: Array.from(prompt.text + intent.text).slice(0, MAX_TEXT).join('')});
      // Keys that came in one read ("23", or "2" with Enter) each count, in order.
      let next: QuizPrompt = prompt;
      for (const ch of Array.from(intent.text)) {
        const n = ch === ' ' ? next.cursor : /^[1-9]$/.test(ch) ? Number(ch) - 1 : -1;
        if (n < 0 || n >= count) return set({verdict: 'choose'});
        next = {...next, ...chosen(next, n)};
      }
      return set({cursor: next.cursor, selected: next.selected});
    }
    case 'quiz-submit':
      return submit(d, prompt, quiz);
    default:
      return;
  }
}

function submit(d: QuizDeps, prompt: QuizPrompt, quiz: Quiz): void {
  const {engine, dispatch, t} = d;
  const choice = isChoice(quiz);
  // Nothing chosen or typed yet is a slip, not an answer (unless "none of them" is the right one).
  const empty = choice ? prompt.selected.length === 0 && (quiz.kind === 'single' || quiz.correct.length > 0) : prompt.text.trim() === '';
  if (empty) {
    return dispatch({type: 'quiz', quiz: {...prompt, verdict: choice ? 'choose' : 'type'}});
  }
  const result = engine.answerQuiz(prompt.question, choice ? prompt.selected : prompt.text);
  if (result.reason) {
    dispatch({type: 'quiz'});
    return d.say(t(result.reason), 'warning');
  }
  // Wrong: say so and keep what was typed or chosen, so a typo can be fixed; never show the answer.
  if (!result.correct) return dispatch({type: 'quiz', quiz: {...prompt, verdict: 'wrong'}});
  const answer = choice ? prompt.selected.map((i) => quiz.options[i] ?? '').join(', ') : prompt.text.trim();
  d.print(sanitizeText(t('quiz.answered', {id: quiz.id, question: quiz.question, answer})));
  if (openQuiz(engine, dispatch, undefined, 'right')) return;
  dispatch({type: 'quiz'});
  const state = engine.store.getSnapshot();
  const st = state.steps[state.stepIndex];
  const step = engine.scenario.steps[state.stepIndex];
  // The engine's step rules say whether Enter leaves now (the check may still be running).
  const canGo = !!step && !!st && mayLeave(step, st).ok;
  d.say(t(canGo ? 'quiz.doneNext' : 'quiz.doneCheck'));
}
