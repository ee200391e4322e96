// One step, headless, walking the learner's path: its foreground script, then what a learner
// pressing Enter would run — the body's commands and file writes in document order (the
// engine's step rules say which) — and its check, polled to the end. The solution (the
// solution blocks and script) runs only for a step with nothing the learner would run (a
// challenge) or with --solve; such a step is reported "passed by its solution". A command
// followed by an `interrupt` action is a watcher: it runs for the settle period and is then
// stopped with Ctrl-C; so is a command that by its form never ends (`watch`, `tail -f`, see
// endless.ts). A command still running when the next action targets another terminal
// keeps running there (start a server in T1, curl it from T2). In a terminal (PTY), a program
// that waits for typed input — a REPL started by an action or by the page's foreground script,
// `cat`, an editor — gets the next actions' lines and keys typed into it, as on Katacoda;
// but a pager that waits (`… | less`, `man ls`, `git log`) is quit with `q` (then Ctrl-C,
// harder) as a learner does before the next command, and `cat` reading to end-of-file is ended
// with Ctrl-D before a line that reads as a shell command (held-by.ts). At the step's end an
// editor the step left open is closed without saving, and `cat` is ended with Ctrl-D: both
// stopped on purpose, never carried into the next steps (a REPL is).
// A command still running after the settle period that holds a listening TCP socket is a
// server (read from /proc, not guessed from its form): the walk goes on while it serves. A
// merely slow command (no socket) is waited for: its exit status still decides a step without
// a check. At the step's end, a server and a program waiting for input keep running into the
// next steps (the Carry, run-wide), reported as such, and are stopped (Ctrl-C, then harder)
// when an action next uses their terminal otherwise, or at the scenario's end; anything else
// still running is stopped there, reported as such. Quiz questions are answered from the
// scenario's own answer key.

import type {Action, ExecAction, TerminalId} from '../scenario/model.js';
import type {RunEngine} from '../engine/engine-options.js';
import {terminalFor} from '../engine/action-runner.js';
import {learnerActions} from '../engine/step-rules.js';
import {abortableSleep} from '../engine/verify-poller.js';
import type {EngineEvent} from '../engine/types.js';
import type {Message} from '../render/i18n.js';
import {answerKey, answerKeyText} from '../engine/quiz-answer.js';
import {runsUntilStopped} from './endless.js';
import {commandFailed, type CommandReport, type QuizReport, type StepReport} from './report.js';
import {foregroundLastCommand} from './shell-choice.js';
import {editorQuitKeys, holdsEditor, holdsPager, looksLikeCommand, readsToEnd} from './held-by.js';

export const OUTPUT_LINES = 40;

/**
 * A terminal whose shell could not start (bwrap refused it, say): nothing sent to it ran, so the
 * step proves nothing either way. The run ends as the machine's failure (exit 3), never as a
 * step that passed on commands that never ran.
 */
export class TerminalFailedError extends Error {
  constructor(
    readonly terminal: TerminalId,
    readonly reason: Message,
  ) {
    super(`${terminal} could not start`);
    this.name = 'TerminalFailedError';
  }
}

export interface StepRunOptions {
  readonly settleMs: number;
  readonly signal: AbortSignal;
  readonly now: () => number;
  /** Run each step's solution after its actions (`--solve`), not only for steps with nothing to run. */
  readonly solve?: boolean;
  /** What earlier steps left running on purpose (servers, REPLs); the run stops it at its end (stopCarried). */
  readonly carry?: Carry;
}

/** Commands left running in their terminals, across steps: servers and programs waiting for input. */
export type Carry = Map<TerminalId, Running> & {
  /** Pages (`intro`, `step2`) whose foreground script was stopped on purpose: its exit status is no failure. */
  stoppedScripts?: Set<string>;
};

/** How often a command still running after the settle period is looked at for a listening socket. */
const SERVER_POLL_MS = 250;

const solutionActions = (actions: readonly Action[]) => actions.filter((a) => (a.kind === 'exec' || a.kind === 'file') && a.context === 'solution');

