// Each attack of issue 14 as a fixture scenario, run through the built `katarun test` with a
// scratch HOME (a fake ~/.kube/config and ~/.ssh key in it) and scratch XDG folders: nothing
// written outside the workspace, no secret in the output, no process left (found in /proc by a
// marker in its environment), no setuid bit, no escape byte on stdout. The same CLI with bwrap
// hidden from PATH shows the fallback.
import {spawn, spawnSync} from 'node:child_process';
import {chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, cpSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {sandboxStatus} from '../../src/shell/sandbox.js';
import {processesWithEnv, repoRoot, tempDirs, uniqueMarker, waitFor, type TempDirs} from '../engine/integration-helpers.js';

const cli = join(repoRoot, 'dist', 'cli', 'main.js');
const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'sandbox', name);
const bwrapHere = sandboxStatus().usable;
// Root here (as in CI) can run katarun as an unprivileged user: the built CLI must be readable
// to it and bwrap must work without privileges. Elsewhere the unprivileged case is not tried.
const asNobody =
  process.getuid?.() === 0 &&
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(repoRoot, 'dist', 'cli', 'main.js'))}, 4)`], {stdio: 'ignore'}).status === 0 &&
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', 'bwrap', '--ro-bind', '/', '/', '--unshare-pid', '--dev', '/dev', 'true'], {stdio: 'ignore'}).status === 0;


let t: TempDirs;
let marker: string;
let home: string;
beforeEach(() => {
  t = tempDirs('katarun-sandbox-');
  marker = uniqueMarker();
  home = join(t.root, 'home');
  mkdirSync(join(home, '.kube'), {recursive: true});
  mkdirSync(join(home, '.ssh'), {recursive: true});
  mkdirSync(join(t.root, 'outside'));
  writeFileSync(join(home, '.kube', 'config'), 'users:\n- name: prod\n  user: {token: SECRET-PROD-TOKEN}\n');
  writeFileSync(join(home, '.ssh', 'id_rsa'), 'SECRET-SSH-KEY\n');
  writeFileSync(join(home, '.bashrc'), '# the learner\'s own\n');
});
afterEach(() => t.cleanup());

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    ...t.xdg,
    HOME: home,
    KATARUN_TEST_REALHOME: home,
    KATARUN_TEST_MARKER: join(t.root, 'marker'),
    KATARUN_TEST_OUTSIDE_DIR: join(t.root, 'outside'),
    KATARUN_TEST_ID: marker,
    ...extra,
  };
  delete e.CI;
  return e;
}

function katarun(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {cwd: t.root, env: env(extra), encoding: 'utf8', timeout: 60_000});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr};
}

/** Files below `dir`, recursively (the run's workspaces). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** A PATH with every command of this machine except bwrap: the fallback as a user without it sees it. */
function pathWithoutBwrap(): string {
  const bin = join(t.root, 'bin-no-bwrap');
  mkdirSync(bin);
  for (const dir of ['/usr/local/bin', '/usr/bin', '/bin']) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name === 'bwrap' || existsSync(join(bin, name))) continue;
      symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return bin;
}

/** Hand a folder tree to another user (the unprivileged learner of a test). */
function chownTree(dir: string, uid: number): void {
  chownSync(dir, uid, uid);
  for (const d of readdirSync(dir, {recursive: true, withFileTypes: true})) chownSync(join(d.parentPath, d.name), uid, uid);
}

const CONTROL = /[\u001b\u0007\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

// Every test here is about bwrap; .ci/run installs bubblewrap, so CI always runs them.
describe.skipIf(!bwrapHere)('the sandbox against a scenario that attacks (bwrap)', () => {
  it("keeps the learner's home, ~/.kube and ~/.ssh out of reach; ~ is the scenario's own", () => {
    const r = katarun(['test', fixture('home-secrets'), '--sandbox', 'bwrap', '--reporter', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.all).not.toContain('SECRET');
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe("# the learner's own\n");
    const report = JSON.parse(r.stdout) as {steps: {status: string; output: string[]}[]};
    expect(report.steps[0]!.status).toBe('passed');
  });

  // As an unprivileged learner (uid 65534 here), where /proc/<pid>/root of a process of the
  // same user is open to it: the run's PID 1, started outside the sandbox by an `unshare --pid`
  // holder, showed the real home (as root it was closed, by the holder's capabilities).
  it.skipIf(!asNobody)("the same as an unprivileged learner, through /proc/<pid>/root of the run's PID 1 too", () => {
    chownTree(t.root, 65534);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, cli, 'test', fixture('home-secrets'), '--sandbox', 'bwrap', '--reporter', 'json'], {cwd: t.root, env: env(), encoding: 'utf8', timeout: 60_000});
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('SECRET');
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe("# the learner's own\n");
  });

  it('writes nothing outside the workspace and leaves no process behind (setsid, double fork, nohup)', async () => {
    const r = katarun(['test', fixture('escape-run'), '--sandbox', 'bwrap']);
    expect(r.code, r.all).toBe(0);
    expect(existsSync(join(t.root, 'marker'))).toBe(false);
    expect(existsSync('/etc/katarun-pwned')).toBe(false);
    expect(existsSync('/tmp/katarun-scratch')).toBe(false);
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 3000)).toBe(true);
    // What the scenario wrote to /usr/local/bin is in its own workspace.
    expect(filesUnder(t.data).some((f) => f.endsWith(join('usr', 'local', 'bin', 'katarun-pwned')))).toBe(true);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)('%s of katarun mid-run: nothing of the sandbox survives', async (signal) => {
    const child = spawn(process.execPath, [cli, 'test', join(repoRoot, 'test', 'fixtures', 'engine', 'slow'), '--sandbox', 'bwrap'], {cwd: t.root, env: env(), stdio: 'ignore'});
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    // bwrap, bash and two sleeps carry the marker in their environment.
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length >= 3, 15_000)).toBe(true);
    child.kill(signal);
    await exited;
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 5000)).toBe(true);
  });

  it('runs the public upload-assets constructs: assets at /my/location, /usr/local/bin, /etc/killercoda and ~ used by those paths', () => {
    const r = katarun(['test', fixture('absolute-assets'), '--sandbox', 'bwrap']);
    expect(r.code, r.all).toBe(0);
    expect(r.stdout).toContain('1 passed');
  });

  it("down --context runs the scenario's teardown script in the sandbox: the learner's home and credentials stay out of reach", () => {
    const state = join(t.root, 'standin-state.json');
    writeFileSync(state, '{}');
    const standin = join(repoRoot, 'test', 'fixtures', 'standin-bin');
    const r = katarun(['down', fixture('teardown-reach'), '--context', 'prod-cluster'], {PATH: `${standin}:${process.env.PATH}`, KATARUN_STANDIN_STATE: state});
    expect(r.code, r.all).toBe(0);
    expect(r.stdout).toContain('teardown home=/root');
    // The guarded kubeconfig of that one context is there; the learner's own files are not.
    expect(r.stdout).toMatch(/^1$/m);
    expect(r.all).not.toContain('SECRET');
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe("# the learner's own\n");
    expect(existsSync(join(t.root, 'marker'))).toBe(false);
    expect(r.stderr).not.toContain('No sandbox');
  });

  it('three runs at once — the same scenario twice, and a same-named one in another folder — each see only their own files and processes', async () => {
    const dirs = ['one', 'two'].map((who) => {
      const dir = join(t.root, who, 'demo');
      mkdirSync(dir, {recursive: true});
      writeFileSync(join(dir, 'index.json'), JSON.stringify({title: `demo ${who}`, details: {steps: [{title: 'mine', text: 'step1.md', verify: 'verify.sh'}]}, katarun: {environment: 'bash', checkInterval: '100ms', checkTimeout: '3s'}}));
      // A value of this run's own (two runs of one scenario write the same paths): a check that reads another run's file fails.
      // Each run's terminals and checks share one PID namespace (the check sees the run's own
      // sleeper), and no run sees another's: the three runs overlap while their checks look.
      writeFileSync(join(dir, 'step1.md'), `# mine\n\n\`export MINE=${who}-$(cat /proc/sys/kernel/random/uuid); echo $MINE > ~/who; echo $MINE > /tmp/who; (exec -a katarun-run-$MINE sleep 30 &); sleep 0.5\`{{exec}}\n`);
      writeFileSync(join(dir, 'verify.sh'), `#!/bin/bash\nsleep 0.3\n[ "$(cat ~/who /tmp/who)" = "$MINE\n$MINE" ] || { echo "FAIL: saw $(cat ~/who /tmp/who), mine is $MINE"; exit 1; }\nmine=$(pgrep -fc "^katarun-run-$MINE "); all=$(pgrep -fc '^katarun-run-')\n[ "$mine/$all" = 1/1 ] || { echo "FAIL: sees $all sleepers, $mine of them mine"; exit 1; }\n`);
      return dir;
    });
    const runs = [dirs[0]!, dirs[0]!, dirs[1]!].map((dir) => {
      const child = spawn(process.execPath, [cli, 'test', dir, '--sandbox', 'bwrap'], {cwd: t.root, env: env(), stdio: ['ignore', 'pipe', 'pipe']});
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (out += b.toString()));
      return new Promise<{code: number | null; out: string}>((resolve) => child.on('close', (code) => resolve({code, out})));
    });
    for (const r of await Promise.all(runs)) expect(r.code, r.out).toBe(0);
    // Two scenarios (keyed by their paths), three run workspaces, never the learner's.
    const keys = readdirSync(join(t.data, 'runs'));
    expect(keys).toHaveLength(2);
    expect(keys.map((k) => readdirSync(join(t.data, 'runs', k)).length).sort()).toEqual([1, 2]);
    expect(existsSync(join(t.data, 'workspaces'))).toBe(false);
  }, 90_000);
});

