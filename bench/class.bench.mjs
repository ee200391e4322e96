// The class server under a class of 300: `katarun class serve` (the built CLI, its own process)
// on loopback, 300 learners' event streams sent through the real learner client (dist/class/
// client.js: disk queue, batches, retries), and one board following the live stream (SSE).
// Reports event → board latency (p50/p99: from the learner's send() to the board's update
// showing that event), the server's CPU and peak RSS, and events lost (must be 0). Baseline:
// the same latency with a single learner, measured first in the same run. Bounded: a fixed
// number of events per learner and a hard deadline.
//
// Usage: node bench/class.bench.mjs [learners=300] [eventsPerLearner=16]

import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {request} from 'node:http';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {cli, median, repoRoot} from './lib.mjs';

const LEARNERS = Number(process.argv[2] ?? 300);
const EVENTS = Number(process.argv[3] ?? 16);
const DEADLINE_MS = 180_000;
const {ClassClient} = await import(join(repoRoot, 'dist', 'class', 'client.js'));

const home = mkdtempSync(join(tmpdir(), 'katarun-class-bench-'));
const started = Date.now();
// Learners' queues: KATARUN_BENCH_LEARNERS_DIR may put them on another disk (/dev/shm, say) to tell disk waits apart.
const learnersHome = mkdtempSync(join(process.env.KATARUN_BENCH_LEARNERS_DIR ?? home, 'learners-'));
const overDeadline = () => Date.now() - started > DEADLINE_MS;

// The server, as an instructor starts it.
const server = spawn(process.execPath, [cli, 'class', 'serve', '--json', '--port', '0', '--state', join(home, 'state')], {stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, XDG_STATE_HOME: join(home, 'xdg')}});
const info = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
  });
  server.on('exit', (code) => reject(new Error(`class serve exited ${code}`)));
});
const base = `http://127.0.0.1:${info.port}`;

function procStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return {cpuMs: ticks * 10, rss};
}

// The board: follow /api/stream; each update lists the learners whose rows changed, with their event counts.
const seen = new Map(); // learnerId -> events shown on the board
const waiters = new Map(); // `${learner}#${n}` -> resolve(time)
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
      const t = performance.now();
      for (const l of JSON.parse(data.slice(6)).learners) {
        const before = seen.get(l.id) ?? 0;
        seen.set(l.id, l.events);
        for (let n = before + 1; n <= l.events; n++) waiters.get(`${l.id}#${n}`)?.(t);
      }
    }
  });
});
board.end();

const steps = [{title: 'Create the cluster', estimateMin: 3}, {title: 'Install Istio', estimateMin: 5}, {title: 'Route egress', estimateMin: 5}, {title: 'Verify', estimateMin: 2}];
const errors = new Map();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One learner's stream: a walk through the steps, checks failing a few times before passing. */
function script(k) {
  const out = [];
  for (let s = 0; out.length < EVENTS; s = (s + 1) % steps.length) {
    out.push({type: 'step', step: s, status: 'active'});
    for (let f = 0; f < (k + s) % 3; f++) out.push({type: 'check', step: s, passed: false, fail: [`pod ${['web', 'db', 'gateway'][f]} is not Ready`], expected: 'Running', actual: 'Pending'});
    if ((k + s) % 7 === 0) out.push({type: 'hint', step: s});
    out.push({type: 'check', step: s, passed: true, fail: []});
    out.push({type: 'step', step: s, status: 'passed'});
  }
  return out.slice(0, EVENTS);
}

