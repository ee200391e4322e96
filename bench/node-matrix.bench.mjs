// The start-up machinery judged per Node: for each Node (this one, plus those named in
// KATARUN_BENCH_NODES, a ':'-separated list of node binaries, e.g. the registry's node@22 and
// node@24), `katarun --version`, the TUI's first frame in a pseudo-terminal, `validate basics`
// and the pipe flood, as ratios to that Node's own `node -e 0`, measured in the same run, with:
//   bundle + code cache — dist/bundle/katarun.cjs through vm.Script with a V8 code cache (the default)
//   bundle, no cache    — KATARUN_CODE_CACHE=0
//   plain modules       — KATARUN_BUNDLE=0: tsc's ES modules, as Node loads them
//   plain + compile cache — KATARUN_BUNDLE=0 KATARUN_COMPILE_CACHE=1: module.enableCompileCache() (Node ≥ 22.1)
// Each start gets a fresh cache folder except the compile cache's, which is warmed once first
// (a learner's second start): the bundle's code cache the build seeded for that Node is its
// counterpart. Seed it for another Node with `<node> scripts/seed-code-cache.mjs` first.
//
// Measured 2026-12-03 on the 2-core machine under load (load average ~22, so compare within a
// Node, ms): first frame, bundle + code cache / no cache / plain / plain + compile cache —
// Node 20: 1387 / 2031 / 6924 ms; Node 22: 765 / 1141 / 4329 / 3696 ms; Node 24: 1341 / 2112 /
// 4369 / 3840 ms. validate basics, 15 interleaved runs, bundle / plain / plain + compile cache —
// Node 20: 1547 / 1905 ms; 22: 1803 / 2770 / 2126 ms; 24: 1378 / 1712 / 1835 ms. The bundle with
// its V8 code cache pays on every Node; Node's compile cache wins back a part of the plain
// modules' cost only, so it is not used (KATARUN_COMPILE_CACHE stays a bench switch).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import ptyModule from '@lydell/node-pty';
import {cli, median, repoRoot} from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const nodes = [process.execPath, ...(process.env.KATARUN_BENCH_NODES ?? '').split(':').filter(Boolean)];
const home = mkdtempSync(join(tmpdir(), 'katarun-bench-matrix-'));
let fresh = 0;
const baseEnv = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', XDG_STATE_HOME: join(home, 's'), XDG_DATA_HOME: join(home, 'd')};
delete baseEnv.CI;
delete baseEnv.CONTINUOUS_INTEGRATION;

const variants = [
  {name: 'bundle + code cache', env: {}},
  {name: 'bundle, no cache', env: {KATARUN_CODE_CACHE: '0'}},
  {name: 'plain modules', env: {KATARUN_BUNDLE: '0'}},
  {name: 'plain + compile cache', env: {KATARUN_BUNDLE: '0', KATARUN_COMPILE_CACHE: '1'}, needs: 22, sharedCache: true},
];

const major = (node) => Number(spawnSync(node, ['-p', 'process.versions.node.split(".")[0]'], {encoding: 'utf8'}).stdout.trim());

function envFor(v) {
  // A fresh cache folder per start, except the compile cache's, which stays warm across starts.
  return {...baseEnv, ...v.env, XDG_CACHE_HOME: v.sharedCache ? join(home, `shared-${v.name}`) : join(home, `c${fresh++}`)};
}

function wall(node, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, args, {env, cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe']});
  if (r.status !== 0 && r.status !== 1) throw new Error(`${node} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Spawn → the intro's first frame on screen, in a pseudo-terminal; then q. */
function firstFrame(node, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = ptyModule.spawn(node, [cli, 'run', 'scenarios/basics'], {name: 'xterm-256color', cols: 100, rows: 30, cwd: repoRoot, env});
    let out = '';
    let shown;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`no first frame within 30 s:\n${out.slice(-400)}`));
    }, 30_000);
    p.onData((d) => {
      out += d;
      if (shown === undefined && out.includes('Enter start')) {
        shown = performance.now() - t0;
        p.write('q');
      }
    });
    p.onExit(() => {
      clearTimeout(timer);
      if (shown === undefined) reject(new Error(`exited before its first frame:\n${out.slice(-400)}`));
      else resolve(shown);
    });
  });
}

/** The pipe flood (bench/flood.bench.mjs, its pipe rows) under `node`: the product path's ratio to its own baseline. */
function flood(node) {
  const r = spawnSync(node, [join(repoRoot, 'bench', 'flood.bench.mjs')], {encoding: 'utf8', env: {...process.env, KATARUN_FLOOD_KIND: 'pipe'}});
  const row = /^\| pipe \| ([\d.]+) \| ([\d.]+) \| ([\d.]+)×/m.exec(r.stdout);
  return row ? {ms: Number(row[1]), ratio: Number(row[3])} : undefined;
}

const out = ['| Node | measure | variant | ms | node -e 0 ms | ratio |', '|---|---|---|---:|---:|---:|'];
for (const node of nodes) {
  const m = major(node);
  const version = spawnSync(node, ['--version'], {encoding: 'utf8'}).stdout.trim();
  const usable = variants.filter((v) => !v.needs || m >= v.needs);
  const times = new Map();
  const add = (key, ms) => times.set(key, [...(times.get(key) ?? []), ms]);
  // Warm-up: each variant once (writes the compile cache of the shared variant).
  for (const v of usable) await firstFrame(node, envFor(v));
  for (let i = 0; i < RUNS; i++) {
    add('baseline', wall(node, ['-e', '0'], baseEnv));
    add('--version', wall(node, [cli, '--version'], baseEnv));
    for (const v of usable) {
      add(`first frame|${v.name}`, await firstFrame(node, envFor(v)));
      add(`validate basics|${v.name}`, wall(node, [cli, 'validate', '--lang', 'en', 'scenarios/basics'], envFor(v)));
    }
  }
  const base = median(times.get('baseline'));
  const row = (measure, variant, ms) => out.push(`| ${version} | ${measure} | ${variant} | ${ms.toFixed(1)} | ${base.toFixed(1)} | ${(ms / base).toFixed(2)}× |`);
  row('--version', '—', median(times.get('--version')));
  for (const measure of ['first frame', 'validate basics']) for (const v of usable) row(measure, v.name, median(times.get(`${measure}|${v.name}`)));
  const f = flood(node);
  out.push(`| ${version} | flood (pipe, 2M lines) | — | ${f ? f.ms.toFixed(1) : 'failed'} | (own baseline) | ${f ? `${f.ratio.toFixed(2)}×` : '—'} |`);
}
rmSync(home, {recursive: true, force: true});
process.stdout.write(`${out.join('\n')}\n`);
