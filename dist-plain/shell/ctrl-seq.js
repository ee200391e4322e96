// Katacoda's `ctrl-seq` actions name keys as text (`^C`, `^D`, `^Z`, `^ESC`, `^[`); this
// maps such text to the bytes a terminal sends for it.
const NAMED = {
    ESC: '\x1b',
    ESCAPE: '\x1b',
    TAB: '\t',
    ENTER: '\r',
    RETURN: '\r',
    SPACE: ' ',
    BACKSPACE: '\x7f',
    DEL: '\x7f',
    UP: '\x1b[A',
    DOWN: '\x1b[B',
    RIGHT: '\x1b[C',
    LEFT: '\x1b[D',
};
/** Control byte for `^X`: @ A–Z [ \ ] ^ _ and ? (DEL). */
function caret(ch) {
    if (ch === '?')
        return '\x7f';
    const code = ch.toUpperCase().charCodeAt(0);
    if (code >= 0x40 && code <= 0x5f)
        return String.fromCharCode(code - 0x40);
    return undefined;
}
/**
 * Bytes for a ctrl-seq text, or undefined when it names no key. Accepts one or more keys
 * separated by spaces (`^X ^S`), `^C`/`^c`, `^ESC`, `ctrl+c`, `C-c`, and literal control bytes.
 */
export function ctrlSequenceBytes(text) {
    const trimmed = text.trim();
    if (!trimmed)
        return undefined;
    if ([...trimmed].every((c) => c.charCodeAt(0) < 0x20 || c === '\x7f'))
        return trimmed;
    let out = '';
    for (const token of trimmed.split(/\s+/)) {
        const bytes = one(token);
        if (bytes === undefined)
            return undefined;
        out += bytes;
    }
    return out;
}
function one(token) {
    const named = NAMED[token.toUpperCase()];
    if (named)
        return named;
    const m = /^(?:\^|ctrl[-+]|c-)(.+)$/i.exec(token);
    if (!m)
        return undefined;
    const rest = m[1];
    if (rest.length === 1)
        return caret(rest);
    const key = NAMED[rest.toUpperCase()];
    // ^ESC is ESC itself (Katacoda's spelling); other ctrl+named keys have no byte of their own.
    return key === '\x1b' ? key : undefined;
}
//# sourceMappingURL=ctrl-seq.js.map