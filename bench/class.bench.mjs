// The class server under a class of 300: `katarun class serve` (the built CLI, its own process)
// on loopback; the learners' event streams sent through the real learner client (dist/class/
// client.js: disk queue, batches, retries) from a process of their own (class-learners.mjs);
// one board following the live stream (SSE) here. Three processes, so each one's CPU is its own.
//
// Reports per phase — 1 learner, 50 learners, then the class (300) — event → board latency
// (p50/p99: from the learner's send() to this board receiving the update that shows it, on the
// machine's wall clock; and from the moment the event left in an HTTP request, which leaves out
// the wait in the learners' own crowded process), the server's CPU, event-loop delay (bench/class-probe.mjs) and peak RSS,
// the learners' process CPU and loop delay, the machine's load average, and events lost (must
// be 0). Ratios are against the 1-learner phase of the same run. Bounded: a fixed number of
// events per learner and a hard deadline.
//
// Usage: node bench/class.bench.mjs [learners=300] [eventsPerLearner=16]
// KATARUN_BENCH_CPU_PROF=DIR also writes the server's CPU profile (node --cpu-prof) there.
// KATARUN_BENCH_NICE=-10 runs the bench's three processes at that priority (root may raise it):
// on a machine shared with other heavy work, what the class gets when it has the CPU first, as
// the instructor's laptop would — printed beside the measure at normal priority, not instead.

import {fork, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {request} from 'node:http';
import {cpus, loadavg, setPriority, tmpdir} from 'node:os';
import {join} from 'node:path';
import {cli, median, repoRoot} from './lib.mjs';

const LEARNERS = Number(process.argv[2] ?? 300);
const EVENTS = Number(process.argv[3] ?? 16);
const DEADLINE_MS = 240_000;
const home = mkdtempSync(join(tmpdir(), 'katarun-class-bench-'));
const started = Date.now();
// The learners' queues stand for 300 laptops' own disks: on tmpfs (/dev/shm) when there is one, so
// that one process's 300 queues do not wait on this disk in each other's turn; the server's state
// stays on the real disk. KATARUN_BENCH_LEARNERS_DIR puts them elsewhere.
const learnersHome = mkdtempSync(join(process.env.KATARUN_BENCH_LEARNERS_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : home), 'katarun-class-learners-'));
const probeOut = join(home, 'probe.json');
const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The server, as an instructor starts it (plus the loop-delay probe, and a CPU profile on request).
const profDir = process.env.KATARUN_BENCH_CPU_PROF;
const nodeArgs = ['--import', join(repoRoot, 'bench', 'class-probe.mjs'), ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [])];
const server = spawn(process.execPath, [...nodeArgs, cli, 'class', 'serve', '--json', '--port', '0', '--state', join(home, 'state')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {...process.env, XDG_STATE_HOME: join(home, 'xdg'), KATARUN_BENCH_PROBE_OUT: probeOut, KATARUN_CLASS_DISCOVERY_PORT: '0'},
});
const info = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
  });
  server.on('exit', (code) => reject(new Error(`class serve exited ${code}`)));
});
const base = `http://127.0.0.1:${info.port}`;
const NICE = process.env.KATARUN_BENCH_NICE !== undefined ? Number(process.env.KATARUN_BENCH_NICE) : undefined;
/** Every thread of the process (Linux's nice is per thread: V8's GC helpers and SQLite's checkpointer too). */
function renice(pid) {
  if (NICE === undefined) return;
  let tids = [String(pid)];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    // No /proc: the main thread only.
  }
  for (const tid of tids) {
    try {
      setPriority(Number(tid), NICE);
    } catch {
      // A thread that ended meanwhile.
    }
  }
}
renice(process.pid);
renice(server.pid);
// However this bench ends, the server it started ends with it.
process.on('exit', () => server.kill('SIGKILL'));

function procStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return {cpuMs: ticks * 10, rss};
}

/** Linux's pressure stall figures (share of the last 10 s some task waited for a CPU / for I/O), when there are any. */
function pressure() {
  const some = (kind) => {
    try {
      return Number(/some avg10=([\d.]+)/.exec(readFileSync(`/proc/pressure/${kind}`, 'utf8'))[1]);
    } catch {
      return NaN;
    }
  };
  return {cpu: some('cpu'), io: some('io')};
}

/** The server's event-loop delay since the last call. */
async function serverLoop() {
  rmSync(probeOut, {force: true});
  server.kill('SIGUSR2');
  for (const until = Date.now() + 10_000; Date.now() < until && !existsSync(probeOut); ) await sleep(20);
  return JSON.parse(readFileSync(probeOut, 'utf8'));
}

// The board: follow /api/stream; each update lists the learners whose rows changed, with their
// event counts. The first time an event count is seen is when the board shows that event.
const shownAt = new Map(); // `${learner}#${n}` -> wall ms
const seen = new Map();
const board = request(`${base}/api/stream`, {headers: {authorization: `Bearer ${info.token}`}});
board.on('response', (res) => {
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    buf += chunk;
    let end;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const frame = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      const t = wall();
      const body = JSON.parse(data.slice(6));
      for (const l of body.learners) {
        const before = seen.get(l.id) ?? 0;
        seen.set(l.id, l.events);
        for (let n = before + 1; n <= l.events; n++) shownAt.set(`${l.id}#${n}`, t);
      }
    }
  });
});
board.end();

