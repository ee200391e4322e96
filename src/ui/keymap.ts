// The key contract (README and the help overlay describe the same): which key means what on
// which screen. Pure, so the whole contract is testable without a terminal.

export type Screen = 'picker' | 'intro' | 'setup' | 'step' | 'finish';
export type Overlay = 'none' | 'help' | 'confirm-quit' | 'confirm-solution' | 'confirm-cluster' | 'confirm-foreign-cluster' | 'confirm-separate' | 'quiz';

export type Intent =
  | {readonly type: 'enter'}
  | {readonly type: 'action'; readonly id: number}
  | {readonly type: 'copy-next'}
  | {readonly type: 'next'}
  | {readonly type: 'prev'}
  | {readonly type: 'shell'}
  | {readonly type: 'hint'}
  | {readonly type: 'solution'}
  | {readonly type: 'recheck'}
  /** In a class (--join): raise or lower a hand. */
  | {readonly type: 'hand'}
  | {readonly type: 'quit'}
  | {readonly type: 'ctrl-c'}
  | {readonly type: 'help'}
  | {readonly type: 'close'}
  | {readonly type: 'yes'}
  | {readonly type: 'no'}
  | {readonly type: 'up'}
  | {readonly type: 'down'}
  | {readonly type: 'start-over'}
  /** Esc on a step: cancel the actions waiting for a busy terminal. */
  | {readonly type: 'cancel'}
  /** b on a step: go back to the earlier step that no longer passes. */
  | {readonly type: 'revisit'}
  // The quiz prompt owns the keyboard while open (only Ctrl-C keeps its meaning).
  /** `submit`: the key arrived together with Enter (fast typing, a paste, tmux send-keys). */
  | {readonly type: 'quiz-input'; readonly text: string; readonly submit?: boolean}
  | {readonly type: 'quiz-backspace'}
  | {readonly type: 'quiz-clear'}
  | {readonly type: 'quiz-move'; readonly by: -1 | 1}
  | {readonly type: 'quiz-submit'}
  | {readonly type: 'quiz-close'};

/** The parts of Ink's Key we read. */
export interface KeyInfo {
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly meta?: boolean;
  readonly tab?: boolean;
}

/** In the quiz prompt every key is the prompt's: q, n or ? are letters of an answer there. */
function quizKey(input: string, key: KeyInfo): Intent | undefined {
  if (key.escape) return {type: 'quiz-close'};
  if (key.return) return {type: 'quiz-submit'};
  // Terminals send Backspace as DEL (0x7f), which Ink names `delete`; there is no cursor to delete after.
  if (key.backspace || key.delete) return {type: 'quiz-backspace'};
  if (key.ctrl && input === 'u') return {type: 'quiz-clear'};
  if (key.upArrow || key.downArrow) return {type: 'quiz-move', by: key.upArrow ? -1 : 1};
  if (key.ctrl || key.meta || key.tab) return undefined;
  // Ink hands over "ready\r" as one input when it arrives in one read: the text, then Enter.
  const line = /^([^\r\n]*)[\r\n]/.exec(input);
  // eslint-disable-next-line no-control-regex
  const text = (line ? line[1]! : input).replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (line) return text ? {type: 'quiz-input', text, submit: true} : {type: 'quiz-submit'};
  return text ? {type: 'quiz-input', text} : undefined;
}

export function keyToIntent(input: string, key: KeyInfo, screen: Screen, overlay: Overlay): Intent | undefined {
  if (key.ctrl && input === 'c') return {type: 'ctrl-c'};
  if (overlay === 'quiz') return quizKey(input, key);
  if (overlay === 'help') return {type: 'close'};
  if (overlay !== 'none') {
    if (input === 'y' || input === 'Y' || key.return) return {type: 'yes'};
    if (input === 'n' || input === 'N' || key.escape || input === 'q') return {type: 'no'};
    return undefined;
  }
  if (input === '?') return {type: 'help'};
  if (input === 'q') return {type: 'quit'};
  if (screen === 'picker') {
    if (key.upArrow || input === 'k') return {type: 'up'};
    if (key.downArrow || input === 'j') return {type: 'down'};
    if (key.return) return {type: 'enter'};
    return undefined;
  }
  if (screen === 'intro') {
    if (key.return || input === 'c') return {type: 'enter'};
    if (input === 'o') return {type: 'start-over'};
    return undefined;
  }
  if (screen === 'setup') return undefined;
  if (key.return) return {type: 'enter'};
  if (key.escape && screen === 'step') return {type: 'cancel'};
  if (input === 'p' || key.leftArrow) return {type: 'prev'};
  if (screen === 'finish') return undefined;
  if (/^[1-9]$/.test(input)) return {type: 'action', id: Number(input)};
  if (input === 'c') return {type: 'copy-next'};
  if (input === 'n' || key.rightArrow) return {type: 'next'};
  if (input === 's') return {type: 'shell'};
  if (input === 'h') return {type: 'hint'};
  if (input === 'a') return {type: 'solution'};
  if (input === 'r') return {type: 'recheck'};
  if (input === 'b') return {type: 'revisit'};
  if (input === '!') return {type: 'hand'};
  return undefined;
}
