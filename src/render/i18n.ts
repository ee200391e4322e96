// katarun's own words: chooses the UI language (--lang, then LC_ALL / LC_MESSAGES / LANG) and turns
// message codes into sentences. Scenario content has its own translations; this covers only katarun's.
//
// Below `ui/` and `headless/` nothing builds a sentence: the engine, the shell and the scenario
// loader hand up a `Message` (a code and its parameters, where a parameter may be another
// message), and the edges translate it here. A language is one file, `strings-<code>.ts` beside
// this one (scripts/locales.mjs lists them in locales.generated.ts at build time); its plural
// forms follow `Intl.PluralRules` for its code and its numbers `Intl.NumberFormat`.

import {en, type PluralForms, type StringKey, type Strings, type Template} from './strings-en.js';
import {bundledLocales} from './locales.generated.js';
import type {Message, Params, Text} from './message.js';

export type {PluralForms, StringKey, Strings, Template} from './strings-en.js';
/** A registered language's code: 'en', 'ru', or one added by a `strings-<code>.ts` file. */
export type UiLang = string;

export {decimal, isMessage, message} from './message.js';
export type {Decimal, Message, Param, Params, Text} from './message.js';

export interface Locale {
  /** BCP 47 code, e.g. 'ru' or 'pt-BR'; also the tag given to Intl for plurals and numbers. */
  readonly code: string;
  /** Keys it lacks fall back to English. */
  readonly strings: Partial<Strings>;
}

/** Turns a code (or a message) into the language's words. */
export interface Translate {
  (key: StringKey | Message, params?: Params): string;
  readonly lang: UiLang;
  /** A number in the language's notation. */
  number(n: number, options?: Intl.NumberFormatOptions): string;
}

const locales = new Map<string, Locale>([['en', {code: 'en', strings: en}]]);
for (const locale of bundledLocales) registerLocale(locale);

/** Adds (or replaces) a language; `uiLanguage` and `translator` know it from then on. */
export function registerLocale(locale: Locale): void {
  locales.set(locale.code.toLowerCase(), locale);
}

export function registeredLanguages(): UiLang[] {
  return [...locales.values()].map((l) => l.code);
}

/** `ru_RU.UTF-8` → `ru`; `pt_BR` → `pt-BR` when registered, else `pt`; `C`, `POSIX` and unknown → `en`. */
export function uiLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): UiLang {
  // POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG; empty values don't count.
  const raw = (flag || env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  const [tag = ''] = raw.split(/[.@]/);
  const [language = '', region] = tag.split(/[_-]/);
  return (region && locales.get(`${language}-${region}`)?.code) || locales.get(language)?.code || 'en';
}

const PARAM = /\{(\w+)\}/g;

export function translator(lang: UiLang): Translate {
  const locale = locales.get(lang.toLowerCase()) ?? locales.get('en')!;
  const plurals = new Intl.PluralRules(locale.code);
  // Made at the first number: building a NumberFormat costs ~14 ms, which `katarun list` and a
  // usage error (no numbers, mostly) should not pay.
  let numbers: Intl.NumberFormat | undefined;
  const formatNumber = (n: number, options?: Intl.NumberFormatOptions) =>
    options ? new Intl.NumberFormat(locale.code, options).format(n) : (numbers ??= new Intl.NumberFormat(locale.code)).format(n);

  const fill = (key: StringKey, params: Params | undefined): string => {
    const template: Template = locale.strings[key] ?? en[key];
    const text = typeof template === 'string' ? template : pluralForm(template, params, plurals);
    if (!params) return text;
    return text.replace(PARAM, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return formatNumber(value);
      if (typeof value === 'string') return value;
      if ('decimal' in value) return formatNumber(value.decimal, {minimumFractionDigits: value.digits, maximumFractionDigits: value.digits});
      return fill(value.code, value.params);
    });
  };
  const t = ((key: StringKey | Message, params?: Params) =>
    typeof key === 'string' ? fill(key, params) : fill(key.code, {...key.params, ...params})) as Translate;
  return Object.assign(t, {lang: locale.code, number: formatNumber});
}

/** A plural entry chooses its form by the parameter `n` (the count it is about). */
function pluralForm(forms: PluralForms, params: Params | undefined, rules: Intl.PluralRules): string {
  const n = params?.n;
  if (typeof n !== 'number') return forms.other;
  return forms[rules.select(n)] ?? forms.other;
}

/**
 * An error whose words are a message: thrown below the edges (an environment that cannot be
 * prepared, a cluster that is not ours), translated where it is shown. Its `message` is the
 * code, for logs and stacks; `describe` gives the sentence.
 */
export class MessageError extends Error {
  constructor(readonly msg: Message) {
    super(msg.code);
    this.name = 'MessageError';
  }
}

/** What an error says, as a parameter: a MessageError's message, else the error's own text (Node's, a tool's). */
export function errorParam(err: unknown): Text {
  if (err instanceof MessageError) return err.msg;
  return err instanceof Error ? err.message : String(err);
}

/** A message, or plain text (a tool's output, Node's error) as it is, in the language of `t`. */
export function say(t: Translate, what: Text): string {
  return typeof what === 'string' ? what : t(what);
}

/** A usage error's sentence and hint ('no scenario 'x' — did you mean …'), without the `katarun: error:` lead. */
export function userErrorText(t: Translate, err: {readonly msg: Message; readonly hint?: Message | undefined}): string {
  return err.hint ? t('cli.withHint', {text: err.msg, hint: err.hint}) : t(err.msg);
}

/** The language of a command line: its --lang (`--lang ru`, `--lang=ru`, before any `--`), else the locale. */
export function commandLineLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): UiLang {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') flag = argv[i + 1];
    else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
  }
  return uiLanguage(flag, env);
}
