// The UI's own state (not the engine's): which overlay is open, the transient message line,
// the armed second Ctrl-C, the shell drop-in, the picker cursor, the open quiz prompt. A pure reducer.

import type {Overlay} from './keymap.js';

export interface UiMessage {
  readonly text: string;
  readonly level: 'info' | 'warning' | 'error';
}

/** The quiz prompt: which question of which step, and what the learner has chosen or typed so far. */
export interface QuizPrompt {
  readonly step: number;
  /** Index into the step's quizzes. */
  readonly question: number;
  /** The highlighted option (choice questions). */
  readonly cursor: number;
  readonly selected: readonly number[];
  readonly text: string;
  /** The line under the question: the last answer was wrong, the previous question was right, or what to do. */
  readonly verdict?: 'wrong' | 'right' | 'choose' | 'type';
}

export interface UiState {
  readonly overlay: Overlay;
  readonly message?: UiMessage;
  readonly ctrlCArmed: boolean;
  /** The terminal belongs to the shell (s … Ctrl-]). */
  readonly dropped: boolean;
  /** Waiting for the engine to be created or started. */
  readonly starting: boolean;
  readonly pickerIndex: number;
  /** The kind cluster the open confirm-cluster (or confirm-foreign-cluster) dialog asks about. */
  readonly cluster?: string;
  /** The prompt while the overlay is `quiz`; after Esc, the draft left behind. */
  readonly quiz?: QuizPrompt;
}

export type UiEvent =
  | {readonly type: 'overlay'; readonly overlay: Overlay}
  | {readonly type: 'message'; readonly message?: UiMessage}
  | {readonly type: 'arm-ctrl-c'; readonly armed: boolean}
  | {readonly type: 'dropped'; readonly dropped: boolean}
  | {readonly type: 'starting'; readonly starting: boolean}
  | {readonly type: 'picker-move'; readonly by: number; readonly count: number}
  | {readonly type: 'ask-cluster'; readonly cluster: string; readonly overlay?: 'confirm-cluster' | 'confirm-foreign-cluster'}
  | {readonly type: 'quiz'; readonly quiz?: QuizPrompt};

export const initialUiState: UiState = {overlay: 'none', ctrlCArmed: false, dropped: false, starting: false, pickerIndex: 0};

export function uiReducer(state: UiState, event: UiEvent): UiState {
  switch (event.type) {
    case 'overlay':
      return state.overlay === event.overlay ? state : {...state, overlay: event.overlay};
    case 'message':
      return state.message === event.message ? state : {...state, message: event.message};
    case 'arm-ctrl-c':
      return state.ctrlCArmed === event.armed ? state : {...state, ctrlCArmed: event.armed};
    case 'dropped':
      return {...state, dropped: event.dropped};
    case 'starting':
      return {...state, starting: event.starting};
    case 'quiz':
      // Closing keeps the draft (what was chosen or typed), so Enter reopens the question as it was left.
      if (event.quiz) return {...state, overlay: 'quiz', quiz: event.quiz};
      return {...state, overlay: state.overlay === 'quiz' ? 'none' : state.overlay};
    case 'ask-cluster':
      return {...state, overlay: event.overlay ?? 'confirm-cluster', cluster: event.cluster};
    case 'picker-move': {
      if (event.count === 0) return state;
      const pickerIndex = (state.pickerIndex + event.by + event.count) % event.count;
      return {...state, pickerIndex};
    }
  }
}
