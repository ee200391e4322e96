// The board page's first language, from the browser's Accept-Language header: the registered
// language (render/i18n.ts) with the highest weight, English when none is. The page itself may
// still change it (its switch, ?lang=), see page/lang.ts.

import {registeredLanguages} from '../render/i18n.js';

export function languageFromHeader(header: string | undefined): string {
  if (!header) return 'en';
  const langs = registeredLanguages();
  const find = (tag: string) => langs.find((l) => l.toLowerCase() === tag) ?? langs.find((l) => l.toLowerCase() === tag.split('-')[0]);
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {tag, q: q === undefined ? 1 : Number(q), i};
    })
    .filter((r) => r.tag && r.tag !== '*' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) {
    const lang = find(r.tag);
    if (lang) return lang;
  }
  return 'en';
}