export async function runStep(engine: RunEngine, index: number, o: StepRunOptions): Promise<StepReport> {
  const step = engine.scenario.steps[index]!;
  const started = o.now();
  const commands: CommandReport[] = [];
  const tails = new Map<number, readonly string[]>();
  const watchers = new Set<number>();
  /** Commands left running in their terminal: while the next action went to another one, or waiting for typed input. */
  const leftRunning: Carry = o.carry ?? new Map<TerminalId, Running>();
  const stoppedAtEnd = new Set<number>();
  /** Pagers quit (`q`) once they waited, editors closed at the step's end: stopped on purpose, as a learner does. */
  const quit = new Map<number, 'pager' | 'editor'>();
  let broken: TerminalFailedError | undefined;
  const off = engine.onEvent((e: EngineEvent) => {
    if (e.type === 'terminal-failed') broken ??= new TerminalFailedError(e.terminal, e.error);
    if (e.type !== 'action-finished' || e.step !== index || e.action.kind !== 'exec') return;
    const a = e.action as ExecAction;
    const st = engine.store.getSnapshot().steps[index]?.actions.find((x) => x.id === a.id);
    tails.set(commands.length, e.tail);
    commands.push({
      text: a.text,
      terminal: terminalFor(a),
      exitCode: e.exitCode,
      durationMs: e.durationMs,
      interrupted: watchers.has(a.id) || stoppedAtEnd.has(a.id) || quit.has(a.id) || st?.status === 'interrupted',
      timedOut: st?.status === 'timed-out',
      ...(stoppedAtEnd.has(a.id) ? {stoppedAtEnd: true} : {}),
      ...(quit.has(a.id) ? {quit: quit.get(a.id)} : {}),
    });
  });
  try {
    // The page's foreground script is typed into T1: what an earlier step left there is stopped first.
    if (step.foreground) await freeTerminal(engine, 'T1', leftRunning, stoppedAtEnd);
    engine.goTo(index);
    if (leftRunning.has('T1')) await engine.pageReady();
    else {
      // A foreground script (the intro's or the step's) that ends in a REPL (`python3`, `mongo`)
      // leaves it waiting in T1: the actions are typed into it, as a learner would.
      const pageStarted = Date.now();
      const ready = engine.pageReady();
      if ((await engine.settleTerminal('T1', ready, o.signal)) === 'input') {
        const page = step.foreground ? step : index === 0 ? engine.scenario.intro : undefined;
        leftRunning.set('T1', running(undefined, ready, true, foregroundLastCommand(page) ?? 'the foreground script', pageStarted, step.foreground ? `step${index + 1}` : 'intro'));
      }
    }
    const learner = learnerActions(step);
    const bySolution = o.solve === true || (learner.length === 0 && (step.solution !== undefined || solutionActions(step.actions).length > 0));
    const actions = bySolution ? [...learner, ...solutionActions(step.actions)] : learner;
    for (let k = 0; k < actions.length && !o.signal.aborted; k++) {
      if (broken) throw broken;
      const a = actions[k]!;
      const next = actions[k + 1];
      // A program waiting for input (a REPL, an editor, `cat`) gets the next line typed into it —
      // but `cat` reading to end-of-file is ended (Ctrl-D, as the page tells the learner) before
      // a line that reads as a shell command (`cat > f`, text, then `cat f`).
      const held = a.kind === 'exec' ? leftRunning.get(terminalFor(a)) : undefined;
      if (a.kind === 'exec' && held?.awaitsInput && !a.ctrlSeq && !a.noNewline && readsToEnd(held.text) && looksLikeCommand(a.text)) {
        leftRunning.delete(terminalFor(a));
        if (!held.ended) await stopWithKeys(engine, terminalFor(a), held.done, ['\x04'], o.signal);
      }
      const typedInto = a.kind === 'exec' && !!leftRunning.get(terminalFor(a))?.awaitsInput;
      if (a.kind === 'exec' && !typedInto) await freeTerminal(engine, terminalFor(a), leftRunning, stoppedAtEnd);
      // A watcher: followed by an `interrupt` action, or by its form a command that never ends
      // (`watch …`, `tail -f`, `kubectl get -w`) — a learner watches it and presses Ctrl-C.
      if (a.kind === 'exec' && ((next?.kind === 'exec' && next.interrupt) || (!a.ctrlSeq && !a.noNewline && runsUntilStopped(a.text)))) {
        watchers.add(a.id);
        const running = engine.runAction(a.id);
        await abortableSleep(o.settleMs, o.signal);
        engine.interrupt(terminalFor(a));
        await running;
      } else if (a.kind === 'exec' && next?.kind === 'exec' && terminalFor(next) !== terminalFor(a)) {
        // As on Katacoda, the next action does not wait for this one: it keeps running in its terminal.
        const since = Date.now();
        const runningAction = engine.runAction(a.id);
        const settled = await Promise.race([runningAction.then(() => true), abortableSleep(o.settleMs, o.signal).then(() => false)]);
        if (!settled) leftRunning.set(terminalFor(a), running(a.id, runningAction, false, a.text, since));
      } else if (a.kind === 'exec') {
        // As a learner would: the next action comes once this one ended — or once the program it
        // started (or was typed into) waits for input, to be typed into in turn.
        // A server (still running after the settle period, listening on a port) is not waited
        // for: it serves while the walk goes on, as the learner leaves it running.
        const t = terminalFor(a);
        const since = Date.now();
        const runningAction = engine.runAction(a.id);
        let state = await settleOrServe(engine, t, runningAction, o);
        // A pager (`… | less`, `man ls`, `git log`) waiting: the learner reads and presses `q`.
        if (state === 'input' && !typedInto && holdsPager(await engine.foregroundPrograms(t))) {
          quit.set(a.id, 'pager');
          await stopWithKeys(engine, t, runningAction, ['q'], o.signal);
          state = 'prompt';
        }
        if (state === 'prompt') leftRunning.delete(t);
        else if (!leftRunning.has(t)) leftRunning.set(t, running(a.id, runningAction, state === 'input', a.text, since));
      } else {
        await engine.runAction(a.id);
      }
    }
    if (broken) throw broken;
    if (!o.signal.aborted && bySolution) await engine.runSolution(index);
    const quizzes: QuizReport[] = o.signal.aborted ? [] : step.quizzes.map((q, i) => ({
      id: q.id,
      question: q.question,
      kind: q.kind,
      answer: answerKeyText(q),
      answeredBy: 'answer-key',
      correct: engine.answerQuiz(i, answerKey(q)).correct,
    }));
    if (broken) throw broken;
    const outcome = o.signal.aborted ? undefined : await engine.checkToEnd(index);
    if (broken) throw broken;
    // A server and a program waiting for input keep running into the next steps; the rest is stopped now.
    for (const [t, l] of [...leftRunning]) {
      if (l.ended) {
        leftRunning.delete(t);
        continue;
      }
      if (l.kept !== undefined) continue;
      if (!o.signal.aborted && l.awaitsInput && (await endInput(engine, t, l, quit, o.signal))) {
        leftRunning.delete(t);
        if (l.page !== undefined) (leftRunning.stoppedScripts ??= new Set()).add(l.page);
        continue;
      }
      const kind = !o.signal.aborted && o.carry ? ((await engine.serving(t)) ? 'server' : l.awaitsInput || (await engine.awaitsInput(t)) ? 'input' : undefined) : undefined;
      if (kind === undefined || l.ended) {
        await freeTerminal(engine, t, leftRunning, stoppedAtEnd);
        continue;
      }
      l.kept = kind;
      commands.push({text: l.text, terminal: t, exitCode: null, durationMs: Date.now() - l.since, interrupted: false, timedOut: false, keptRunning: kind});
    }
    const check = engine.store.getSnapshot().steps[index]!.check;
    const base = {
      number: index + 1,
      title: step.title,
      commands,
      file: step.textFile ?? engine.scenario.indexFile,
      ...(quizzes.length ? {quizzes} : {}),
      ...(bySolution ? {bySolution: true} : {}),
    };
    const durationMs = o.now() - started;
    if (outcome) {
      const passed = outcome.status === 'passed';
      return {
        ...base,
        status: passed ? 'passed' : 'failed',
        durationMs,
        check: {attempts: outcome.attempts, passed, timedOut: outcome.status === 'timed-out'},
        feedback: passed ? [] : check.feedback,
        ...(passed ? {} : {message: check.feedback[0] ?? `the check did not pass before its timeout (${outcome.attempts} attempts, last exit status ${check.lastExitCode ?? 'none'})`}),
        ...(passed || check.feedback[0] !== undefined ? {} : {reason: {kind: 'check-timeout' as const, attempts: outcome.attempts, exitCode: check.lastExitCode ?? null}}),
        ...(check.expected !== undefined && !passed ? {expected: check.expected} : {}),
        ...(check.actual !== undefined && !passed ? {actual: check.actual} : {}),
        output: passed ? [] : lastLines(check.lastOutput, tails, commands),
      };
    }
    // No check: the step stands or falls with its commands.
    const bad = commands.findIndex(commandFailed);
    if (bad < 0) return {...base, status: 'passed', durationMs, feedback: [], output: []};
    const c = commands[bad]!;
    // commandFailed: a kept command (exit status null) never counts against its step.
    const exitCode = c.exitCode ?? 0;
    return {
      ...base,
      status: 'failed',
      durationMs,
      message: c.timedOut ? `\`${oneLine(c.text)}\` did not finish in time` : `\`${oneLine(c.text)}\` exited with status ${exitCode}`,
      reason: c.timedOut ? {kind: 'command-timed-out', command: oneLine(c.text)} : {kind: 'command-failed', command: oneLine(c.text), exitCode},
      feedback: [],
      output: (tails.get(bad) ?? []).slice(-OUTPUT_LINES),
    };
  } finally {
    off();
  }
}

