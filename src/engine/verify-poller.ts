// Polls a step's check: one attempt at a time, at an interval that backs off (×1.5, up to
// 5 s or the scenario's own interval when longer) until it passes, the deadline passes, or
// the signal aborts (the learner left the step). An attempt that hangs is given only the
// time that is left and killed there by whoever runs it.

import {MAX_TIMER_MS} from '../scenario/index/durations.js';
import type {CheckVerdict} from './check-output.js';

export interface AttemptResult extends CheckVerdict {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
}

export interface PollOptions {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  /** Run one attempt, allowed to take at most `timeoutMs`. */
  readonly attempt: (timeoutMs: number, signal: AbortSignal) => Promise<AttemptResult>;
  readonly onAttempt?: (result: AttemptResult, attempt: number) => void;
  readonly now?: () => number;
}

export type PollOutcome = {readonly status: 'passed' | 'timed-out' | 'aborted'; readonly attempts: number; readonly last?: AttemptResult};

export const BACKOFF = 1.5;
export const MAX_INTERVAL_MS = 5000;

/** The wait before attempt `n + 1` (n ≥ 1). */
export function intervalFor(base: number, n: number): number {
  const cap = Math.max(MAX_INTERVAL_MS, base);
  return Math.min(cap, Math.round(base * BACKOFF ** (n - 1)));
}

/** The least time an attempt is given, so that the deadline never cuts one off at its start. */
export const attemptFloor = (intervalMs: number): number => Math.max(1000, intervalMs);

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, Math.min(ms, MAX_TIMER_MS));
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, {once: true});
  });
}

export async function pollCheck(o: PollOptions): Promise<PollOutcome> {
  const now = o.now ?? Date.now;
  const deadline = now() + o.timeoutMs;
  let attempts = 0;
  let last: AttemptResult | undefined;
  // The latest attempt that ran to its end: when a later one is cut off by its time limit (a
  // loaded machine, the deadline near), its FAIL: lines are what the learner needs, not the cut-off's.
  let finished: AttemptResult | undefined;
  const verdict = (r: AttemptResult) => (r.timedOut && finished ? finished : r);
  for (;;) {
    if (o.signal.aborted) return {status: 'aborted', attempts, ...(last ? {last} : {})};
    // Every attempt gets at least one interval (≥ 1 s) to finish, even near the deadline: an
    // attempt cut off after a few ms would replace the check's real FAIL: feedback with a timeout.
    // Node fires a timer longer than 2³¹−1 ms at once: never hand one down.
    const remaining = Math.min(MAX_TIMER_MS, Math.max(deadline - now(), attemptFloor(o.intervalMs)));
    last = await o.attempt(remaining, o.signal);
    attempts++;
    if (o.signal.aborted) return {status: 'aborted', attempts, last};
    o.onAttempt?.(last, attempts);
    if (last.passed) return {status: 'passed', attempts, last};
    const left = deadline - now();
    if (left <= 0) return {status: 'timed-out', attempts, last: verdict(last)};
    if (!last.timedOut) finished = last;
    const wait = intervalFor(o.intervalMs, attempts);
    if (wait >= left) {
      // No room for another full interval: one last look right at the deadline.
      await abortableSleep(left, o.signal);
      if (o.signal.aborted) return {status: 'aborted', attempts, last};
      return finalAttempt();
    }
    await abortableSleep(wait, o.signal);
  }

  async function finalAttempt(): Promise<PollOutcome> {
    const r = await o.attempt(attemptFloor(o.intervalMs), o.signal);
    attempts++;
    if (o.signal.aborted) return {status: 'aborted', attempts, last: r};
    o.onAttempt?.(r, attempts);
    return r.passed ? {status: 'passed', attempts, last: r} : {status: 'timed-out', attempts, last: verdict(r)};
  }
}
