import {describe, expect, test} from 'vitest';
import {translator, uiLanguage} from '../../src/render/i18n.js';
import {en} from '../../src/render/strings-en.js';
import {ru} from '../../src/render/strings-ru.js';

describe('uiLanguage', () => {
  test('--lang wins over the locale', () => {
    expect(uiLanguage('ru', {LANG: 'en_US.UTF-8'})).toBe('ru');
    expect(uiLanguage('en', {LANG: 'ru_RU.UTF-8'})).toBe('en');
  });
  test('LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(uiLanguage(undefined, {LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US'})).toBe('ru');
    expect(uiLanguage(undefined, {LC_MESSAGES: 'ru_RU', LANG: 'en_US'})).toBe('ru');
    expect(uiLanguage(undefined, {LC_ALL: '', LANG: 'ru_RU.UTF-8'})).toBe('ru');
    expect(uiLanguage(undefined, {LANG: 'C.UTF-8'})).toBe('en');
    expect(uiLanguage(undefined, {})).toBe('en');
    expect(uiLanguage(undefined, {LANG: 'de_DE'})).toBe('en');
  });
});

describe('translator', () => {
  test('fills parameters', () => {
    expect(translator('en')('step.title', {k: 2, n: 4})).toBe('Step 2/4');
    expect(translator('ru')('step.title', {k: 2, n: 4})).toBe('Шаг 2/4');
    // The unit of the step's estimate is a word of the UI too (it said "min" in Russian).
    expect(translator('en')('step.time', {elapsed: '0:05', minutes: 1})).toBe('0:05 / ~1 min');
    expect(translator('ru')('step.time', {elapsed: '0:05', minutes: 1})).toBe('0:05 / ~1 мин');
  });
  test('Russian covers every key with the same parameters', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(ru[key]), key).toEqual(params(en[key]));
    }
  });
});
