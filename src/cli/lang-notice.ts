// Which translation of a scenario to show, and the one-line notice when it has none in that
// language. `--lang` wins; without it the learner's locale (LC_ALL, LC_MESSAGES, LANG — the
// same order as katarun's own words) chooses, so `LANG=ru_RU.UTF-8 katarun basics` shows the
// Russian copy. A scenario without that copy is shown in its base language, and says so (it
// used to fall back without a word). Shared by the TUI's and the headless commands.

import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {Scenario} from '../scenario/model.js';

const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/** The language asked for: the flag as given, else the locale's language (`ru_RU.UTF-8` → `ru`); `C`, `POSIX` and no locale ask for none. */
export function wantedLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (flag) return flag;
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const language = primary(raw.split(/[.@]/)[0] ?? '');
  if (!/^[a-z]{2,3}$/.test(language)) return undefined;
  return language;
}

export function langFallbackLine(scenario: Scenario, wanted: string | undefined, t: Translate): string | undefined {
  if (wanted === undefined || primary(scenario.lang) === primary(wanted)) return undefined;
  return `katarun: ${t('notice.langFallback', {lang: sanitizeText(wanted), id: sanitizeText(scenario.id), shown: scenario.lang, available: scenario.languages.join(', ')})}\n`;
}
