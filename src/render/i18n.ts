// Chooses the UI language (--lang, then LC_ALL / LC_MESSAGES / LANG) and formats its strings.
// Scenario content has its own translations; this covers only katarun's own words.

import {en, type StringKey, type Strings} from './strings-en.js';
import {ru} from './strings-ru.js';

export type {StringKey} from './strings-en.js';
export type UiLang = 'en' | 'ru';
export type Translate = (key: StringKey, params?: Readonly<Record<string, string | number>>) => string;

const tables: Record<UiLang, Strings> = {en, ru};

/** `ru_RU.UTF-8` → `ru`; `C`, `POSIX` and unknown languages → `en`. */
export function uiLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): UiLang {
  // POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG; empty values don't count.
  const raw = flag || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const code = raw.toLowerCase().split(/[_.@-]/)[0] ?? '';
  return code === 'ru' ? 'ru' : 'en';
}

export function translator(lang: UiLang): Translate {
  const table = tables[lang];
  return (key, params) => {
    const template = table[key] ?? en[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
