// Per-command overhead of the persistent shell: 200 trivial commands run one after another
// through a session (pipe and PTY), against bash running the same 200 commands from one
// script (its start-up subtracted via an empty script). Target: ≤ 1 ms over bash (pipe).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {median, repoRoot, timeCommand} from './lib.mjs';

const N = 200;
const ROUNDS = 5;
const {createShellSession} = await import(pathToFileURL(join(repoRoot, 'dist', 'shell', 'create-session.js')).href);
const dir = mkdtempSync(join(tmpdir(), 'katarun-bench-shell-'));
const commands = Array.from({length: N}, (_, i) => `echo line ${i} >/dev/null`);

writeFileSync(join(dir, 'all.sh'), commands.join('\n') + '\n');
writeFileSync(join(dir, 'empty.sh'), '\n');
const bashAll = timeCommand('bash', [join(dir, 'all.sh')], {runs: 15, cwd: dir});
const bashEmpty = timeCommand('bash', [join(dir, 'empty.sh')], {runs: 15, cwd: dir});
const bashPerCmd = Math.max(0, bashAll - bashEmpty) / N;

const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => typeof v === 'string'));
async function perCommand(kind) {
  let session;
  try {
    session = await createShellSession({kind, cwd: dir, env, stateDir: join(dir, kind), name: 'T1'});
  } catch (err) {
    return {error: String(err)};
  }
  for (let i = 0; i < 20; i++) await session.run('true'); // warm-up
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (const c of commands) {
      const res = await session.run(c);
      if (res.exitCode !== 0) throw new Error(`${c} → ${res.exitCode}`);
    }
    rounds.push((performance.now() - t0) / N);
  }
  await session.dispose();
  return {ms: median(rounds)};
}

const rows = [];
for (const kind of ['pipe', 'pty']) rows.push({kind, ...(await perCommand(kind))});
rmSync(dir, {recursive: true, force: true});

process.stdout.write(`shell: ${N} trivial commands, median of ${ROUNDS} rounds; bash alone: ${bashPerCmd.toFixed(3)} ms/command\n`);
process.stdout.write('| session | ms/command | bash ms/command | overhead ms | ratio | target |\n|---|---:|---:|---:|---:|---|\n');
for (const r of rows) {
  if (r.error) {
    process.stdout.write(`| ${r.kind} | unavailable: ${r.error} | | | | |\n`);
    continue;
  }
  const over = r.ms - bashPerCmd;
  const target = r.kind === 'pipe' ? `≤ 1 ms over bash ${over <= 1 ? 'ok' : 'MISSED'}` : 'reported';
  process.stdout.write(`| ${r.kind} | ${r.ms.toFixed(3)} | ${bashPerCmd.toFixed(3)} | ${over.toFixed(3)} | ${(r.ms / Math.max(bashPerCmd, 0.001)).toFixed(1)}× | ${target} |\n`);
}
