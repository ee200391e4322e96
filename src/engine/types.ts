// The engine's public contract: its state (read through the store) and its intents.
// The TUI and the headless runner depend on this file, not on the engine's insides.

import type {Message, Text} from '../render/i18n.js';
import type {Action, Hint, Scenario, TerminalId} from '../scenario/model.js';
import type {ShellSession} from '../shell/types.js';
import type {QuizAnswer} from './quiz-answer.js';
import type {Store} from './store.js';
import type {LeaveRefusal} from './step-rules.js';

export type ActionStatus = 'idle' | 'queued' | 'running' | 'passed' | 'failed' | 'interrupted' | 'timed-out' | 'done';

export interface ActionState {
  readonly id: number;
  readonly status: ActionStatus;
  readonly exitCode?: number;
  readonly durationMs?: number;
}

export type CheckStatus = 'none' | 'idle' | 'polling' | 'passed' | 'timed-out';

export interface CheckState {
  readonly status: CheckStatus;
  readonly attempts: number;
  /** `FAIL:` lines of the latest attempt, without the prefix. */
  readonly feedback: readonly string[];
  /** `EXPECTED:` / `ACTUAL:` lines of the latest attempt, when the check prints them. */
  readonly expected?: string;
  readonly actual?: string;
  /** The last lines of the latest attempt's output (bounded), for reports. */
  readonly lastOutput: readonly string[];
  readonly lastExitCode?: number | null;
  readonly startedAt?: number;
  readonly passedAt?: number;
}

export type StepStatus = 'pending' | 'active' | 'passed' | 'failed' | 'not-run';

export interface StepState {
  readonly index: number;
  readonly status: StepStatus;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** When the current visit began (unset while the step is not on screen or once finished); add `now - enteredAt` to elapsedMs for a live clock. */
  readonly enteredAt?: number;
  /** Time spent on the step so far (or in total once finished). */
  readonly elapsedMs: number;
  readonly actions: readonly ActionState[];
  readonly check: CheckState;
  readonly hintsShown: number;
  readonly solutionShown: boolean;
  /** One per quiz question of the step (in document order): answered right (saved with progress). */
  readonly quizAnswered: readonly boolean[];
  /** Passed in an earlier session; re-checked on resume before it counts. */
  readonly resumed?: boolean;
}

export interface TerminalState {
  readonly id: TerminalId;
  readonly started: boolean;
  /** The command that is running, if any. */
  readonly running?: {readonly command: string; readonly actionId?: number; readonly startedAt: number};
  /**
   * A command of katarun's waits because the terminal is not at its prompt (the learner runs
   * `busyWith` there); it can be cancelled (Engine.cancel) or the program stopped (interrupt).
   */
  readonly waiting?: {readonly command: string; readonly actionId?: number; readonly busyWith: string; readonly since: number};
  /** The bounded live tail of output, as it looks on the terminal. Updated in batches (50–100 ms). */
  readonly tail: readonly string[];
  /** Lines printed since the running (or last) command started. */
  readonly lineCount: number;
  /** The shell's folder after its last command, short: `~` for the workspace home, `~/demo` below it, else the full path. */
  readonly cwd?: string;
}

export interface Notice {
  readonly id: number;
  readonly level: 'info' | 'warning' | 'error';
  /** What happened, as a code the edges translate (a parameter may be a tool's own words). */
  readonly message: Message;
  readonly at: number;
}

export type Phase = 'intro' | 'setup' | 'step' | 'finish' | 'closed';

export interface SetupState {
  readonly status: 'idle' | 'running' | 'passed' | 'failed';
  /** Progress lines: katarun's as messages, the setup script's output as it printed it (the last ones, bounded). */
  readonly lines: readonly Text[];
  /** The first lines, kept when `lines` drops them: a failure's reason is often printed first. */
  readonly head: readonly Text[];
  /** How many lines there were in all. */
  readonly total: number;
}

/** A hint as `h` reveals it: a hint script still running has no text yet, only what to say meanwhile. */
export interface RevealedHint extends Hint {
  /** While the hint script runs (its answer comes as a notice): "asking the hint script, 42 s on this step…". */
  readonly asking?: Message;
}

