// One step, headless, walking the learner's path: its foreground script, then what a learner
// pressing Enter would run — the body's commands and file writes in document order (the
// engine's step rules say which) — and its check, polled to the end. The solution (the
// solution blocks and script) runs only for a step with nothing the learner would run (a
// challenge) or with --solve; such a step is reported "passed by its solution". A command
// followed by an `interrupt` action is a watcher: it runs for the settle period and is then
// stopped with Ctrl-C; so is a command that by its form never ends (`watch`, `tail -f`, see
// endless.ts). A command still running when the next action targets another terminal
// keeps running there (start a server in T1, curl it from T2) and is stopped after the check,
// reported as such. In a terminal (PTY), a program that waits for typed input — a REPL started
// by one action, `cat`, an editor — gets the next actions' lines and keys typed into it, as on
// Katacoda; one still waiting at the end of the step is stopped there, reported as such. Quiz questions are answered from the scenario's own answer key.

import type {Action, ExecAction, TerminalId} from '../scenario/model.js';
import type {RunEngine} from '../engine/engine-options.js';
import {terminalFor} from '../engine/action-runner.js';
import {learnerActions} from '../engine/step-rules.js';
import {abortableSleep} from '../engine/verify-poller.js';
import type {EngineEvent} from '../engine/types.js';
import {answerKey, answerKeyText} from '../engine/quiz-answer.js';
import {runsUntilStopped} from './endless.js';
import type {CommandReport, QuizReport, StepReport} from './report.js';

export const OUTPUT_LINES = 40;

export interface StepRunOptions {
  readonly settleMs: number;
  readonly signal: AbortSignal;
  readonly now: () => number;
  /** Run each step's solution after its actions (`--solve`), not only for steps with nothing to run. */
  readonly solve?: boolean;
}

const solutionActions = (actions: readonly Action[]) => actions.filter((a) => (a.kind === 'exec' || a.kind === 'file') && a.context === 'solution');

export async function runStep(engine: RunEngine, index: number, o: StepRunOptions): Promise<StepReport> {
  const step = engine.scenario.steps[index]!;
  const started = o.now();
  const commands: CommandReport[] = [];
  const tails = new Map<number, readonly string[]>();
  const watchers = new Set<number>();
  /** Commands left running in their terminal: while the next action went to another one, or waiting for typed input. */
  const leftRunning = new Map<TerminalId, Running>();
  const stoppedAtEnd = new Set<number>();
  const off = engine.onEvent((e: EngineEvent) => {
    if (e.type !== 'action-finished' || e.step !== index || e.action.kind !== 'exec') return;
    const a = e.action as ExecAction;
    const st = engine.store.getSnapshot().steps[index]?.actions.find((x) => x.id === a.id);
    tails.set(commands.length, e.tail);
    commands.push({
      text: a.text,
      terminal: terminalFor(a),
      exitCode: e.exitCode,
      durationMs: e.durationMs,
      interrupted: watchers.has(a.id) || stoppedAtEnd.has(a.id) || st?.status === 'interrupted',
      timedOut: st?.status === 'timed-out',
      ...(stoppedAtEnd.has(a.id) ? {stoppedAtEnd: true} : {}),
    });
  });
  try {
    engine.goTo(index);
    await engine.pageReady();
    const learner = learnerActions(step);
    const bySolution = o.solve === true || (learner.length === 0 && (step.solution !== undefined || solutionActions(step.actions).length > 0));
    const actions = bySolution ? [...learner, ...solutionActions(step.actions)] : learner;
    for (let k = 0; k < actions.length && !o.signal.aborted; k++) {
      const a = actions[k]!;
      const next = actions[k + 1];
      // A program waiting for input (a REPL, an editor, `cat`) gets the next line typed into it.
      if (a.kind === 'exec' && !leftRunning.get(terminalFor(a))?.awaitsInput) await freeTerminal(engine, terminalFor(a), leftRunning, stoppedAtEnd);
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
        const runningAction = engine.runAction(a.id);
        const settled = await Promise.race([runningAction.then(() => true), abortableSleep(o.settleMs, o.signal).then(() => false)]);
        if (!settled) leftRunning.set(terminalFor(a), running(a.id, runningAction, false));
      } else if (a.kind === 'exec') {
        // As a learner would: the next action comes once this one ended — or once the program it
        // started (or was typed into) waits for input, to be typed into in turn.
        const t = terminalFor(a);
        const runningAction = engine.runAction(a.id);
        const state = await engine.settleTerminal(t, runningAction, o.signal);
        if (state === 'prompt') leftRunning.delete(t);
        else if (!leftRunning.has(t)) leftRunning.set(t, running(a.id, runningAction, true));
      } else {
        await engine.runAction(a.id);
      }
    }
    if (!o.signal.aborted && bySolution) await engine.runSolution(index);
    const quizzes: QuizReport[] = o.signal.aborted ? [] : step.quizzes.map((q, i) => ({
      id: q.id,
      question: q.question,
      kind: q.kind,
      answer: answerKeyText(q),
      answeredBy: 'answer-key',
      correct: engine.answerQuiz(i, answerKey(q)).correct,
    }));
    const outcome = o.signal.aborted ? undefined : await engine.checkToEnd(index);
    for (const t of [...leftRunning.keys()]) await freeTerminal(engine, t, leftRunning, stoppedAtEnd);
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
    const bad = commands.findIndex((c) => c.timedOut || (!c.interrupted && c.exitCode !== 0));
    if (bad < 0) return {...base, status: 'passed', durationMs, feedback: [], output: []};
    const c = commands[bad]!;
    return {
      ...base,
      status: 'failed',
      durationMs,
      message: c.timedOut ? `\`${oneLine(c.text)}\` did not finish in time` : `\`${oneLine(c.text)}\` exited with status ${c.exitCode}`,
      reason: c.timedOut ? {kind: 'command-timed-out', command: oneLine(c.text)} : {kind: 'command-failed', command: oneLine(c.text), exitCode: c.exitCode},
      feedback: [],
      output: (tails.get(bad) ?? []).slice(-OUTPUT_LINES),
    };
  } finally {
    off();
  }
}

/** A command left running: its action, its run, whether it waits for typed input, whether it ended by itself. */
interface Running {
  readonly id: number;
  readonly done: Promise<unknown>;
  readonly awaitsInput: boolean;
  ended: boolean;
}

function running(id: number, done: Promise<unknown>, awaitsInput: boolean): Running {
  const r: Running = {id, done, awaitsInput, ended: false};
  void done.then(
    () => (r.ended = true),
    () => (r.ended = true),
  );
  return r;
}

/** A command left running in terminal `id` is stopped (Ctrl-C, then harder) before the terminal is used again. */
async function freeTerminal(engine: RunEngine, id: TerminalId, left: Map<TerminalId, Running>, stopped: Set<number>): Promise<void> {
  const l = left.get(id);
  if (!l) return;
  left.delete(id);
  if (l.ended) return;
  stopped.add(l.id);
  engine.interrupt(id);
  await l.done;
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
