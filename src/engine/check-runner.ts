// One attempt of a step's check: a fresh process (never the learner's busy shell) with the
// learner's exported variables and working directory from T1's latest snapshot, killed when
// its time is up.

import {stat} from 'node:fs/promises';
import type {Check} from '../scenario/model.js';
import {judgeCheck} from './check-output.js';
import {readSnapshot} from './env-snapshot.js';
import type {ShellPort} from './shell-port.js';
import type {AttemptResult} from './verify-poller.js';

export interface CheckContext {
  readonly port: ShellPort;
  /** T1's snapshot files, when T1 has started. */
  readonly snapshot: () => Promise<{envFile: string; cwdFile: string} | undefined>;
  /** The environment to run with, given the learner's exports. */
  readonly env: (learner: Readonly<Record<string, string>>) => Record<string, string>;
  readonly workspace: string;
  readonly logFile?: string;
}

export async function runCheckAttempt(check: Check, ctx: CheckContext, timeoutMs: number, signal: AbortSignal): Promise<AttemptResult> {
  const files = await ctx.snapshot();
  const snap = files ? await readSnapshot(files.envFile, files.cwdFile) : {env: {}};
  const env = ctx.env(snap.env);
  // The learner may have removed the folder they were in; bash would start elsewhere too.
  const cwdOk = snap.cwd ? await stat(ctx.port.hostPath?.(snap.cwd) ?? snap.cwd).then((s) => s.isDirectory(), () => false) : false;
  const res = await ctx.port.runScript(check.script, {
    cwd: cwdOk && snap.cwd ? snap.cwd : ctx.workspace,
    env,
    timeoutMs,
    signal,
    ...(ctx.logFile ? {logFile: ctx.logFile} : {}),
  });
  const verdict = judgeCheck(res.timedOut ? null : res.exitCode, res.output, check.rule);
  if (res.timedOut) {
    // The edges say that it timed out (from `timedOut` / the check's status); feedback stays the check's own FAIL lines.
    return {...verdict, passed: false, exitCode: res.exitCode, timedOut: true};
  }
  return {...verdict, exitCode: res.exitCode, timedOut: false};
}
