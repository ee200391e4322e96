// 2,000,000 lines of output from one command through a session, in a fresh Node process
// (start-up, session, command, dispose), against the same command writing to /dev/null plus
// Node's own start-up. Targets: ≤ 1.5× the wall time, peak RSS < 150 MB (pipe session).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {median, repoRoot, timeCommand} from './lib.mjs';

const LINES = 2_000_000;
const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), 'katarun-bench-flood-'));
const child = join(dir, 'flood-child.mjs');
writeFileSync(
  child,
  `import {readFileSync} from 'node:fs';
const {createShellSession} = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'shell', 'create-session.js')).href)});
const [kind, stateDir] = process.argv.slice(2);
const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => typeof v === 'string'));
const s = await createShellSession({kind, cwd: stateDir, env, stateDir, name: 'T1'});
const r = await s.run('seq 1 ${LINES}');
await s.dispose();
if (r.lineCount !== ${LINES} || r.tail.at(-1) !== '${LINES}') { console.error('wrong result', r.lineCount, r.tail.at(-1)); process.exit(1); }
const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
process.stdout.write(JSON.stringify({rssKiB: hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS}));
`,
);

// Node's start-up as katarun pays it: an (empty) ES module, like the child below.
writeFileSync(join(dir, 'empty.mjs'), '');
const nodeStart = timeCommand(process.execPath, [join(dir, 'empty.mjs')], {runs: 10, cwd: dir});
const devNull = timeCommand('bash', ['-c', `seq 1 ${LINES} >/dev/null`], {runs: 10, cwd: dir});
const baseline = nodeStart + devNull;

function measure(kind) {
  const times = [];
  let rss = 0;
  for (let i = 0; i <= RUNS; i++) {
    const stateDir = mkdtempSync(join(dir, `${kind}-`));
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [child, kind, stateDir], {encoding: 'utf8'});
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    rmSync(stateDir, {recursive: true, force: true});
    if (r.status !== 0) return {error: (r.stderr || `exit ${r.status}`).trim().split('\n').at(-1)};
    if (i === 0) continue; // warm-up
    times.push(ms);
    rss = Math.max(rss, JSON.parse(r.stdout).rssKiB / 1024);
  }
  return {ms: median(times), rss};
}

const rows = ['pipe', 'pty'].map((kind) => ({kind, ...measure(kind)}));
rmSync(dir, {recursive: true, force: true});

process.stdout.write(`flood: seq 1 ${LINES} through a session; baseline = node start-up ${nodeStart.toFixed(1)} ms + command to /dev/null ${devNull.toFixed(1)} ms\n`);
process.stdout.write('| session | wall ms | baseline ms | ratio | peak RSS MB | target |\n|---|---:|---:|---:|---:|---|\n');
for (const r of rows) {
  if (r.error) {
    process.stdout.write(`| ${r.kind} | unavailable: ${r.error} | | | | |\n`);
    continue;
  }
  const ratio = r.ms / baseline;
  const target = r.kind === 'pipe' ? `≤ 1.5×, < 150 MB ${ratio <= 1.5 && r.rss < 150 ? 'ok' : 'MISSED'}` : 'reported';
  process.stdout.write(`| ${r.kind} | ${r.ms.toFixed(1)} | ${baseline.toFixed(1)} | ${ratio.toFixed(2)}× | ${r.rss.toFixed(1)} | ${target} |\n`);
}
