// `katarun test` without the CLI: drives the engine through the chosen steps and returns a
// report. A failing step stops the run (unless keepGoing); the steps after it are reported
// as not run and nothing of them is executed. Steps outside --from/--to are skipped.

import type {Scenario} from '../scenario/model.js';
import {createEngine} from '../engine/create-engine.js';
import type {EngineOptions, RunEngine} from '../engine/engine-options.js';
import type {PreflightReport} from '../engine/environment/types.js';
import {ScenarioInvalidError} from '../engine/engine-lifecycle.js';
import {summarize, type HeadlessReport, type StepReport} from './report.js';
import {runStep} from './step-runner.js';

export interface HeadlessOptions extends EngineOptions {
  /** 1-based, inclusive. */
  readonly from?: number;
  readonly to?: number;
  readonly keepGoing?: boolean;
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

export async function runHeadless(scenario: Scenario, options: HeadlessOptions = {}): Promise<HeadlessReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const signal = options.signal ?? new AbortController().signal;
  const total = scenario.steps.length;
  const from = Math.max(1, options.from ?? 1);
  const to = Math.min(total, options.to ?? total);
  // A command waiting for input that never comes (a prompt without -y) must not hang CI forever.
  const engine = createEngine(scenario, {shell: 'pipe', commandTimeoutMs: DEFAULT_COMMAND_TIMEOUT_MS, ...options, autoCheck: false, progress: false, freshWorkspace: true});
  options.onEngine?.(engine);
  // Interrupted: end every shell now, so a running command cannot hold the run up.
  const onAbort = () => void engine.dispose();
  signal.addEventListener('abort', onAbort, {once: true});
  const steps: StepReport[] = [];
  let setup: HeadlessReport['setup'];
  const skip = (i: number, status: 'skipped' | 'not-run'): StepReport => ({number: i + 1, title: scenario.steps[i]!.title, status, durationMs: 0, commands: [], feedback: [], output: []});
  try {
    const problems = engine.problems();
    if (problems.length > 0) throw new ScenarioInvalidError(problems);
    const preflight = await engine.preflight();
    if (!preflight.ready) throw new EnvironmentNotReadyError(preflight);
    if (from <= to && !signal.aborted) {
      await engine.start(from - 1);
      const s = engine.store.getSnapshot().setup;
      if (scenario.setup || s.status === 'failed') setup = {status: s.status === 'passed' ? 'passed' : 'failed', output: s.lines.slice(-40)};
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
          report = await runStep(engine, i, {settleMs: options.settleMs ?? DEFAULT_SETTLE_MS, signal, now, ...(options.solve ? {solve: true} : {})});
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
    if (!signal.aborted && steps.every((s) => s.status === 'passed' || s.status === 'skipped') && to === total) engine.finish();
  } finally {
    signal.removeEventListener('abort', onAbort);
    await engine.dispose();
  }
  const interrupted = signal.aborted;
  const failed = setup?.status === 'failed' || steps.some((s) => s.status === 'failed');
  return {
    scenario: {id: scenario.id, title: scenario.title, lang: scenario.lang, dir: scenario.dir},
    startedAt: new Date(started).toISOString(),
    durationMs: now() - started,
    ...(setup ? {setup} : {}),
    steps,
    summary: summarize(steps),
    interrupted,
    exitCode: interrupted ? 130 : failed ? 1 : 0,
    logDir: engine.logDir,
  };
}
