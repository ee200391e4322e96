// `katarun test` without the CLI: drives the engine through the chosen steps and returns a
// report. A failing step stops the run (unless keepGoing); the steps after it are reported
// as not run and nothing of them is executed. Steps outside --from/--to are skipped.

import {message, say, translator, type Translate} from '../render/i18n.js';
import type {SetupState} from '../engine/types.js';
import type {Scenario} from '../scenario/model.js';
import {createEngine} from '../engine/create-engine.js';
import type {EngineOptions, RunEngine} from '../engine/engine-options.js';
import {headlessShell} from './shell-choice.js';
import type {PreflightReport} from '../engine/environment/types.js';
import {ScenarioInvalidError} from '../engine/engine-lifecycle.js';
import {commandFailed, summarize, wholeMs, type HeadlessReport, type ScriptReport, type StepReport} from './report.js';
import {runStep, stopCarried, type Carry} from './step-runner.js';

export interface HeadlessOptions extends EngineOptions {
  /** 1-based, inclusive. */
  readonly from?: number;
  readonly to?: number;
  readonly keepGoing?: boolean;
  /** A step that passed with a warning (its commands failed) fails, and so does a failing page script. */
  readonly strict?: boolean;
  /** How long a watcher runs before its Ctrl-C (default 3 s). */
  readonly settleMs?: number;
  /** Run every step's solution after its actions (`--solve`); by default only steps with nothing a learner would run use theirs. */
  readonly solve?: boolean;
  /** Abort = interrupted (Ctrl-C/SIGTERM): everything is cleaned up, the report says so. */
  readonly signal?: AbortSignal;
  /** Each step's result as soon as it is known (live progress). */
  readonly onStep?: (step: StepReport, total: number) => void;
  /** Called with the engine once created (tests and the CLI use it to watch or dispose). */
  readonly onEngine?: (engine: RunEngine) => void;
  /** katarun's words in the report (the setup's lines), in the UI's language; default English. */
  readonly t?: Translate;
}

export const DEFAULT_SETTLE_MS = 3000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60_000;

/** The machine lacks what the scenario needs (exit 3); nothing was run. */
export class EnvironmentNotReadyError extends Error {
  constructor(readonly report: PreflightReport) {
    super('the environment is not ready');
    this.name = 'EnvironmentNotReadyError';
  }
}

export {ScenarioInvalidError};
export {TerminalFailedError} from './step-runner.js';

/**
 * A setup's output for a report: its first lines (a failure's reason is often printed first —
 * a missing image, a refused login) and its last ones, with how many were left out between.
 */
export function setupExcerpt(s: SetupState, t: Translate, first = 10, last = 30): string[] {
  if (s.total <= first + last) return s.lines.slice(-s.total).map((line) => say(t, line));
  return [...s.head.slice(0, first), message('report.linesLeftOut', {n: s.total - first - last}), ...s.lines.slice(-last)].map((line) => say(t, line));
}

