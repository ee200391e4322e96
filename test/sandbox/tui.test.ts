// Issue 14 through the TUI, in a real PTY: a kind cluster katarun did not create is used only
// after the learner says yes (and `down` still refuses to delete it); a second katarun on the
// same scenario asks before it opens a separate copy; and hostile scenario text (OSC 52, OSC 0,
// DCS, RIS, CSI, 8-bit C1, bidi overrides) never reaches the terminal as bytes, in the picker,
// intro, status bar, step page, FAIL line and hints, nor from list/validate/doctor/test.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {katarunStarter, KEYS, cli, repoRoot, sameHome, type Katarun} from '../e2e/harness.js';
import {sandboxStatus} from '../../src/shell/sandbox.js';

const sandboxFixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'sandbox', name);
const standinBin = join(repoRoot, 'test', 'fixtures', 'standin-bin');
const scratch = mkdtempSync(join(tmpdir(), 'katarun-sandbox-tui-'));
afterAll(() => rmSync(scratch, {recursive: true, force: true}));

const start = katarunStarter();


function katarun(args: string[], env: Record<string, string>, cwd = scratch) {
  const e: NodeJS.ProcessEnv = {...process.env, ...env};
  delete e.CI;
  const r = spawnSync(process.execPath, [cli, ...args], {cwd, env: e, encoding: 'utf8', timeout: 60_000});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr};
}

describe('a kind cluster of the scenario\'s name that katarun did not create', () => {
  /** A kind scenario on cluster `learners-own`, which the stand-in kind says exists already. */
  function foreignClusterWorld(name: string) {
    const dir = join(scratch, name);
    const scenario = join(dir, 'lab');
    mkdirSync(scenario, {recursive: true});
    writeFileSync(join(scenario, 'index.json'), JSON.stringify({title: 'Cluster lab', details: {steps: [{title: 'Look around', text: 'step1.md'}]}, katarun: {environment: 'kind', cluster: {name: 'learners-own'}}}));
    writeFileSync(join(scenario, 'step1.md'), '# Look around\n\n`echo on-the-cluster`{{exec}}\n');
    const state = join(dir, 'standin-state.json');
    writeFileSync(state, JSON.stringify({clusters: ['learners-own']}));
    const env = {PATH: `${standinBin}${delimiter}${process.env.PATH}`, KATARUN_STANDIN_STATE: state, KATARUN_STANDIN_LOG: join(dir, 'calls.log')};
    const clusters = () => (JSON.parse(readFileSync(state, 'utf8')) as {clusters: string[]}).clusters;
    return {scenario, env, clusters};
  }

  test('the TUI asks first; y uses it for this run, and `down` still refuses to delete it', async () => {
    const w = foreignClusterWorld('foreign-yes');
    const k = start(['run', w.scenario, '--sandbox', 'none'], {env: w.env});
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('katarun did not create it');
    expect(k.screen()).toContain('A kind cluster named learners-own already exists');
    await k.press('y');
    await k.waitFor('Step 1/1');
    await k.press(KEYS.enter);
    await k.waitFor(/\non-the-cluster/, 30_000, 'history');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    // The run used it through a kubeconfig of that cluster only, and recorded it as borrowed.
    expect(readFileSync(join(k.home, 'state', 'katarun', 'environments', 'lab', 'kubeconfig'), 'utf8')).toContain('kind-learners-own');
    expect(existsSync(join(k.home, 'state', 'katarun', 'environments', 'lab', 'borrowed-learners-own.json'))).toBe(true);
    const down = katarun(['down', w.scenario], {...w.env, ...sameHome(k)});
    expect(down.code, down.all).toBe(3);
    expect(down.stderr).toContain('katarun did not create kind cluster learners-own');
    expect(w.clusters()).toEqual(['learners-own']);
  });

  test('n does not start, and says how to get out of the way', async () => {
    const w = foreignClusterWorld('foreign-no');
    const k = start(['run', w.scenario, '--sandbox', 'none'], {env: w.env, cols: 200});
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('katarun did not create it');
    await k.press('n');
    await k.waitFor("Not started: kind cluster learners-own is not katarun's");
    expect(k.screen()).toContain('kind delete cluster --name learners-own');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(existsSync(join(k.home, 'state', 'katarun', 'environments', 'lab', 'kubeconfig'))).toBe(false);
    expect(readFileSync(join(join(scratch, 'foreign-no'), 'calls.log'), 'utf8')).not.toMatch(/^kind get kubeconfig/m);
  });

  test('headless refuses it unless --use-existing-cluster', () => {
    const w = foreignClusterWorld('foreign-headless');
    const xdg = {XDG_STATE_HOME: join(scratch, 'foreign-headless', 'state'), XDG_DATA_HOME: join(scratch, 'foreign-headless', 'data'), XDG_CACHE_HOME: join(scratch, 'foreign-headless', 'cache')};
    const refused = katarun(['test', w.scenario, '--sandbox', 'none'], {...w.env, ...xdg});
    expect(refused.code, refused.all).toBe(3);
    expect(refused.all).toContain('katarun did not create it');
    const agreed = katarun(['test', w.scenario, '--sandbox', 'none', '--use-existing-cluster'], {...w.env, ...xdg});
    expect(agreed.code, agreed.all).toBe(0);
    expect(katarun(['down', w.scenario], {...w.env, ...xdg}).code).toBe(3);
    expect(w.clusters()).toEqual(['learners-own']);
  });
});

