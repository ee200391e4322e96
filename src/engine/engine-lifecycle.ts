// The engine's lifecycle: start (workspace, environment, setup, intro scripts, resume),
// moving between steps (their scripts, their checks), the finish page, progress, dispose.

import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {errorParam, message, MessageError, type Message, type Text} from '../render/i18n.js';
import type {Diagnostic, Page, Scenario} from '../scenario/model.js';
import type {CommandResult, ProcessResult} from '../shell/types.js';
import {shq} from '../shell/bash-quote.js';
import {zxNodeArgs} from '../shell/zx-cli.js';
import type {BackgroundScripts} from './background-scripts.js';
import type {CheckController} from './check-controller.js';
import type {EngineDirs} from './dirs.js';
import {loadProgress, progressFromState, saveProgress, type SavedProgress} from './progress-store.js';
import type {EngineMsg} from './reducer.js';
import type {ShellPort} from './shell-port.js';
import type {WritableStore} from './store.js';
import type {TerminalPool} from './terminals.js';
import {answerable, firstUnanswered, isCorrect, quizzesDone, type QuizAnswer} from './quiz-answer.js';
import type {EngineEvent, EngineState, NextResult, QuizResult} from './types.js';
import {runBlockers} from './validate-run.js';
import {allActionsRan, leaveVerdict, mayLeave, REFUSAL_MESSAGES} from './step-rules.js';

import {prepareWorkspace, type PathMapper} from './workspace.js';

export interface LifecycleDeps {
  readonly scenario: Scenario;
  readonly dirs: EngineDirs;
  readonly workspace: string;
  readonly logDir: string;
  readonly map: PathMapper;
  readonly store: WritableStore<EngineState>;
  readonly dispatch: (msg: EngineMsg) => void;
  readonly emit: (e: EngineEvent) => void;
  readonly notice: (level: 'info' | 'warning' | 'error', message: Message) => void;
  readonly now: () => number;
  readonly terminals: TerminalPool;
  readonly background: BackgroundScripts;
  readonly checks: CheckController;
  readonly port: ShellPort;
  readonly shellEnv: () => Record<string, string>;
  readonly progress: boolean;
  readonly autoCheck: boolean;
  readonly freshWorkspace?: boolean;
  /** How long the scenario's setup script may run (`--setup-timeout`; default SETUP_TIMEOUT_MS). */
  readonly setupTimeoutMs?: number;
  /** Prepare the environment (cluster, guarded KUBECONFIG…); progress lines go to `log`. */
  readonly prepare: (log: (line: Text) => void) => Promise<void>;
}


export class ScenarioInvalidError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'ScenarioInvalidError';
  }
}

/** The scenario's setup script is stopped (and fails) after this long unless told otherwise. */
export const SETUP_TIMEOUT_MS = 30 * 60_000;

/**
 * How long a page's actions wait for its background scripts (and the intro's) to end: a learner
 * reads the page while they run, so on Katacoda a quick one (git init and a few commits) is done
 * before the first command is typed. One that runs longer (a server, a cluster coming up) is left
 * running in the background after this.
 */
export const BACKGROUND_READING_MS = 15_000;

export class EngineLifecycle {
  private started: Promise<void> | undefined;
  /** The foreground script of each page that has one, and the page on screen. */
  private readonly ready = new Map<string, Promise<void>>();
  /** The background script of each page that has one: ended, or read past (BACKGROUND_READING_MS). */
  private readonly readBackground = new Map<string, Promise<void>>();
  private pageKey = 'intro';
  private saving: Promise<void> = Promise.resolve();
  private disposed: Promise<void> | undefined;

  constructor(private readonly d: LifecycleDeps) {}

  private get state(): EngineState {
    return this.d.store.getSnapshot();
  }

  problems(): Diagnostic[] {
    return runBlockers(this.d.scenario, this.d.workspace, this.d.map);
  }

  start(from: number): Promise<void> {
    this.started ??= this.doStart(Math.max(0, Math.min(from, this.d.scenario.steps.length - 1)));
    return this.started;
  }

