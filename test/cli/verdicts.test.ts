// Verdicts a CI job can believe (issue 9): the lifecycle of the intro's and finish's scripts,
// failures that used to pass without a word, reports written for exit 2 and 3, --output errors
// as one line, durations in whole milliseconds. The built CLI in a child process.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fixture, hasProgram, ptyAvailable, repoRoot, tempDirs, type TempDirs} from '../engine/integration-helpers.js';
import {parseXml} from '../headless/xml-check.js';

const cli = join(repoRoot, 'dist', 'cli', 'main.js');
const STACK = /\n\s+at .+:\d+:\d+/;


let t: TempDirs;
beforeEach(() => {
  t = tempDirs('katarun-verdicts-');
});
afterEach(() => t.cleanup());

function katarun(args: string[], timeout = 60_000, extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = {...process.env, ...t.xdg, ...extraEnv};
  delete env.CI;
  const r = spawnSync(process.execPath, [cli, ...args], {cwd: t.root, env, encoding: 'utf8', timeout});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

interface JsonReport {
  exitCode: number;
  durationMs: number;
  steps: {status: string; durationMs: number; commands: {durationMs: number; exitCode: number | null}[]; warnings?: {commands: {command: string; exitCode: number}[]}[]}[];
  scripts?: {page: string; role: string; exitCode: number; output: string[]}[];
  error?: {kind: string; message: string; details: string[]};
}

describe('the lifecycle of page scripts', () => {
  it("waits for the intro's foreground script before step 1, runs the finish's, and ends cleanly", () => {
    const r = katarun(['test', fixture('lifecycle'), '--reporter', 'json']);
    // It printed 'ok — 1 passed', then died with 'the engine was disposed' and a stack trace, exit 1.
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('disposed');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.steps.map((s) => s.status)).toEqual(['passed']);
    expect(report.exitCode).toBe(0);
    expect(r.stderr).toContain('ok — 1 passed');
    // A run of its own: the TUI's workspace and saved progress are never touched.
    expect(existsSync(join(t.xdg.XDG_DATA_HOME!, 'katarun', 'runs'))).toBe(true);
    expect(existsSync(join(t.xdg.XDG_DATA_HOME!, 'katarun', 'workspaces'))).toBe(false);
    expect(existsSync(join(t.xdg.XDG_STATE_HOME!, 'katarun', 'progress'))).toBe(false);
  });
});

describe("the background scripts a learner reads past", () => {
  it("step 1's actions wait for a quick intro background script to end", () => {
    // They ran at once: cat found no file, and the script's last line then removed what step 1 made.
    const r = katarun(['test', fixture('background-reading'), '--reporter', 'json', '--check-timeout', '5s']);
    expect(r.stderr).not.toMatch(STACK);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.steps.map((s) => s.status), r.stderr).toEqual(['passed']);
    expect(report.steps[0]!.commands.map((c) => c.exitCode)).toEqual([0]);
    expect(report.exitCode).toBe(0);
  });

  it('a background script that never ends holds step 1 back for the reading time only, and is stopped at the end', () => {
    const started = Date.now();
    const r = katarun(['test', fixture('background-endless'), '--reporter', 'json', '--check-timeout', '5s'], 150_000);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.steps.map((s) => s.status), r.stderr).toEqual(['passed']);
    expect(r.code).toBe(0);
    // The script sleeps 600 s; the run takes the 15 s reading time and a little more.
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15_000);
    const left = spawnSync('pgrep', ['-f', 'katarun-fixture-endless-background'], {encoding: 'utf8'});
    expect(left.stdout.trim(), 'the background script outlived the run').toBe('');
  }, 180_000);
});

