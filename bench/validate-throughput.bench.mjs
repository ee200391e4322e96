// Validate throughput over many scenarios in one process: `katarun validate --format json` of
// every scenario folder under a corpus, in scenarios per second, against a bare Node loop that
// reads the same folders (every file, once) in the same run. The corpus is a folder of public
// scenario checkouts kept outside the repository (KATARUN_CORPUS=<folder>, as
// scripts/compat-report.mjs uses); without one, the repository's own scenarios and fixtures.
// Run alone with `node bench/validate-throughput.bench.mjs` after `npm run build`.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cli, repoRoot} from './lib.mjs';
import {scenarioDirs} from '../scripts/scenario-dirs.mjs';

if (!existsSync(cli)) {
  process.stderr.write('dist/cli/main.js is missing: run npm run build first\n');
  process.exit(1);
}

const corpus = process.env.KATARUN_CORPUS;
const roots = corpus ? [corpus] : [join(repoRoot, 'scenarios'), join(repoRoot, 'test', 'fixtures', 'scenarios'), join(repoRoot, 'test', 'fixtures', 'engine')];
const dirs = roots.flatMap((r) => scenarioDirs(r)).sort();
const home = mkdtempSync(join(tmpdir(), 'katarun-bench-throughput-'));
const env = {...process.env, XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache')};

// The bare loop: what any tool must do at least — list each folder and read every file in it.
const bare = `
const {readdirSync, readFileSync} = require('node:fs');
const {join} = require('node:path');
let bytes = 0;
const walk = (d) => { for (const e of readdirSync(d, {withFileTypes: true})) { const p = join(d, e.name);
  if (e.isDirectory()) { if (!e.name.startsWith('.')) walk(p); } else if (e.isFile()) bytes += readFileSync(p).length; } };
for (const d of JSON.parse(process.env.BENCH_DIRS)) walk(d);
process.stdout.write(String(bytes));
`;

function time(command, args, extraEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, args, {env: {...env, ...extraEnv}, encoding: 'utf8', maxBuffer: 1 << 30});
  const ms = performance.now() - t0;
  return {ms, status: r.status, out: r.stdout};
}

try {
  const runs = Number(process.env.BENCH_RUNS ?? (corpus ? 1 : 3));
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const loop = time(process.execPath, ['-e', bare], {BENCH_DIRS: JSON.stringify(dirs)});
    const val = time(process.execPath, [cli, 'validate', '--format', 'json', ...dirs]);
    rows.push({loop: loop.ms, validate: val.ms, status: val.status, reports: (() => {
      try {
        const j = JSON.parse(val.out);
        return (Array.isArray(j) ? j : j.scenarios).length;
      } catch {
        return -1;
      }
    })()});
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const loopMs = median(rows.map((r) => r.loop));
  const valMs = median(rows.map((r) => r.validate));
  const n = dirs.length;
  process.stdout.write(`${n} scenarios (${corpus ? 'corpus' : 'repository scenarios and fixtures'}), ${rows[0].reports} reports (translations included), validate exit ${rows[0].status}\n`);
  process.stdout.write('| measure | ms | scenarios/s | ratio |\n|---|---:|---:|---:|\n');
  process.stdout.write(`| bare Node loop reading the same folders | ${loopMs.toFixed(0)} | ${(n / (loopMs / 1000)).toFixed(1)} | 1.00× |\n`);
  process.stdout.write(`| katarun validate, one process | ${valMs.toFixed(0)} | ${(n / (valMs / 1000)).toFixed(1)} | ${(valMs / loopMs).toFixed(2)}× |\n`);
  if (rows[0].reports < 0) process.exit(1);
} finally {
  rmSync(home, {recursive: true, force: true});
}
