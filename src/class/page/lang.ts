// The board page's language: the same translator and locale files as the CLI (render/i18n.ts,
// strings-*.ts, bundled into board.js), chosen by ?lang=, then the instructor's earlier choice in
// this browser, then the language the server picked from Accept-Language (<html data-lang>), then
// navigator.languages; English when none is known.

import {createContext, useContext} from 'react';
import {registeredLanguages, translator, type Translate} from '../../render/i18n.js';

const STORAGE_KEY = 'katarun.lang';

function known(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const langs = registeredLanguages();
  const lower = tag.toLowerCase();
  return langs.find((l) => l.toLowerCase() === lower) ?? langs.find((l) => l.toLowerCase() === lower.split('-')[0]);
}

export function pickLanguage(): string {
  const stored = (() => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  })();
  const candidates = [new URLSearchParams(location.search).get('lang'), stored, document.documentElement.dataset.lang, ...navigator.languages, navigator.language];
  for (const c of candidates) {
    const lang = known(c);
    if (lang) return lang;
  }
  return 'en';
}

export function rememberLanguage(lang: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A browser that keeps nothing: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
}

/** Each registered language, named in itself, for the switch. */
export function languageChoices(): {code: string; name: string}[] {
  return registeredLanguages().map((code) => ({code, name: translator(code)('class.page.languageName')}));
}

export const TranslateContext = createContext<Translate>(translator('en'));
export const useT = (): Translate => useContext(TranslateContext);
export {translator};
