// Argument parsing shared by every command: node:util parseArgs, with its errors turned
// into UserErrors (exit 2, one line, a hint) instead of stack traces.

import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UserError} from './exit-codes.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({args: argv, options, allowPositionals, strict: true});
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/^.*?: /, '') : String(err);
    throw new UserError(`${command}: ${message}`, 2, `see 'katarun ${command} --help'`);
  }
}

/** Parse a duration such as `90s`, `5m`, `1500ms`, `2m30s` or a bare number of seconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
    end = re.lastIndex;
  }
  if (end === 0 || end !== trimmed.length) {
    throw new UserError(`${flag}: '${text}' is not a duration`, 2, 'write it like 90s, 5m, 1500ms or 2m30s');
  }
  return Math.round(total);
}
