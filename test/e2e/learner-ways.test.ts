// End-to-end, the learner's ways in and out, in a real pseudo-terminal (the built CLI): the
// locale choosing the content language (and basics' checks speaking it), reading the steps of
// a scenario this machine cannot run, istio-egress's diagram at 70–140 columns, a finished
// scenario offering review or start over, quitting saying how to come back, two-digit action
// numbers, and a <pre> showing quiz syntax as text. Every step waits for what appears.
import {join} from 'node:path';
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {e2eFixture, katarunStarter, KEYS, sameHome} from './harness.js';

const ESC = '\u001b';

const start = katarunStarter();
/** Without kind, kubectl or docker on PATH, istio-egress's machine checks fail here as anywhere. */
const noClusterTools = {PATH: '/usr/bin:/bin'};

describe('the learner’s ways in and out', () => {
  test('LANG=ru_RU: Russian words and Russian content; basics’ FAIL line speaks Russian; quitting says how to come back', async () => {
    const k = start(['basics'], {env: {LANG: 'ru_RU.UTF-8', LC_ALL: ''}});
    await k.waitFor('Enter начать');
    // The intro's text is the Russian copy's, not only katarun's own words.
    expect(k.history()).toContain('Основы katarun');
    await k.press(KEYS.enter);
    await k.waitFor('Шаг 1/4');
    await k.press(KEYS.enter);
    await k.waitFor(/\nHello from katarun, \w+/, 15_000, 'history');
    await k.press(KEYS.enter);
    await k.waitFor('line 3', 15_000, 'history');
    await k.press(KEYS.enter);
    await k.waitFor('Шаг 2/4');
    await k.press('r');
    await k.waitFor("FAIL: KATARUN_GREETING равна '' — выполните действие export (1)", 20_000);
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
    expect(k.history()).toContain('Прогресс сохранён на шаге 2/4. Чтобы продолжить: katarun basics');
  }, 90_000);

  test('--lang wins over the locale; a locale without a translation gets a one-line notice', async () => {
    const en = start(['basics', '--lang', 'en'], {env: {LANG: 'ru_RU.UTF-8', LC_ALL: ''}});
    await en.waitFor('Enter start');
    expect(en.history()).toContain('katarun basics');
    expect(en.history()).not.toContain('Основы katarun');
    await en.press('q');
    expect((await en.waitForExit()).exitCode).toBe(0);

    const de = start(['basics'], {env: {LANG: 'de_DE.UTF-8', LC_ALL: ''}});
    await de.waitFor('Enter start');
    // (The line may wrap on the screen: compared without its spaces.)
    expect(de.history().replace(/\s+/g, '')).toContain("katarun:Thereisno'de'translationofbasics:itisshownin'en'(ithas:en,ru).");
    await de.press('q');
    expect((await de.waitForExit()).exitCode).toBe(0);
  }, 60_000);

  test('a machine that is not ready: r reads the steps, marked read-only; actions say why they do not run; q exits 3', async () => {
    const k = start(['istio-egress'], {cols: 80, rows: 30, env: noClusterTools});
    await k.waitFor('r read the steps (nothing runs)', 20_000);
    await k.press('r');
    await k.waitFor('Reading only — nothing runs: this machine is not ready');
    await k.waitFor('Step 1/7 · Egress is closed');
    expect(k.history()).toMatch(/Step 1\/7 · Egress is closed: ServiceC cannot get out · reading only/);
    await k.press('1');
    await k.waitFor('Action 1 does not run here: this machine is not ready.');
    await k.press('n');
    await k.waitFor('Step 2/7 ·');
    // The mark before the key: under load the redraw can come before a mark taken after it.
    const beforeP = k.mark();
    await k.press('p');
    await k.redrawn(beforeP, 'Step 1/7 ·');
    await k.press(ESC);
    await k.waitFor('r read the steps (nothing runs)');
    // Nothing was started: no workspace was made.
    expect(() => readFileSync(join(k.home, 'data', 'katarun', 'workspaces', 'istio-egress', 'x'))).toThrow();
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(3);
  }, 60_000);

  test.each([70, 80, 100, 140])("istio-egress's diagram stays whole at %i columns", async (cols) => {
    const k = start(['istio-egress'], {cols, rows: 30, env: noClusterTools});
    await k.waitFor('? help', 20_000);
    const history = k.history().split('\n').map((l) => l.trim());
    // Every row of the diagram is on one screen row, exactly as drawn.
    for (const row of [
      '+- istio-system -------------------------------------------+',
      '|  ServiceA --> producer-internal-host -+- 50% -> ServiceB |',
      '|                                       +- 50% -> ServiceC |',
      '+----------------------------------------------|-----------+',
      '|  istio-egressgateway <- from step 5    +-----+',
      '|  secure.worldtime.example   443, TLS                     |',
    ]) {
      expect(history).toContain(row);
    }
    await k.press('q');
    await k.waitForExit();
  }, 40_000);

  test('a finished scenario offers review or start over, never "continue at step 4/4"', async () => {
    const first = start(['run', 'basics']);
    await first.waitFor('Enter start');
    await first.press(KEYS.enter);
    await first.waitFor('Step 1/4');
    // Enter runs each action (waiting for its output), and moves on once a step is done.
    const enterRuns = async (expected: string | RegExp) => {
      await first.press(KEYS.enter);
      await first.waitFor(expected, 30_000, 'history');
    };
    await enterRuns(/\nHello from katarun, \w+/);
    await enterRuns('line 3');
    await enterRuns('Step 2/4');
    await enterRuns(/\$ export KATARUN_GREETING=hello\n.*✔ exit 0/);
    await enterRuns(/\$ mkdir -p demo && cd demo\n.*✔ exit 0/);
    await enterRuns('hello from demo');
    await first.waitFor('Check passed', 30_000);
    await enterRuns('Step 3/4');
    await enterRuns(/\$ echo ready > status.txt\n.*✔ exit 0/);
    await enterRuns(/hello\.sh"\n[\s\S]*?✔ exit 0/);
    await first.waitFor('Check passed', 30_000);
    await enterRuns('Step 4/4');
    await first.press(KEYS.enter);
    await first.waitFor('running while true', 30_000);
    await enterRuns(/> stopped\.txt\n.*✔ exit 0/);
    await enterRuns("T2 says: greeting=");
    await first.waitFor('Check passed', 30_000);
    await first.press(KEYS.enter);
    await first.waitFor('Enter exit', 5_000);
    await first.press('q');
    expect((await first.waitForExit()).exitCode).toBe(0);
    expect(first.history()).toContain('You finished katarun basics. To review it or start over: katarun basics');

    const again = start(['run', 'basics'], {env: sameHome(first)});
    await again.waitFor('You finished this scenario: all 4 steps passed.');
    expect(again.screen()).not.toContain('continue at step');
    await again.press(KEYS.enter);
    await again.waitFor('Review — every step passed; nothing runs here.');
    expect(again.history()).toMatch(/Step 1\/4 · Run a command · review · ✔ passed/);
    await again.press('1');
    await again.waitFor('Action 1 does not run in the review');
    await again.press('o');
    await again.waitFor('Start over? The workspace of basics is emptied');
    await again.press('n');
    await again.waitFor('Review — every step passed');
    await again.press('o', 'y');
    await again.waitFor('Step 1/4', 30_000);
    await again.waitFor('› 1', 15_000);
    await again.press('q');
    expect((await again.waitForExit()).exitCode).toBe(0);
  }, 240_000);

  test('two digits reach action 17; a lone 1 runs action 1; <pre> quiz syntax is text', async () => {
    const k = start(['run', e2eFixture('many-actions')], {rows: 30});
    await k.waitFor('Enter start');
    await k.press(KEYS.enter);
    await k.waitFor('Step 1/2');
    await k.press('1');
    await k.waitFor('Action 1… — a second digit picks 10–17; Enter runs 1 now.');
    await k.press('7');
    await k.waitFor(/\$ echo action-17-ran\naction-17-ran/, 15_000, 'history');
    await k.press('1', KEYS.enter);
    await k.waitFor(/\$ echo action-1-ran\naction-1-ran/, 15_000, 'history');
    expect(k.history()).not.toMatch(/\$ echo action-7-ran/);
    await k.press('n');
    await k.waitFor('>>Q2: Pick the TCP ports <<', 15_000, 'history');
    const history = k.history().split('\n').map((l) => l.trim());
    expect(history).toContain('>>Q1: Which port does HTTPS use? <<');
    expect(history).toContain('=== 443');
    expect(history).toContain('>>Q2: Pick the TCP ports <<');
    await k.press('?');
    await k.waitFor('1–99');
    await k.press('x');
    await k.press('q');
    expect((await k.waitForExit()).exitCode).toBe(0);
  }, 90_000);
});
