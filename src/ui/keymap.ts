// The key contract (README and the help overlay describe the same): which key means what on
// which screen. Pure, so the whole contract is testable without a terminal.

export type Screen = 'picker' | 'intro' | 'setup' | 'step' | 'finish';
export type Overlay = 'none' | 'help' | 'confirm-quit' | 'confirm-solution' | 'confirm-cluster';

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
  | {readonly type: 'quit'}
  | {readonly type: 'ctrl-c'}
  | {readonly type: 'help'}
  | {readonly type: 'close'}
  | {readonly type: 'yes'}
  | {readonly type: 'no'}
  | {readonly type: 'up'}
  | {readonly type: 'down'}
  | {readonly type: 'start-over'};

/** The parts of Ink's Key we read. */
export interface KeyInfo {
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
}

export function keyToIntent(input: string, key: KeyInfo, screen: Screen, overlay: Overlay): Intent | undefined {
  if (key.ctrl && input === 'c') return {type: 'ctrl-c'};
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
  if (input === 'p' || key.leftArrow) return {type: 'prev'};
  if (screen === 'finish') return undefined;
  if (/^[1-9]$/.test(input)) return {type: 'action', id: Number(input)};
  if (input === 'c') return {type: 'copy-next'};
  if (input === 'n' || key.rightArrow) return {type: 'next'};
  if (input === 's') return {type: 'shell'};
  if (input === 'h') return {type: 'hint'};
  if (input === 'a') return {type: 'solution'};
  if (input === 'r') return {type: 'recheck'};
  return undefined;
}
