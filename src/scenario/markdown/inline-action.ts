// Inline actions: `` `cmd`{{execute}} ``, `{{exec T2}}`, `{{copy}}`, `{{open}}`, `{{}}`.
// Runs before marked's codespan rule; a code span without braces falls through to it.

import type {TokenizerExtension} from 'marked';
import {parseMarker} from './action-modifiers.js';
import type {ActionToken} from './tokens.js';

// A code span (any run of backticks, CommonMark-style) immediately followed by `{{…}}`.
const INLINE = /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)(\{\{([^{}\n]*)\}\})/;

/**
 * CommonMark's code span content rule: line ends become spaces, one padding space each side is
 * dropped. Except a line end after a backslash: that is a shell line continuation (Katacoda
 * authors wrap long `docker run … \` commands inside one code span), and a space there would
 * turn it into an escaped space, a different command; it is kept as it was written.
 */
export function codeSpanText(content: string): string {
  const oneLine = content.replace(/(\\)?\r?\n/g, (_, slash: string | undefined) => (slash ? '\\\n' : ' '));
  return /^ [\s\S]* $/.test(oneLine) && oneLine.trim() !== '' ? oneLine.slice(1, -1) : oneLine;
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
