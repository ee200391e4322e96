// The class bench's learners, in a process of their own (forked by class.bench.mjs), so that
// their CPU — 300 real learner clients with their disk queues — is measured apart from the
// server's and from the board reader's. Each learner sends its script's events about once a
// second (open loop: it does not wait for the board) through the real client
// (dist/class/client.js). At the end it reports, over IPC: each event's send time (wall clock,
// ms) and when it left in an HTTP request, what is still queued, this process's CPU and its own event-loop delay.
//
// argv: base joinCode learners eventsPerLearner gapMs dir deadlineMs

import {monitorEventLoopDelay} from 'node:perf_hooks';
import {join} from 'node:path';
import {repoRoot} from './lib.mjs';

const [base, code, countText, eventsText, gapText, dir, deadlineText] = process.argv.slice(2);
const COUNT = Number(countText);
const EVENTS = Number(eventsText);
const GAP = Number(gapText);
const deadline = Date.now() + Number(deadlineText);
const {ClassClient} = await import(join(repoRoot, 'dist', 'class', 'client.js'));
const {requestJson} = await import(join(repoRoot, 'dist', 'class', 'http-json.js'));

const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const steps = [{title: 'Create the cluster', estimateMin: 3}, {title: 'Install Istio', estimateMin: 5}, {title: 'Route egress', estimateMin: 5}, {title: 'Verify', estimateMin: 2}];

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

const loop = monitorEventLoopDelay({resolution: 10});
loop.enable();
const cpu0 = process.cpuUsage();
const started = wall();
const errors = {};
// When each event first left in an HTTP request: what the server and the board cost, without
// the time it waited in this (busy, 300-client) process's queue.
const dispatched = {}; // `${learnerId}#${n}` -> wall ms
const request = (method, url, body, ...rest) => {
  const id = /\/api\/learners\/([^/]+)\/events$/.exec(url)?.[1];
  if (id) {
    const t = wall();
    for (const e of body.events) dispatched[`${id}#${e.id.split('.')[1]}`] ??= t;
  }
  return requestJson(method, url, body, ...rest);
};
const clients = [];
for (let k = 0; k < COUNT; k++) {
  const c = new ClassClient({target: {base, code}, name: `learner ${k + 1}`, scenario: {id: 'istio-egress', title: 'Istio egress'}, steps, dir: join(dir, `${COUNT}-${k}`), request});
  c.subscribe(() => {
    const s = c.getSnapshot();
    if (s.status === 'offline') errors[s.error] = (errors[s.error] ?? 0) + 1;
  });
  c.start();
  clients.push(c);
}
const sent = []; // [learnerId, n, wall ms at send()]
await Promise.all(
  clients.map(async (c, k) => {
    // Spread the start so that learners do not all send in the same millisecond.
    await sleep((k * GAP) / COUNT);
    let n = 0;
    for (const body of script(k)) {
      if (Date.now() > deadline) return;
      n++;
      sent.push([c.learnerId, n, wall()]);
      c.send(body);
      await sleep(GAP * (0.5 + ((k * 7 + n) % 10) / 10));
    }
  }),
);
const sendingMs = wall() - started;
const states = await Promise.all(clients.map((c) => c.close(15_000)));
loop.disable();
const cpu = process.cpuUsage(cpu0);
process.send(
  {
    sent,
    dispatched,
    ids: clients.map((c) => c.learnerId),
    unsent: states.reduce((a, s) => a + s.queued, 0),
    cpuMs: (cpu.user + cpu.system) / 1000,
    sendingMs,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    errors,
  },
  () => process.exit(0),
);