describe("one machine's processes", () => {
  const run = (sandbox: string) => {
    const r = katarun(['test', fixture('shared-processes'), '--reporter', 'json', '--check-timeout', '5s', '--sandbox', sandbox]);
    expect(r.stderr).not.toMatch(STACK);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.steps.map((s) => s.status), r.stderr).toEqual(['passed', 'passed']);
    expect(report.steps[1]!.commands.map((c) => c.exitCode)).toEqual([0]);
    expect(report.steps[1]!.warnings ?? []).toEqual([]);
    const left = spawnSync('pgrep', ['-f', 'katarun-fixture-(job|daemon)'], {encoding: 'utf8'});
    expect(left.stdout.trim(), 'a scenario process outlived the run').toBe('');
  };

  it("without the sandbox, a check sees the learner's background job and T1 stops the intro background's daemon; nothing is left", () => {
    run('none');
  }, 120_000);

  // In the bwrap sandbox every scenario process had a PID namespace of its own: step 1's check
  // never saw the job, step 2's pgrep/pkill found nothing (barrymister linux-learn-processes
  // failed, linux-learn-signals passed with its commands failed). One namespace per run now.
  it('in the sandbox too (one PID namespace per run, as on one machine)', () => {
    run('bwrap');
  }, 120_000);

  // The run's PID 1 (katarun's) as a learner's commands and checks meet it: a `sleep infinity`
  // beside it was found by `pgrep sleep`, and once `pkill sleep` took it, PID 1 spun (99 clock
  // ticks in a second).
  it.runIf(hasProgram('bwrap', '--version'))("the sandbox's PID 1 shows nothing a check looks for, outlives a learner's kill, and idles", () => {
    const r = katarun(['test', fixture('pid-one'), '--sandbox', 'bwrap', '--reporter', 'json']);
    expect(r.stderr).not.toMatch(STACK);
    const report = JSON.parse(r.stdout) as JsonReport & {steps: {output: string[]}[]};
    expect(report.steps.map((s) => s.status), report.steps[0]?.output.join('\n')).toEqual(['passed']);
  }, 60_000);
});

describe('a terminal the machine cannot start', () => {
  // A stand-in for bwrap on PATH (not the sandbox under test): it passes katarun's probe and
  // refuses every scenario process, as a broken bwrap install or a refused namespace would.
  // Before, the pipe shell's commands waited on a dead shell to the 10-minute command limit,
  // and in the PTY a step without a check passed with no command run.
  // `allowed`: how many scenario processes it starts before it refuses.
  const standIn = (allowed = 0) => {
    const bin = join(t.root, 'standin-bwrap-bin');
    mkdirSync(bin, {recursive: true});
    const real = spawnSync('sh', ['-c', 'command -v bwrap'], {encoding: 'utf8'}).stdout.trim();
    const count = join(t.root, 'standin-started');
    writeFileSync(
      join(bin, 'bwrap'),
      `#!/bin/sh\ncase " $* " in *" --chdir "*) n=$(cat ${count} 2>/dev/null || echo 0); echo $((n + 1)) > ${count}\n  [ "$n" -lt ${allowed} ] || { echo "bwrap: stand-in refuses to start it" >&2; exit 1; };; esac\nexec ${real} "$@"\n`,
      {mode: 0o755},
    );
    return `${bin}:${process.env.PATH}`;
  };
  for (const shell of ['pipe', 'pty']) {
    it.runIf(hasProgram('bwrap', '--version') && (shell === 'pipe' || ptyAvailable))(`${shell}: exit 3 at once, the report written with the reason, no step judged`, () => {
      const PATH = standIn();
      const out = join(t.root, `r-${shell}.xml`);
      const started = Date.now();
      const r = katarun(['test', 'basics', '--sandbox', 'bwrap', '--shell', shell, '--reporter', 'junit', '--output', out], 60_000, {PATH});
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code, r.stderr).toBe(3);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.stderr).toContain('T1 could not start, so no step was judged: bash exited while starting (1): bwrap: stand-in refuses to start it');
      const xml = readFileSync(out, 'utf8');
      expect(xml).toMatch(/<error message="T1 could not start[^"]*stand-in refuses/);
      expect(xml).not.toContain('<failure');
      expect(xml).toMatch(/tests="5" failures="0" errors="1" skipped="4"/);
    }, 90_000);

    // The shell started, the learner's `exit` ended it, and the one started in its place was
    // refused: in the PTY the next command waited for a prompt that never came, past every limit.
    it.runIf(hasProgram('bwrap', '--version') && (shell === 'pipe' || ptyAvailable))(`${shell}: a shell that cannot be started again after \`exit\` ends the run the same way`, () => {
      const PATH = standIn(1);
      const dir = join(t.root, 'restart');
      mkdirSync(dir);
      writeFileSync(join(dir, 'index.json'), JSON.stringify({title: 'restart', details: {steps: [{title: 'leave and come back', text: 'step1.md'}]}, katarun: {environment: 'bash'}}));
      writeFileSync(join(dir, 'step1.md'), '# leave and come back\n\n`exit 3`{{exec}}\n\n`echo back`{{exec}}\n');
      const started = Date.now();
      const r = katarun(['test', dir, '--sandbox', 'bwrap', '--shell', shell], 60_000, {PATH});
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code, r.stderr).toBe(3);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.stderr).toMatch(/T1 could not start, so no step was judged: bash exited while starting \(1\): .*bwrap: stand-in refuses to start it/);
    }, 90_000);
  }
});

