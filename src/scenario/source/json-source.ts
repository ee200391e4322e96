// A strict JSON (RFC 8259) reader that remembers where every key and value was written.
// JSON.parse cannot do that, and its error messages only sometimes carry a position, so
// a malformed index.json gets its exact line:col from here instead.
// jsonc-parser 3.3 was weighed against it (2026-12): it would save ~70 of these lines but still
// needs the hints, the duplicate-key check and the position map; it points an unterminated
// string or a bad escape at the string's start instead of the offending character, and 100,000
// nested '[' overflow its stack (a RangeError, where this reader says 'nested too deeply').

import {LineIndex, type Position} from './line-index.js';
import {SourceMap, type PositionedValue, type ValuePath} from './source-map.js';

export interface JsonProblem {
  readonly message: string;
  readonly hint?: string;
  readonly position: Position;
}

export type JsonReadResult =
  | (PositionedValue & {readonly ok: true; readonly duplicates: readonly JsonProblem[]})
  | {readonly ok: false; readonly error: JsonProblem};

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
/** Longer strings are refused: nothing a scenario's index names needs a megabyte. */
export const MAX_JSON_STRING = 1 << 20;

/**
 * Where a string's body ends (at its closing quote, a bad escape or a control character).
 * A loop, not a regular expression: a repeated alternation over 8 MiB overflowed V8's stack.
 */
function stringBodyEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c < 0x20) return i;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else if (e === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
      else return i;
    } else i++;
  }
  return i;
}

export function readJson(text: string): JsonReadResult {
  const lines = new LineIndex(text);
  const map = new SourceMap();
  const duplicates: JsonProblem[] = [];
  let i = 0;

  const fail = (message: string, at = i, hint?: string): never => {
    throw new JsonSyntaxError(message, at, hint);
  };
  const describe = (at: number): string => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
  const skip = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };

  const readString = (): string => {
    const start = i;
    i++; // opening quote
    i = stringBodyEnd(text, i);
    if (text[i] === '"') {
      if (i - start > MAX_JSON_STRING) fail(`a string of ${((i - start) / (1 << 20)).toFixed(1)} MiB`, start, 'keep strings in the index under 1 MiB: put long text in a markdown file and name the file');
      i++;
      return JSON.parse(text.slice(start, i)) as string;
    }
    if (i >= text.length || text[i] === '\n') fail('unterminated string', i, 'close the string with a double quote');
    if (text[i] === '\\') fail(`invalid escape '\\${text[i + 1] ?? ''}' in string`, i, 'escape a backslash as \\\\');
    return fail('control character in string', i, 'write a tab as \\t and a line break as \\n');
  };

  const readValue = (path: ValuePath, depth: number, key?: Position): unknown => {
    skip();
    if (depth > MAX_DEPTH) fail('nested too deeply');
    const at = i;
    map.record(path, lines.position(at), key);
    const c = text[i];
    if (c === '{') return readObject(path, depth);
    if (c === '[') return readArray(path, depth);
    if (c === '"') return readString();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
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
    if (c === "'") return fail('strings must use double quotes', at, "replace ' with \"");
    return fail(`expected a value but found ${describe(at)}`, at);
  };

  const readObject = (path: ValuePath, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
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
      if (seen.has(name)) duplicates.push({message: `duplicate key '${name}' (the last one wins)`, position: keyPos});
      seen.add(name);
      skip();
      if (text[i] !== ':') fail(`expected ':' after the property name but found ${describe(i)}`);
      i++;
      Object.defineProperty(out, name, {value: readValue([...path, name], depth + 1, keyPos), enumerable: true, writable: true, configurable: true});
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

  const readArray = (path: ValuePath, depth: number): unknown[] => {
    const out: unknown[] = [];
    i++;
    skip();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      skip();
      if (text[i] === ']') fail('unexpected \']\' after a comma', i, 'remove the trailing comma');
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
    if (text.charCodeAt(0) === 0xfeff) i = 1; // a BOM is common in files saved on Windows
    skip();
    if (i >= text.length) fail('the file is empty', i, 'write a JSON object such as {"title": "…"}');
    const value = readValue([], 0);
    skip();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return {ok: true, value, map, duplicates};
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return {ok: false, error: {message: err.message, hint: err.hint, position: lines.position(Math.min(err.offset, text.length))}};
  }
}
