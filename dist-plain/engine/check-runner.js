// One attempt of a step's check: a fresh process (never the learner's busy shell) with the
// learner's exported variables and working directory from T1's latest snapshot, killed when
// its time is up.
import { stat } from 'node:fs/promises';
import { judgeCheck } from './check-output.js';
import { readSnapshot } from './env-snapshot.js';
export async function runCheckAttempt(check, ctx, timeoutMs, signal) {
    const files = await ctx.snapshot();
    const snap = files ? await readSnapshot(files.envFile, files.cwdFile) : { env: {} };
    const env = ctx.env(snap.env);
    // The learner may have removed the folder they were in; bash would start elsewhere too.
    const cwdOk = snap.cwd ? await stat(ctx.port.hostPath?.(snap.cwd) ?? snap.cwd).then((s) => s.isDirectory(), () => false) : false;
    const res = await ctx.port.runScript(check.script, {
        cwd: cwdOk && snap.cwd ? snap.cwd : ctx.workspace,
        env,
        timeoutMs,
        signal,
        ...(ctx.logFile ? { logFile: ctx.logFile } : {}),
    });
    const verdict = judgeCheck(res.timedOut ? null : res.exitCode, res.output);
    if (res.timedOut) {
        return { ...verdict, passed: false, feedback: [...verdict.feedback, `the check did not finish within ${Math.round(timeoutMs / 100) / 10} s and was stopped`], exitCode: res.exitCode, timedOut: true };
    }
    return { ...verdict, exitCode: res.exitCode, timedOut: false };
}
//# sourceMappingURL=check-runner.js.map