import {describe, expect, it} from 'vitest';
import {intervalFor, attemptFloor, pollCheck, type AttemptResult} from '../../src/engine/verify-poller.js';

const result = (passed: boolean): AttemptResult => ({passed, feedback: passed ? [] : ['no'], lastOutput: [], exitCode: passed ? 0 : 1, timedOut: false});

describe('verify poller', () => {
  it('backs off by 1.5 up to 5 s (or the scenario interval when longer)', () => {
    expect([1, 2, 3, 4, 10].map((n) => intervalFor(2000, n))).toEqual([2000, 3000, 4500, 5000, 5000]);
    expect(intervalFor(8000, 3)).toBe(8000);
  });

  it('polls one attempt at a time until it passes', async () => {
    let running = 0;
    let calls = 0;
    const seen: number[] = [];
    const out = await pollCheck({
      intervalMs: 5,
      timeoutMs: 5000,
      signal: new AbortController().signal,
      onAttempt: (_r, n) => seen.push(n),
      attempt: async () => {
        expect(++running).toBe(1);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        return result(++calls === 3);
      },
    });
    expect(out).toMatchObject({status: 'passed', attempts: 3});
    expect(seen).toEqual([1, 2, 3]);
  });

  it('times out with the last attempt; near the deadline an attempt still gets one interval (≥ 1 s), never a sliver', async () => {
    const budgets: number[] = [];
    const out = await pollCheck({
      intervalMs: 20,
      timeoutMs: 100,
      signal: new AbortController().signal,
      attempt: async (t) => {
        budgets.push(t);
        return result(false);
      },
    });
    expect(out.status).toBe('timed-out');
    expect(out.last?.feedback).toEqual(['no']);
    expect(budgets[0]).toBe(attemptFloor(20));
    expect(budgets.every((b) => b >= 1000)).toBe(true);
    expect(budgets.length).toBeGreaterThanOrEqual(3);
  });

  it('stops when aborted (the learner left the step)', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    const started = Date.now();
    // Without the abort the poller would sleep a whole minute before its next attempt.
    const out = await pollCheck({intervalMs: 60_000, timeoutMs: 600_000, signal: ac.signal, attempt: async () => result(false)});
    expect(out.status).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a last look stopped at the deadline does not replace the answer of the attempt before it', async () => {
    let n = 0;
    const out = await pollCheck({
      intervalMs: 40,
      timeoutMs: 60,
      signal: new AbortController().signal,
      attempt: async () => (++n === 1 ? {...result(false), feedback: ['FAIL: no ServiceEntry']} : {...result(false), feedback: ['stopped'], exitCode: null, timedOut: true}),
    });
    expect(out.status).toBe('timed-out');
    expect(out.attempts).toBeGreaterThanOrEqual(2);
    expect(out.last?.feedback).toEqual(['FAIL: no ServiceEntry']);
    // With nothing better before it, a stopped attempt is what is reported.
    const only = await pollCheck({intervalMs: 40, timeoutMs: 10, signal: new AbortController().signal, attempt: async () => ({...result(false), feedback: ['stopped'], exitCode: null, timedOut: true})});
    expect(only.last?.feedback).toEqual(['stopped']);
  });
});