/** A command left running: its action (none for a foreground script), its run, whether it waits for typed input, whether it ended by itself. */
export interface Running {
  readonly id: number | undefined;
  readonly done: Promise<unknown>;
  readonly awaitsInput: boolean;
  /** What the learner sees running, for the report. */
  readonly text: string;
  readonly since: number;
  ended: boolean;
  /** Kept running past its step's end: why. */
  kept?: 'server' | 'input';
  /** A page's foreground script (`intro`, `step2`) rather than an action. */
  readonly page?: string;
}

function running(id: number | undefined, done: Promise<unknown>, awaitsInput: boolean, text: string, since: number, page?: string): Running {
  // One object: `ended` is set on it when the run settles (a copy would never learn it).
  const r: Running = {id, done, awaitsInput, text, since, ended: false, ...(page !== undefined ? {page} : {})};
  void done.then(
    () => (r.ended = true),
    () => (r.ended = true),
  );
  return r;
}

/**
 * After an action in terminal `t`: 'prompt' or 'input' as settleTerminal says, or 'server' once
 * the command, still running after the settle period, holds a listening TCP socket.
 */
async function settleOrServe(engine: RunEngine, t: TerminalId, run: Promise<unknown>, o: StepRunOptions): Promise<'prompt' | 'input' | 'server'> {
  const stop = new AbortController();
  const signal = AbortSignal.any([o.signal, stop.signal]);
  const server = (async (): Promise<'server' | undefined> => {
    await abortableSleep(o.settleMs, signal);
    while (!signal.aborted) {
      if (await engine.serving(t)) return 'server';
      await abortableSleep(SERVER_POLL_MS, signal);
    }
    return undefined;
  })();
  try {
    return await Promise.race([engine.settleTerminal(t, run, signal), server.then((s) => s ?? new Promise<never>(() => undefined))]);
  } finally {
    stop.abort();
  }
}

