// A check that starts passing is noticed within one poll interval + 50 ms.
// Runs the engine's real check path (dist/: poller + check runner + src/shell) against a bash
// check that passes once a file exists; the file appears at a known moment, and the latency
// from that moment to the poller's verdict is compared with the interval in effect then.
// Baseline: the poll interval itself (the ratio is latency / interval; target ≤ 1 + 50 ms).
import {mkdtempSync, rmSync, writeFileSync, chmodSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {repoRoot} from './lib.mjs';

const dist = (p) => pathToFileURL(join(repoRoot, 'dist', p)).href;
const {pollCheck, intervalFor} = await import(dist('engine/verify-poller.js'));
const {runCheckAttempt} = await import(dist('engine/check-runner.js'));
const {defaultShellPort} = await import(dist('engine/shell-port-default.js'));

const dir = mkdtempSync(join(tmpdir(), 'katarun-bench-check-'));
const flag = join(dir, 'ready');
const script = join(dir, 'verify.sh');
writeFileSync(script, `#!/usr/bin/env bash\n[ -f '${flag}' ]\n`);
chmodSync(script, 0o755);
const check = {script: {role: 'verify', path: script, language: 'bash', source: {file: script, line: 1}}, timeoutMs: 60_000, intervalMs: 0};
const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => typeof v === 'string'));
const ctx = {port: defaultShellPort(), snapshot: async () => undefined, env: () => env, workspace: dir};

async function once(intervalMs, passAfterMs) {
  rmSync(flag, {force: true});
  let attempts = 0;
  let passedAt = 0;
  const timer = setTimeout(() => {
    writeFileSync(flag, '');
    passedAt = performance.now();
  }, passAfterMs);
  const out = await pollCheck({
    intervalMs,
    timeoutMs: 60_000,
    signal: new AbortController().signal,
    attempt: (t, signal) => runCheckAttempt({...check, intervalMs}, ctx, t, signal),
    onAttempt: (_r, n) => (attempts = n),
  });
  clearTimeout(timer);
  const latency = performance.now() - passedAt;
  // The wait in effect when the file appeared: the one after the attempt before the last.
  const interval = intervalFor(intervalMs, Math.max(1, attempts - 1));
  if (out.status !== 'passed') throw new Error(`check did not pass: ${out.status}`);
  return {latency, interval};
}

const rows = [];
for (const [intervalMs, passAfterMs] of [[200, 700], [500, 1300], [1000, 2100], [2000, 2500]]) {
  let worst = {latency: 0, interval: 1, over: -Infinity};
  for (let i = 0; i < 3; i++) {
    const r = await once(intervalMs, passAfterMs + i * 37);
    const over = r.latency - r.interval;
    if (over > worst.over) worst = {...r, over};
  }
  rows.push({intervalMs, ...worst});
}
rmSync(dir, {recursive: true, force: true});

process.stdout.write('| base interval ms | interval in effect ms | worst latency ms | ratio to interval | target |\n|---:|---:|---:|---:|---|\n');
let ok = true;
for (const r of rows) {
  const pass = r.latency <= r.interval + 50;
  ok &&= pass;
  process.stdout.write(`| ${r.intervalMs} | ${r.interval} | ${r.latency.toFixed(1)} | ${(r.latency / r.interval).toFixed(2)}× | ≤ interval + 50 ms ${pass ? 'ok' : 'MISSED'} |\n`);
}
process.stdout.write(ok ? 'check latency: within target\n' : 'check latency: target missed\n');
process.exit(0);
