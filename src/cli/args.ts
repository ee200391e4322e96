// Argument parsing shared by every command: node:util parseArgs, with its errors turned
// into UserErrors (exit 2, one line, a hint) instead of stack traces.

import {parseArgs, type ParseArgsConfig} from 'node:util';
import {MAX_TIMER_MS, parseDurationMs} from '../scenario/index/durations.js';
import {UserError} from './exit-codes.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({args: argv, options, allowPositionals, strict: true});
  } catch (err) {
    // Node's own wording, to its first sentence ("Unknown option '--bogus'. To specify a
    // positional argument starting with a '-', place it …" is about parseArgs, not katarun).
    const full = err instanceof Error ? err.message.replace(/^.*?: /, '') : String(err);
    const first = full.split(/\.\s/)[0]!.replace(/\.$/, '');
    const message = first.charAt(0).toLowerCase() + first.slice(1);
    // `katarun --bogus`: the command is katarun itself, named once.
    const bare = command === 'katarun';
    // `--check-timeout -5s`: Node reads the value as another flag; its first sentence alone ("argument is ambiguous") does not say what to do.
    const dashed = /^option '(--[\w-]+)' argument is ambiguous/i.exec(full);
    const hint = dashed ? `give ${dashed[1]} its value; a value that starts with a dash is written ${dashed[1]}=-VALUE` : bare ? "see 'katarun --help'" : `see 'katarun ${command} --help'`;
    throw new UserError(bare ? message : `${command}: ${message}`, 2, hint);
  }
}

/** Parse a duration flag (`90s`, `5m`, `1500ms`, `2m30s`, or bare seconds) — the scenario's own syntax. */
export function parseDuration(text: string, flag: string): number {
  const ms = parseDurationMs(text);
  if (ms === undefined) {
    throw new UserError(`${flag}: '${text}' is not a duration`, 2, 'write it like 90s, 5m, 1500ms or 2m30s');
  }
  // A timer longer than this fires at once in Node: every attempt would "time out" after 1 ms.
  if (ms > MAX_TIMER_MS) throw new UserError(`${flag}: '${text}' is longer than katarun can wait`, 2, 'give at most 24 days (e.g. 24h or 10m)');
  if (ms === 0) throw new UserError(`${flag}: '${text}' is no time at all`, 2, 'give a duration above 0, like 30s');
  return ms;
}

/** A flag that takes one of a few words: the value (or the default), or a usage error naming them all. */
export function parseChoice<const T extends string>(value: string | undefined, allowed: readonly T[], flag: string, noun: string, fallback: T): T;
export function parseChoice<const T extends string>(value: string | undefined, allowed: readonly T[], flag: string, noun: string): T | undefined;
export function parseChoice<const T extends string>(value: string | undefined, allowed: readonly T[], flag: string, noun: string, fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${flag}: '${value}' is not a ${noun}`, 2, `use one of ${allowed.join(', ')}`);
}
