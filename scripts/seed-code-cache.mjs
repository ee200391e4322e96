// Leaves V8 code caches beside the TUI bundle (dist/bundle/<file>-<hash>-<node>-<arch>.bin), so
// that even the first start after installing finds the bundle compiled (src/cli/bundle-loader.ts).
// They are made the way a learner's first start makes them: the built katarun opens `basics` in
// a pseudo-terminal, shows its first frame, loads the code highlighter, quits, and writes the
// caches at exit (into a
// throw-away cache folder, copied from there). Without the PTY addon, or when that start fails,
// the build goes on without a seed: the first start on the machine then writes the cache.
//
// Run after scripts/bundle.mjs (npm run build does). Usage: node scripts/seed-code-cache.mjs

import {copyFileSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleDir = join(root, 'dist', 'bundle');
const say = (line) => process.stdout.write(`code cache: ${line}\n`);

let pty;
try {
  pty = (await import('@lydell/node-pty')).default;
} catch (err) {
  say(`no seed (the PTY addon did not load: ${err.message}); the first start will write it`);
  process.exit(0);
}

const home = mkdtempSync(join(tmpdir(), 'katarun-seed-'));
const env = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data')};
for (const k of ['CI', 'CONTINUOUS_INTEGRATION', 'KATARUN_CODE_CACHE', 'KATARUN_TRACE_STARTUP']) delete env[k];

try {
  const child = pty.spawn(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'run', join(root, 'scenarios', 'basics')], {name: 'xterm-256color', cols: 100, rows: 30, cwd: home, env});
  let output = '';
  const exited = new Promise((resolve) => child.onExit(({exitCode}) => resolve(exitCode)));
  const shown = new Promise((resolve) => {
    child.onData((data) => {
      output += data;
      if (output.includes('Enter start')) resolve(true);
    });
  });
  const timeout = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
  if (!(await Promise.race([shown, timeout(15_000, false)]))) throw new Error(`no first frame within 15 s:\n${output.slice(-500)}`);
  // Let the intro's machine check come back and the highlighter load, as they do while a
  // learner reads the intro.
  await timeout(500);
  child.write('q');
  const code = await Promise.race([exited, timeout(10_000, 'timeout')]);
  if (code !== 0) {
    child.kill('SIGKILL');
    throw new Error(`katarun exited ${code} after q`);
  }
  const folder = join(home, 'cache', 'katarun', 'v8');
  const made = readdirSync(folder).filter((f) => f.endsWith('.bin'));
  if (!made.some((f) => f.startsWith("katarun-"))) throw new Error(`the start wrote no cache for katarun.cjs (found: ${made.join(', ') || 'none'})`);
  for (const file of made) copyFileSync(join(folder, file), join(bundleDir, file));
  say(made.map((f) => `dist/bundle/${f}`).join(', '));
} catch (err) {
  say(`no seed (${err.message}); the first start will write it`);
} finally {
  rmSync(home, {recursive: true, force: true});
}
