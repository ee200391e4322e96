import {describe, expect, test} from 'vitest';
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {message, registerLocale, registeredLanguages, translator, uiLanguage, type Template, type Translate} from '../../src/render/i18n.js';
import {spokenDuration} from '../../src/render/duration.js';
import {en} from '../../src/render/strings-en.js';
import {ru} from '../../src/render/strings-ru.js';
// @ts-expect-error -- a plain .mjs build script without types
import {localesModule} from '../../scripts/locales.mjs';

const renderDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'render');

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
  test('every bundled language covers every key with the same parameters and all its plural forms', () => {
    const forms = (t: Template): string[] => (typeof t === 'string' ? [t] : Object.values(t));
    const params = (t: Template) => [...new Set(forms(t).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
    const categories = new Intl.PluralRules('ru').resolvedOptions().pluralCategories;
    expect(categories).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(params(ru[key]), key).toEqual(params(en[key]));
      expect(typeof ru[key] === 'string', `${key}: plural in one language only`).toBe(typeof en[key] === 'string');
      // A plural entry of a language has a form for each category its rules produce for whole numbers.
      const entry = ru[key];
      if (typeof entry !== 'string') for (const c of categories) expect(entry[c], `${key}.${c}`).toBeDefined();
    }
  });
  test('plural forms follow Intl.PluralRules: one step, 3 steps; 1 шаг, 3 шага, 5 шагов, 21 шаг', () => {
    const e = translator('en');
    const r = translator('ru');
    expect([1, 3].map((n) => e('meta.steps', {n}))).toEqual(['1 step', '3 steps']);
    expect([1, 3, 5, 11, 21, 22].map((n) => r('meta.steps', {n}))).toEqual(['1 шаг', '3 шага', '5 шагов', '11 шагов', '21 шаг', '22 шага']);
    expect(e('preflight.cpus', {n: 1})).toBe('1 CPU');
    expect(r('preflight.cpusNeeds', {n: 2, need: 4})).toBe('2 процессора, нужно 4');
  });
  test('numbers follow Intl.NumberFormat; text parameters are shown as given', () => {
    expect(translator('en')('meta.steps', {n: 12345})).toBe('12,345 steps');
    expect(translator('ru')('meta.steps', {n: 12345})).toBe('12\u00a0345 шагов');
    expect(translator('en')('preflight.portFree', {address: '127.0.0.1:15021'})).toBe('127.0.0.1:15021 is free');
    expect(spokenDuration(1500, translator('en'))).toBe('1.5 s');
    expect(spokenDuration(1500, translator('ru'))).toBe('1,5 с');
    expect(spokenDuration(125_000)).toBe('2 min 5 s');
  });
  test('counts in the headless progress line and the class notice take plural forms', () => {
    const checking = (t: Translate, n: number) => t('report.checking', {k: 1, n: 2, attempts: message('count.attempts', {n}), elapsed: '0:05'});
    expect(checking(translator('en'), 1)).toBe('  … step 1/2 · checking (1 attempt) · 0:05');
    expect(checking(translator('ru'), 2)).toBe('  … шаг 1/2 · проверка (2 попытки) · 0:05');
    expect(translator('en')('count.events', {n: 1})).toBe('1 event');
    expect([1, 3, 5].map((n) => translator('ru')('count.events', {n}))).toEqual(['1 событие', '3 события', '5 событий']);
  });
  test('a message may nest another, translated in the same language', () => {
    const timeout = message('report.checkTimeout', {attempts: message('count.attempts', {n: 3}), code: '1'});
    expect(translator('en')(timeout)).toBe('the check did not pass before its timeout (3 attempts, last exit status 1)');
    expect(translator('ru')(timeout)).toBe('проверка не прошла до истечения времени (3 попытки, последний код выхода 1)');
  });
  test('a third language is one table: registering a pseudo-locale makes it choosable, with its plurals and numbers', () => {
    // en-XA is the BCP 47 pseudo-locale: English plural rules; a key it lacks falls back to English.
    registerLocale({code: 'en-XA', strings: {'meta.steps': {one: '[{n} ŝţéþ]', other: '[{n} ŝţéþŝ]'}, 'step.title': '[Šţéþ {k}/{n}]'}});
    expect(registeredLanguages()).toContain('en-XA');
    expect(uiLanguage(undefined, {LANG: 'en_XA.UTF-8'})).toBe('en-XA');
    expect(uiLanguage(undefined, {LANG: 'en_US.UTF-8'})).toBe('en');
    const t = translator(uiLanguage('en-xa', {}));
    expect(t.lang).toBe('en-XA');
    expect([t('meta.steps', {n: 1}), t('meta.steps', {n: 1000}), t('step.title', {k: 1, n: 2}), t('check.passed')]).toEqual([
      '[1 ŝţéþ]',
      '[1,000 ŝţéþŝ]',
      '[Šţéþ 1/2]',
      'Check passed',
    ]);
  });
  test('the generated list of languages is the strings files beside i18n.ts', () => {
    expect(readFileSync(join(renderDir, 'locales.generated.ts'), 'utf8')).toBe(localesModule(renderDir));
  });
});

