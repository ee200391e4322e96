// Reads the learner's environment snapshot (`export -p` output written by the shell after
// every command) into plain variables, so that a check — bash or zx — runs in a fresh
// process with exactly the learner's exports. Parsing it here (instead of sourcing it in a
// wrapper) gives both script languages the same view and costs no extra process.
import { readFile } from 'node:fs/promises';
/** Variables of the shell's own machinery that a check must not inherit. */
const PRIVATE = /^(__KC|__KATARUN|BASH_FUNC_|PROMPT_COMMAND$|PS1$|PS2$|SHLVL$|_$|OLDPWD$)/;
/**
 * Parse `declare -x NAME="v"` / `declare -x NAME=$'v'` / `declare -x NAME` lines (bash 5) and
 * `export NAME='v'` lines (bash in POSIX mode). Values may span lines inside quotes.
 */
export function parseExportP(text) {
    const vars = {};
    const head = /(?:^|\n)(?:declare -[-a-zA-Z]*x[a-zA-Z]* |export )([A-Za-z_][A-Za-z0-9_]*)(=?)/g;
    let m;
    while ((m = head.exec(text))) {
        const name = m[1];
        if (!m[2])
            continue; // exported but without a value
        const [value, end] = readValue(text, head.lastIndex);
        head.lastIndex = end;
        if (!PRIVATE.test(name))
            vars[name] = value;
    }
    return vars;
}
function readValue(text, at) {
    if (text.startsWith("$'", at))
        return readAnsiC(text, at + 2);
    if (text[at] === '"')
        return readDouble(text, at + 1);
    if (text[at] === "'") {
        const close = text.indexOf("'", at + 1);
        const end = close < 0 ? text.length : close;
        return [text.slice(at + 1, end), end + 1];
    }
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    return [text.slice(at, end), end];
}
function readDouble(text, i) {
    let out = '';
    for (; i < text.length; i++) {
        const c = text[i];
        if (c === '"')
            return [out, i + 1];
        if (c === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1])) {
            if (text[i + 1] !== '\n')
                out += text[i + 1];
            i++;
            continue;
        }
        out += c;
    }
    return [out, i];
}
const SIMPLE = { a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63 };
/** `$'…'`: bytes (octal and hex escapes are bytes, so UTF-8 is reassembled at the end). */
function readAnsiC(text, i) {
    const bytes = [];
    const pushText = (s) => bytes.push(...Buffer.from(s, 'utf8'));
    for (; i < text.length; i++) {
        const c = text[i];
        if (c === "'")
            return [Buffer.from(bytes).toString('utf8'), i + 1];
        if (c !== '\\') {
            pushText(c);
            continue;
        }
        const n = text[i + 1] ?? '';
        let m;
        if (n in SIMPLE) {
            bytes.push(SIMPLE[n]);
            i++;
        }
        else if ((m = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4)))) {
            bytes.push(parseInt(m[0], 8) & 0xff);
            i += m[0].length;
        }
        else if (n === 'x' && (m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4)))) {
            bytes.push(parseInt(m[0], 16));
            i += 1 + m[0].length;
        }
        else if ((n === 'u' || n === 'U') && (m = /^[0-9a-fA-F]{1,8}/.exec(text.slice(i + 2, i + (n === 'u' ? 6 : 10))))) {
            pushText(String.fromCodePoint(parseInt(m[0], 16)));
            i += 1 + m[0].length;
        }
        else if (n === 'c' && i + 2 < text.length) {
            bytes.push(text.charCodeAt(i + 2) & 0x1f);
            i += 2;
        }
        else {
            pushText(c);
        }
    }
    return [Buffer.from(bytes).toString('utf8'), i];
}
/** The snapshot files of a terminal; missing or unreadable files give an empty snapshot. */
export async function readSnapshot(envFile, cwdFile) {
    const [envText, cwd] = await Promise.all([readFile(envFile, 'utf8').catch(() => ''), readFile(cwdFile, 'utf8').catch(() => '')]);
    const trimmed = cwd.replace(/\n$/, '');
    return { env: parseExportP(envText), ...(trimmed ? { cwd: trimmed } : {}) };
}
//# sourceMappingURL=env-snapshot.js.map