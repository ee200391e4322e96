// The one way a test waits: poll what it expects to see until a deadline, never sleep a fixed
// time. The deadline only matters when the test fails, so it is generous (a loaded CI machine
// is slow, not wrong); on expiry it throws, naming what never happened and what was seen instead.

export interface WaitOptions {
  readonly timeoutMs?: number;
  /** What the test waits for, as the timeout error names it. */
  readonly what?: string;
  readonly intervalMs?: number;
  /** Asked before each poll: a reason stops the wait at once (what it waits for can no longer come, say the program exited). */
  readonly giveUp?: () => string | undefined;
  /** What the test saw instead, added to the timeout error (the screen, the processes left). */
  readonly seen?: () => string;
}

/** Poll `pred` until it holds (true) or the deadline passes (false): for a caller that reports the failure itself. */
export async function pollUntil(pred: () => boolean, o: WaitOptions = {}): Promise<boolean> {
  const deadline = Date.now() + (o.timeoutMs ?? 15_000);
  for (;;) {
    const reason = o.giveUp?.();
    if (reason !== undefined) throw new Error(reason);
    if (pred()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, o.intervalMs ?? 20)); // the polling interval: how often the condition is asked
  }
}

/** Poll `pred` until it holds; throw at the deadline. `waitFor(pred, ms, what)` or `waitFor(pred, {timeoutMs, what, giveUp, seen})`. */
export async function waitFor(pred: () => boolean, timeout: number | WaitOptions = 15_000, what?: string, intervalMs?: number): Promise<true> {
  const o: WaitOptions = typeof timeout === 'number' ? {timeoutMs: timeout, ...(what !== undefined ? {what} : {}), ...(intervalMs !== undefined ? {intervalMs} : {})} : timeout;
  if (await pollUntil(pred, o)) return true;
  const seen = o.seen?.();
  throw new Error(`waited ${o.timeoutMs ?? 15_000} ms for ${o.what ?? pred.toString()}${seen ? `; ${seen}` : ''}`);
}

/** Poll an (async) `probe` until it returns a value other than undefined, and return that value; fail after `ms`, with the probe's last error. */
export async function waitForValue<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50)); // the polling interval, as in pollUntil
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
