// One-shot and background processes: exit codes, a missing command, our own timeout that
// settles even when grandchildren hold the pipes, bounded output, zx scripts with globals.

import {afterAll, describe, expect, it} from 'vitest';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runProcess, runScript, startBackground} from '../../src/shell/process.js';
import {disposeAll} from '../../src/shell/process-registry.js';
import {markedEnv, newMarker, removeTempDirs, tempDir, waitFor, waitForNoSurvivors} from './helpers.js';

afterAll(async () => {
  await disposeAll();
  removeTempDirs();
});

const base = (marker = newMarker()) => ({cwd: tempDir(), env: markedEnv(marker), timeoutMs: 10_000});

describe('runProcess', () => {
  it('returns exit code and interleaved output', async () => {
    const r = await runProcess('bash', ['-c', 'echo out; echo err >&2; exit 3'], base());
    expect(r.exitCode).toBe(3);
    expect(r.timedOut).toBe(false);
    expect(r.output).toContain('out\n');
    expect(r.output).toContain('err\n');
  });

  it('never throws for a missing command or working directory', async () => {
    const r = await runProcess('katarun-no-such-command', [], base());
    expect(r.exitCode).toBe(127);
    expect(r.output).toMatch(/katarun-no-such-command: command not found/);
    const d = await runProcess('ls', [], {...base(), cwd: join(tempDir(), 'missing')});
    expect(d.exitCode).toBe(127);
    expect(d.output).toMatch(/does not exist/);
  });

  it('settles at its timeout although grandchildren hold the pipes, and leaves none', async () => {
    const marker = newMarker();
    const started = Date.now();
    const r = await runProcess('bash', ['-c', 'sleep 3001 & sleep 3002'], {...base(marker), timeoutMs: 300});
    expect(r.timedOut).toBe(true);
    // Seconds, not the sleeps' hour: generous, since a CPU hog beside the suite slows bash's start and the kill.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await waitForNoSurvivors(marker, 2000)).toEqual([]);
  });

  it('settles soon after the leader exits when a background job keeps the pipe', async () => {
    const marker = newMarker();
    const started = Date.now();
    const r = await runProcess('bash', ['-c', 'sleep 3003 & echo done'], base(marker));
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe('done\n');
    // Seconds, not the sleeps' hour: generous, since a CPU hog beside the suite slows bash's start and the kill.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await waitForNoSurvivors(marker, 2000)).toEqual([]);
  });

  it('keeps background jobs when asked, until disposeAll', async () => {
    const marker = newMarker();
    await runProcess('bash', ['-c', 'sleep 3004 >/dev/null 2>&1 &'], {...base(marker), keepBackgroundJobs: true});
    expect((await waitForNoSurvivors(marker, 200)).length).toBe(1);
    await disposeAll();
    expect(await waitForNoSurvivors(marker, 2000)).toEqual([]);
  });

  it('keeps only the end of a large output, on a character boundary', async () => {
    const log = join(tempDir(), 'out.log');
    const r = await runProcess('bash', ['-c', 'for i in $(seq 1 3000); do echo "строка $i"; done'], {...base(), maxOutputBytes: 1000, logFile: log});
    expect(Buffer.byteLength(r.output)).toBeLessThanOrEqual(1000);
    expect(r.output.endsWith('строка 3000\n')).toBe(true);
    expect(r.output).not.toContain('\uFFFD');
    expect(readFileSync(log, 'utf8').split('\n').length).toBe(3001);
  });

  it('feeds input and can be aborted', async () => {
    expect((await runProcess('cat', [], {...base(), input: 'héllo'})).output).toBe('héllo');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const r = await runProcess('sleep', ['30'], {...base(), signal: ac.signal});
    expect(r.aborted).toBe(true);
  });
});

describe('runScript', () => {
  it('runs bash scripts with arguments', async () => {
    const dir = tempDir();
    const file = join(dir, 'check.sh');
    writeFileSync(file, 'echo "args: $*"; [ "$1" = ok ]\n');
    const ok = await runScript(file, 'bash', {...base(), args: ['ok']});
    expect(ok.exitCode).toBe(0);
    expect(ok.output).toBe('args: ok\n');
    expect((await runScript(file, 'bash', {...base(), args: ['no']})).exitCode).toBe(1);
  });

  it('runs zx scripts outside the repo with $, fs and chalk as globals, quietly', async () => {
    const dir = tempDir();
    const file = join(dir, 'check.mjs');
    writeFileSync(
      file,
      [
        'const r = await $`echo \'{"pods": [{"ready": true}]}\'`;',
        'const data = JSON.parse(r.stdout);',
        "if (typeof chalk !== 'function' || typeof fs.readFileSync !== 'function') process.exit(5);",
        "console.log(data.pods[0].ready ? 'ready' : 'FAIL: not ready');",
      ].join('\n'),
    );
    const r = await runScript(file, 'zx', base());
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe('ready\n');
  });
});

describe('startBackground', () => {
  it('appends output to its log and stop() ends the whole group', async () => {
    const marker = newMarker();
    const log = join(tempDir(), 'bg.log');
    const h = startBackground('bash', ['-c', 'echo started; sleep 1000 & sleep 1000'], {cwd: tempDir(), env: markedEnv(marker), logFile: log});
    expect(h.pid).toBeGreaterThan(0);
    expect(await waitFor(() => readFileSync(log, 'utf8').includes('started'))).toBe(true);
    await h.stop();
    expect(await waitForNoSurvivors(marker, 2000)).toEqual([]);
    await h.done;
  });

  it('reports a missing command in its log and exit code', async () => {
    const log = join(tempDir(), 'bg.log');
    const h = startBackground('katarun-no-such-command', [], {cwd: tempDir(), env: markedEnv(newMarker()), logFile: log});
    expect(await h.done).toBe(127);
    expect(readFileSync(log, 'utf8')).toMatch(/command not found/);
  });
});