export interface EngineState {
  readonly phase: Phase;
  /** The step on screen (0-based); meaningful in phase `step`. */
  readonly stepIndex: number;
  readonly steps: readonly StepState[];
  readonly terminals: Readonly<Record<string, TerminalState>>;
  readonly setup: SetupState;
  /** Recent notices, newest last (bounded). */
  readonly notices: readonly Notice[];
  readonly startedAt: number;
  /** An earlier step passed last time but its check fails now (resume): the learner is offered to go back (Engine.revisit). */
  readonly revisit?: number;
}

/** Things that happened, in order, for reporters and logs. */
export type EngineEvent =
  | {readonly type: 'step-started'; readonly step: number}
  | {readonly type: 'action-started'; readonly step: number; readonly action: Action; readonly command: string}
  | {readonly type: 'action-finished'; readonly step: number; readonly action: Action; readonly exitCode: number; readonly durationMs: number; readonly tail: readonly string[]}
  | {readonly type: 'check-attempt'; readonly step: number; readonly passed: boolean; readonly feedback: readonly string[]}
  | {readonly type: 'step-finished'; readonly step: number; readonly status: StepStatus; readonly durationMs: number}
  | {readonly type: 'notice'; readonly notice: Notice}
  /** A terminal's shell could not start (bwrap refused, say): nothing sent to it runs. Headless ends the run as an environment failure. */
  | {readonly type: 'terminal-failed'; readonly terminal: TerminalId; readonly error: Message}
  /**
   * A page's background or foreground script ended by itself (`page` is `intro`, `step3`,
   * `finish`); the reporters show the ones that failed. Scripts katarun stopped are not reported.
   */
  | {readonly type: 'script-ended'; readonly page: string; readonly role: 'background' | 'foreground'; readonly exitCode: number | null; readonly tail: readonly string[]};

export type NextResult = {readonly ok: true} | {readonly ok: false; readonly reason: Message; readonly code: LeaveRefusal | 'not-on-step' | 'first-step'};

export type {QuizAnswer};

/** `reason` says why an answer could not be taken at all (no such question, not on a step). */
export interface QuizResult {
  readonly correct: boolean;
  /** Every question of the step is answered right. */
  readonly done: boolean;
  readonly reason?: Message;
}

export interface Engine {
  readonly scenario: Scenario;
  readonly store: Store<EngineState>;
  /** Subscribe to events; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Leave the intro: prepare the workspace, run setup, enter step `from` (0 unless resuming). */
  start(from?: number): Promise<void>;
  /** Run action `id` of the current step (exec runs, copy returns the text to copy, file writes). */
  runAction(id: number): Promise<{readonly copied?: string}>;
  /**
   * Enter: run the next exec action not yet run; else, while a quiz question of the step is
   * unanswered, 'quiz' (the UI asks it; nothing else happens); else go to the next step when allowed.
   */
  enter(): Promise<'ran' | 'quiz' | 'advanced' | 'finished' | 'refused'>;
  /**
   * Answer quiz question `question` (0-based, among the current step's) — text, or chosen option
   * indexes. `correct` says whether it was right; `done` whether every question of the step is.
   */
  answerQuiz(question: number, answer: QuizAnswer): QuizResult;
  next(): NextResult;
  /** Go back to the earlier step that no longer passes (EngineState.revisit); false when there is none. */
  revisit(): boolean;
  prev(): NextResult;
  interrupt(terminal?: TerminalId): void;
  /** Cancel the actions waiting for a busy terminal (all terminals when none is named); false when none waited. */
  cancel(terminal?: TerminalId): boolean;
  /** Run the current step's check once now. */
  recheck(): Promise<void>;
  /** The next hint not yet shown, or undefined when all were shown. */
  revealHint(): RevealedHint | undefined;
  /** The solution: Katacoda `answer` markdown and/or the solution script's text. */
  solution(): {readonly markdown?: string; readonly script?: string} | undefined;
  /** The persistent shell behind a terminal, started on first use (for the `s` drop-in). */
  terminal(id?: TerminalId): Promise<ShellSession>;
  /** Resize every terminal (PTY) to the output pane. */
  resize(cols: number, rows: number): void;
  /** Save progress, stop checks, end every shell and background process. Idempotent. */
  dispose(): Promise<void>;
}
