// The current step's check: polls it (one attempt at a time, cancelled when the step
// changes), runs it once on demand, and records every attempt in the store and as events.

import type {Scenario} from '../scenario/model.js';
import {runCheckAttempt, type CheckContext} from './check-runner.js';
import type {EngineMsg} from './reducer.js';
import type {EngineEvent} from './types.js';
import {pollCheck, type AttemptResult, type PollOutcome} from './verify-poller.js';

export interface CheckControllerOptions {
  readonly scenario: Scenario;
  readonly context: CheckContext;
  readonly dispatch: (msg: EngineMsg) => void;
  readonly emit: (event: EngineEvent) => void;
  readonly now: () => number;
  /** `--check-timeout`: overrides every step's own timeout. */
  readonly timeoutOverrideMs?: number;
  readonly onPassed: (step: number) => void;
}

interface Running {
  readonly step: number;
  readonly ac: AbortController;
  readonly done: Promise<PollOutcome>;
}

export class CheckController {
  private running: Running | undefined;

  constructor(private readonly o: CheckControllerOptions) {}

  isPolling(step: number): boolean {
    return this.running?.step === step;
  }

  timeoutFor(step: number): number {
    return this.o.timeoutOverrideMs ?? this.o.scenario.steps[step]?.check?.timeoutMs ?? 180_000;
  }

  /** Start polling `step` (no-op when it has no check or already polls); resolves with the outcome. */
  poll(step: number, timeoutMs = this.timeoutFor(step)): Promise<PollOutcome> | undefined {
    const check = this.o.scenario.steps[step]?.check;
    if (!check) return undefined;
    if (this.running?.step === step) return this.running.done;
    this.stop();
    const ac = new AbortController();
    this.o.dispatch({type: 'check', step, patch: {status: 'polling', startedAt: this.o.now()}});
    const done = pollCheck({
      intervalMs: check.intervalMs,
      timeoutMs,
      signal: ac.signal,
      attempt: (t, signal) => runCheckAttempt(check, this.o.context, t, signal),
      onAttempt: (r, n) => this.record(step, r, n),
    }).then((outcome) => {
      if (this.running?.ac === ac) this.running = undefined;
      // An aborted poll replaced by a new one for the same step must not overwrite its state.
      if (outcome.status === 'aborted' && this.running?.step === step) return outcome;
      // A last attempt cut off by its time limit leaves the verdict of the latest one that finished (the poller picks it).
      const l = outcome.status === 'timed-out' ? outcome.last : undefined;
      if (l) this.o.dispatch({type: 'check', step, patch: {feedback: l.feedback, expected: l.expected, actual: l.actual, lastOutput: l.lastOutput, lastExitCode: l.exitCode}});
      this.settle(step, outcome.status === 'passed' ? 'passed' : outcome.status === 'timed-out' ? 'timed-out' : 'idle');
      return outcome;
    });
    this.running = {step, ac, done};
    return done;
  }

  /** Run the check once now; keeps polling afterwards if it was polling. */
  async once(step: number): Promise<AttemptResult | undefined> {
    const check = this.o.scenario.steps[step]?.check;
    if (!check) return undefined;
    const wasPolling = this.isPolling(step);
    this.stop();
    const ac = new AbortController();
    this.running = {step, ac, done: Promise.resolve({status: 'aborted', attempts: 0})};
    const r = await runCheckAttempt(check, this.o.context, this.timeoutFor(step), ac.signal);
    if (this.running?.ac !== ac) return r;
    this.running = undefined;
    this.record(step, r, undefined);
    if (r.passed) this.settle(step, 'passed');
    else if (wasPolling) void this.poll(step);
    return r;
  }

  stop(): void {
    const r = this.running;
    this.running = undefined;
    r?.ac.abort();
  }

  private attempts = new Map<number, number>();
  private readonly feedback = new Map<number, readonly string[]>();

  private record(step: number, r: AttemptResult, _n: number | undefined): void {
    const attempts = (this.attempts.get(step) ?? 0) + 1;
    this.attempts.set(step, attempts);
    // An attempt the clock cut off (a slow start on a busy machine) says nothing about the
    // step: the FAIL: lines of the attempt before it stay the check's reason.
    const before = this.feedback.get(step);
    const feedback = r.timedOut && r.feedback.length === 0 && before?.length ? before : r.feedback;
    this.feedback.set(step, feedback);
    this.o.dispatch({
      type: 'check',
      step,
      patch: {attempts, feedback, expected: r.expected, actual: r.actual, lastOutput: r.lastOutput, lastExitCode: r.exitCode},
    });
    this.o.emit({type: 'check-attempt', step, passed: r.passed, feedback});
  }

  private settle(step: number, status: 'passed' | 'timed-out' | 'idle'): void {
    if (status === 'passed') {
      this.o.dispatch({type: 'check', step, patch: {status: 'passed', passedAt: this.o.now()}});
      this.o.onPassed(step);
    } else {
      this.o.dispatch({type: 'check', step, patch: {status}});
    }
  }
}
