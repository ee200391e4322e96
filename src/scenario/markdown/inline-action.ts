// Inline actions: `` `cmd`{{execute}} ``, `{{exec T2}}`, `{{copy}}`, `{{open}}`, `{{}}`.
// Runs before marked's codespan rule; a code span without braces falls through to it.

import type {TokenizerExtension} from 'marked';
import {parseMarker} from './action-modifiers.js';
import type {ActionToken} from './tokens.js';

// A code span (any run of backticks, CommonMark-style) immediately followed by `{{…}}`.
const INLINE = /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)(\{\{([^{}\n]*)\}\})/;

/**
 * The command text of an inline action: the code span's content as written. Unlike CommonMark,
 * line ends are kept, not turned into spaces — Katacoda sent the span's text with its newlines,
 * and authors rely on that: `export X=$(…)` newline `echo $X` is two commands, and a
 * `docker run … \` newline `-p 80:80 …` is one continued line (a space after the backslash
 * would make it an escaped space, a different command). One padding space each side is still
 * dropped, as CommonMark does.
 */
export function codeSpanText(content: string): string {
  const text = content.replace(/\r\n?/g, '\n');
  return /^ [\s\S]* $/.test(text) && text.trim() !== '' ? text.slice(1, -1) : text;
}

export const inlineActionExtension: TokenizerExtension = {
  name: 'katarunAction',
  level: 'inline',
  start(src) {
    const i = src.indexOf('`');
    return i < 0 ? undefined : i;
  },
  tokenizer(src): ActionToken | undefined {
    const m = INLINE.exec(src);
    if (!m) return undefined;
    // As in CommonMark, a span ends at the first backtick run as long as its opening one:
    // `` `bill`. Open a tab: `cd`{{execute T2}} `` is the code `bill`, then the action `cd`,
    // not one action running "bill`. Open a tab: `cd".
    if (closesEarly(m[2]!, m[1]!.length)) return undefined;
    const marker = parseMarker(m[4]!);
    if (!marker) return undefined;
    return {
      type: 'katarunAction',
      raw: m[0],
      text: codeSpanText(m[2]!),
      verb: marker.verb,
      modifiers: marker.modifiers,
      marker: m[3]!,
    };
  },
};

/** `content` holds a backtick run of exactly `n` backticks: the span would have closed there. */
function closesEarly(content: string, n: number): boolean {
  for (const run of content.matchAll(/`+/g)) if (run[0].length === n) return true;
  return false;
}
