import {describe, expect, it} from 'vitest';
import {parseCommandArgs, parseDuration} from '../../src/cli/args.js';
import {UserError} from '../../src/cli/exit-codes.js';
import {resolveScenarioDir} from '../../src/cli/scenario-arg.js';
import {hintWords, words} from '../words.js';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

describe('CLI argument helpers', () => {
  it('parses durations the way scenarios write them', () => {
    expect(parseDuration('90s', '--check-timeout')).toBe(90_000);
    expect(parseDuration('2m30s', '--check-timeout')).toBe(150_000);
    expect(parseDuration('1500ms', '--settle')).toBe(1500);
    expect(parseDuration('4', '--settle')).toBe(4000);
  });

  it('turns a bad duration into a usage error (exit 2) naming the flag and the fix', () => {
    let caught: unknown;
    try {
      parseDuration('soon', '--check-timeout');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).exitCode).toBe(2);
    expect(words((caught as UserError).msg)).toContain("--check-timeout: 'soon'");
    expect(hintWords(caught as UserError)).toContain('90s');
  });

  it('turns an unknown flag into a usage error, not a stack trace', () => {
    expect(() => parseCommandArgs('test', ['--nope'], {lang: {type: 'string'}})).toThrow(UserError);
    const {values, positionals} = parseCommandArgs('test', ['basics', '--lang', 'ru'], {lang: {type: 'string'}});
    expect(values.lang).toBe('ru');
    expect(positionals).toEqual(['basics']);
  });
});

describe('what the command line says when it is wrong', () => {
  const error = (fn: () => unknown): UserError => {
    try {
      fn();
    } catch (err) {
      if (err instanceof UserError) return err;
      throw err;
    }
    throw new Error('no error was thrown');
  };

  it("names katarun once for `katarun --bogus`, and keeps Node's wording to its first sentence", () => {
    const bare = error(() => parseCommandArgs('katarun', ['--bogus'], {lang: {type: 'string'}}));
    expect(words(bare.msg)).toBe("unknown option '--bogus'");
    expect(hintWords(bare)).toBe("see 'katarun --help'");
    const sub = error(() => parseCommandArgs('test', ['--bogus'], {lang: {type: 'string'}}));
    expect(words(sub.msg)).toBe("test: unknown option '--bogus'");
    expect(hintWords(sub)).toBe("see 'katarun test --help'");
  });

  it('a value that starts with a dash (`--check-timeout -5s`) gets a hint saying how to write it, and then a duration error', () => {
    const dashed = error(() => parseCommandArgs('test', ['--check-timeout', '-5s'], {'check-timeout': {type: 'string'}}));
    expect(words(dashed.msg)).toBe("test: option '--check-timeout' argument is ambiguous");
    expect(hintWords(dashed)).toBe('give --check-timeout its value; a value that starts with a dash is written --check-timeout=-VALUE');
    const {values} = parseCommandArgs('test', ['--check-timeout=-5s'], {'check-timeout': {type: 'string'}});
    expect(words(error(() => parseDuration(values['check-timeout'] as string, '--check-timeout')).msg)).toBe("--check-timeout: '-5s' is not a duration");
  });

  it('finds a scenario of ./scenarios by the id `katarun list` shows, and suggests the nearest id for a typo', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'katarun-arg-'));
    try {
      mkdirSync(join(cwd, 'scenarios', 'greet'), {recursive: true});
      writeFileSync(join(cwd, 'scenarios', 'greet', 'index.json'), '{}');
      expect(resolveScenarioDir('greet', cwd)).toBe(join(cwd, 'scenarios', 'greet'));
      expect(resolveScenarioDir('basics', cwd)).toMatch(/scenarios[/\\]basics$/);
      expect(hintWords(error(() => resolveScenarioDir('gret', cwd)))).toContain("did you mean 'greet'?");
      expect(hintWords(error(() => resolveScenarioDir('basic', cwd)))).toContain("did you mean 'basics'?");
      expect(hintWords(error(() => resolveScenarioDir('istio-egres', cwd)))).toContain("did you mean 'istio-egress'?");
      expect(hintWords(error(() => resolveScenarioDir('zzz', cwd)))).not.toContain('did you mean');
    } finally {
      rmSync(cwd, {recursive: true, force: true});
    }
  });
});