describe('a second katarun on the same scenario', () => {
  const quick = join(repoRoot, 'test', 'e2e', 'fixtures', 'quick');

  test('asks first; y opens a separate copy that never touches the first one\'s workspace or progress', async () => {
    const first = start(['run', quick, '--sandbox', 'none']);
    await first.waitFor('Enter start');
    const second = start(['run', quick, '--sandbox', 'none'], {env: sameHome(first)});
    await second.waitFor('Enter start');
    await second.press(KEYS.enter);
    await second.waitFor(`Another katarun (pid ${first.pid}) has this scenario open`);
    await second.press('y');
    await second.waitFor('Step 1/1');
    await second.press(KEYS.enter);
    await second.waitFor(/✔ exit 0/, 30_000, 'history');
    await second.press('q');
    expect((await second.waitForExit()).exitCode).toBe(0);
    // The copy ran in a run workspace of its own and saved no progress; the first one's workspace is untouched.
    const data = join(first.home, 'data', 'katarun');
    expect(readdirSync(join(data, 'runs'))).toHaveLength(1);
    // Only the first one's lock is in the workspaces folder: no workspace was made there.
    expect(readdirSync(join(data, 'workspaces'))).toEqual([expect.stringMatching(/^quick-\w+\.lock$/)]);
    expect(existsSync(join(first.home, 'state', 'katarun', 'progress', 'quick.json'))).toBe(false);
    // The first one is still the owner: it starts on the scenario's own workspace without asking.
    await first.press(KEYS.enter);
    await first.waitFor('Step 1/1');
    expect(first.history()).not.toContain('Another katarun');
    await first.press('q');
    expect((await first.waitForExit()).exitCode).toBe(0);
    expect(readdirSync(join(data, 'workspaces')).some((n) => !n.endsWith('.lock'))).toBe(true);
  });

  test('n quits without starting anything; once the first has quit, or died, nobody asks', async () => {
    const first = start(['run', quick, '--sandbox', 'none']);
    await first.waitFor('Enter start');
    const second = start(['run', quick, '--sandbox', 'none'], {env: sameHome(first)});
    await second.waitFor('Enter start');
    await second.press(KEYS.enter);
    await second.waitFor('Another katarun');
    await second.press('n');
    expect((await second.waitForExit()).exitCode).toBe(0);
    expect(existsSync(join(first.home, 'data', 'katarun', 'runs'))).toBe(false);
    // SIGKILL leaves the lock file behind: its pid is dead, so it is stale.
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    const third = start(['run', quick, '--sandbox', 'none'], {env: sameHome(first)});
    await third.waitFor('Enter start');
    await third.press(KEYS.enter);
    await third.waitFor('Step 1/1');
    expect(third.history()).not.toContain('Another katarun');
    await third.press('q');
    expect((await third.waitForExit()).exitCode).toBe(0);
  });
});