describe('attacks the sandbox does not need to stop (any --sandbox)', () => {
  it.each(['bwrap', 'none'].filter((m) => m === 'none' || bwrapHere))('--sandbox %s: no setuid asset, no file action through a planted symlink', (mode) => {
    const r = katarun(['test', fixture('files'), '--sandbox', mode]);
    expect(r.code, r.all).toBe(0);
    expect(r.stderr).toContain('setuid');
    expect(existsSync(join(t.root, 'marker'))).toBe(false);
    expect(readdirSync(join(t.root, 'outside'))).toEqual([]);
    const tool = filesUnder(t.data).find((f) => f.endsWith('tool.sh'));
    expect(tool).toBeDefined();
    expect(statSync(tool!).mode & 0o7777).toBe(0o755);
  });

  it.each(['human', 'tap'])('the %s report prints no escape sequence, 8-bit control or bidi override from titles or check output', (reporter) => {
    const r = katarun(['test', fixture('escapes'), '--reporter', reporter, '--sandbox', 'none']);
    expect(r.code).toBe(1);
    expect(r.all).toContain('Clipboard');
    expect(r.all).toContain('FAIL');
    expect(r.all).not.toMatch(CONTROL);
  });

  it('the JSON report keeps the data and is still safe on a terminal', () => {
    const r = katarun(['test', fixture('escapes'), '--reporter', 'json', '--sandbox', 'none']);
    expect(r.stdout).not.toMatch(CONTROL);
    const report = JSON.parse(r.stdout) as {steps: {title: string}[]};
    expect(report.steps[0]!.title).toContain('\u001b]52;c;');
  });

  it('an action whose text hides a command: validate says where and shows it escaped; test refuses to run it', () => {
    const v = katarun(['validate', fixture('hidden-action')]);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/step1\.md:3:1: error: .*\\x1b\]0; echo HIDDEN/);
    expect(v.stdout).toMatch(/step1\.md:5:1: error: .*\\x1b\[201~/);
    expect(v.all).not.toMatch(CONTROL);
    const r = katarun(['test', fixture('hidden-action')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(t.root, 'marker'))).toBe(false);
  });

  it('without bwrap on PATH: auto says in one line what is not protected and how to get bwrap; ~ is the workspace home', () => {
    const scenario = join(t.root, 'copy');
    cpSync(fixture('home-secrets'), scenario, {recursive: true});
    const path = pathWithoutBwrap();
    const r = katarun(['test', scenario], {PATH: path});
    expect(r.stderr).toMatch(/No sandbox \(bwrap is not installed\).*apt install bubblewrap/);
    // The step appended to ~/.bashrc: the workspace's, never the learner's.
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe("# the learner's own\n");
    expect(filesUnder(t.data).some((f) => f.endsWith(join('root', '.bashrc')))).toBe(true);
    const forced = katarun(['test', scenario, '--sandbox', 'bwrap'], {PATH: path});
    expect(forced.code).toBe(3);
    expect(forced.stderr).toContain('--sandbox bwrap: bwrap is not installed');
  });
});