async function runLearners(count, gapMs) {
  const latencies = [];
  let sent = 0;
  const clients = [];
  for (let k = 0; k < count; k++) {
    clients.push(new ClassClient({target: {base, code: info.joinCode}, name: `learner ${k + 1}`, scenario: {id: 'istio-egress', title: 'Istio egress'}, steps, dir: join(learnersHome, `${count}-${k}`)}));
  }
  for (const c of clients) {
    c.subscribe(() => {
      const s = c.getSnapshot();
      if (s.status === "offline") errors.set(s.error, (errors.get(s.error) ?? 0) + 1);
    });
    c.start();
  }
  await Promise.all(
    clients.map(async (c, k) => {
      // Spread the start so that learners do not all send in the same millisecond.
      await sleep((k * gapMs) / count);
      let n = 0;
      for (const body of script(k)) {
        if (overDeadline()) return;
        n++;
        const shown = new Promise((resolve) => waiters.set(`${c.learnerId}#${n}`, resolve));
        const t0 = performance.now();
        c.send(body);
        sent++;
        const t1 = await Promise.race([shown, sleep(30_000).then(() => undefined)]);
        if (t1 !== undefined) latencies.push(t1 - t0);
        await sleep(gapMs * (0.5 + ((k * 7 + n) % 10) / 10));
      }
    }),
  );
  const states = await Promise.all(clients.map((c) => c.close(10_000)));
  return {latencies, sent, unsent: states.reduce((a, s) => a + s.queued, 0), ids: clients.map((c) => c.learnerId)};
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};

// Baseline: one learner, nothing else going on.
const baseline = await runLearners(1, 100);
// The class: every learner sends an event every ~1 s (300 learners ≈ 300 events/s at the server).
const cpu0 = procStat(server.pid);
const benchCpu0 = process.cpuUsage();
let peakRss = cpu0.rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, procStat(server.pid).rss)), 250);
const t0 = Date.now();
const load = await runLearners(LEARNERS, 1000);
const wallMs = Date.now() - t0;
clearInterval(sampler);
const cpu1 = procStat(server.pid);
const benchCpu = process.cpuUsage(benchCpu0);

// Events lost: what the learners sent against what the server stored for them.
const view = await new Promise((resolve, reject) => {
  request(`${base}/api/board`, {headers: {authorization: `Bearer ${info.token}`}}, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => resolve(JSON.parse(body)));
  }).on('error', reject).end();
});
const stored = view.learners.filter((l) => load.ids.includes(l.id)).reduce((a, l) => a + l.events, 0);
board.destroy();
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
rmSync(home, {recursive: true, force: true});
rmSync(learnersHome, {recursive: true, force: true});

const lost = load.sent - stored;
if (errors.size) process.stdout.write(`client retries: ${JSON.stringify([...errors])}\n`);
const rows = [
  ['event → board p50 (ms)', median(load.latencies), median(baseline.latencies)],
  ['event → board p99 (ms)', pct(load.latencies, 99), pct(baseline.latencies, 99)],
];
process.stdout.write(`class server: ${LEARNERS} learners × ${EVENTS} events over ${(wallMs / 1000).toFixed(1)} s on loopback (baseline: 1 learner)\n\n`);
process.stdout.write('| measure | value | baseline | ratio |\n|---|---:|---:|---:|\n');
for (const [name, v, b] of rows) process.stdout.write(`| ${name} | ${v.toFixed(1)} | ${b.toFixed(1)} | ${(v / b).toFixed(2)}× |\n`);
process.stdout.write(`| server CPU (% of one core) | ${((100 * (cpu1.cpuMs - cpu0.cpuMs)) / wallMs).toFixed(1)} | | |\n`);
process.stdout.write(`| the 300 learners' process CPU (% of one core) | ${((100 * (benchCpu.user + benchCpu.system)) / 1000 / wallMs).toFixed(1)} | | |\n`);
process.stdout.write(`| machine load average (1 min) at the end | ${loadavg()[0].toFixed(1)} on ${cpus().length} cores | | |\n`);
process.stdout.write(`| server peak RSS (MiB) | ${(peakRss / 2 ** 20).toFixed(1)} | | |\n`);
process.stdout.write(`| events sent / stored / lost | ${load.sent} / ${stored} / ${lost} | | |\n`);
process.stdout.write(`| latency samples | ${load.latencies.length} of ${load.sent} | | |\n`);
if (lost !== 0 || load.unsent !== 0) {
  process.stderr.write(`events lost: ${lost}, still queued: ${load.unsent}\n`);
  process.exit(1);
}