/** What must never reach a terminal from this scenario: its escape sequences, by bytes. */
const HOSTILE: ReadonlyArray<[string, string]> = [
  ['OSC 52', '\u001b]52'],
  ['OSC 0 from the scenario', '\u001b]0;'],
  ['DCS', '\u001bP'],
  ['RIS', '\u001bc'],
  ['the scenario\'s CSI', '\u001b[31mCSISTEP'],
  ['the check\'s CSI', '\u001b[31mFAILCSI'],
  ['8-bit CSI', '\u009b'],
  ['8-bit OSC', '\u009d'],
  ['8-bit ST', '\u009c'],
  ['8-bit DCS', '\u0090'],
  ['bidi override', '\u202e'],
];

function expectNoHostileBytes(raw: string, where: string) {
  for (const [name, seq] of HOSTILE) expect(raw.includes(seq), `${name} reached the terminal from ${where}`).toBe(false);
}

describe('hostile scenario text, by the bytes the terminal receives', () => {
  const home = join(scratch, 'hostile');
  const scenarios = join(home, 'scenarios');
  mkdirSync(scenarios, {recursive: true});
  cpSync(sandboxFixture('hostile-tui'), join(scenarios, 'hostile'), {recursive: true});
  const dir = join(scenarios, 'hostile');

  test('picker, intro, status bar, step page, file name, FAIL line and hints in the TUI', async () => {
    const picker = start(['--sandbox', 'none'], {cwd: home});
    await picker.waitFor('CLIPTITLE');
    await picker.press('q');
    await picker.waitForExit();
    expectNoHostileBytes(picker.raw, 'the picker');

    const k = start(['run', dir, '--sandbox', 'none'], {cwd: home, cols: 160, rows: 40});
    await k.waitFor('Enter start');
    await k.waitFor('INTROCLIP', 30_000, 'history');
    expect(k.history()).toContain('RISDESC');
    await k.press(KEYS.enter);
    await k.waitFor('Step 1/1');
    await k.waitFor('CSISTEP', 30_000, 'history');
    await k.waitFor('BODYCLIP', 30_000, 'history');
    // The file name's OSC is removed with its payload: the name reads notes.txt.
    await k.waitFor('→ notes.txt (replace)', 30_000, 'history');
    await k.press(KEYS.enter);
    await k.waitFor(/\nran-the-command/, 30_000, 'history');
    // The file action writes notes.txt (its name as the scenario wrote it, sanitised); the check runs after it.
    await k.press('2');
    await k.waitFor('FAILCLIP', 30_000, 'history');
    // The FAIL line is live (it goes when katarun quits): what is left of each sequence is its text.
    expect(k.history()).toMatch(/FAILDCS\s+FAILRIS\s+FAILCLIP\s+(2J)?FAILC1\s+FAILBIDI\s+FAILCSI/);
    await k.press('h');
    await k.waitFor('SCRIPTCLIP', 30_000, 'history');
    await k.press('h');
    await k.waitFor('HINTCLIP', 30_000, 'history');
    await k.press('q');
    await k.waitForExit();
    expect(k.history()).toContain('HINTRIS');
    expectNoHostileBytes(k.raw, 'the TUI');
  });

  test('list, validate, doctor and test (human and TAP)', () => {
    const env = {XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache')};
    const runs: Array<[string, string[], RegExp]> = [
      ['list', ['list'], /CLIPTITLE/],
      ['validate', ['validate', dir], /hostile/],
      ['doctor', ['doctor', dir], /CLIPTITLE|hostile/],
      ['test (human)', ['test', dir, '--sandbox', 'none'], /FAILCLIP/],
      ['test (TAP)', ['test', dir, '--sandbox', 'none', '--reporter', 'tap'], /FAILCLIP/],
    ];
    for (const [name, args, shows] of runs) {
      const r = katarun(args, env, home);
      expect(r.all, name).toMatch(shows);
      expectNoHostileBytes(r.all, name);
    }
  });
});

// The attacks of issue 14 once more, through the TUI as a learner runs them (Enter after
// Enter), with a scratch HOME holding a fake ~/.kube/config and ~/.ssh key.
describe.skipIf(!sandboxStatus().usable)('the attacks through the TUI, in the bwrap sandbox', () => {
  function scratchHome(name: string) {
    const root = join(scratch, name);
    const home = join(root, 'home');
    mkdirSync(join(home, '.kube'), {recursive: true});
    mkdirSync(join(home, '.ssh'), {recursive: true});
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(home, '.kube', 'config'), 'users:\n- name: prod\n  user: {token: SECRET-PROD-TOKEN}\n');
    writeFileSync(join(home, '.ssh', 'id_rsa'), 'SECRET-SSH-KEY\n');
    writeFileSync(join(home, '.bashrc'), "# the learner's own\n");
    const env = {HOME: home, KATARUN_TEST_REALHOME: home, KATARUN_TEST_MARKER: join(root, 'marker'), KATARUN_TEST_OUTSIDE_DIR: join(root, 'outside')};
    return {root, home, env};
  }

  test("~/.bashrc and ~/.kube/config: the scenario's own home, the learner's out of reach", async () => {
    const s = scratchHome('tui-home');
    const k = await allRun('home-secrets', 4, s.env);
    expect(k.history()).toContain('home is /root');
    await k.press('q');
    await k.waitForExit();
    expect(k.raw).not.toContain('SECRET');
    expect(readFileSync(join(s.home, '.bashrc'), 'utf8')).toBe("# the learner's own\n");
    expect(readFileSync(join(workspaceOf(k), 'root', '.bashrc'), 'utf8')).toContain('PWNED-BASHRC');
  });

  test('writes outside the workspace land nowhere; setsid, double-forked and nohup sleepers die with katarun', async () => {
    const s = scratchHome('tui-escape');
    const k = await allRun('escape-run', 3, s.env);
    // The sleepers are alive while katarun runs (they carry the run's marker)…
    expect(k.survivors().length).toBeGreaterThan(1);
    await k.press('q');
    await k.waitForExit();
    // …and none is left once it quit.
    expect(await k.survivorsAfter()).toEqual([]);
    expect(existsSync(join(s.root, 'marker'))).toBe(false);
    expect(existsSync('/etc/katarun-pwned')).toBe(false);
  });

  test('a setuid asset is masked; file actions through a planted symlink are refused', async () => {
    const s = scratchHome('tui-files');
    const k = start(['run', sandboxFixture('files'), '--sandbox', 'bwrap'], {env: s.env, cols: 160});
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('Step 1/2');
    await enterRuns(k, 1);
    await k.press('n');
    await k.waitFor('Step 2/2');
    await k.press('1');
    await k.waitFor('is a symlink; katarun does not follow it', 30_000, 'history');
    await k.press('2');
    await k.waitFor(/2 ✎ ✘/, 30_000);
    await k.press('q');
    await k.waitForExit();
    expect(existsSync(join(s.root, 'marker'))).toBe(false);
    expect(readdirSync(join(s.root, 'outside'))).toEqual([]);
    const tool = join(workspaceOf(k), 'usr', 'local', 'bin', 'tool.sh');
    expect(statSync(tool).mode & 0o7777).toBe(0o755);
  });
});

/** The one step of a sandbox fixture, each of its `actions` run with Enter, until its check passed. */
async function allRun(fixture: string, actions: number, env: Record<string, string>): Promise<Katarun> {
  const k = start(['run', sandboxFixture(fixture), '--sandbox', 'bwrap'], {env, cols: 160});
  await k.waitFor('Enter start');
  await k.press(KEYS.enter);
  await k.waitFor('Step 1/1');
  for (let n = 1; n <= actions; n++) await enterRuns(k, n);
  await k.waitFor('Check passed', 30_000);
  return k;
}

/** The scenario workspace the TUI `k` used (beside it in the folder: its lock file). */
function workspaceOf(k: Katarun): string {
  const ws = join(k.home, 'data', 'katarun', 'workspaces');
  return join(ws, readdirSync(ws).find((n) => !n.endsWith('.lock'))!);
}

/** Press Enter to run the next command and wait for the `n`-th command's end in the transcript. */
async function enterRuns(k: Katarun, n: number) {
  await k.press(KEYS.enter);
  await k.waitFor(new RegExp(`(exit \\d+[\\s\\S]*){${n}}`), 30_000, 'history');
}
