// The one way a test waits: poll what it expects to see until a deadline, never sleep a fixed
// time. The deadline only matters when the test fails, so it is generous (a loaded CI machine
// is slow, not wrong); on expiry it throws, naming what never happened.

export async function waitFor(pred: () => boolean, timeoutMs = 15_000, what = pred.toString(), intervalMs = 20): Promise<true> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return true;
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
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
