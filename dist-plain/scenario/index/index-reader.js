// Typed, forgiving access to a parsed index.json/index.yaml: every read that finds the wrong
// type says so at the value's line:col and carries on with a sensible default.
export const describePath = (path) => path.reduce((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || 'the top level';
const typeName = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
export const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
export class IndexReader {
    root;
    map;
    file;
    sink;
    constructor(root, map, file, sink) {
        this.root = root;
        this.map = map;
        this.file = file;
        this.sink = sink;
    }
    get(path) {
        let v = this.root;
        for (const p of path) {
            if (typeof p === 'number' ? !Array.isArray(v) : !isRecord(v) || !Object.hasOwn(v, p))
                return undefined;
            v = v[p];
        }
        return v;
    }
    has(path) {
        return this.get(path) !== undefined;
    }
    at(path) {
        return this.map.value(path);
    }
    keyAt(path) {
        return this.map.key(path);
    }
    wrongType(path, want, value, severity = 'warning') {
        const message = `${describePath(path)} should be ${want} but is ${typeName(value)}${severity === 'warning' ? '; it is ignored' : ''}`;
        if (severity === 'error')
            this.sink.error('index/type', this.file, this.at(path), message);
        else
            this.sink.warn('index/type', this.file, this.at(path), message);
    }
    /** A string (numbers are accepted and turned into text: `"time": 10`). */
    string(path, severity = 'warning') {
        const v = this.get(path);
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string')
            return v;
        if (typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        this.wrongType(path, 'a string', v, severity);
        return undefined;
    }
    number(path) {
        const v = this.get(path);
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'number' && Number.isFinite(v))
            return v;
        if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v))
            return Number(v);
        this.wrongType(path, 'a number', v);
        return undefined;
    }
    boolean(path) {
        const v = this.get(path);
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'boolean')
            return v;
        if (v === 'true' || v === 'false')
            return v === 'true';
        this.wrongType(path, 'true or false', v);
        return undefined;
    }
    object(path) {
        const v = this.get(path);
        if (v === undefined || v === null)
            return undefined;
        if (isRecord(v))
            return v;
        this.wrongType(path, 'an object', v);
        return undefined;
    }
    array(path) {
        const v = this.get(path);
        if (v === undefined || v === null)
            return undefined;
        if (Array.isArray(v))
            return v;
        this.wrongType(path, 'an array', v);
        return undefined;
    }
    /**
     * Report keys of the object at `path` that katarun does not know (kept, never fatal), and
     * known keys it does not support (with what happens instead).
     */
    checkKeys(path, known, unsupported = {}) {
        const obj = this.get(path);
        if (!isRecord(obj))
            return;
        for (const key of Object.keys(obj)) {
            const where = this.keyAt([...path, key]);
            const what = describePath([...path, key]);
            if (Object.hasOwn(unsupported, key)) {
                // `"files": []`, `"uisettings": ""`: asks for nothing, so nothing is missing.
                if (isEmptyValue(obj[key]))
                    continue;
                this.sink.warn('index/unsupported', this.file, where, `${what} is not supported by katarun: ${unsupported[key]}`);
            }
            else if (!known.has(key)) {
                const near = [...known].find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= Math.min(2, k.length >> 1));
                this.sink.warn('index/unknown-key', this.file, where, `unknown key ${what} is kept but has no effect`, near ? `did you mean '${near}'?` : 'check the spelling');
            }
        }
    }
}
/** Levenshtein distance, for "did you mean" on misspelt keys. */
export function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 3)
        return 99;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        prev = row;
    }
    return prev[b.length];
}
function isEmptyValue(v) {
    return v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);
}
//# sourceMappingURL=index-reader.js.map