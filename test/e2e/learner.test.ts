// End-to-end, the learner's path in a real pseudo-terminal (the built CLI): resume restores
// the shell, an action for a busy terminal waits visibly and is never typed into it, `exec
// bash` in an action, a file write reached by Enter, r showing the FAIL line, NO_COLOR, and
// the not-ready intro at 70 columns. Every step waits for what appears on the screen.
import {readdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {basicsToStep3, e2eFixture, enterRuns, katarunStarter, KEYS, pastIntro, sameHome} from './harness.js';
import {englishLines} from '../words.js';

const start = katarunStarter();

describe('the learner in a terminal', () => {
  test('resume after an export and a cd: the shell comes back and step 3 passes with Enter alone', async () => {
    const first = start(['run', 'basics']);
    await basicsToStep3(first);
    await first.press('q');
    expect((await first.waitForExit()).exitCode).toBe(0);

    // Same XDG folders: the second run finds the progress and the saved shell.
    const again = start(['run', 'basics'], {env: sameHome(first)});
    await again.waitFor('continue at step 3');
    await again.press(KEYS.enter);
    await again.waitFor('Step 3/4', 15_000);
    await again.waitFor(/T1 restored from where you stopped: exported .*KATARUN_GREETING/, 15_000, 'history');
    await enterRuns(again, /\$ echo ready > status.txt\n.*✔ exit 0/);
    await enterRuns(again, /hello\.sh"\n[\s\S]*?✔ exit 0/);
    await again.waitFor('Check passed', 15_000);
    expect(again.history()).not.toContain('there is no status.txt');
    await again.press('q');
    expect((await again.waitForExit()).exitCode).toBe(0);
  }, 120_000);

  test('resume re-checks earlier steps: one that no longer passes is named, and b goes back to it', async () => {
    const first = start(['run', 'basics']);
    await first.waitFor('Enter start');
    await first.press(KEYS.enter);
    await first.waitFor('Step 1/4');
    await first.press('n');
    await first.waitFor('Step 2/4');
    await enterRuns(first, /\$ export KATARUN_GREETING=hello\n.*✔ exit 0/);
    await enterRuns(first, /\$ mkdir -p demo && cd demo\n.*✔ exit 0/);
    await enterRuns(first, 'hello from demo');
    await first.waitFor('Check passed', 15_000);
    await first.press('n');
    await first.waitFor('Step 3/4');
    await first.press('q');
    expect((await first.waitForExit()).exitCode).toBe(0);

    // Between the sessions the learner removes the folder step 2 made (and the shell sat in).
    const workspaces = join(first.home, 'data', 'katarun', 'workspaces');
    const ws = readdirSync(workspaces).find((d) => d.startsWith('basics'));
    expect(ws).toBeDefined();
    rmSync(join(workspaces, ws!, 'root', 'demo'), {recursive: true});

    const again = start(['run', 'basics'], {env: sameHome(first)});
    await again.waitFor('continue at step 3');
    await again.press(KEYS.enter);
    await again.waitFor('Step 3/4', 15_000);
    await again.waitFor('Step 2 passed last time, but its check does not pass now; b goes back to it.', 15_000, 'history');
    await again.waitFor('b goes back to it');
    await again.press('b');
    await again.waitFor('Step 2/4', 15_000);
    await again.waitFor('Enter run 1');
    await again.press('q');
    expect((await again.waitForExit()).exitCode).toBe(0);
  }, 120_000);

  test('a terminal whose shell dies mid-step comes back with its exports and folder, with a notice', async () => {
    const k = start(['run', e2eFixture('shell-dies')]);
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('Step 1/1');
    await enterRuns(k, /export KEEP_ME=kept && mkdir -p inner && cd inner\n.*✔ exit 0/);
    await k.press(KEYS.enter);
    await k.waitFor('The shell of T1 ended', 15_000, 'history');
    await enterRuns(k, /\nafter-death-kept-in-inner\n.*✔ exit 0/);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 60_000);

  test('an action sent while T1 runs sleep waits visibly; Esc cancels it, Ctrl-C stops the sleep and it runs', async () => {
    const k = await pastIntro(start(['run', e2eFixture('shell-busy')]), 'Step 1/1');
    await k.press('s');
    await k.waitFor(/^\S+ [$#]$/m);
    await k.press(...'sleep 100\r'.split(''));
    await k.press(KEYS.ctrlBracket);
    await k.waitFor('Enter run 1');
    await k.press(KEYS.enter);
    await k.waitFor('T1 is busy: `sleep 100` — Ctrl-C to stop it, Esc to cancel this action');
    await k.press('\u001b');
    await k.waitFor('Cancelled: nothing was typed into T1.');
    await k.press(KEYS.enter);
    await k.waitFor('T1 is busy: `sleep 100`');
    await k.press(KEYS.ctrlC);
    await k.waitFor(/\naction-ran-42\n.*✔ exit 0/, 15_000, 'history');
    expect(k.history()).not.toContain('__kc_d');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 60_000);

  test('`exec bash` in an action ends with a notice and the next action runs in the new shell', async () => {
    const k = await pastIntro(start(['run', e2eFixture('shell-busy')]), 'Step 1/1');
    await enterRuns(k, /\naction-ran-42\n.*✔ exit 0/);
    await k.press(KEYS.enter);
    await k.waitFor('The shell of T1 was replaced (exec)', 15_000, 'history');
    await enterRuns(k, /\nafter-exec-kept\n.*✔ exit 0/);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 60_000);

  test('Russian UI, the shell replaced (exec) and then ended: Russian notices, a wordless mark in the terminal, no English sentence anywhere', async () => {
    const k = start(['run', e2eFixture('shell-change'), '--lang', 'ru'], {cols: 120, rows: 40});
    await k.waitFor('Enter начать');
    await k.press(KEYS.enter);
    await k.waitFor('Шаг 1/1');
    await enterRuns(k, 'Оболочка T1 заменена (exec)');
    await enterRuns(k, /\nafter-exec-kept\n.*✔ код 0/);
    await enterRuns(k, 'Оболочка T1 завершилась (код 3)');
    await enterRuns(k, /\nafter-exit-kept\n.*✔ код 0/);
    // The learner's own view of the shell: where it changed is marked, without words.
    await k.press('s');
    await k.waitFor('Ctrl-] возвращает к учебнику');
    await k.waitFor('── katarun ⇄ T1 · exec ──');
    await k.waitFor('── katarun ↻ T1 · $?=3 ──');
    // Four Latin words in a row is an English sentence (commands here are shorter, or broken by `;`, `$`, `=`).
    expect(englishLines(k.history())).toEqual([]);
    await k.press(KEYS.ctrlBracket);
    await k.waitFor('Enter завершить');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 90_000);

  test('r shows the FAIL line before anything ran; Enter writes the file first, then runs the command that reads it', async () => {
    const k = await pastIntro(start(['run', e2eFixture('file-write')]), 'Step 1/1');
    await k.waitFor('Enter write 1 (app.conf)');
    await k.press('r');
    await k.waitFor('FAIL: app.conf has no port yet');
    await k.press(KEYS.enter);
    await k.waitFor('Enter run 2');
    await enterRuns(k, /\$ cat app.conf\nport=8080/);
    await k.waitFor('Check passed', 15_000);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
  }, 60_000);

  test.each([
    [80, 24],
    [100, 30],
    [140, 45],
  ])('layout at %ix%i: the heading once, a short prompt over a long command, a question in the footer\'s place', async (cols, rows) => {
    const k = start(['run', e2eFixture('layout')], {cols, rows});
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('Step 1/1 · Long lines');
    // The body's `# Long lines` repeats the header: printed once, in the header.
    expect(k.history().split('\n').filter((l) => l.includes('Long lines'))).toHaveLength(1);
    await enterRuns(k, /\$ mkdir -p demo\/deeper && cd demo\/deeper\n.*✔ exit 0/);
    await k.press(KEYS.enter);
    // The live view: the terminal and its folder from the home, the command cut in the middle so its end and the clock stay.
    await k.waitFor(/T1 ~\/demo\/deeper \$ echo start-of-a-long.*narrow-window · \d+:\d\d · Ctrl-C/, 15_000);
    await k.waitFor(/\nstart-of-a-long-command-42\n/, 15_000);
    const footerRow = () => k.lines().findLastIndex((l) => l.trim() !== '');
    const before = footerRow();
    expect(k.lines()[before]).toContain('q quit');
    await k.press('q');
    await k.waitFor('? A command is still running. Quit anyway? (y/n)');
    // In the footer's row; the step (its actions) stays on screen above it.
    expect(footerRow()).toBe(before);
    expect(k.lines()[before]).toContain('Quit anyway? (y/n)');
    expect(k.screen()).toContain('… running');
    await k.press('n');
    await k.waitFor(/q quit\s*$/);
    expect(footerRow()).toBe(before);
    await k.press('q');
    await k.waitFor('Quit anyway? (y/n)');
    await k.press('y');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(await k.survivorsAfter()).toEqual([]);
  }, 60_000);

  test('NO_COLOR: the step screen carries no colour', async () => {
    const k = start(['run', e2eFixture('file-write')], {env: {NO_COLOR: '1'}});
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('Enter write 1 (app.conf)');
    await k.press('r');
    await k.waitFor('FAIL: app.conf has no port yet');
    // eslint-disable-next-line no-control-regex
    const colours = k.raw.match(/\x1b\[[0-9;]*m/g)?.filter((sgr) => /(^|\[|;)(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;|m)/.test(sgr)) ?? [];
    expect(colours).toEqual([]);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
  }, 60_000);

  test('a 70-column window on the not-ready intro wraps each fix in full', async () => {
    const k = start(['run', 'istio-egress'], {cols: 70, rows: 40, env: {PATH: '/usr/bin:/bin'}});
    await k.waitFor('tool:kind: kind was not found', 15_000);
    const screen = k.screen();
    const lines = screen.split('\n');
    expect(lines.every((l) => l.length <= 70)).toBe(true);
    // The kind install command is shown whole, over several rows, not cut off with an ellipsis.
    expect(screen.replace(/\n\s*/g, ' ')).toMatch(/chmod \+x\s+\.\/kind && sudo mv \.\/kind/);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
  }, 30_000);
});
