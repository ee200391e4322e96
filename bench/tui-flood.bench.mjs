// A 2-million-line flood inside a step of the TUI (in a pseudo-terminal): how many full-screen
// clears katarun writes (ESC[2J / ESC[3J — must be 0), the CPU time of the katarun process,
// and whether a key is still answered during the flood. Baselines in the same run: the same
// `seq` into /dev/null, and into a bare pseudo-terminal read by this process.
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import ptyModule from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {ptyBenchSetup, printTable, repoRoot} from './lib.mjs';

const LINES = 2_000_000;
const {cli, home, env} = ptyBenchSetup();

const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
};

// Baseline 1: seq into /dev/null.
let t0 = performance.now();
spawnSync('seq', ['1', String(LINES)], {stdio: ['ignore', 'ignore', 'ignore']});
const devNull = performance.now() - t0;

// Baseline 2: seq into a bare PTY, read and discarded by this process.
t0 = performance.now();
await new Promise((resolve) => {
  const p = ptyModule.spawn('seq', ['1', String(LINES)], {cols: 80, rows: 24, env});
  p.onData(() => undefined);
  p.onExit(resolve);
});
const barePty = performance.now() - t0;

// katarun: the flood fixture, one step running `seq 1 2000000`.
const term = new xterm.Terminal({cols: 80, rows: 24, allowProposedApi: true, scrollback: 1000});
let raw = '';
const k = ptyModule.spawn(process.execPath, [cli, 'run', join('test', 'e2e', 'fixtures', 'flood')], {name: 'xterm-256color', cols: 80, rows: 24, cwd: repoRoot, env});
k.onData((d) => {
  raw += d;
  term.write(d);
});
const exited = new Promise((resolve) => k.onExit(resolve));
const screen = () => {
  const b = term.buffer.active;
  let s = '';
  for (let y = 0; y < b.length; y++) s += (b.getLine(y)?.translateToString(true) ?? '') + '\n';
  return s;
};
const visible = () => {
  const b = term.buffer.active;
  let s = '';
  for (let y = b.viewportY; y < b.viewportY + term.rows; y++) s += (b.getLine(y)?.translateToString(true) ?? '') + '\n';
  return s;
};
const waitFor = async (test, timeoutMs) => {
  const deadline = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`timed out; screen:\n${visible()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now();
};
await waitFor(() => visible().includes('Enter start'), 15_000);
k.write('\r');
await waitFor(() => visible().includes('Step 1/1'), 15_000);
const cpuBefore = cpuMs(k.pid);
const rawBefore = raw.length;
const floodStart = performance.now();
k.write('\r');
await waitFor(() => visible().includes('T1 $ seq 1 2000000'), 15_000);
await new Promise((r) => setTimeout(r, 300));
const keyAt = performance.now();
k.write('?');
const helpAt = await waitFor(() => visible().includes('Press any key to close.'), 15_000);
const stillRunning = visible().includes('T1 $ seq 1 2000000') || !/✔ exit 0/.test(screen());
k.write('x');
await waitFor(() => /✔ exit 0/.test(screen()), 300_000);
const floodMs = performance.now() - floodStart;
const cpuFlood = cpuMs(k.pid) - cpuBefore;
const written = raw.length - rawBefore;
k.write('q');
await exited;
rmSync(home, {recursive: true, force: true});

const clears2J = raw.split('\u001b[2J').length - 1;
const clears3J = raw.split('\u001b[3J').length - 1;
printTable([
  {name: `seq ${LINES} > /dev/null (baseline)`, ms: devNull},
  {name: `seq ${LINES} into a bare PTY (baseline)`, ms: barePty},
  {name: 'flood in a katarun step, wall', ms: floodMs, baseline: barePty},
  {name: 'katarun process CPU during the flood', ms: cpuFlood, baseline: barePty},
  {name: `key answered during the flood (? → help)${stillRunning ? '' : ' — flood had ended'}`, ms: helpAt - keyAt, target: '< 500 ms'},
]);
process.stdout.write(`\nfull-screen clears written: ESC[2J ${clears2J}, ESC[3J ${clears3J} (target 0) · bytes katarun wrote during the flood: ${written}\n`);
