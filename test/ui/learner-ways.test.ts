// Pure pieces of the learner's ways in and out: two-digit action numbers, what quitting says,
// and which content language the locale asks for.
import {describe, expect, test} from 'vitest';
import {typeDigit} from '../../src/ui/action-number.js';
import {farewellLine} from '../../src/ui/farewell.js';
import {wantedLanguage} from '../../src/cli/lang-notice.js';
import {translator} from '../../src/render/i18n.js';
import type {EngineState} from '../../src/engine/types.js';
import type {ScenarioSession} from '../../src/ui/session.js';

describe('action numbers', () => {
  test('fewer than ten actions: every digit runs at once', () => {
    expect(typeDigit(1, 9, undefined)).toEqual({run: 1});
    expect(typeDigit(7, 9, undefined)).toEqual({run: 7});
  });
  test('seventeen actions: 1 waits for a second digit, 2–9 run at once, 1 then 7 is 17', () => {
    expect(typeDigit(1, 17, undefined)).toEqual({pending: 1, from: 10, to: 17});
    expect(typeDigit(7, 17, 1)).toEqual({run: 17});
    expect(typeDigit(0, 17, 1)).toEqual({run: 10});
    expect(typeDigit(2, 17, undefined)).toEqual({run: 2});
    expect(typeDigit(0, 17, undefined)).toEqual({run: 0});
  });
  test('both digits in one read run that number, whatever was waiting', () => {
    expect(typeDigit(17, 17, undefined)).toEqual({run: 17});
    expect(typeDigit(12, 17, 1)).toEqual({run: 12});
  });
});

describe('what quitting says', () => {
  const t = translator('en');
  const session = (extra: Partial<ScenarioSession> = {}): ScenarioSession =>
    ({scenario: {title: 'katarun basics', steps: [{}, {}, {}, {}]}, reopen: 'katarun basics', createEngine: () => undefined, ...extra}) as unknown as ScenarioSession;
  const state = (phase: EngineState['phase'], stepIndex: number, passed = false) =>
    ({phase, stepIndex, steps: [0, 1, 2, 3].map((index) => ({index, status: passed ? 'passed' : 'pending'}))}) as unknown as EngineState;

  test('on a step past the first: where it was saved and the command', () => {
    expect(farewellLine(session(), state('step', 2), t)).toBe('Progress saved at step 3/4. To continue: katarun basics');
  });
  test('finished: review or start over', () => {
    expect(farewellLine(session(), state('finish', 3, true), t)).toBe('You finished katarun basics. To review it or start over: katarun basics');
    expect(farewellLine(session({finished: true}), undefined, t)).toContain('To review it or start over: katarun basics');
  });
  test('quit on the intro with saved progress: the saved step', () => {
    expect(farewellLine(session({resumeStep: 1}), undefined, t)).toBe('Progress saved at step 2/4. To continue: katarun basics');
  });
  test('nothing to come back to: nothing said (step 1, the setup, no progress)', () => {
    expect(farewellLine(session(), state('step', 0), t)).toBeUndefined();
    expect(farewellLine(session({resumeStep: 2}), state('setup', 0), t)).toBeUndefined();
    expect(farewellLine(session(), undefined, t)).toBeUndefined();
  });
  test('in Russian', () => {
    expect(farewellLine(session(), state('step', 2), translator('ru'))).toBe('Прогресс сохранён на шаге 3/4. Чтобы продолжить: katarun basics');
  });
});

describe('the content language the locale asks for', () => {
  test('--lang wins; else LC_ALL, LC_MESSAGES, LANG; C and POSIX ask for none', () => {
    expect(wantedLanguage('ru', {LANG: 'de_DE.UTF-8'})).toBe('ru');
    expect(wantedLanguage(undefined, {LANG: 'ru_RU.UTF-8'})).toBe('ru');
    expect(wantedLanguage(undefined, {LC_ALL: 'de_DE@euro', LANG: 'ru_RU.UTF-8'})).toBe('de');
    expect(wantedLanguage(undefined, {LC_MESSAGES: 'pt_BR.UTF-8'})).toBe('pt');
    expect(wantedLanguage(undefined, {LANG: 'C.UTF-8'})).toBeUndefined();
    expect(wantedLanguage(undefined, {LANG: 'POSIX'})).toBeUndefined();
    expect(wantedLanguage(undefined, {})).toBeUndefined();
  });
});
