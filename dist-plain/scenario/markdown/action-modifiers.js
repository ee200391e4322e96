// The words inside `{{…}}`: a verb (`execute`/`exec`/`copy`/`open`, or nothing) and its
// modifiers (`T2`, `HOST2`, `interrupt`, `ctrl-seq`, `no-newline`), quoted or not.
const VERBS = { execute: 'exec', exec: 'exec', copy: 'copy', open: 'open' };
/** Split the inside of `{{…}}`. Returns undefined when it is not an action marker at all (a placeholder). */
export function parseMarker(inner) {
    const words = inner.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
    if (words.length === 0)
        return { verb: 'none', word: '', modifiers: [] };
    const word = words[0];
    const verb = VERBS[word.toLowerCase()];
    if (!verb) {
        // `{{execute}}` spelt in a way we don't know is still an action marker when it looks like one.
        return /^[a-z][a-z-]*$/.test(word) ? { verb: 'unknown', word, modifiers: unquote(words.slice(1)) } : undefined;
    }
    return { verb, word, modifiers: unquote(words.slice(1)) };
}
const unquote = (words) => words.map((w) => w.replace(/^["']|["']$/g, '')).filter(Boolean);
export function readExecModifiers(modifiers) {
    let terminal;
    let host;
    let interrupt = false;
    let ctrlSeq = false;
    let noNewline = false;
    const unknown = [];
    for (const m of modifiers) {
        const t = /^T(\d+)$/i.exec(m);
        const h = /^HOST(\d+)$/i.exec(m);
        if (t && Number(t[1]) >= 1)
            terminal = Number(t[1]);
        else if (h && Number(h[1]) >= 1)
            host = m.toUpperCase();
        else if (/^interrupt$/i.test(m))
            interrupt = true;
        else if (/^ctrl-?seq$/i.test(m))
            ctrlSeq = true;
        else if (/^no-?newline$/i.test(m))
            noNewline = true;
        else
            unknown.push(m);
    }
    return { terminal, host, interrupt, ctrlSeq, noNewline, unknown };
}
//# sourceMappingURL=action-modifiers.js.map