describe('the string tables hold no dead entries', () => {
  test("every English key is named in src/ (whole, or by a prefix a template completes: `sandbox.why.${reason}`)", () => {
    const srcDir = join(renderDir, '..');
    const files = (readdirSync(srcDir, {recursive: true}) as string[]).filter((f) => /\.tsx?$/.test(f) && !/strings-[a-z-]+\.ts$/.test(f) && !f.endsWith('.generated.ts'));
    const code = files.map((f) => readFileSync(join(srcDir, f), 'utf8')).join('\n');
    const named = (key: string) => {
      if (code.includes(`'${key}'`) || code.includes(`"${key}"`)) return true;
      const parts = key.split('.');
      for (let i = parts.length - 1; i > 0; i--) if (code.includes(`\`${parts.slice(0, i).join('.')}.\${`)) return true;
      return false;
    };
    expect(Object.keys(en).filter((k) => !named(k))).toEqual([]);
  });
});

describe('every code katarun uses has words in each language', () => {
  const srcDir = join(renderDir, '..');
  const files = (readdirSync(srcDir, {recursive: true}) as string[]).filter((f) => /\.tsx?$/.test(f) && !/strings-[a-z-]+\.ts$/.test(f) && !f.endsWith('.generated.ts'));
  const code = files.map((f) => readFileSync(join(srcDir, f), 'utf8')).join('\n');

  test('each code a template completes (`cli.io.${code}`, `class.error.${code}`) has entries in English and Russian', () => {
    const prefixes = [...new Set([...code.matchAll(/`([a-z]+(?:\.[a-zA-Z]+)*\.)\$\{/g)].map((m) => m[1]!))].filter((p) => Object.keys(en).some((k) => k.startsWith(p)));
    expect(prefixes).toEqual(expect.arrayContaining(['cli.io.', 'cli.noun.', 'class.error.', 'class.status.']));
    for (const prefix of prefixes) {
      const keys = Object.keys(en).filter((k) => k.startsWith(prefix)) as Array<keyof typeof en>;
      for (const key of keys) expect(Object.hasOwn(ru, key), key).toBe(true);
    }
  });

  test("the command line's and the class's words are translated, not copied: a Russian entry differs from the English one wherever that has English words", () => {
    // Flags, parameters and katarun's name are the same in every language.
    const hasWords = (t: Template) => /[A-Za-z]{3,}/.test(JSON.stringify(t).replace(/\{\w+\}|--[\w-]+|katarun/g, ''));
    const keys = (Object.keys(en) as Array<keyof typeof en>).filter((k) => /^(cli\.|class\.error\.|class\.status\.)/.test(k) && hasWords(en[k]));
    expect(keys.length).toBeGreaterThan(80);
    expect(keys.filter((k) => JSON.stringify(ru[k]) === JSON.stringify(en[k]))).toEqual([]);
  });
});
