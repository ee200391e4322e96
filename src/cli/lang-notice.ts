// `--lang fr` for a scenario without a French copy: it falls back to the base language, and says
// so (it used to fall back without a word). Shared by the TUI's and the headless commands.

import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {Scenario} from '../scenario/model.js';

export function langFallbackLine(scenario: Scenario, wanted: string | undefined, t: Translate): string | undefined {
  if (wanted === undefined || scenario.lang === wanted) return undefined;
  return `katarun: ${t('notice.langFallback', {lang: sanitizeText(wanted), id: sanitizeText(scenario.id), shown: scenario.lang, available: scenario.languages.join(', ')})}\n`;
}
