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
