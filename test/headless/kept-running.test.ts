// What a step leaves running on purpose, headless (issue 9), in the sandbox where the machine
// has one: a server as a step's last action serves into the next steps (another terminal
// fetches from it) and is stopped when its terminal is used again, while a merely slow command
// still decides its step by its exit status; a REPL started as a step's last action is fed by
// the next step; REPLs started by the intro's and a step's foreground scripts get the actions'
// lines. Nothing outlives the run.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {runHeadless, type HeadlessOptions} from '../../src/headless/run-headless.js';
import {headlessShell} from '../../src/headless/shell-choice.js';
import {formatReport} from '../../src/headless/reporters/index.js';
import {translator} from '../../src/render/i18n.js';
import {plainEnv} from '../../src/engine/script-env.js';
import {fixture, processesWithEnv, tempDirs, uniqueMarker, waitFor, type TempDirs, SYSTEM_PATH, hasProgram, ptyAvailable} from '../engine/integration-helpers.js';

const PATH = SYSTEM_PATH;
const has = hasProgram;
const python = has('python3', '-c', '1');

let t: TempDirs;
let marker: string;
beforeEach(() => {
  t = tempDirs('katarun-kept-');
  marker = uniqueMarker();
});
afterEach(() => t.cleanup());

const opts = (extra: Partial<HeadlessOptions> = {}): HeadlessOptions => ({
  dirs: t,
  env: {...plainEnv(process.env), PATH, KATARUN_TEST_ID: marker},
  settleMs: 500,
  // Far below the 10-minute default, far above what each step needs: running into it is the bug.
  commandTimeoutMs: 45_000,
  ...extra,
});

const gone = () => waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 10_000);

describe.runIf(python && has('curl', '--version'))('headless: a server as a step\'s last action', () => {
  for (const shell of ['pipe', ...(ptyAvailable ? ['pty' as const] : [])] as const) {
    it(`${shell}: it serves into the next step (fetched from T2), is stopped when T1 is used again; a slow command without a socket still fails its step`, async () => {
      const started = Date.now();
      const report = await runHeadless(await loadScenario(fixture('server'), {}), opts({shell}));
      const why = JSON.stringify(report.steps, null, 1);
      expect(report.steps.map((s) => s.status), why).toEqual(['passed', 'passed', 'failed']);
      expect(report.steps[0]!.commands[1], why).toMatchObject({keptRunning: 'server', exitCode: null, timedOut: false});
      // The slow `sleep 3; false` was waited for (no socket: not a server), and its status decides.
      expect(report.steps[2]!.reason, why).toEqual({kind: 'command-failed', command: 'sleep 3; false', exitCode: 1});
      expect(report.steps[2]!.durationMs, why).toBeGreaterThanOrEqual(2500);
      // Not the command limit: the whole run takes a fraction of it.
      expect(Date.now() - started).toBeLessThan(40_000);
      // Every reporter says it was kept running on purpose.
      const en = translator('en');
      expect(formatReport.human(report, en)).toContain('serves on a port: kept running into the next steps');
      expect(formatReport.tap(report, en)).toContain('a server (it listens on a TCP port), kept running into the next steps');
      expect(formatReport.junit(report, en)).toContain('a server (it listens on a TCP port), kept running into the next steps');
      expect(JSON.parse(formatReport.json(report, en)).steps[0].commands[1].keptRunning).toBe('server');
      expect(formatReport.human(report, translator('ru'))).toContain('слушает порт');
      expect(await gone()).toBe(true);
    }, 120_000);
  }

  it('a server kept to the end of the scenario is stopped there, and nothing is left listening', async () => {
    const report = await runHeadless(await loadScenario(fixture('server'), {}), opts({to: 2}));
    expect(report.steps.slice(0, 2).map((s) => s.status), JSON.stringify(report.steps, null, 1)).toEqual(['passed', 'passed']);
    expect(report.exitCode).toBe(0);
    expect(await gone()).toBe(true);
  }, 120_000);
});

describe.runIf(python && ptyAvailable)('headless: REPLs kept open and started by foreground scripts', () => {
  it('python3 as step 1\'s last action gets step 2\'s line (a terminal is chosen for it); the check between runs; stopped at the end', async () => {
    const s = await loadScenario(fixture('repl-steps'), {});
    expect(headlessShell(s)).toBe('auto');
    const report = await runHeadless(s, opts());
    const why = JSON.stringify(report.steps, null, 1);
    expect(report.steps.map((x) => x.status), why).toEqual(['passed', 'passed']);
    expect(report.steps[0]!.commands.find((c) => c.text === 'python3 -q'), why).toMatchObject({keptRunning: 'input'});
    expect(why).not.toContain('syntax error');
    expect(await gone()).toBe(true);
  }, 120_000);

  it("the intro's and a step's foreground scripts end in python3: the actions' lines go to it, not to bash", async () => {
    const s = await loadScenario(fixture('repl-foreground'), {});
    expect(headlessShell(s)).toBe('auto');
    const report = await runHeadless(s, opts());
    const why = JSON.stringify(report, null, 1);
    expect(report.steps.map((x) => x.status), why).toEqual(['passed', 'passed']);
    expect(report.steps[0]!.commands.some((c) => c.text === 'python3 -q' && c.keptRunning === 'input'), why).toBe(true);
    // Step 2's REPL was left with exit(): it ended, so nothing is kept (nor claimed to be).
    expect(report.steps[1]!.commands.some((c) => c.keptRunning !== undefined), why).toBe(false);
    expect(why).not.toContain('syntax error');
    // Stopped on purpose (the REPLs end on SIGTERM): not a failing foreground script.
    expect(report.scripts, why).toBeUndefined();
    expect(await gone()).toBe(true);
  }, 120_000);
});