export async function runHeadless(scenario: Scenario, options: HeadlessOptions = {}): Promise<HeadlessReport> {
  const now = options.now ?? Date.now;
  const t = options.t ?? translator('en');
  const started = now();
  const signal = options.signal ?? new AbortController().signal;
  const total = scenario.steps.length;
  const from = Math.max(1, options.from ?? 1);
  const to = Math.min(total, options.to ?? total);
  // A command waiting for input that never comes (a prompt without -y) must not hang CI forever.
  const engine = createEngine(scenario, {commandTimeoutMs: DEFAULT_COMMAND_TIMEOUT_MS, ...options, shell: options.shell ?? headlessShell(scenario), autoCheck: false, progress: false, freshWorkspace: true});
  options.onEngine?.(engine);
  // Interrupted: end every shell now, so a running command cannot hold the run up.
  const onAbort = () => void engine.dispose();
  signal.addEventListener('abort', onAbort, {once: true});
  const steps: StepReport[] = [];
  let setup: HeadlessReport['setup'];
  const scripts: ScriptReport[] = [];
  // Servers and REPLs a step left running keep running into the next steps, until the end.
  const carry: Carry = new Map();
  const offScripts = engine.onEvent((e) => {
    // A foreground script ending in a REPL that headless stopped on purpose did not fail.
    if (e.type === 'script-ended' && e.exitCode !== 0 && !(e.role === 'foreground' && carry.stoppedScripts?.has(e.page))) scripts.push({page: e.page, role: e.role, exitCode: e.exitCode, output: e.tail});
  });
  const skip = (i: number, status: 'skipped' | 'not-run'): StepReport => ({number: i + 1, title: scenario.steps[i]!.title, status, durationMs: 0, commands: [], feedback: [], output: []});
  try {
    const problems = engine.problems();
    if (problems.length > 0) throw new ScenarioInvalidError(problems);
    const preflight = await engine.preflight();
    // A kind cluster katarun did not create: the TUI asks; headless cannot, so it is refused (exit 3) unless --use-existing-cluster.
    if (!preflight.ready || preflight.foreignCluster !== undefined) throw new EnvironmentNotReadyError(preflight);
    if (from <= to && !signal.aborted) {
      await engine.start(from - 1);
      const s = engine.store.getSnapshot().setup;
      if (scenario.setup || s.status === 'failed') setup = {status: s.status === 'passed' ? 'passed' : 'failed', output: setupExcerpt(s, t)};
    }
    let stop = setup?.status === 'failed';
    for (let i = 0; i < total; i++) {
      let report: StepReport;
      if (i < from - 1 || i > to - 1) report = skip(i, 'skipped');
      else if (stop || signal.aborted) {
        report = skip(i, 'not-run');
        engine.finishStep(i, 'not-run');
      } else {
        try {
          report = withWarnings(await runStep(engine, i, {settleMs: options.settleMs ?? DEFAULT_SETTLE_MS, signal, now, carry, ...(options.solve ? {solve: true} : {})}), options.strict ?? false);
        } catch (err) {
          if (!signal.aborted) throw err;
          report = {...skip(i, 'not-run'), message: 'interrupted'};
        }
        // A step cut short proves nothing either way.
        if (signal.aborted) report = {...report, status: 'not-run', message: 'interrupted'};
        engine.finishStep(i, report.status === 'passed' ? 'passed' : report.status === 'failed' ? 'failed' : 'not-run');
        if (report.status === 'failed' && !options.keepGoing) stop = true;
      }
      steps.push(report);
      options.onStep?.(report, total);
    }
    // The scenario's end: what was kept running is stopped as a learner would (Ctrl-C, then harder).
    if (!signal.aborted) await stopCarried(engine, carry);
    if (!signal.aborted && steps.every((s) => s.status === 'passed' || s.status === 'skipped') && to === total) {
      engine.finish();
      // The finish page's foreground script runs as the learner reads it: wait for it, then end.
      await Promise.race([engine.pageReady(), new Promise<void>((r) => signal.addEventListener('abort', () => r(), {once: true}))]);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    await engine.dispose();
    offScripts();
  }
  const interrupted = signal.aborted;
  const failed = setup?.status === 'failed' || steps.some((s) => s.status === 'failed') || (options.strict === true && scripts.length > 0);
  return {
    scenario: {id: scenario.id, title: scenario.title, lang: scenario.lang, dir: scenario.dir},
    startedAt: new Date(started).toISOString(),
    durationMs: wholeMs(now() - started),
    ...(setup ? {setup} : {}),
    ...(scripts.length ? {scripts} : {}),
    steps,
    summary: summarize(steps),
    interrupted,
    exitCode: interrupted ? 130 : failed ? 1 : 0,
    logDir: engine.logDir,
  };
}

/**
 * A step whose check passed although some of its commands failed (not stopped on purpose):
 * passed with a warning, since a check can pass on what was there before; `strict` fails it.
 */
function withWarnings(step: StepReport, strict: boolean): StepReport {
  const rounded = {...step, durationMs: wholeMs(step.durationMs), commands: step.commands.map((c) => ({...c, durationMs: wholeMs(c.durationMs)}))};
  if (step.status !== 'passed') return rounded;
  const bad = step.commands.filter(commandFailed);
  if (bad.length === 0) return rounded;
  const warnings = [{kind: 'commands-failed' as const, commands: bad.map((c) => ({command: c.text.trim().split('\n')[0]!.slice(0, 80), exitCode: c.exitCode ?? 0}))}];
  if (!strict) return {...rounded, warnings};
  const first = warnings[0].commands[0]!;
  return {
    ...rounded,
    status: 'failed',
    warnings,
    message: `--strict: \`${first.command}\` exited with status ${first.exitCode} (the check passed)`,
    reason: {kind: 'command-failed', command: first.command, exitCode: first.exitCode},
  };
}