  private async doStart(from: number): Promise<void> {
    const {d} = this;
    const problems = this.problems();
    if (problems.length > 0) throw new ScenarioInvalidError(problems);
    const saved = d.progress ? await this.loadSaved() : undefined;
    d.dispatch({type: 'phase', phase: 'setup'});
    d.dispatch({type: 'setup', patch: {status: 'running'}});
    const log = (line: Text) => d.dispatch({type: 'setup', patch: {}, lines: [line]});
    try {
      await d.prepare(log);
      for (const n of await prepareWorkspace(d.scenario, d.workspace, d.map, d.freshWorkspace ?? from === 0)) d.notice('warning', n);
      if (d.scenario.setup) await this.runSetup(log);
    } catch (err) {
      d.dispatch({type: 'setup', patch: {status: 'failed'}, lines: [errorParam(err)]});
      d.notice('error', message('env.setupFailed', {message: errorParam(err)}));
      return;
    }
    d.dispatch({type: 'setup', patch: {status: 'passed'}});
    if (from > 0 && saved?.terminals) {
      // Before anything runs in them: the terminals come back with their exports and folders,
      // so the earlier steps' checks (and the learner's next command) see what they left.
      d.terminals.restore(saved.terminals);
      for (const id of Object.keys(saved.terminals)) await d.terminals.session(id as `T${number}`).catch(() => undefined);
    }
    if (d.scenario.intro) this.startPage('intro', d.scenario.intro);
    if (from > 0 && saved) {
      this.restoreQuizzes(saved);
      await this.recheckEarlier(from, saved);
    }
    this.enterStep(from);
  }

