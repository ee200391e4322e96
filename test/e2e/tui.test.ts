// End-to-end: the built katarun in a real pseudo-terminal, driven like a learner would.
import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {basicsToStep3, cli, e2eFixture, enterRuns, Katarun, katarunStarter, KEYS, pastIntro, repoRoot} from './harness.js';

const run = promisify(execFile);
const start = katarunStarter();

/** Open a one-step fixture and run its first command with Enter, as a learner would. */
async function firstCommandRunning(name: string, command: string): Promise<Katarun> {
  const k = start(['run', e2eFixture(name)]);
  await k.waitFor('Enter start');
  await k.press(KEYS.enter);
  await k.waitFor('Step 1/1');
  await k.press(KEYS.enter);
  await k.waitFor(`T1 ~ $ ${command}`);
  return k;
}

describe('katarun in a terminal', () => {
  test('walks basics with Enter alone to the finish and exits 0, leaving no process behind', async () => {
    const k = start(['run', 'basics']);
    await k.waitFor('Enter start');
    expect(k.history()).toContain('katarun basics');
    await basicsToStep3(k);
    await enterRuns(k, /\$ echo ready > status.txt\n.*✔ exit 0/);
    await enterRuns(k, /hello\.sh"\n[\s\S]*?✔ exit 0/);
    await k.waitFor('Check passed', 30_000);
    await k.press(KEYS.enter);
    await k.waitFor('Step 4/4');
    await k.press(KEYS.enter);
    await k.waitFor(/T1 ~\/demo \$ while true/);
    await enterRuns(k, /\$ echo "stopped at/, 15_000);
    await enterRuns(k, /T2 says: greeting=''/, 15_000);
    await k.waitFor('Check passed', 30_000);
    await k.press(KEYS.enter);
    await k.waitFor('Enter exit');
    // The summary is printed (into the scrollback) by an effect after the frame that shows the
    // finish keys: wait for it, do not read the history in between.
    await k.waitFor('Finished: katarun basics', 30_000, 'history');
    expect(k.history()).toMatch(/Total\s+\d+:\d\d/);
    await k.press(KEYS.enter);
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
    expect(k.count('\u001b[3J')).toBe(0);
  }, 90_000);

  test('number keys, n and p, a hint, the shell and back, a resize, then q', async () => {
    const k = start(['run', 'basics'], {cols: 100, rows: 30});
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('Step 1/4');
    await k.press('2');
    // Finished, not just printing: its status line, not merely 'line 3' (a key pressed while it
    // runs is queued behind it).
    await k.waitFor(/line 3\n✔ exit 0/, 30_000, 'history');
    await k.press('1');
    // The command's output, not the step text that shows the command.
    await k.waitFor(/\nHello from katarun, \w+/, 30_000, 'history');
    await k.press('n');
    await k.waitFor('Step 2/4');
    await k.press('n');
    await k.waitFor('The check has not passed yet');
    await k.press('h');
    await k.waitFor('Hint 1/2', 30_000, 'history');
    await k.press('p');
    await k.waitFor('Run a command (again)', 30_000, 'history');
    await k.press('n');
    await k.waitFor('Step 2/4');

    await k.press('s');
    await k.waitFor('Ctrl-] returns to the tutorial');
    for (const ch of 'echo dropped-$((40+2))\r') await k.press(ch);
    await k.waitFor('dropped-42');
    await k.press(KEYS.ctrlBracket);
    // The footer says what Enter does: the step's first command has not run in katarun's view.
    await k.waitFor('Enter run 1');
    expect(k.screen()).not.toContain('Ctrl-] returns to the tutorial');
    // What was typed in the shell counts: the check sees the same shell.
    for (const ch of '1') await k.press(ch);
    await k.waitFor(/\$ export KATARUN_GREETING=hello\n.*✔ exit 0/, 30_000, 'history');

    let mark = k.mark();
    k.resize(60, 16);
    await k.redrawn(mark, 'Step 2/4');
    expect(k.screen()).toContain('Enter run 2');
    for (const line of k.lines()) expect(line.length).toBeLessThanOrEqual(60);
    mark = k.mark();
    k.resize(120, 40);
    await k.redrawn(mark, 'Enter run 2');

    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
    expect(k.count('\u001b[3J')).toBe(0);
  }, 60_000);

  test('Ctrl-C stops a long command; with nothing running, a second Ctrl-C quits with 130', async () => {
    const k = await firstCommandRunning('long-command', 'sleep 1000');
    await k.press(KEYS.ctrlC);
    await k.waitFor(/\$ sleep 1000\n[\s\S]*?exit 130/, 30_000, 'history');
    await k.press('2');
    await k.waitFor(/\$ echo quick-one\n+quick-one\n/, 30_000, 'history');
    await k.press(KEYS.ctrlC);
    await k.waitFor('Press Ctrl-C again');
    await k.press(KEYS.ctrlC);
    expect((await k.waitForExit()).exitCode).toBe(130);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 90_000);

  test('q while a command runs asks first; yes quits and ends the command', async () => {
    const k = await firstCommandRunning('long-command', 'sleep 1000');
    await k.press('q');
    await k.waitFor('Quit anyway? (y/n)');
    await k.press('n');
    await k.waitFor('T1 ~ $ sleep 1000');
    await k.press('q', 'y');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 90_000);

  test('a 2-million-line flood never clears the screen, and keys are answered during it', async () => {
    const k = await firstCommandRunning('flood', 'seq 1 2000000');
    await k.press('?');
    // That the key is answered at all while the flood runs; how fast is bench/tui-flood's job
    // (~10-25 ms there). A loaded 2-core machine running the other suites took over 5 s once.
    await k.waitFor('Press any key to close.', 20_000);
    await k.press('x');
    await k.waitFor(/✔ exit 0/, 120_000, 'history');
    expect(k.history()).toMatch(/\n2000000\n/);
    expect(k.count('\u001b[2J')).toBe(0);
    expect(k.count('\u001b[3J')).toBe(0);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
  }, 150_000);

  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s during a command restores the terminal, ends every process and exits %i', async (signal, code) => {
    const k = await firstCommandRunning('long-command', 'sleep 1000');
    expect(k.survivors().length).toBeGreaterThan(2);
    process.kill(k.pid, signal);
    expect((await k.waitForExit()).exitCode).toBe(code);
    // The cursor is shown again after the last frame, and nothing katarun started survives.
    expect(k.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(k.raw.lastIndexOf('\u001b[?25l'));
    expect(await k.survivorsAfter()).toEqual([]);
  }, 90_000);

  test('katarun alone opens the picker; Enter opens the scenario', async () => {
    const k = start([]);
    await k.waitFor('choose a tutorial');
    expect(k.screen()).toContain('katarun basics');
    // Move to basics wherever it is in the list, then open it.
    for (let i = 0; i < 5 && !/› katarun basics/.test(k.screen()); i++) await k.press(KEYS.down);
    await k.press(KEYS.enter);
    await k.waitFor('Enter start', 30_000);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);

    // `katarun <scenario>` on a terminal opens the same UI.
    const direct = start(['basics', '--lang', 'ru']);
    await direct.waitFor('Enter начать');
    expect(direct.history()).toContain('Основы katarun');
    await direct.press('q');
    expect((await direct.waitForExit()).exitCode).toBe(0);
  }, 90_000);

  test('the first start after installing runs on the code cache the build left; nothing to write', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'katarun-e2e-cache-'));
    try {
      const trace = join(shared, 'trace');
      const k = start(['run', 'basics'], {env: {XDG_CACHE_HOME: join(shared, 'cache'), KATARUN_TRACE_STARTUP: trace}});
      await k.waitFor('Enter start');
      await k.press('q');
      expect((await k.waitForExit()).exitCode).toBe(0);
      const lines = readFileSync(trace, 'utf8');
      expect(lines).toContain('katarun.cjs compiled (code cache built)');
      expect(lines).not.toContain('code cache written');
      expect(existsSync(join(shared, 'cache', 'katarun', 'v8'))).toBe(false);
    } finally {
      rmSync(shared, {recursive: true, force: true});
    }
  }, 90_000);

  test('a quiz gates the step: Enter opens it, a wrong answer says try again, the right ones let Enter move on', async () => {
    const k = await pastIntro(start(['run', e2eFixture('quiz')]), 'Step 1/2');
    await enterRuns(k, /\$ echo ready\n.*ready\n.*✔ exit 0/);
    await k.waitFor('Quiz: 0 of 2 answered');
    await k.press('n');
    await k.waitFor('Answer the quiz first — press Enter.');
    await k.press(KEYS.enter);
    await k.waitFor('? Quiz — question 1 of 2');
    expect(k.screen()).toMatch(/1 \( \) zsh/);
    await k.press('3', KEYS.enter);
    await k.waitFor('Not quite — try again.');
    expect(k.screen()).not.toContain('bash — ');
    await k.press('2', KEYS.enter);
    await k.waitFor('? Quiz — question 2 of 2');
    // q is a letter of the answer here, not quit.
    await k.press('q', KEYS.enter);
    await k.waitFor('Not quite — try again.');
    expect(k.screen()).toContain('› q');
    await k.press('\u0015', ...'Ready', KEYS.enter);
    await k.waitFor('Enter goes to the next step.');
    expect(k.history()).toContain('✔ Q1: Which shell runs the commands here? — bash');
    await k.press(KEYS.enter);
    await k.waitFor('Step 2/2');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 90_000);

  test("a kind scenario's intro checks the machine (the kind provider is in the bundle)", async () => {
    // PATH without docker/kind/kubectl: every cluster tool is reported missing, with its fix.
    const k = start(['run', 'istio-egress'], {cols: 120, rows: 40, env: {PATH: '/usr/bin:/bin'}});
    await k.waitFor('this machine is not ready yet', 30_000);
    expect(k.screen()).toMatch(/✘ tool:kind: kind was not found on PATH/);
    expect(k.screen()).not.toContain('kind support not built');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
  }, 90_000);

  test('with --lang ru the intro lists the missing tools in Russian, the install command as written', async () => {
    const k = start(['run', 'istio-egress', '--lang', 'ru'], {cols: 120, rows: 40, env: {PATH: '/usr/bin:/bin'}});
    await k.waitFor('эта машина пока не готова', 30_000);
    expect(k.screen()).toMatch(/✘ tool:kind: kind не найден в PATH — curl -Lo \.\/kind https:\/\/kind\.sigs\.k8s\.io\//);
    expect(k.screen()).toMatch(/✘ docker: docker не найден в PATH — установите Docker/);
    expect(k.screen()).not.toContain('was not found');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
  }, 90_000);
});

describe('katarun without a terminal', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'katarun-e2e-'));
  });
  afterEach(() => rmSync(home, {recursive: true, force: true}));
  const env = () => {
    const e: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI') e[k] = v;
    return {...e, XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache')};
  };

  test('on a real terminal with CI=true, katarun alone says CI is why the terminal UI is not started', async () => {
    const k = start([], {env: {CI: 'true'}, cols: 200});
    expect((await k.waitForExit()).exitCode).toBe(2);
    expect(k.screen()).toContain('CI=true is set, so the terminal UI is not started (unset CI to use it)');
    expect(k.screen()).not.toContain('this is not an interactive terminal');
  });

  test('katarun alone prints usage and exits 2', async () => {
    const err = await run(process.execPath, [cli], {env: env()}).catch((e: {code: number; stderr: string}) => e);
    expect((err as {code: number}).code).toBe(2);
    expect((err as {stderr: string}).stderr).toContain('Usage: katarun <scenario>');
  });

  test('katarun <scenario> runs headless: no terminal UI is mounted', async () => {
    const {stdout} = await run(process.execPath, [cli, e2eFixture('quick')], {env: env(), timeout: 30_000});
    expect(stdout).toContain('Echo');
    expect(stdout).not.toContain('\u001b[?25l');
    // No footer of the TUI (it names what Enter does).
    expect(stdout).not.toMatch(/Enter (start|run|next|finish)/);
  }, 60_000);

  test('a scenario with errors gets compiler-style diagnostics and exit 2, nothing mounted', async () => {
    const err = (await run(process.execPath, [cli, 'run', e2eFixture('broken')], {env: env()}).catch((e: unknown) => e)) as {code: number; stderr: string; stdout: string};
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/index\.json:\d+:\d+: error: /);
    expect(err.stdout).toBe('');
  });
});
