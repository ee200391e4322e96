// HTML character references (`&lt;`, `&#x3C;`, `&#60;`) as the text they stand for. Here in the
// render layer because both the scenario's loader (attribute values, file blocks) and the
// renderer (HTML shown in a step) need it.

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

/**
 * For text shown on the terminal: the same, but a reference to a control character (`&#27;`,
 * an escape that could drive the terminal) is dropped; tab and newline stay.
 */
export function decodeEntitiesForDisplay(text: string): string {
  // eslint-disable-next-line no-control-regex
  return decodeEntities(text.replace(/&(#x[0-9a-f]+|#\d+);/gi, (ref) => (/^[\t\n]$|^[^\u0000-\u001f\u007f-\u009f]/u.test(decodeEntities(ref)) ? ref : '')));
}
