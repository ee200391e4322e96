// Shared bench helpers: run a command N times, take the median wall time, print ratio tables.
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cli = join(repoRoot, 'dist', 'cli', 'main.js');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time (ms) of running `cmd args` `runs` times (after one warm-up run). */
export function timeCommand(cmd, args, {runs = 15, env = process.env, cwd = repoRoot} = {}) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, {env, cwd, stdio: ['ignore', 'ignore', 'pipe']});
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

/** Print rows of [name, value, baseline, target] as a table with ratios. */
export function printTable(rows) {
  process.stdout.write('| measure | ms | baseline ms | ratio | target |\n|---|---:|---:|---:|---|\n');
  for (const {name, ms, baseline, target} of rows) {
    const ratio = baseline ? (ms / baseline).toFixed(2) + '×' : '—';
    process.stdout.write(`| ${name} | ${ms.toFixed(1)} | ${baseline ? baseline.toFixed(1) : '—'} | ${ratio} | ${target ?? ''} |\n`);
  }
}

/** The CLI a PTY bench measures (KATARUN_BENCH_CLI picks another build), and an environment for it:
 * a real-terminal TERM, no CI (Ink would not render live), XDG dirs in a fresh temp folder. */
export function ptyBenchSetup() {
  const home = mkdtempSync(join(tmpdir(), 'katarun-bench-'));
  const env = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', XDG_STATE_HOME: join(home, 's'), XDG_DATA_HOME: join(home, 'd'), XDG_CACHE_HOME: join(home, 'c')};
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  return {cli: process.env.KATARUN_BENCH_CLI ?? cli, home, env};
}
