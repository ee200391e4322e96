// Argument parsing shared by every command: node:util parseArgs, with its errors turned
// into UserErrors (exit 2, one line, a hint) instead of stack traces.
import { parseArgs } from 'node:util';
import { parseDurationMs } from '../scenario/index/durations.js';
import { UserError } from './exit-codes.js';
export function parseCommandArgs(command, argv, options, allowPositionals = true) {
    try {
        return parseArgs({ args: argv, options, allowPositionals, strict: true });
    }
    catch (err) {
        const message = err instanceof Error ? err.message.replace(/^.*?: /, '') : String(err);
        throw new UserError(`${command}: ${message}`, 2, `see 'katarun ${command} --help'`);
    }
}
/** Parse a duration flag (`90s`, `5m`, `1500ms`, `2m30s`, or bare seconds) — the scenario's own syntax. */
export function parseDuration(text, flag) {
    const ms = parseDurationMs(text);
    if (ms === undefined) {
        throw new UserError(`${flag}: '${text}' is not a duration`, 2, 'write it like 90s, 5m, 1500ms or 2m30s');
    }
    return ms;
}
export function parseChoice(value, allowed, flag, noun, fallback) {
    if (value === undefined)
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new UserError(`${flag}: '${value}' is not a ${noun}`, 2, `use one of ${allowed.join(', ')}`);
}
//# sourceMappingURL=args.js.map