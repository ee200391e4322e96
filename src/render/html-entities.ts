// HTML character references (`&lt;`, `&#x3C;`, `&#60;`) as the text they stand for. Here in the
// render layer because both the scenario's loader (attribute values, file blocks) and the
// renderer (HTML shown in a step) need it. The `entities` package knows the whole table (a
// hand-kept list of 7 names left `&mdash; &rarr; &copy; &hellip;` raw in real scenarios).

import {decodeHTML} from 'entities/decode';

/** Every named reference of HTML (`&mdash;`, `&rarr;`, `&eacute;`, …), decimal and hex, as a browser reads them. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/**
 * For text shown on the terminal: the same, but a reference to a control character (`&#27;`,
 * an escape that could drive the terminal) is dropped; tab and newline stay.
 */
export function decodeEntitiesForDisplay(text: string): string {
  // eslint-disable-next-line no-control-regex
  return decodeEntities(text.replace(/&(#x[0-9a-f]+|#\d+);?/gi, (ref) => (/^[\t\n]$|^[^\u0000-\u001f\u007f-\u009f]/u.test(decodeEntities(ref)) ? ref : '')));
}
