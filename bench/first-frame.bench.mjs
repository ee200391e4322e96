// Time from spawning katarun in a pseudo-terminal to its first frame on screen (the intro of
// `basics`), and from Enter to the first frame of step 1 — against `node -e 0` spawned the same
// way in the same run. Target: first frame within 250 ms.
// First starts are reported cold (the first of the run, with a fresh cache folder: as on the
// first start after installing, with only the code cache the build left beside the bundle) and
// warm (the median of the rest), and warm with the V8 code cache off (what a Node other than
// the one that built katarun gets on its very first start).
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
let cold;
for (let i = 0; i <= RUNS; i++) {
  const node = spawnInPty(['-e', '0']);
  const b = await node.exited;
  if (i > 0) {
    const k = spawnInPty([cli, 'run', 'scenarios/basics'], {KATARUN_CODE_CACHE: '0'});
    noCache.push(await k.waitFor('This tutorial needs nothing but bash'));
    k.p.write('q');
    await k.exited;
  }
  const k = spawnInPty([cli, 'run', 'scenarios/basics']);
  // The first frame holds the intro text and the key hints together.
  await k.waitFor('Enter start');
  const first = await k.waitFor('This tutorial needs nothing but bash');
  const before = performance.now();
  k.p.write('\r');
  await k.waitFor('Step 1/4');
  const stepMs = performance.now() - before;
  k.p.write('q');
  await k.exited;
  // The first start of the run is reported on its own: the one that finds nothing of katarun
  // cached yet (in this run — the build may have left its files in the OS's page cache).
  if (i === 0) {
    cold = {baseline: b, intro: first, step: stepMs};
    continue;
  }
  baseline.push(b);
  intro.push(first);
  step.push(stepMs);
}
rmSync(home, {recursive: true, force: true});

const base = median(baseline);
printTable([
  {name: 'node -e 0 in a PTY (baseline)', ms: base},
  {name: 'cold: spawn → first frame (first start after installing)', ms: cold.intro, baseline: cold.baseline, target: '≤ 250 ms'},
  {name: 'cold: Enter → first frame of step 1', ms: cold.step, baseline: cold.baseline},
  {name: 'warm: spawn → first frame (intro of basics)', ms: median(intro), baseline: base, target: '≤ 250 ms'},
  {name: 'warm: Enter → first frame of step 1', ms: median(step), baseline: base},
  {name: 'warm, code cache off (KATARUN_CODE_CACHE=0): spawn → first frame', ms: median(noCache), baseline: base},
  {name: 'warm: spawn → step 1 on screen (Enter at once)', ms: median(intro) + median(step), baseline: base},
]);
