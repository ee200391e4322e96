// 2,000,000 lines of output from one command through a session into the engine's output
// batcher, in a fresh Node process (start-up, session, command, dispose): the product's path,
// as src/engine/terminals.ts wires it (the batcher is poked on output and reads the session's
// own tail and line count). Against the same command writing to /dev/null plus Node's own
// start-up. Targets: ≤ 1.5× the wall time, peak RSS < 150 MB (pipe session).
// Also measured on the pipe session, in the same run: the path before 2026-12 (a listener that
// decoded every chunk and counted its newlines a second time). Measured then, interleaved, 9
// runs on a loaded machine: before 1.08x, now 0.92x of the baseline; a WebAssembly SIMD newline
// counter in the session's tail 0.92x against 0.89x for the plain counter, so it was removed.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {median, repoRoot, timeCommand} from './lib.mjs';

const LINES = 2_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'katarun-bench-flood-'));
const child = join(dir, 'flood-child.mjs');
writeFileSync(
  child,
  `import {readFileSync} from 'node:fs';
const [kind, stateDir, dist, path] = process.argv.slice(2);
const url = (f) => new URL(f, 'file://' + dist + '/').href;
const {createShellSession} = await import(url('shell/create-session.js'));
const {OutputBatcher} = await import(url('engine/output-batcher.js'));
const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => typeof v === 'string'));
const s = await createShellSession({kind, cwd: stateDir, env, stateDir, name: 'T1'});
let published = 0;
let counted = 0;
const batcher = new OutputBatcher({readTail: () => s.tail(200), readLineCount: () => (path === 'before' ? counted : s.outputLines), publish: () => published++}, 75);
if (path === 'before') {
  s.onOutput((chunk) => {
    for (let i = chunk.indexOf('\\n'); i >= 0; i = chunk.indexOf('\\n', i + 1)) counted++;
    batcher.poke();
  });
} else s.onActivity(() => batcher.poke());
const r = await s.run('seq 1 ${LINES}');
batcher.flush();
await s.dispose();
if (r.lineCount !== ${LINES} || r.tail.at(-1) !== '${LINES}' || published === 0) { console.error('wrong result', r.lineCount, r.tail.at(-1), published); process.exit(1); }
const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
process.stdout.write(JSON.stringify({rssKiB: hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS}));
`,
);
const dist = join(repoRoot, 'dist');

// Node's start-up as katarun pays it: an (empty) ES module, like the child below.
writeFileSync(join(dir, 'empty.mjs'), '');
const nodeStart = timeCommand(process.execPath, [join(dir, 'empty.mjs')], {runs: 10, cwd: dir});
const devNull = timeCommand('bash', ['-c', `seq 1 ${LINES} >/dev/null`], {runs: 10, cwd: dir});
const baseline = nodeStart + devNull;

/** One run of a variant: wall ms and peak RSS MB, or the error it ended with. */
function once({kind, path = 'now'}) {
  const stateDir = mkdtempSync(join(dir, `${kind}-`));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [child, kind, stateDir, dist, path], {encoding: 'utf8'});
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  rmSync(stateDir, {recursive: true, force: true});
  if (r.status !== 0) return {error: (r.stderr || `exit ${r.status}`).trim().split('\n').at(-1)};
  return {ms, rss: JSON.parse(r.stdout).rssKiB / 1024};
}

const variants = [
  {name: 'pipe', kind: 'pipe'},
  {name: 'pipe, path before (decode + second count)', kind: 'pipe', path: 'before'},
  {name: 'pty', kind: 'pty'},
];
// KATARUN_FLOOD_KIND=pipe leaves the (slow) PTY session out (bench/node-matrix.bench.mjs, per Node).
const onlyKind = process.env.KATARUN_FLOOD_KIND;
const chosen = variants.filter((v) => !onlyKind || v.kind === onlyKind);
// Interleaved (each round runs every variant once), so a busy machine's load falls on all alike;
// round 0 is the warm-up.
const samples = new Map(chosen.map((v) => [v.name, {times: [], rss: 0}]));
for (let i = 0; i <= RUNS; i++) {
  for (const v of chosen) {
    const got = samples.get(v.name);
    if (got.error) continue;
    const r = once(v);
    if (r.error) got.error = r.error;
    else if (i > 0) {
      got.times.push(r.ms);
      got.rss = Math.max(got.rss, r.rss);
    }
  }
}
const rows = chosen.map((v) => {
  const got = samples.get(v.name);
  return got.error ? {...v, error: got.error} : {...v, ms: median(got.times), rss: got.rss};
});
rmSync(dir, {recursive: true, force: true});

process.stdout.write(`flood: seq 1 ${LINES} through a session; baseline = node start-up ${nodeStart.toFixed(1)} ms + command to /dev/null ${devNull.toFixed(1)} ms\n`);
process.stdout.write('| session | wall ms | baseline ms | ratio | peak RSS MB | target |\n|---|---:|---:|---:|---:|---|\n');
for (const r of rows) {
  if (r.error) {
    process.stdout.write(`| ${r.name} | unavailable: ${r.error} | | | | |\n`);
    continue;
  }
  const ratio = r.ms / baseline;
  const target = r.name === 'pipe' ? `≤ 1.5×, < 150 MB ${ratio <= 1.5 && r.rss < 150 ? 'ok' : 'MISSED'}` : 'reported';
  process.stdout.write(`| ${r.name} | ${r.ms.toFixed(1)} | ${baseline.toFixed(1)} | ${ratio.toFixed(2)}× | ${r.rss.toFixed(1)} | ${target} |\n`);
}
