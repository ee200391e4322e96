// A message: a code of strings-en.ts and its parameters, what the layers below the edges say
// instead of words. Apart from i18n.ts (which turns it into words) so that throwing one — a usage
// error of the command line, say — does not load every language's table.
import type {StringKey} from './strings-en.js';

/**
 * A parameter: text is shown as given (names, paths, ports, exit statuses-as-text — anything that
 * must not be regrouped), a number is formatted for the language ('1,234' / '1 234', '1.5' /
 * '1,5'), a message is translated in place.
 */
export type Param = string | number | Decimal | Message;

/** A number shown with a fixed count of decimals ('4.0 GiB' / '4,0 ГиБ'). */
export interface Decimal {
  readonly decimal: number;
  readonly digits: number;
}

export function decimal(value: number, digits: number): Decimal {
  return {decimal: value, digits};
}
export type Params = Readonly<Record<string, Param>>;

/** What the layers below the edges say: a code of strings-en.ts and its parameters. */
export interface Message {
  readonly code: StringKey;
  readonly params?: Params;
}

/** What is shown to the learner: katarun's words as a message, or text as it came (a tool's output). */
export type Text = string | Message;

export function message(code: StringKey, params?: Params): Message {
  return params ? {code, params} : {code};
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).code === 'string';
}
