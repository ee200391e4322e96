// The asset globs Killercoda accepts (`*`, `**`, `**/*.json`, `app1/**/*.*`, `app*/*.*`,
// plain names), matched against paths relative to the assets folder. Node 20 has no fs.glob.
// `*` and `?` stay inside one path segment; `**` spans any number of them (or none).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
function segmentRegExp(segment) {
    let re = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const close = segment.indexOf(']', i + 2);
            if (close < 0)
                re += '\\[';
            else {
                const body = segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
                re += `[${body}]`;
                i = close;
            }
        }
        else
            re += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
/** A matcher for one glob. Paths use `/` and are relative (no leading `./`). */
export function globMatcher(pattern) {
    const segments = pattern.replace(/^\.\//, '').split('/').filter((s) => s !== '' && s !== '.');
    const parts = segments.map((s) => (s === '**' ? '**' : segmentRegExp(s)));
    const match = (names, ni, pi) => {
        if (pi === parts.length)
            return ni === names.length;
        const part = parts[pi];
        if (part === '**') {
            for (let k = ni; k <= names.length; k++)
                if (match(names, k, pi + 1))
                    return true;
            return false;
        }
        return ni < names.length && part.test(names[ni]) && match(names, ni + 1, pi + 1);
    };
    return (path) => match(path.split('/'), 0, 0);
}
export const isGlob = (pattern) => /[*?[]/.test(pattern);
/** Every file under `dir` (relative paths with `/`, sorted), skipping dot-git folders. Empty when `dir` is missing. */
export function listFiles(dir, limit = 20_000) {
    const out = [];
    const walk = (rel, depth) => {
        if (depth > 32 || out.length >= limit)
            return;
        let entries;
        try {
            entries = readdirSync(join(dir, rel), { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const e of entries) {
            const path = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (e.name !== '.git' && e.name !== 'node_modules')
                    walk(path, depth + 1);
            }
            else if (e.isFile() || e.isSymbolicLink())
                out.push(path);
        }
    };
    walk('', 0);
    return out.sort();
}
/**
 * Files an asset pattern selects. A plain name that is a folder selects everything in it
 * (Katacoda copied folders whole).
 */
export function matchAssets(pattern, files) {
    const clean = pattern.trim().replace(/^\.\//, '').replace(/\/+$/, '');
    if (!isGlob(clean))
        return files.filter((f) => f === clean || f.startsWith(`${clean}/`));
    const matches = globMatcher(clean);
    return files.filter(matches);
}
//# sourceMappingURL=glob.js.map