  private async runSetup(log: (line: Text) => void): Promise<void> {
    const {d} = this;
    let partial = '';
    const res = await d.port.runScript(d.scenario.setup!, {
      cwd: d.workspace,
      env: d.shellEnv(),
      timeoutMs: d.setupTimeoutMs ?? SETUP_TIMEOUT_MS,
      logFile: join(d.logDir, 'setup.log'),
      onOutput: (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const l of lines) log(l);
      },
    });
    if (partial) log(partial);
    if (res.exitCode !== 0) throw new MessageError(res.timedOut ? message('env.setupTimedOut') : message('env.setupExit', {code: String(res.exitCode ?? res.signal)}));
  }

  private async loadSaved(): Promise<SavedProgress | undefined> {
    const r = await loadProgress(this.d.dirs, this.d.scenario.id, this.d.now);
    if (r.kind === 'corrupt') this.d.notice('warning', message('notice.progressCorrupt', {reason: r.reason, path: r.movedTo}));
    return r.kind === 'ok' && r.progress.contentHash === this.d.scenario.contentHash ? r.progress : undefined;
  }

  /** Questions answered right in an earlier session stay answered (the content hash is the same). */
  private restoreQuizzes(saved: SavedProgress): void {
    for (const st of saved.steps) {
      for (const q of Array.isArray(st.quizzes) ? st.quizzes : []) {
        if (typeof q === 'number') this.d.dispatch({type: 'quiz-answered', step: st.index, question: q});
      }
    }
  }

  /** Steps passed in an earlier session count again only once their check passes now. */
  private async recheckEarlier(from: number, saved: SavedProgress): Promise<void> {
    for (let i = 0; i < from; i++) {
      if (saved.steps[i]?.status !== 'passed') continue;
      const check = this.d.scenario.steps[i]!.check;
      const ok = !check || (await this.d.checks.once(i))?.passed === true;
      if (ok) this.d.dispatch({type: 'step-status', step: i, status: 'passed', at: this.d.now(), resumed: true});
      else {
        this.d.notice('warning', message('notice.recheckFailed', {n: i + 1}));
        if (this.state.revisit === undefined) this.d.dispatch({type: 'revisit', step: i});
      }
    }
  }

  private readonly pagesStarted = new Set<string>();

  /** A page's scripts run once per run, however often the learner comes back to it. */
  private startPage(key: string, page: Page): void {
    const {d} = this;
    if (this.pagesStarted.has(key)) return;
    this.pagesStarted.add(key);
    if (page.background) {
      let ended = (): void => undefined;
      const read = new Promise<void>((resolve) => {
        ended = resolve;
        setTimeout(resolve, BACKGROUND_READING_MS).unref();
      });
      this.readBackground.set(key, read);
      const onEnd = (exitCode: number | null, tail: string[]) => {
        ended();
        d.emit({type: 'script-ended', page: key, role: 'background', exitCode, tail});
      };
      d.background.start(key, page.background, d.workspace, d.shellEnv(), onEnd).then(
        (log) => log === undefined && ended(),
        (err: Error) => {
          ended();
          d.notice('warning', message('notice.backgroundFailed', {page: key, message: errorParam(err)}));
        },
      );
    }
    const fg = page.foreground;
    if (!fg) return;
    // Katacoda typed a foreground script into the first terminal as the page opened; the
    // learner's commands there wait behind it, and so do the page's actions (pageReady).
    // T1 exists from now on, not once the script file is read: whoever waits on T1 for this
    // script (headless watches for a REPL it leaves waiting) finds the terminal it will run in.
    void d.terminals.session('T1').catch(() => undefined);
    const command = fg.language === 'zx'
      ? // A zx script cannot be typed line by line into bash: T1 runs it with katarun's own Node and zx.
        ` ${[process.execPath, ...zxNodeArgs(fg.path)].map(shq).join(' ')}`
      : readFile(fg.path, 'utf8');
    const run = Promise.resolve(command)
      .then((text) => d.terminals.run('T1', text, {}))
      .then(
        (r) => {
          if (!r.interrupted) d.emit({type: 'script-ended', page: key, role: 'foreground', exitCode: r.timedOut ? null : r.exitCode, tail: r.tail.slice(-20)});
        },
        (err: Error) => {
          // Disposed while it waited or ran: the run is over, nothing to report.
          if (!this.disposed) d.notice('warning', message('notice.foregroundUnreadable', {message: errorParam(err)}));
        },
      );
    this.ready.set(key, run);
  }

  /**
   * Resolves when every foreground script started so far is done — the page's own, and the
   * intro's, which prepares what step 1 uses — and every background script has ended or had
   * BACKGROUND_READING_MS since it started (the time a learner spends reading the page). Never
   * rejects.
   */
  pageReady(): Promise<void> {
    return Promise.all([...this.ready.values(), ...this.readBackground.values()]).then(() => undefined, () => undefined);
  }

  enterStep(i: number): void {
    const {d} = this;
    if (!d.scenario.steps[i]) return;
    d.checks.stop();
    this.pageKey = `step${i + 1}`;
    d.dispatch({type: 'enter-step', step: i, at: d.now()});
    d.emit({type: 'step-started', step: i});
    this.startPage(this.pageKey, d.scenario.steps[i]!);
    this.maybeAutoPoll(i);
    this.save();
  }

  /** In the TUI the check starts polling once the step's commands have all run (or at once when it has none). */
  maybeAutoPoll(i: number): void {
    const {d} = this;
    const st = this.state.steps[i];
    if (!d.autoCheck || !st || this.state.stepIndex !== i || this.state.phase !== 'step') return;
    if (!d.scenario.steps[i]!.check || st.check.status === 'passed' || d.checks.isPolling(i)) return;
    const allRan = allActionsRan(d.scenario.steps[i]!, st);
    if (allRan) void d.checks.poll(i);
  }

  finishStep(i: number, status: 'passed' | 'failed' | 'not-run'): void {
    const {d} = this;
    const st = this.state.steps[i];
    if (!st) return;
    d.dispatch({type: 'step-status', step: i, status, at: d.now()});
    const after = this.state.steps[i]!;
    d.emit({type: 'step-finished', step: i, status, durationMs: after.elapsedMs});
    this.save();
  }

  next(): NextResult {
    const s = this.state;
    if (s.phase !== 'step') return {ok: false, reason: REFUSAL_MESSAGES['not-on-step'], code: 'not-on-step'};
    const i = s.stepIndex;
    const st = s.steps[i]!;
    const step = this.d.scenario.steps[i]!;
    const leave = mayLeave(step, st);
    if (!leave.ok) return {ok: false, reason: REFUSAL_MESSAGES[leave.reason], code: leave.reason};
    if (st.status !== 'passed') this.finishStep(i, leaveVerdict(step, st));
    if (i + 1 < this.d.scenario.steps.length) this.enterStep(i + 1);
    else this.enterFinish();
    return {ok: true};
  }

  answerQuiz(question: number, answer: QuizAnswer): QuizResult {
    const {d} = this;
    const s = this.state;
    const step = d.scenario.steps[s.stepIndex];
    if (s.phase !== 'step' || !step) return {correct: false, done: false, reason: message('engine.notOnStep')};
    const quiz = step.quizzes[question];
    if (!quiz) return {correct: false, done: quizzesDone(step, s.steps[s.stepIndex]!), reason: message('quiz.noQuestion', {n: question + 1})};
    if (!answerable(quiz)) d.notice('warning', message('notice.quizNoAnswer', {id: quiz.id, file: quiz.source.file, line: String(quiz.source.line)}));
    const correct = isCorrect(quiz, answer);
    if (correct) d.dispatch({type: 'quiz-answered', step: s.stepIndex, question});
    const st = this.state.steps[s.stepIndex]!;
    const done = firstUnanswered(step, st) < 0;
    // The check may have passed while questions were open: the last right answer completes the step.
    if (correct && done && st.status !== 'passed' && (!step.check || st.check.status === 'passed')) this.finishStep(s.stepIndex, 'passed');
    else if (correct) this.save();
    return {correct, done};
  }

  /** Go back to the earlier step that no longer passes (found by the re-check on resume). */
  revisit(): boolean {
    const step = this.state.revisit;
    if (step === undefined || this.state.phase === 'setup' || this.state.phase === 'intro') return false;
    this.d.dispatch({type: 'revisit'});
    this.enterStep(step);
    return true;
  }

  prev(): NextResult {
    const s = this.state;
    if (s.phase === 'finish' && this.d.scenario.steps.length > 0) {
      this.enterStep(this.d.scenario.steps.length - 1);
      return {ok: true};
    }
    if (s.phase !== 'step' || s.stepIndex === 0) return {ok: false, reason: REFUSAL_MESSAGES['first-step'], code: 'first-step'};
    this.enterStep(s.stepIndex - 1);
    return {ok: true};
  }

  enterFinish(): void {
    const {d} = this;
    d.checks.stop();
    d.dispatch({type: 'leave-step', at: d.now()});
    d.dispatch({type: 'phase', phase: 'finish'});
    this.pageKey = 'finish';
    if (d.scenario.finish) this.startPage('finish', d.scenario.finish);
    this.save();
  }

  async runSolution(i: number): Promise<CommandResult | ProcessResult | undefined> {
    const {d} = this;
    const sol = d.scenario.steps[i]?.solution;
    if (!sol) return undefined;
    // Typed into T1 as `bash <file>`, a child of the learner's shell: it sees their exports and
    // folder and its output shows in T1, but its `set -e`, `exit` or `cd` cannot harm that shell.
    if (sol.language === 'bash') return d.terminals.run('T1', ` bash ${shq(sol.path)}`, {});
    return d.port.runScript(sol, {cwd: d.workspace, env: d.shellEnv(), timeoutMs: SETUP_TIMEOUT_MS, logFile: join(d.logDir, `solution-${i + 1}.log`)});
  }

  private save(): void {
    const {d} = this;
    if (!d.progress || (this.state.phase !== 'step' && this.state.phase !== 'finish')) return;
    const state = this.state;
    const at = d.now();
    // The shells' exports and folders go with the bookmark, so a resume can restore them.
    this.saving = this.saving
      .then(() => d.terminals.snapshots().catch(() => ({})))
      .then((shells) => saveProgress(d.dirs, progressFromState(d.scenario, state, at, shells)))
      .catch((err: Error) => d.notice('warning', message('notice.saveFailed', {message: errorParam(err)})));
  }

  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      const {d} = this;
      d.checks.stop();
      if (this.state.phase === 'step') d.dispatch({type: 'leave-step', at: d.now()});
      this.save();
      // The bookmark takes the shells' last exports and folders: read them before the shells end.
      await this.saving;
      await Promise.all([d.background.stopAll(), d.terminals.dispose()]);
      d.dispatch({type: 'phase', phase: 'closed'});
    })();
    return this.disposed;
  }
}