async function phase(count) {
  await serverLoop(); // start the server's loop histogram afresh
  const cpu0 = procStat(server.pid);
  const board0 = process.cpuUsage();
  let peakRss = cpu0.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, procStat(server.pid).rss)), 250);
  const t0 = Date.now();
  const child = fork(join(repoRoot, 'bench', 'class-learners.mjs'), [base, info.joinCode, String(count), String(EVENTS), '1000', learnersHome, String(Math.max(10_000, DEADLINE_MS - (Date.now() - started)))], {stdio: 'inherit'});
  renice(child.pid);
  renice(server.pid);
  renice(process.pid);
  // Threads a process starts later (its worker pool) get the same, a moment after they appear.
  const reniceAgain = setTimeout(() => [child.pid, server.pid, process.pid].forEach(renice), 2000);
  const result = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the learners' process exited ${code} without a report`)));
  });
  // The last updates may still be on their way: wait (bounded) until the board shows every sent event.
  for (const until = Date.now() + 15_000; Date.now() < until && !result.sent.every(([id, n]) => shownAt.has(`${id}#${n}`)); ) await sleep(50);
  const wallMs = Date.now() - t0;
  clearTimeout(reniceAgain);
  clearInterval(sampler);
  const cpu1 = procStat(server.pid);
  const boardCpu = process.cpuUsage(board0);
  const latencies = result.sent.map(([id, n, t]) => (shownAt.has(`${id}#${n}`) ? shownAt.get(`${id}#${n}`) - t : undefined)).filter((v) => v !== undefined);
  // After each learner's first event (which waits for its join, all 300 joins in the same second).
  const afterJoin = result.sent.filter(([, n]) => n > 1).map(([id, n, t]) => (shownAt.has(`${id}#${n}`) ? shownAt.get(`${id}#${n}`) - t : undefined)).filter((v) => v !== undefined);
  const fromRequest = result.sent.map(([id, n]) => (shownAt.has(`${id}#${n}`) && result.dispatched[`${id}#${n}`] !== undefined ? shownAt.get(`${id}#${n}`) - result.dispatched[`${id}#${n}`] : undefined)).filter((v) => v !== undefined);
  return {
    count,
    latencies,
    fromRequest,
    afterJoin,
    result,
    load: loadavg()[0],
    pressure: pressure(),
    serverCpu: (100 * (cpu1.cpuMs - cpu0.cpuMs)) / wallMs,
    boardCpu: (100 * (boardCpu.user + boardCpu.system)) / 1000 / wallMs,
    learnersCpu: (100 * result.cpuMs) / wallMs,
    serverLoop: await serverLoop(),
    peakRss,
    wallMs,
  };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};

const phases = [];
for (const count of [1, 50, LEARNERS]) phases.push(await phase(count));

// Events lost: what the learners sent against what the server stored for them.
const view = await new Promise((resolve, reject) => {
  request(`${base}/api/board`, {headers: {authorization: `Bearer ${info.token}`}}, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => resolve(JSON.parse(body)));
  }).on('error', reject).end();
});
board.destroy();
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
rmSync(home, {recursive: true, force: true});
rmSync(learnersHome, {recursive: true, force: true});

const last = phases[phases.length - 1];
const stored = view.learners.filter((l) => last.result.ids.includes(l.id)).reduce((a, l) => a + l.events, 0);
const lost = last.result.sent.length - stored;
const errors = Object.entries(last.result.errors);
if (errors.length) process.stdout.write(`client retries: ${JSON.stringify(errors)}\n`);
const [b] = phases;
process.stdout.write(`class server: learners × ${EVENTS} events, ~1 event per learner per second, on loopback; ${cpus().length} cores${NICE !== undefined ? `; the bench's processes at nice ${NICE}` : ''}\n\n`);
process.stdout.write(`| learners | p50 ms | p99 ms | p99 vs 1 learner | after the join burst: p50 / p99 ms | from the HTTP request: p50 / p99 ms | server CPU % | server loop p99 / max ms | learners' CPU % | learners' loop p99 ms | board reader CPU % | load avg (1 min) | CPU / IO pressure % | peak RSS MiB | samples |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n`);
for (const p of phases) {
  process.stdout.write(
    `| ${p.count} | ${median(p.latencies).toFixed(1)} | ${pct(p.latencies, 99).toFixed(1)} | ${(pct(p.latencies, 99) / pct(b.latencies, 99)).toFixed(2)}× | ${median(p.afterJoin).toFixed(1)} / ${pct(p.afterJoin, 99).toFixed(1)} | ${median(p.fromRequest).toFixed(1)} / ${pct(p.fromRequest, 99).toFixed(1)} | ${p.serverCpu.toFixed(1)} | ${p.serverLoop.p99Ms.toFixed(1)} / ${p.serverLoop.maxMs.toFixed(1)} | ${p.learnersCpu.toFixed(1)} | ${p.result.loopP99Ms.toFixed(1)} | ${p.boardCpu.toFixed(1)} | ${p.load.toFixed(1)} | ${p.pressure.cpu} / ${p.pressure.io} | ${(p.peakRss / 2 ** 20).toFixed(1)} | ${p.latencies.length} of ${p.result.sent.length} |\n`,
  );
}
process.stdout.write(`\nevents sent / stored / lost (${LEARNERS} learners): ${last.result.sent.length} / ${stored} / ${lost}\n`);
if (lost !== 0 || last.result.unsent !== 0) {
  process.stderr.write(`events lost: ${lost}, still queued: ${last.result.unsent}\n`);
  process.exit(1);
}
