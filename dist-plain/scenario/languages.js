// Katacoda translations: `<root>/_<lang>/<id>/` mirrors `<root>/<id>/`. A mirror may hold
// only index.json and the markdown; whatever it lacks is taken from the base folder.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
export const BASE_LANGUAGE = 'en';
const MIRROR = /^_([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)$/i;
export const INDEX_NAMES = ['index.json', 'index.yaml', 'index.yml'];
export const hasIndex = (dir) => INDEX_NAMES.some((n) => existsSync(join(dir, n)));
const isDir = (p) => {
    try {
        return statSync(p).isDirectory();
    }
    catch {
        return false;
    }
};
/** Languages of the mirrors of scenario `id` under `root`. */
function mirrorLanguages(root, id) {
    const out = new Map();
    let entries = [];
    try {
        entries = readdirSync(root);
    }
    catch {
        return out;
    }
    for (const name of entries) {
        const m = MIRROR.exec(name);
        if (m && hasIndex(join(root, name, id)))
            out.set(m[1].toLowerCase().replace('_', '-'), join(root, name, id));
    }
    return out;
}
/** Pick the copy to load. `dir` may be a base folder or a mirror (`…/_ru/basics`). */
export function locateScenario(dir, lang) {
    let baseDir = resolve(dir);
    let given;
    const parentName = basename(dirname(baseDir));
    const mirror = MIRROR.exec(parentName);
    if (mirror) {
        const candidate = join(dirname(dirname(baseDir)), basename(baseDir));
        if (isDir(candidate)) {
            given = mirror[1].toLowerCase().replace('_', '-');
            baseDir = candidate;
        }
    }
    const id = basename(baseDir);
    const mirrors = mirrorLanguages(dirname(baseDir), id);
    const languages = [BASE_LANGUAGE, ...[...mirrors.keys()].filter((l) => l !== BASE_LANGUAGE).sort()];
    const wanted = (lang ?? given)?.toLowerCase().replace('_', '-');
    if (!wanted || wanted === BASE_LANGUAGE)
        return { id, baseDir, dir: baseDir, lang: BASE_LANGUAGE, languages };
    const exact = mirrors.get(wanted);
    const primary = [...mirrors.keys()].find((l) => l.split('-')[0] === wanted.split('-')[0]);
    if (exact)
        return { id, baseDir, dir: exact, lang: wanted, languages };
    if (primary)
        return { id, baseDir, dir: mirrors.get(primary), lang: primary, languages };
    return { id, baseDir, dir: baseDir, lang: BASE_LANGUAGE, languages, missingLang: wanted };
}
//# sourceMappingURL=languages.js.map