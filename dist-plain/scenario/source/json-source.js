// A strict JSON (RFC 8259) reader that remembers where every key and value was written.
// JSON.parse cannot do that, and its error messages only sometimes carry a position, so
// a malformed index.json gets its exact line:col from here instead.
import { LineIndex } from './line-index.js';
import { SourceMap } from './source-map.js';
class JsonSyntaxError extends Error {
    offset;
    hint;
    constructor(message, offset, hint) {
        super(message);
        this.offset = offset;
        this.hint = hint;
    }
}
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
export function readJson(text) {
    const lines = new LineIndex(text);
    const map = new SourceMap();
    const duplicates = [];
    let i = 0;
    const fail = (message, at = i, hint) => {
        throw new JsonSyntaxError(message, at, hint);
    };
    const describe = (at) => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
    const skip = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
            i++;
    };
    const readString = () => {
        const start = i;
        i++; // opening quote
        STRING_BODY.lastIndex = i;
        STRING_BODY.exec(text);
        i = STRING_BODY.lastIndex;
        if (text[i] === '"') {
            i++;
            return JSON.parse(text.slice(start, i));
        }
        if (i >= text.length || text[i] === '\n')
            fail('unterminated string', i, 'close the string with a double quote');
        if (text[i] === '\\')
            fail(`invalid escape '\\${text[i + 1] ?? ''}' in string`, i, 'escape a backslash as \\\\');
        return fail('control character in string', i, 'write a tab as \\t and a line break as \\n');
    };
    const readValue = (path, depth, key) => {
        skip();
        if (depth > MAX_DEPTH)
            fail('nested too deeply');
        const at = i;
        map.record(path, lines.position(at), key);
        const c = text[i];
        if (c === '{')
            return readObject(path, depth);
        if (c === '[')
            return readArray(path, depth);
        if (c === '"')
            return readString();
        for (const [word, value] of [['true', true], ['false', false], ['null', null]]) {
            if (text.startsWith(word, i)) {
                i += word.length;
                return value;
            }
        }
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (m && m[0] !== '-') {
            i += m[0].length;
            return Number(m[0]);
        }
        if (c === "'")
            return fail('strings must use double quotes', at, "replace ' with \"");
        return fail(`expected a value but found ${describe(at)}`, at);
    };
    const readObject = (path, depth) => {
        const out = {};
        const seen = new Set();
        i++;
        skip();
        if (text[i] === '}') {
            i++;
            return out;
        }
        for (;;) {
            skip();
            if (text[i] !== '"') {
                const hint = text[i] === '}' ? 'remove the trailing comma' : 'put the key in double quotes';
                fail(`expected a property name in double quotes but found ${describe(i)}`, i, hint);
            }
            const keyPos = lines.position(i);
            const name = readString();
            if (seen.has(name))
                duplicates.push({ message: `duplicate key '${name}' (the last one wins)`, position: keyPos });
            seen.add(name);
            skip();
            if (text[i] !== ':')
                fail(`expected ':' after the property name but found ${describe(i)}`);
            i++;
            Object.defineProperty(out, name, { value: readValue([...path, name], depth + 1, keyPos), enumerable: true, writable: true, configurable: true });
            skip();
            if (text[i] === ',') {
                i++;
                continue;
            }
            if (text[i] === '}') {
                i++;
                return out;
            }
            fail(`expected ',' or '}' after a property value but found ${describe(i)}`, i, text[i] === '"' ? 'add the missing comma' : undefined);
        }
    };
    const readArray = (path, depth) => {
        const out = [];
        i++;
        skip();
        if (text[i] === ']') {
            i++;
            return out;
        }
        for (;;) {
            skip();
            if (text[i] === ']')
                fail('unexpected \']\' after a comma', i, 'remove the trailing comma');
            out.push(readValue([...path, out.length], depth + 1));
            skip();
            if (text[i] === ',') {
                i++;
                continue;
            }
            if (text[i] === ']') {
                i++;
                return out;
            }
            fail(`expected ',' or ']' after an array element but found ${describe(i)}`);
        }
    };
    try {
        if (text.charCodeAt(0) === 0xfeff)
            i = 1; // a BOM is common in files saved on Windows
        skip();
        if (i >= text.length)
            fail('the file is empty', i, 'write a JSON object such as {"title": "…"}');
        const value = readValue([], 0);
        skip();
        if (i < text.length)
            fail(`unexpected ${describe(i)} after the end of the JSON value`);
        return { ok: true, value, map, duplicates };
    }
    catch (err) {
        if (!(err instanceof JsonSyntaxError))
            throw err;
        return { ok: false, error: { message: err.message, hint: err.hint, position: lines.position(Math.min(err.offset, text.length)) } };
    }
}
//# sourceMappingURL=json-source.js.map