/** How long a program is given to end after its keys (`q`, Ctrl-D, an editor's quit) before Ctrl-C and harder. */
const QUIT_WAIT_MS = 3000;

/** Keys typed as a learner would to end the program holding terminal `t` (`done`: its run), each given a moment; Ctrl-C and harder if it stays. */
async function stopWithKeys(engine: RunEngine, t: TerminalId, done: Promise<unknown>, keys: readonly string[], signal: AbortSignal): Promise<void> {
  let ended = false;
  const over = done.then(
    () => (ended = true),
    () => (ended = true),
  );
  for (const k of keys) {
    if (ended || signal.aborted) break;
    await engine.typeKeys(t, k);
    await Promise.race([over, abortableSleep(QUIT_WAIT_MS, signal)]);
  }
  if (!ended) engine.interrupt(t);
  await over;
}

/**
 * At its step's end, a program waiting for input that the next steps do not type into: an
 * editor the step opened is closed without saving (reported as stopped on purpose), `cat` is
 * ended with Ctrl-D as the page told the learner. False for a REPL: it is kept.
 */
async function endInput(engine: RunEngine, t: TerminalId, l: Running, quit: Map<number, 'pager' | 'editor'>, signal: AbortSignal): Promise<boolean> {
  const programs = await engine.foregroundPrograms(t);
  if (holdsEditor(programs)) {
    if (l.id !== undefined) quit.set(l.id, 'editor');
    await stopWithKeys(engine, t, l.done, editorQuitKeys(programs) ?? [], signal);
    return true;
  }
  if (!readsToEnd(l.text)) return false;
  await stopWithKeys(engine, t, l.done, ['\x04'], signal);
  return true;
}

/** A command left running in terminal `id` is stopped (Ctrl-C, then harder) before the terminal is used again. */
async function freeTerminal(engine: RunEngine, id: TerminalId, left: Carry, stopped: Set<number>): Promise<void> {
  const l = left.get(id);
  if (!l) return;
  left.delete(id);
  if (l.ended) return;
  // One kept from an earlier step was reported there; one of this step is reported as stopped at its end.
  if (l.id !== undefined && l.kept === undefined) stopped.add(l.id);
  if (l.page !== undefined) (left.stoppedScripts ??= new Set()).add(l.page);
  engine.interrupt(id);
  await l.done;
}

/** At the scenario's end (or before the finish page): everything kept running is stopped, Ctrl-C then harder. */
export async function stopCarried(engine: RunEngine, carry: Carry): Promise<void> {
  for (const t of [...carry.keys()]) await freeTerminal(engine, t, carry, new Set());
}

function oneLine(text: string): string {
  const first = text.trim().split('\n')[0] ?? '';
  return first.length > 80 || text.trim().includes('\n') ? `${first.slice(0, 77)}…` : first;
}

/** The check's own output, preceded by the last command's when the check printed little. */
function lastLines(checkOut: readonly string[], tails: Map<number, readonly string[]>, commands: readonly CommandReport[]): string[] {
  const last = commands.length > 0 ? (tails.get(commands.length - 1) ?? []) : [];
  if (checkOut.length >= OUTPUT_LINES || last.length === 0) return checkOut.slice(-OUTPUT_LINES);
  const room = OUTPUT_LINES - checkOut.length - 1;
  return [...last.slice(-room), '--- check output ---', ...checkOut];
}
