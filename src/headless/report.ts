// The result of a headless run, as every reporter sees it: plain data, JSON-safe.

export type StepOutcome = 'passed' | 'failed' | 'not-run' | 'skipped';

export interface CommandReport {
  readonly text: string;
  readonly terminal: string;
  /** null: it had not ended when the step did (keptRunning). */
  readonly exitCode: number | null;
  readonly durationMs: number;
  /** Stopped on purpose (a watcher before an `interrupt` action). */
  readonly interrupted: boolean;
  readonly timedOut: boolean;
  /** It was still running when the step ended (left running while another terminal was used) and was stopped then. */
  readonly stoppedAtEnd?: boolean;
  /**
   * Still running when the step ended, and kept running into the next steps as on Katacoda: a
   * server (it listened on a TCP port) or a program waiting for typed input (a REPL). Stopped on
   * purpose (Ctrl-C, then harder) when an action next used its terminal, or at the scenario's end.
   */
  readonly keptRunning?: 'server' | 'input';
  /** Stopped on purpose as a learner does: a pager quit with `q` once it waited, an editor the step only opened closed at its end without saving. */
  readonly quit?: 'pager' | 'editor';
}

/** A command that counts against its step: it timed out, or it ended by itself with a non-zero status. */
export function commandFailed(c: CommandReport): boolean {
  return c.timedOut || (!c.interrupted && c.keptRunning === undefined && c.exitCode !== 0);
}

/** A quiz question of the step: nobody can answer headless, so the scenario's answer key does. */
export interface QuizReport {
  readonly id: string;
  readonly question: string;
  readonly kind: 'exact' | 'contains' | 'single' | 'multiple';
  /** The answer given, as text (chosen options joined by ", "). */
  readonly answer: string;
  readonly answeredBy: 'answer-key';
  readonly correct: boolean;
}

/** Why a step failed, when katarun (not the scenario's check) words it — so a reporter can say it in its language. */
export type FailureReason =
  | {readonly kind: 'check-timeout'; readonly attempts: number; readonly exitCode: number | null}
  | {readonly kind: 'command-failed'; readonly command: string; readonly exitCode: number}
  | {readonly kind: 'command-timed-out'; readonly command: string};

/** Something a passing step did that a reader should still see (`--strict` fails the step for it). */
export type StepWarning = {readonly kind: 'commands-failed'; readonly commands: readonly {readonly command: string; readonly exitCode: number}[]};

/** A page's background or foreground script that ended with a non-zero status (or timed out: exitCode null). */
export interface ScriptReport {
  /** `intro`, `step2`, `finish`. */
  readonly page: string;
  readonly role: 'background' | 'foreground';
  readonly exitCode: number | null;
  /** The last lines it printed. */
  readonly output: readonly string[];
}

export interface StepReport {
  /** 1-based, as the learner counts. */
  readonly number: number;
  readonly title: string;
  readonly status: StepOutcome;
  readonly durationMs: number;
  readonly commands: readonly CommandReport[];
  readonly check?: {readonly attempts: number; readonly passed: boolean; readonly timedOut: boolean};
  /** Why it failed, in one line. */
  readonly message?: string;
  /** The same, structured, when the words are katarun's. */
  readonly reason?: FailureReason;
  /** The step's quiz questions and the answers given (absent when it has none). */
  readonly quizzes?: readonly QuizReport[];
  /** The check's `FAIL:` lines. */
  readonly feedback: readonly string[];
  readonly expected?: string;
  readonly actual?: string;
  /** The last lines of output that explain the result (bounded to ~40). */
  readonly output: readonly string[];
  /** Its solution ran (a step with nothing a learner would run, or --solve): a pass is "passed by its solution". */
  readonly bySolution?: boolean;
  /** Where the step's markdown lives (for CI annotations). */
  readonly file?: string;
  /** The step passed on its check although some of its commands failed; `--strict` fails it. */
  readonly warnings?: readonly StepWarning[];
}

export interface HeadlessReport {
  readonly scenario: {readonly id: string; readonly title: string; readonly lang: string; readonly dir: string};
  readonly startedAt: string;
  readonly durationMs: number;
  readonly setup?: {readonly status: 'passed' | 'failed'; readonly output: readonly string[]};
  /** The machine lacked what the scenario needs (exit 3) or the scenario is invalid (exit 2): nothing ran. */
  readonly error?: {readonly kind: 'environment' | 'invalid'; readonly message: string; readonly details: readonly string[]};
  /** Page scripts (background, foreground) that failed; a warning unless `--strict`. */
  readonly scripts?: readonly ScriptReport[];
  readonly steps: readonly StepReport[];
  readonly summary: {readonly total: number; readonly passed: number; readonly failed: number; readonly notRun: number; readonly skipped: number};
  readonly interrupted: boolean;
  /** 0 all passed, 1 a step (or the setup) failed, 2 invalid scenario, 3 environment not ready, 130 interrupted. */
  readonly exitCode: 0 | 1 | 2 | 3 | 130;
  /** Raw logs of the run (terminals, background scripts, checks). */
  readonly logDir: string;
}

export function summarize(steps: readonly StepReport[]): HeadlessReport['summary'] {
  const count = (s: StepOutcome) => steps.filter((x) => x.status === s).length;
  return {total: steps.length, passed: count('passed'), failed: count('failed'), notRun: count('not-run'), skipped: count('skipped')};
}

/** Durations in reports are whole milliseconds (a float sum read `1.4980540000000246`). */
export const wholeMs = (ms: number): number => Math.max(0, Math.round(ms));

/**
 * What the machine-read reports (TAP, JUnit) say beside a step's verdict: that its solution,
 * not a learner's commands, made it pass, and which commands were still running at its end and
 * were stopped. English: these reports are data for CI, like the rest of their text.
 */
export function stepNotes(s: StepReport): string[] {
  const notes: string[] = [];
  if (s.bySolution && s.status === 'passed') notes.push('passed by its solution, not by the commands a learner runs');
  for (const c of s.commands.filter((x) => x.stoppedAtEnd)) notes.push(`\`${c.text.trim().split('\n')[0] ?? ''}\` (${c.terminal}) was still running at the end of the step and was stopped`);
  for (const c of s.commands.filter((x) => x.quit)) notes.push(`\`${c.text.trim().split('\n')[0] ?? ''}\` (${c.terminal}) ${c.quit === 'pager' ? 'waited in a pager and was quit with q' : 'left an editor open, closed at the end of the step without saving'}, as a learner does`);
  for (const c of s.commands.filter((x) => x.keptRunning)) {
    const what = c.keptRunning === 'server' ? 'a server (it listens on a TCP port)' : 'a program waiting for typed input';
    notes.push(`\`${c.text.trim().split('\n')[0] ?? ''}\` (${c.terminal}), ${what}, kept running into the next steps; stopped on purpose when its terminal was next used or at the end of the scenario`);
  }
  return notes;
}
