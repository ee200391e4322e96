// `katarun test` as CI runs it: the built CLI in a child process, XDG dirs in a temp folder.
// Exit codes 0/1/2/3/130, reports parsed back, nothing run for an invalid scenario, and no
// survivors after Ctrl-C or SIGTERM (found by a marker in their environment, not by name).
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fixture, processesWithEnv, repoRoot, tempDirs, uniqueMarker, waitFor, type TempDirs} from '../engine/integration-helpers.js';
import {parseXml} from '../headless/xml-check.js';

const cli = join(repoRoot, 'dist', 'cli', 'main.js');


let t: TempDirs;
let marker: string;
let markerFile: string;
beforeEach(() => {
  t = tempDirs('katarun-cli-test-');
  marker = uniqueMarker();
  markerFile = join(t.root, 'marker');
});
afterEach(() => t.cleanup());

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {...process.env, ...t.xdg, KATARUN_TEST_MARKER: markerFile, KATARUN_TEST_ID: marker};
  delete e.CI;
  return e;
}

function katarun(args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'test', ...args], {cwd: t.root, env: env(), encoding: 'utf8', timeout: 60_000});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

describe('katarun test (built CLI)', () => {
  it('exit 0 when every step passes; the JSON report parses', () => {
    const r = katarun([fixture('persist'), '--reporter', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {steps: {status: string}[]; exitCode: number};
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(r.stderr).toContain('ok — 4 passed');
  });

  it('exit 1 when a step fails; JUnit written to --output is well-formed; later steps not run', () => {
    const out = join(t.root, 'reports', 'junit.xml');
    const r = katarun([fixture('flow'), '--reporter', 'junit', '--output', out, '--settle', '300ms']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('✘ step 2/3 a check that never passes');
    expect(r.stderr).toContain('report written to');
    const root = parseXml(readFileSync(out, 'utf8'));
    const cases = root.children[0]!.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.children[0]?.name ?? 'passed')).toEqual(['passed', 'failure', 'skipped']);
    expect(existsSync(markerFile)).toBe(false);
  });

  it('human reporter: a line per step, FAIL feedback and output under the failure; TAP parses', () => {
    const r = katarun([fixture('flow'), '--settle', '300ms', '--check-timeout', '500ms']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✔ step 1\/3 stop a watcher \(\d/);
    expect(r.stdout).toContain('    FAIL: the thing is not there');
    expect(r.stdout).toContain('    │ looking for the thing');
    expect(r.stdout).toContain('· step 3/3 leaves a marker (not run)');
    const tap = katarun([fixture('flow'), '--reporter', 'tap', '--from', '2', '--to', '2', '--check-timeout', '300ms']);
    expect(tap.code).toBe(1);
    expect(tap.stdout.split('\n').slice(0, 2)).toEqual(['TAP version 13', '1..3']);
    expect(tap.stdout).toContain('not ok 2 - step 2: a check that never passes');
  });

  it('exit 2 for usage errors and for an invalid scenario, with nothing run', () => {
    const bad = katarun([fixture('flow'), '--reporter', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--reporter: 'xml' is not a reporter — use one of/);
    expect(katarun([]).code).toBe(2);
    expect(katarun(['no-such-scenario-anywhere']).code).toBe(2);
    expect(katarun([fixture('flow'), '--from', '9']).code).toBe(2);
    const inv = katarun([fixture('escape')]);
    expect(inv.code).toBe(2);
    expect(inv.stderr).toMatch(/index\.json:\d+(:\d+)?: error: /);
    expect(inv.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(markerFile)).toBe(false);
  });

  it('exit 3 when the environment is not ready: each problem with its fix, nothing run', () => {
    const r = katarun([fixture('notready')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('✘ tool:katarun-missing-tool-for-tests: ');
    expect(r.stderr).toContain('— nothing to install');
    expect(existsSync(markerFile)).toBe(false);
  });

  it("exit 3 in Russian with --lang ru: katarun's words translated, the scenario's install text as written", () => {
    const r = katarun([fixture('notready'), '--lang', 'ru']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("katarun: окружение не готово для 'notready':");
    expect(r.stderr).toContain('✘ tool:katarun-missing-tool-for-tests: katarun-missing-tool-for-tests не найден в PATH — nothing to install');
    expect(r.stderr).not.toContain('was not found');
  });

  it('--setup-timeout: a setup script that never ends fails the run at the limit (exit 1), the report is written, nothing is left running', async () => {
    const out = join(t.root, 'report.json');
    const started = Date.now();
    const child = spawn(process.execPath, [cli, 'test', fixture('setup-hang'), '--sandbox', 'none', '--setup-timeout', '2s', '--reporter', 'json', '--output', out, '--progress', '0'], {cwd: t.root, env: env(), stdio: ['ignore', 'pipe', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    // The setup script runs (its loop and its background sleep are alive) before the limit ends it.
    expect(await waitFor(() => existsSync(markerFile), 30_000)).toBe(true);
    expect(processesWithEnv('KATARUN_TEST_ID', marker).length).toBeGreaterThan(2);
    expect(await exited, stderr).toBe(1);
    // Stopped at the limit, not at the 30-minute default (a loaded machine gets a minute's slack).
    expect(Date.now() - started).toBeLessThan(60_000);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {setup?: {status: string; output: string[]}; steps: {status: string}[]; exitCode: number};
    expect(report.exitCode).toBe(1);
    expect(report.setup?.status).toBe('failed');
    expect(report.setup?.output).toContain('setup: waiting for a service that never comes');
    expect(report.setup?.output.join('\n')).toContain('the setup script timed out');
    expect(report.steps.map((s) => s.status)).toEqual(['not-run']);
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 5000)).toBe(true);
  });

  it('the settle period (--settle, default 3s): a watcher runs that long before its Ctrl-C, not to the command limit', () => {
    const r = katarun([fixture('endless'), '--to', '1', '--reporter', 'json', '--progress', '0', '--sandbox', 'none']);
    expect(r.code, r.stderr).toBe(0);
    const watcher = (JSON.parse(r.stdout) as {steps: {commands: {text: string; durationMs: number; interrupted: boolean}[]}[]}).steps[0]!.commands[1]!;
    expect(watcher).toMatchObject({text: 'watch -n 1 cat greeting.txt', interrupted: true});
    // The default 3 s, then Ctrl-C. The settle clock starts when the action is sent and the
    // command's own clock when the shell starts it, a few ms later (2993 ms seen under load), so
    // the floor is 2.5 s: still above any shorter default. A loaded machine gets slack above.
    expect(watcher.durationMs).toBeGreaterThanOrEqual(2500);
    expect(watcher.durationMs).toBeLessThan(30_000);
  });

  it('--setup-timeout takes the same durations and clamps as --check-timeout', () => {
    for (const bad of ['soon', '0s', '1000h']) {
      const r = katarun([fixture('setup-hang'), '--setup-timeout', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--setup-timeout');
      expect(r.stderr).not.toContain('    at ');
    }
    expect(existsSync(markerFile)).toBe(false);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during a run: cleans up, exit 130, no survivors`, async () => {
      // The marker is a host file the sandbox rightly hides; test/sandbox/ covers signals in bwrap.
      const child = spawn(process.execPath, [cli, 'test', fixture('slow'), '--sandbox', 'none'], {cwd: t.root, env: env(), stdio: ['ignore', 'pipe', 'pipe']});
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      expect(await waitFor(() => existsSync(markerFile), 15_000)).toBe(true);
      expect(processesWithEnv('KATARUN_TEST_ID', marker).length).toBeGreaterThan(1);
      child.kill(signal);
      expect(await exited).toBe(130);
      expect(stdout).toContain('interrupted');
      expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 3000)).toBe(true);
      expect(readFileSync(markerFile, 'utf8')).toBe('started\n');
    });
  }

  it('SIGKILL of katarun during a run: the shell layer\'s watchdog still ends everything', async () => {
    const child = spawn(process.execPath, [cli, 'test', fixture('slow'), '--sandbox', 'none'], {cwd: t.root, env: env(), stdio: 'ignore'});
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    expect(await waitFor(() => existsSync(markerFile), 15_000)).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 5000)).toBe(true);
  });

  it("--lang for a language the scenario lacks says which copy it shows instead (it fell back without a word)", () => {
    const r = katarun(['basics', '--lang', 'fr', '--settle', '1s']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("There is no 'fr' translation of basics: it is shown in 'en' (it has: en, ru).");
    expect(katarun(['basics', '--lang', 'ru', '--settle', '1s']).stderr).not.toContain('translation');
  });

  it("a run's logs are private: folders 0700, katarun's log files 0600 (the shell's own snapshots sit in 0700 folders)", () => {
    expect(katarun(['basics', '--settle', '1s']).code).toBe(0);
    const logs = join(t.state, 'logs');
    const walk = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? [join(dir, e.name), ...walk(join(dir, e.name))] : [join(dir, e.name)]));
    const all = walk(logs);
    const dirs = all.filter((p) => statSync(p).isDirectory());
    const files = all.filter((p) => statSync(p).isFile() && !p.includes('.snap'));
    expect(files.some((p) => p.endsWith('checks.log'))).toBe(true);
    for (const d of [logs, ...dirs]) expect([d, statSync(d).mode & 0o777]).toEqual([d, 0o700]);
    for (const f of files) expect([f, statSync(f).mode & 0o777]).toEqual([f, 0o600]);
  });

  it('the bundled basics scenario passes', () => {
    const r = katarun(['basics', '--settle', '1s']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('basics: ok — 4 passed');
  });
});
