// What every part of one load shares: the index reader, file access, the diagnostics, and
// the helpers that turn an index string into a checked file reference or Script.
import { displayPath } from '../diagnostics.js';
import { describePath } from '../index/index-reader.js';
/**
 * The file named by the string at `path` (relative to the scenario folder), or undefined.
 * A name that does not exist is an error naming both the file and the key.
 */
export function fileRef(ctx, path, dirs = ctx.dirs) {
    const name = ctx.reader.string(path, 'error');
    if (name === undefined)
        return undefined;
    if (name.trim() === '') {
        ctx.sink.error('index/empty-path', ctx.reader.file, ctx.reader.at(path), `${describePath(path)} is empty`, 'name a file relative to the scenario folder, or remove the key');
        return undefined;
    }
    const found = ctx.store.resolve(name.trim(), dirs);
    if (!found) {
        const where = dirs.map((d) => displayPath(d, process.cwd())).join(' or ');
        ctx.sink.error('index/missing-file', ctx.reader.file, ctx.reader.at(path), `file '${name}' named by ${describePath(path)} does not exist`, `create it in ${where}, or fix the path`);
        return undefined;
    }
    ctx.store.reference(found);
    return found;
}
export const scriptLanguage = (file) => (/\.(mjs|js)$/i.test(file) ? 'zx' : 'bash');
export function scriptRef(ctx, path, role, dirs) {
    const file = fileRef(ctx, path, dirs);
    if (!file)
        return undefined;
    const pos = ctx.reader.at(path);
    return { role, path: file, language: scriptLanguage(file), source: { file: ctx.reader.file, line: pos.line, column: pos.column } };
}
/** Katacoda's older name and the newer one for the same script: the newer wins, both is a warning. */
export function pickAlias(ctx, base, newer, older) {
    const hasNew = ctx.reader.has([...base, newer]);
    const hasOld = ctx.reader.has([...base, older]);
    if (hasNew && hasOld) {
        ctx.sink.warn('index/duplicate-script', ctx.reader.file, ctx.reader.keyAt([...base, older]), `${describePath([...base, older])} and ${newer} name the same kind of script; katarun runs ${newer}`, `remove ${older}`);
    }
    return hasNew ? [...base, newer] : hasOld ? [...base, older] : undefined;
}
//# sourceMappingURL=context.js.map