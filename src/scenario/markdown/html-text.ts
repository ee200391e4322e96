// The little HTML that scenario markdown embeds: attributes of a tag, entities, tag names.

const NAMED: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'"};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Attributes of an opening tag's inside (`class="file" data-target=replace`), names lower-cased. */
export function parseAttributes(inside: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(inside); m; m = re.exec(inside)) {
    Object.defineProperty(out, m[1]!.toLowerCase(), {value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''), enumerable: true, writable: true, configurable: true});
  }
  return out;
}

/** Lower-cased names of the opening tags in a piece of HTML. */
export function tagNames(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

export const stripTags = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
