// Polls a step's check: one attempt at a time, at an interval that backs off (×1.5, up to
// 5 s or the scenario's own interval when longer) until it passes, the deadline passes, or
// the signal aborts (the learner left the step). An attempt that hangs is given only the
// time that is left and killed there by whoever runs it.
export const BACKOFF = 1.5;
export const MAX_INTERVAL_MS = 5000;
/** The wait before attempt `n + 1` (n ≥ 1). */
export function intervalFor(base, n) {
    const cap = Math.max(MAX_INTERVAL_MS, base);
    return Math.min(cap, Math.round(base * BACKOFF ** (n - 1)));
}
/** The least time an attempt is given, so that the deadline never cuts one off at its start. */
export const attemptFloor = (intervalMs) => Math.max(1000, intervalMs);
export function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const t = setTimeout(done, ms);
        function done() {
            clearTimeout(t);
            signal.removeEventListener('abort', done);
            resolve();
        }
        signal.addEventListener('abort', done, { once: true });
    });
}
export async function pollCheck(o) {
    const now = o.now ?? Date.now;
    const deadline = now() + o.timeoutMs;
    let attempts = 0;
    let last;
    for (;;) {
        if (o.signal.aborted)
            return { status: 'aborted', attempts, ...(last ? { last } : {}) };
        // Every attempt gets at least one interval (≥ 1 s) to finish, even near the deadline: an
        // attempt cut off after a few ms would replace the check's real FAIL: feedback with a timeout.
        const remaining = Math.max(deadline - now(), attemptFloor(o.intervalMs));
        last = await o.attempt(remaining, o.signal);
        attempts++;
        if (o.signal.aborted)
            return { status: 'aborted', attempts, last };
        o.onAttempt?.(last, attempts);
        if (last.passed)
            return { status: 'passed', attempts, last };
        const left = deadline - now();
        if (left <= 0)
            return { status: 'timed-out', attempts, last };
        const wait = intervalFor(o.intervalMs, attempts);
        if (wait >= left) {
            // No room for another full interval: one last look right at the deadline.
            await abortableSleep(left, o.signal);
            if (o.signal.aborted)
                return { status: 'aborted', attempts, last };
            return finalAttempt();
        }
        await abortableSleep(wait, o.signal);
    }
    async function finalAttempt() {
        const r = await o.attempt(attemptFloor(o.intervalMs), o.signal);
        attempts++;
        if (o.signal.aborted)
            return { status: 'aborted', attempts, last: r };
        o.onAttempt?.(r, attempts);
        return { status: r.passed ? 'passed' : 'timed-out', attempts, last: r };
    }
}
//# sourceMappingURL=verify-poller.js.map