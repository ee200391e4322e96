import {describe, expect, it} from 'vitest';
import {readJson} from '../../../src/scenario/source/json-source.js';

describe('readJson', () => {
  it('parses like JSON.parse and records key and value positions', () => {
    const text = '{\n  "title": "x",\n  "details": {\n    "steps": [\n      {"text": "a.md"}\n    ]\n  }\n}\n';
    const r = readJson(text);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value).toEqual(JSON.parse(text));
    expect(r.map.key(['title'])).toEqual({line: 2, column: 3});
    expect(r.map.value(['title'])).toEqual({line: 2, column: 12});
    expect(r.map.value(['details', 'steps', 0, 'text'])).toEqual({line: 5, column: 16});
    // A missing key falls back to the nearest ancestor that exists.
    expect(r.map.value(['details', 'steps', 0, 'verify'])).toEqual({line: 5, column: 7});
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['{"a": 1,}', 1, 9, 'expected a property name'],
    ['[1, 2,]', 1, 7, "unexpected ']'"],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": "x\ny"}', 1, 9, 'unterminated string'],
    ["{'a': 1}", 1, 2, 'expected a property name'],
    ['', 1, 1, 'empty'],
    ['{"a": 1} x', 1, 10, 'after the end'],
    ['{"a": [1, 2', 1, 12, "expected ',' or ']'"],
  ])('reports %j at %i:%i', (text, line, column, message) => {
    const r = readJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.position).toEqual({line, column});
    expect(r.error.message).toContain(message);
  });

  it('accepts a BOM, reports duplicate keys and is safe with __proto__', () => {
    const r = readJson('\uFEFF{"a": 1, "a": 2, "__proto__": {"x": 1}}');
    if (!r.ok) throw new Error('expected ok');
    expect(r.duplicates.map((d) => d.position)).toEqual([{line: 1, column: 11}]);
    expect((r.value as Record<string, unknown>).a).toBe(2);
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value as object)).toEqual(['a', '__proto__']);
  });

  it('gives up on absurd nesting with a diagnostic instead of a stack overflow', () => {
    const r = readJson('['.repeat(100_000));
    expect(r.ok).toBe(false);
  });
});

describe('readJson on oversized strings', () => {
  it('refuses a string over 1 MiB with its position (a 9 MiB one overflowed the stack: exit 70 for every scenario beside it)', () => {
    const text = `{\n  "title": "big",\n  "description": "${'x'.repeat(9 << 20)}"\n}`;
    const r = readJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('a string of 9.0 MiB');
    expect(r.error.position).toMatchObject({line: 3, column: 18});
    expect(r.error.hint).toContain('under 1 MiB');
  });

  it('still reads long strings under the limit, escapes included', () => {
    const body = 'ab\\"c\\u00e9\\n'.repeat(50_000);
    const r = readJson(`{"d": "${body}"}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.value as {d: string}).d).toBe('ab"c\u00e9\n'.repeat(50_000));
  });
});