// Issue 9: a pager in a terminal waited to the command limit; `vim f` alone failed through
// pipes; `cat > f` got typed into a bare `cat` left waiting before it (the file never existed).
describe.runIf(ptyAvailable)('headless: pagers, an editor left open, cat ended with Ctrl-D', () => {
  it('pty: `| less` (its writer blocked on the full pipe), `more`, `less f` are quit with q once they wait (stopped on purpose), and the next command runs in the shell', async () => {
    const started = Date.now();
    const report = await runHeadless(await loadScenario(fixture('pager'), {}), opts({shell: 'pty'}));
    const why = JSON.stringify(report.steps, null, 1);
    expect(report.steps.map((s) => s.status), why).toEqual(['passed']);
    const cmds = report.steps[0]!.commands;
    for (const text of ['seq 1 300000 | less', 'more long.txt', 'less long.txt']) expect(cmds.find((c) => c.text === text), why).toMatchObject({quit: 'pager', interrupted: true, timedOut: false});
    expect(cmds.find((c) => c.text === 'touch after-pagers.txt'), why).toMatchObject({exitCode: 0});
    expect(cmds.some((c) => c.keptRunning !== undefined), why).toBe(false);
    expect(Date.now() - started).toBeLessThan(40_000);
    const en = translator('en');
    expect(formatReport.human(report, en)).toContain('waited in a pager: quit with q');
    expect(formatReport.tap(report, en)).toContain('waited in a pager and was quit with q');
    expect(formatReport.human(report, translator('ru'))).toContain('выход по q');
    expect(await gone()).toBe(true);
  }, 120_000);

  it('pipe: the pagers print and end (nothing to quit)', async () => {
    const report = await runHeadless(await loadScenario(fixture('pager'), {}), opts({shell: 'pipe'}));
    const why = JSON.stringify(report.steps, null, 1);
    expect(report.steps.map((s) => s.status), why).toEqual(['passed']);
    expect(report.steps[0]!.commands.every((c) => c.exitCode === 0 && !c.interrupted && c.quit === undefined), why).toBe(true);
  }, 120_000);

  it('`vi notes.txt` alone opens in a terminal and is closed at the step\'s end without saving; the next step\'s command runs in the shell', async () => {
    const s = await loadScenario(fixture('editor-alone'), {});
    const report = await runHeadless(s, opts());
    const why = JSON.stringify(report.steps, null, 1);
    expect(report.steps.map((x) => x.status), why).toEqual(['passed', 'passed']);
    expect(report.steps[0]!.commands.find((c) => c.text === 'vi notes.txt'), why).toMatchObject({quit: 'editor', interrupted: true, timedOut: false});
    expect(report.steps[0]!.commands.some((c) => c.keptRunning !== undefined), why).toBe(false);
    expect(formatReport.human(report, translator('en'))).toContain('closed at the end of the step without saving');
    expect(await gone()).toBe(true);
  }, 120_000);

  it('`cat > f`, a typed line, then `cat f`: with a Ctrl-D action and without one, the file is written and shown (a bare `cat` before is ended first)', async () => {
    const report = await runHeadless(await loadScenario(fixture('cat-file'), {}), opts({keepGoing: true}));
    const why = JSON.stringify(report.steps, null, 1);
    expect(report.steps.map((x) => x.status), why).toEqual(['passed', 'passed']);
    for (const [k, text] of [[0, 'cat > first.txt'], [1, 'cat > second.txt']] as const) expect(report.steps[k]!.commands.find((c) => c.text === text), why).toMatchObject({exitCode: 0});
    // `cat second.txt` ran in the shell after `cat > second.txt` ended, not typed into it.
    const order = report.steps[1]!.commands.map((c) => c.text);
    expect(order.indexOf('cat > second.txt'), why).toBeLessThan(order.indexOf('cat second.txt'));
    expect(report.steps.flatMap((x) => x.commands).some((c) => c.keptRunning !== undefined), why).toBe(false);
    expect(await gone()).toBe(true);
  }, 120_000);
});