describe('failures that passed without a word', () => {
  it('a failing background script and a failing command under a passing check are reported in every reporter', () => {
    const json = katarun(['test', fixture('warnings'), '--reporter', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.steps[0]!.status).toBe('passed');
    expect(report.steps[0]!.warnings?.[0]?.commands[0]).toMatchObject({command: 'ls /no/such/folder/katarun', exitCode: 2});
    expect(report.scripts).toEqual([expect.objectContaining({page: 'intro', role: 'background', exitCode: 1})]);
    expect(report.scripts![0]!.output.join('\n')).toContain('Permission denied');

    const human = katarun(['test', fixture('warnings')]);
    expect(human.stdout).toContain('`ls /no/such/folder/katarun` exited with status 2, but the check passed');
    expect(human.stdout).toContain('the background script of intro exited with status 1');
    expect(human.stdout).toContain('Permission denied');

    const tap = katarun(['test', fixture('warnings'), '--reporter', 'tap']);
    expect(tap.stdout).toContain('# warning: the background script of intro exited with status 1');
    expect(tap.stdout).toMatch(/# warning: step 1: `ls \/no\/such\/folder\/katarun` exited with status 2/);

    const junit = katarun(['test', fixture('warnings'), '--reporter', 'junit']);
    const suite = parseXml(junit.stdout).children[0]!;
    expect(suite.children.find((c) => c.name === 'system-err')?.text).toContain('the background script of intro exited with status 1');
    // Four whole katarun test runs one after another: ~8 s each with a CPU hog beside the suite,
    // past vitest's 30 s default (it timed out there in 1 of 3 full runs).
  }, 180_000);

  it("a check written for Katacoda's done rule passes on its done line, not on exit 0; validate says which rule", () => {
    const r = katarun(['test', fixture('done-rule'), '--keep-going', '--reporter', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    // Step 1's script exits 0 without printing done: it passed before, with nothing done.
    expect(report.steps.map((s) => s.status)).toEqual(['failed', 'passed']);
    const v = katarun(['validate', fixture('done-rule')]);
    expect(v.stdout).toContain("checks pass on a line reading 'done', Katacoda's rule (steps 1, 2)");
    const json = katarun(['validate', '--format', 'json', fixture('done-rule')]);
    expect((JSON.parse(json.stdout) as {steps: {check: {rule: string}}[]}[])[0]!.steps.map((s) => s.check.rule)).toEqual(['done', 'done']);
  });

  it('a zx check that never settles fails at its timeout (zx ended it with status 0)', () => {
    const r = katarun(['test', fixture('zx-never'), '--reporter', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.steps[0]!.status).toBe('failed');
    expect(report.durationMs).toBeGreaterThanOrEqual(3000);
  });

  it('--strict fails the step whose commands failed and the run whose page script failed', () => {
    const r = katarun(['test', fixture('warnings'), '--strict', '--reporter', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.steps[0]!.status).toBe('failed');
    expect(r.stderr).toContain('FAILED');
  });

  it('durations are whole milliseconds', () => {
    const r = katarun(['test', fixture('warnings'), '--reporter', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    const all = [report.durationMs, ...report.steps.flatMap((s) => [s.durationMs, ...s.commands.map((c) => c.durationMs)])];
    expect(all.length).toBeGreaterThan(2);
    for (const ms of all) expect(Number.isInteger(ms)).toBe(true);
  });
});

describe('reports a CI job can use', () => {
  it('exit 3 still writes the JUnit report, with the environment failure as an error test case', () => {
    const out = join(t.root, 'out', 'notready.xml');
    const r = katarun(['test', fixture('notready'), '--reporter', 'junit', '--output', out]);
    expect(r.code, r.stderr).toBe(3);
    const suite = parseXml(readFileSync(out, 'utf8')).children[0]!;
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases[0]!.attrs.name).toBe('environment');
    expect(cases[0]!.children[0]!.name).toBe('error');
    expect(cases[0]!.children[0]!.text).toContain('katarun-missing-tool-for-tests');
    expect(cases.slice(1).map((c) => c.children[0]?.name)).toEqual(['skipped']);
  });

  it('exit 2 writes the report too: a script that does not parse is found before anything runs', () => {
    const dir = join(t.root, 'badscript');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({title: 'bad', details: {steps: [{title: 's', text: 'step1.md', verify: 'verify.sh'}]}}));
    writeFileSync(join(dir, 'step1.md'), '`touch ran.txt`{{execute}}\n');
    writeFileSync(join(dir, 'verify.sh'), 'if [ -f ran.txt ]; then\n  echo done\n');
    const out = join(t.root, 'bad.xml');
    const r = katarun(['test', dir, '--reporter', 'junit', '--output', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('verify.sh');
    const suite = parseXml(readFileSync(out, 'utf8')).children[0]!;
    expect(suite.children.find((c) => c.name === 'testcase')?.children[0]?.attrs.type).toBe('scenario-invalid');
    expect(existsSync(join(t.xdg.XDG_DATA_HOME!, 'katarun'))).toBe(false);
  });

  it("the human report shows a failed setup's first lines (the reason) and its last ones", () => {
    const r = katarun(['test', fixture('setup-fails'), '--progress', '0']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('✘ setup failed');
    // Before, only the last 40 lines: 'retrying 62' to 'retrying 100' and the exit status.
    expect(r.stdout).toContain('│ error: pull access denied for katarun-example-image');
    expect(r.stdout).toContain('│ … 62 lines left out (the whole output is in the log) …');
    expect(r.stdout).toContain('│ retrying 100');
    expect(r.stdout).toContain('│ the setup script exited with status 4');
    expect(r.stdout).not.toContain('retrying 40\n');
  });

  it('a progress line while a step runs, so a CI log never looks hung', () => {
    const r = katarun(['test', fixture('progress'), '--progress', '1s', '--sandbox', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/… step 1\/1 · running sleep 3 · 0:0[1-3]/);
    const quiet = katarun(['test', fixture('progress'), '--progress', '0', '--sandbox', 'none']);
    expect(quiet.stdout).not.toContain('running sleep 3');
  });

  it('--output that cannot be written is one line, never a stack trace or a hang', () => {
    const full = katarun(['test', fixture('warnings'), '--output', '/dev/full'], 30_000);
    expect(full.stderr).toContain('cannot write the report to /dev/full: no space left on the device');
    expect(full.stderr).not.toMatch(STACK);
    expect(full.code).toBe(2);
    const bad = katarun(['test', fixture('warnings'), '--output', '/dev/null/sub/report.xml'], 30_000);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--output: cannot write /dev/null/sub/report.xml');
    // Node's own recursive mkdir never returned here: katarun hung until killed.
    const proc = katarun(['test', fixture('warnings'), '--output', '/proc/katarun-nope/sub/report.xml'], 30_000);
    expect(proc.code, proc.stderr).toBe(2);
    expect(proc.stderr.trim().split('\n')).toHaveLength(1);
    expect(proc.stderr).toContain('--output: cannot write /proc/katarun-nope/sub/report.xml');
  });

  it('a check timeout beyond what a timer can hold is refused, not turned into 1 ms', () => {
    const r = katarun(['test', fixture('warnings'), '--check-timeout', '1000h']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--check-timeout: '1000h' is longer than katarun can wait");
    expect(r.stderr).not.toMatch(STACK);
  });
});

// Each time limit the README states, proven with a small configured value (README "katarun test"
// options and "Checks"). The watcher's --settle is proven in test-command.test.ts, --progress
// above, the check interval's back-off in verify-poller.test.ts.
describe('the time limits the README states hold', () => {
  interface Step {
    status: string;
    check?: {timedOut: boolean};
    reason?: {kind: string};
    commands: {timedOut: boolean}[];
  }

  it('the command limit (--command-timeout, default 10m): a command that never ends fails its step at the limit', () => {
    const started = Date.now();
    const r = katarun(['test', fixture('slow'), '--to', '1', '--command-timeout', '2s', '--reporter', 'json', '--progress', '0'], 90_000);
    expect(r.code, r.stderr).toBe(1);
    const step = (JSON.parse(r.stdout) as {steps: Step[]}).steps[0]!;
    expect(step.status).toBe('failed');
    expect(step.reason?.kind).toBe('command-timed-out');
    expect(step.commands[0]!.timedOut).toBe(true);
    // `sleep 1001` would have held it for 17 minutes.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('the check timeout (--check-timeout): a check that never ends is killed and its step fails at the timeout', () => {
    const started = Date.now();
    const r = katarun(['test', fixture('hang'), '--check-timeout', '2s', '--reporter', 'json', '--progress', '0'], 90_000);
    expect(r.code, r.stderr).toBe(1);
    const step = (JSON.parse(r.stdout) as {steps: Step[]}).steps[0]!;
    expect(step).toMatchObject({status: 'failed', check: {timedOut: true}});
    // The check sleeps 1000 s.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
