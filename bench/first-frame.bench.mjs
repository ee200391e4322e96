// Time from spawning katarun in a pseudo-terminal to its first frame on screen (the intro of
// `basics`), and from Enter to the first frame of step 1 — against `node -e 0` spawned the same
// way in the same run. Target: first frame within 250 ms.
// Every katarun start gets a fresh cache folder, so each is a first start after installing: it
// runs on the V8 code cache the build left beside the bundle (a Node that matches it never
// writes one of its own). Reported: the median of RUNS starts, the first start of the run on
// its own (nothing of katarun in the OS's page cache or the JIT yet, as far as this run goes),
// and the code cache off — what a Node other than the one that built katarun gets on its very
// first start (it then writes its own cache and is back to the first row).
import {rmSync} from 'node:fs';
import {join} from 'node:path';
import ptyModule from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {ptyBenchSetup, median, printTable, repoRoot} from './lib.mjs';

const RUNS = 7;
const {cli, home, env} = ptyBenchSetup();

function spawnInPty(args, extraEnv = {}) {
  const term = new xterm.Terminal({cols: 100, rows: 30, allowProposedApi: true});
  const t0 = performance.now();
  const p = ptyModule.spawn(process.execPath, args, {name: 'xterm-256color', cols: 100, rows: 30, cwd: repoRoot, env: {...env, ...extraEnv}});
  p.onData((d) => term.write(d));
  const exited = new Promise((resolve) => p.onExit(() => resolve(performance.now() - t0)));
  const screen = () => {
    const b = term.buffer.active;
    let s = '';
    for (let y = b.viewportY; y < b.viewportY + term.rows; y++) s += (b.getLine(y)?.translateToString(true) ?? '') + '\n';
    return s;
  };
  const waitFor = async (text, timeoutMs = 10_000) => {
    const deadline = performance.now() + timeoutMs;
    while (!screen().includes(text)) {
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${text}:\n${screen()}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    return performance.now() - t0;
  };
  return {p, t0, exited, waitFor};
}

const baseline = [];
const intro = [];
const step = [];
const noCache = [];
let first;
let cacheRun = 0;
const freshCache = () => ({XDG_CACHE_HOME: join(home, `cache-${cacheRun++}`)});
for (let i = 0; i <= RUNS; i++) {
  const node = spawnInPty(['-e', '0']);
  const b = await node.exited;
  const k = spawnInPty([cli, 'run', 'scenarios/basics'], freshCache());
  // The first frame holds the intro text and the key hints together.
  await k.waitFor('Enter start');
  const shown = await k.waitFor('This tutorial needs nothing but bash');
  const before = performance.now();
  k.p.write('\r');
  await k.waitFor('Step 1/4');
  const stepMs = performance.now() - before;
  k.p.write('q');
  await k.exited;
  if (i === 0) first = {baseline: b, intro: shown};
  baseline.push(b);
  intro.push(shown);
  step.push(stepMs);
  const off = spawnInPty([cli, 'run', 'scenarios/basics'], {...freshCache(), KATARUN_CODE_CACHE: '0'});
  noCache.push(await off.waitFor('This tutorial needs nothing but bash'));
  off.p.write('q');
  await off.exited;
}
rmSync(home, {recursive: true, force: true});

const base = median(baseline);
printTable([
  {name: 'node -e 0 in a PTY (baseline)', ms: base},
  {name: 'spawn → first frame (intro of basics), median', ms: median(intro), baseline: base, target: '≤ 250 ms'},
  {name: 'the same, first start of the run', ms: first.intro, baseline: first.baseline, target: '≤ 250 ms'},
  {name: 'Enter → first frame of step 1, median', ms: median(step), baseline: base},
  {name: 'spawn → step 1 on screen (Enter at once)', ms: median(intro) + median(step), baseline: base},
  {name: 'code cache off (KATARUN_CODE_CACHE=0): spawn → first frame', ms: median(noCache), baseline: base},
]);
