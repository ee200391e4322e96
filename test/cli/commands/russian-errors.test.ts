// A Russian user's mistakes at the command line, through the built CLI as they type them: with
// --lang ru, or only the locale (LANG=ru_RU.UTF-8). Each gets a Russian sentence and hint after
// `katarun: ошибка:`, the same exit code as in English, and no English sentence — Node's own
// parseArgs words may stay inside our Russian frame, which is not a sentence of four words.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {englishLines} from '../../words.js';
import {ensureBuilt, katarun, tempHome} from './built-cli.js';

beforeAll(ensureBuilt, 120_000);
const scratch = mkdtempSync(join(tempHome, 'ru-'));
afterAll(() => rmSync(tempHome, {recursive: true, force: true}));

const RU_LOCALE = {LANG: 'ru_RU.UTF-8'};
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, 'not a folder\n');

// [what the user typed, the locale, exit code, a Russian fragment of the sentence, one of the hint]
const cases: Array<[string[], NodeJS.ProcessEnv, number, string, string]> = [
  [['--bogus'], RU_LOCALE, 2, "неверные аргументы (unknown option '--bogus')", "см. 'katarun --help'"],
  [['test', 'basics', '--bogus', '--lang', 'ru'], {}, 2, 'test: неверные аргументы', "см. 'katarun test --help'"],
  [['test', 'basics', '--check-timeout', '-5s'], RU_LOCALE, 2, 'неверные аргументы', 'значение, начинающееся с дефиса'],
  [['test', 'basics', '--check-timeout', 'soon', '--lang', 'ru'], {}, 2, "--check-timeout: 'soon' — не длительность", 'пишите так: 90s'],
  [['test', 'basics', '--check-timeout', '0s'], RU_LOCALE, 2, 'нулевое время', 'больше нуля'],
  [['test', 'basics', '--reporter', 'xml', '--lang', 'ru'], {}, 2, "--reporter: 'xml' — неизвестный формат отчёта", 'допустимо: human, json, junit, tap'],
  [['test', 'basics', '--from', '9', '--lang', 'ru'], {}, 2, '--from/--to: в сценарии 4 шага', 'выберите шаги от 1 до 4'],
  [['test', 'basics', '--from', 'x'], RU_LOCALE, 2, "--from: 'x' — не номер шага", 'шаги считаются с 1'],
  [['test', 'basics', '--output', join(aFile, 'report.xml'), '--lang', 'ru'], {}, 2, 'не удаётся записать', 'выберите файл в папке'],
  [['test', '--lang', 'ru'], {}, 2, 'test: какой сценарий?', "запуск: katarun test <scenario> (см. 'katarun test --help')"],
  [['test', 'a', 'b'], RU_LOCALE, 2, 'test: укажите один сценарий', 'запуск:'],
  [['nosuch', '--lang', 'ru'], {}, 2, "сценария 'nosuch' нет", 'укажите папку с index.json'],
  [['basic'], RU_LOCALE, 2, "сценария 'basic' нет", "может быть, 'basics'?"],
  [['run', 'basics', '--lang', 'ru'], {}, 2, 'run: интерфейсу нужен терминал', "без экрана сценарий проходит 'katarun test basics'"],
  [['run', '--sandbox', 'maybe', 'basics'], RU_LOCALE, 2, 'неизвестный режим песочницы', 'допустимо: auto'],
  [['basics', '--join', 'nonsense/with/too/many/parts', '--lang', 'ru'], {}, 2, "--join: в 'nonsense/with/too/many/parts' нет кода подключения", 'укажите адрес подключения'],
  [['list', 'nope', '--lang', 'ru'], {}, 2, 'list: nope: такой папки нет', 'укажите папку со сценариями'],
  [['list', 'a', 'b'], RU_LOCALE, 2, 'list: укажите не больше одной папки', 'например: katarun list'],
  [['validate', '--lang', 'ru'], {}, 2, 'validate: укажите хотя бы одну папку сценария', 'например: katarun validate'],
  [['doctor', 'a', 'b', '--lang', 'ru'], {}, 2, 'doctor: укажите не больше одного сценария', 'запуск: katarun doctor'],
  [['down', '--lang', 'ru'], {}, 2, 'down: какой сценарий?', 'запуск: katarun down'],
  [['class', 'bogus', '--lang', 'ru'], {}, 2, "class: 'bogus' — не команда class", 'есть katarun class serve'],
  [['class', 'serve', '--port', '99999', '--lang', 'ru'], {}, 2, "--port: '99999' — не порт", 'число от 0 до 65535'],
  [['class', 'board'], RU_LOCALE, 2, 'class board: какая доска?', 'укажите адрес доски'],
  [['class', 'board', 'http://127.0.0.1:9/board', '--lang', 'ru'], {}, 2, 'class board: нет токена', '--token'],
];

describe('usage errors in Russian (built CLI)', () => {
  it.each(cases)('katarun %j (%j): exit %i, a Russian sentence and hint, no English one', (args, env, code, sentence, hint) => {
    const r = katarun(args, scratch, env);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(/^katarun: ошибка: /);
    expect(r.stderr).toContain(sentence);
    expect(r.stderr).toContain(hint);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(englishLines(r.stderr)).toEqual([]);
  });

  it('the same mistakes in English word for word as before (no locale, no --lang)', () => {
    expect(katarun(['list', 'nope'], scratch).stderr).toBe('katarun: error: list: nope: no such folder — name a folder of scenarios\n');
    expect(katarun(['--bogus'], scratch).stderr).toBe("katarun: error: unknown option '--bogus' — see 'katarun --help'\n");
    expect(katarun(['test', 'basics', '--from', '9'], scratch).stderr).toBe('katarun: error: --from/--to: the scenario has 4 steps — choose steps between 1 and 4, --from not after --to\n');
  });

  it('--help and the usage printed off a terminal follow the locale', () => {
    const help = katarun(['--help'], scratch, RU_LOCALE);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Запуск: katarun [команда] [параметры]');
    expect(englishLines(help.stdout)).toEqual([]);
    const bare = katarun([], scratch, RU_LOCALE);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('katarun: сценарий не указан, а это не интерактивный терминал.');
    expect(englishLines(bare.stderr)).toEqual([]);
    expect(katarun(['--help'], scratch).stdout).toContain('Usage: katarun [command] [options]');
  });

  it('katarun list in Russian: its headings and words, the scenarios as they are', () => {
    const r = katarun(['list', '--lang', 'ru'], scratch);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^ID\s+НАЗВАНИЕ\s+СЛОЖНОСТЬ\s+ВРЕМЯ\s+ШАГИ\s+ЯЗЫКИ\s+ОТКУДА$/);
    expect(rows.find((l) => l.startsWith('basics '))).toMatch(/katarun basics\s+начальный\s+5 мин\s+4\s+en, ru\s+встроенный$/);
  });
});
