// What the sandbox costs: starting a terminal (a pipe and a PTY shell, until its first command
// has come back) and one check attempt (a bash check process), each with the bwrap sandbox the
// engine derives for a real scenario and without it. Runs alternate (with, without, with, …)
// so that both see the same machine load; the baseline is the same thing without the sandbox,
// measured in the same run. Target: the sandbox adds at most 40 ms to a check attempt or a
// terminal start (bwrap's namespaces and mounts; the ratio is large only because bash alone is fast).
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {median, printTable, repoRoot} from './lib.mjs';

const dist = (p) => pathToFileURL(join(repoRoot, 'dist', p)).href;
const {sandboxStatus} = await import(dist('shell/sandbox.js'));
const {createShellSession} = await import(dist('shell/create-session.js'));
const {runScript} = await import(dist('shell/process.js'));
const {loadScenario} = await import(dist('scenario/load-scenario.js'));
const {scenarioWorld} = await import(dist('engine/scenario-world.js'));

const status = sandboxStatus();
if (!status.usable) {
  process.stdout.write(`bwrap is not usable here (${status.reason}${status.detail ? `: ${status.detail}` : ''}); nothing to compare\n`);
  process.exit(0);
}

const root = mkdtempSync(join(tmpdir(), 'katarun-bench-sandbox-'));
const workspace = join(root, 'ws');
const logs = join(root, 'logs');
const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => typeof v === 'string'));
const scenario = await loadScenario(join(repoRoot, 'scenarios', 'basics'));
const world = scenarioWorld({scenario, workspace, userEnv: env, mode: 'bwrap', writable: [logs]});
const spec = world.spec;
// In the run's log folder, which the sandbox shows at its host path, as it shows the scenario's folder.
mkdirSync(logs, {recursive: true});
const check = join(logs, 'verify.sh');
writeFileSync(check, '#!/usr/bin/env bash\n[ -d / ] && echo done\n', {mode: 0o755});

let n = 0;
async function terminal(kind, sandboxed) {
  const t0 = performance.now();
  const s = await createShellSession({
    kind,
    cwd: sandboxed ? world.home : root,
    env: sandboxed ? world.env : env,
    stateDir: join(logs, `T${++n}`),
    name: 'T1',
    ...(sandboxed ? {sandbox: spec} : {}),
  });
  const r = await s.run('true');
  const ms = performance.now() - t0;
  await s.dispose();
  if (r.exitCode !== 0) throw new Error(`the ${kind} shell's first command failed (${sandboxed ? 'sandboxed' : 'plain'})`);
  return ms;
}

async function attempt(sandboxed) {
  const r = await runScript(check, 'bash', {cwd: sandboxed ? world.home : root, env: sandboxed ? world.env : env, timeoutMs: 10_000, ...(sandboxed ? {sandbox: spec} : {})});
  if (r.exitCode !== 0) throw new Error(`the check failed (${sandboxed ? 'sandboxed' : 'plain'}): ${r.output}`);
  return r.durationMs;
}

async function compare(name, fn, runs) {
  const withBox = [];
  const without = [];
  await fn(true);
  await fn(false);
  for (let i = 0; i < runs; i++) {
    withBox.push(await fn(true));
    without.push(await fn(false));
  }
  return {name, ms: median(withBox), baseline: median(without), target: '≤ +40 ms'};
}

const rows = [
  await compare('check attempt (bash)', attempt, 25),
  await compare('terminal start, pipe (to first prompt)', (s) => terminal('pipe', s), 15),
];
try {
  rows.push(await compare('terminal start, pty (to first prompt)', (s) => terminal('pty', s), 15));
} catch (err) {
  process.stdout.write(`(no PTY here: ${err.message})\n`);
}
rmSync(root, {recursive: true, force: true});
printTable(rows);
for (const r of rows) process.stdout.write(`${r.name}: +${(r.ms - r.baseline).toFixed(1)} ms with the sandbox\n`);
const bad = rows.filter((r) => r.ms - r.baseline > 40);
if (bad.length) {
  process.stdout.write(`over target: ${bad.map((r) => r.name).join(', ')}\n`);
  process.exitCode = 1;
}
