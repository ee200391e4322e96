// Lines for the program that holds the terminal, headless (issue 9): python3 started by one
// action gets the next action's line, `cat` gets a line and Ctrl-D (ctrl-seq), vi gets text
// without Enter (no-newline) and Esc. `katarun test` picks a terminal (PTY) for such a
// scenario by itself; with `--shell pipe` the same lines reach bash, and the checks say so.
// The built CLI in a child process, in the sandbox where the machine has one.
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fixture, repoRoot, tempDirs, type TempDirs, SYSTEM_PATH, hasProgram, ptyAvailable} from '../engine/integration-helpers.js';

const cli = join(repoRoot, 'dist', 'cli', 'main.js');
const PATH = SYSTEM_PATH;
const has = hasProgram;
// Needs the PTY addon, python3 and vi (the CI installs python3 and vim-tiny).
const ready = ptyAvailable && has('python3', '-c', '1') && has('vi', '--version');

let t: TempDirs;
beforeEach(() => {
  t = tempDirs('katarun-repl-');
});
afterEach(() => t.cleanup());

function katarun(args: string[]) {
  const env: NodeJS.ProcessEnv = {...process.env, ...t.xdg, PATH};
  delete env.CI;
  const r = spawnSync(process.execPath, [cli, 'test', fixture('repl-input'), '--reporter', 'json', '--progress', '0', ...args], {cwd: t.root, env, encoding: 'utf8', timeout: 170_000});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

interface Report {
  steps: {status: string; commands: {text: string; exitCode: number}[]; output: string[]}[];
}

describe.runIf(ready)('headless: lines typed into a REPL, cat and an editor', () => {
  it('each program gets its lines and keys: every check passes, nothing reached bash', () => {
    const r = katarun([]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(JSON.stringify(report)).not.toContain('syntax error');
  }, 180_000);

  it('through pipes (--shell pipe) the REPL never gets its line, and the check fails rather than passing', () => {
    const r = katarun(['--shell', 'pipe', '--check-timeout', '2s', '--to', '1']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.steps[0]!.status).toBe('failed');
  }, 180_000);
});
