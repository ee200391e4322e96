// No orphans on any exit path of the process that owns the shells: normal exit and SIGKILL
// (only the watchdog can act then). The owner is a separate Node process running the shell
// layer compiled from src/ for this test. How katarun itself handles SIGINT/SIGTERM/SIGHUP is
// tested end to end (test/e2e/tui.test.ts, test/cli/test-command.test.ts).

import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {spawn} from 'node:child_process';
import {buildSync} from 'esbuild';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {markedEnv, newMarker, removeTempDirs, repoRoot, survivors, tempDir, waitForNoSurvivors} from './helpers.js';

let build: string;

const OWNER = `
import {createShellSession} from './shell/create-session.js';
import {runProcess, startBackground} from './shell/index.js';
const [mode, dir] = process.argv.slice(2);
const env = {...process.env};
let kinds = ['pipe'];
try { await import('@lydell/node-pty'); kinds.push('pty'); } catch {}
for (const kind of kinds) {
  const s = await createShellSession({kind, cwd: dir, env, stateDir: dir, name: kind});
  await s.run('sleep 1000 & nohup sleep 1000 >/dev/null 2>&1 & true');
}
startBackground('bash', ['-c', 'sleep 1000'], {cwd: dir, env, logFile: dir + '/bg.log'});
void runProcess('bash', ['-c', 'sleep 1000 & sleep 1001'], {cwd: dir, env, timeoutMs: 100000});
setTimeout(() => process.stdout.write('ready\\n'), 200); // the child's own timeline (prints later), not a wait of the test's
if (mode === 'exit') setTimeout(() => process.exit(0), 400); // the child's own timeline (exits later), not a wait of the test's
else setInterval(() => {}, 1000);
`;

beforeAll(() => {
  // Inside the repo (git-ignored) so the compiled files resolve the repo's node_modules.
  build = mkdtempSync(join(repoRoot, '.katarun-test-'));
  // esbuild, not tsc: the same files in a fraction of the time (tsc took over the hook's 30 s
  // with a CPU hog beside the suite). One build with shared chunks, so both entry points share
  // one process registry, as the product's modules do.
  buildSync({
    entryPoints: [join(repoRoot, 'src/shell/index.ts'), join(repoRoot, 'src/shell/create-session.ts')],
    outdir: join(build, 'shell'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  writeFileSync(join(build, 'owner.mjs'), OWNER);
});

afterAll(() => {
  rmSync(build, {recursive: true, force: true});
  removeTempDirs();
});

async function startOwner(mode: string) {
  const marker = newMarker();
  const child = spawn(process.execPath, [join(build, 'owner.mjs'), mode, tempDir()], {env: markedEnv(marker), stdio: ['ignore', 'pipe', 'inherit']});
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((r) => child.on('exit', (code, signal) => r({code, signal})));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', () => reject(new Error('owner exited before it was ready')));
  });
  return {child, marker, exited};
}

describe('no survivors when the owner', () => {
  it('exits normally', async () => {
    const {marker, exited} = await startOwner('exit');
    expect((await exited).code).toBe(0);
    expect(await waitForNoSurvivors(marker, 15_000)).toEqual([]);
  });

  it('is SIGKILLed (the watchdog cleans up)', async () => {
    const {child, marker, exited} = await startOwner('kill');
    expect(survivors(marker).length).toBeGreaterThanOrEqual(8);
    child.kill('SIGKILL');
    await exited;
    expect(await waitForNoSurvivors(marker, 15_000)).toEqual([]);
  });
});
