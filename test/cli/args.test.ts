import {describe, expect, it} from 'vitest';
import {parseCommandArgs, parseDuration} from '../../src/cli/args.js';
import {UserError} from '../../src/cli/exit-codes.js';

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
    expect((caught as UserError).message).toContain("--check-timeout: 'soon'");
    expect((caught as UserError).hint).toContain('90s');
  });

  it('turns an unknown flag into a usage error, not a stack trace', () => {
    expect(() => parseCommandArgs('test', ['--nope'], {lang: {type: 'string'}})).toThrow(UserError);
    const {values, positionals} = parseCommandArgs('test', ['basics', '--lang', 'ru'], {lang: {type: 'string'}});
    expect(values.lang).toBe('ru');
    expect(positionals).toEqual(['basics']);
  });
});
