// Argument parsing shared by every command: node:util parseArgs, with its errors turned
// into UserErrors (exit 2, one line, a hint) instead of stack traces.

import {parseArgs, type ParseArgsConfig} from 'node:util';
import {MAX_TIMER_MS, parseDurationMs} from '../scenario/index/durations.js';
import {message} from '../render/message.js';
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
    // Node's sentence is English whatever the language: a parameter of ours, which says what it is.
    const said = message('cli.args.node', {node: first.charAt(0).toLowerCase() + first.slice(1)});
    // `katarun --bogus`: the command is katarun itself, named once.
    const bare = command === 'katarun';
    // `--check-timeout -5s`: Node reads the value as another flag; its first sentence alone ("argument is ambiguous") does not say what to do.
    const dashed = /^option '(--[\w-]+)' argument is ambiguous/i.exec(full);
    const hint = dashed ? message('cli.args.dashed', {flag: dashed[1]!}) : message('cli.args.help', {command: bare ? 'katarun' : `katarun ${command}`});
    throw new UserError(bare ? said : message('cli.in', {command, text: said}), 2, hint);
  }
}

/** Parse a duration flag (`90s`, `5m`, `1500ms`, `2m30s`, or bare seconds) — the scenario's own syntax. */
export function parseDuration(text: string, flag: string): number {
  const ms = parseDurationMs(text);
  if (ms === undefined) {
    throw new UserError(message('cli.args.duration', {flag, text}), 2, message('cli.args.duration.hint'));
  }
  // A timer longer than this fires at once in Node: every attempt would "time out" after 1 ms.
  if (ms > MAX_TIMER_MS) throw new UserError(message('cli.args.tooLong', {flag, text}), 2, message('cli.args.tooLong.hint'));
  if (ms === 0) throw new UserError(message('cli.args.zero', {flag, text}), 2, message('cli.args.zero.hint'));
  return ms;
}

/** What a choice flag's value is, in the error that names the allowed ones. */
export type ChoiceNoun = 'shellKind' | 'sandboxMode' | 'format' | 'reporter';

/** A flag that takes one of a few words: the value (or the default), or a usage error naming them all. */
export function parseChoice<const T extends string>(value: string | undefined, allowed: readonly T[], flag: string, noun: ChoiceNoun, fallback: T): T;
export function parseChoice<const T extends string>(value: string | undefined, allowed: readonly T[], flag: string, noun: ChoiceNoun): T | undefined;
export function parseChoice<const T extends string>(value: string | undefined, allowed: readonly T[], flag: string, noun: ChoiceNoun, fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(message('cli.args.choice', {flag, value, noun: message(`cli.noun.${noun}`)}), 2, message('cli.args.choice.hint', {allowed: allowed.join(', ')}));
}
