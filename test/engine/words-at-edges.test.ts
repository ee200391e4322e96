// Words live at the edges: below ui/, headless/, cli/ and class/ nothing translates and no
// user-facing sentence is built. The engine, the shell and the scenario loader hand up message
// codes (src/render/i18n.ts). The one exception: the compiler-style diagnostics of `validate`
// (file:line:col, a stable code, English like a compiler's, for scenario authors) — the
// scenario loader's, and the engine's WorkspaceError, which becomes such a diagnostic.
import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const src = resolve(import.meta.dirname, '../../src');

function sources(dir: string): {file: string; text: string}[] {
  return readdirSync(join(src, dir), {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({file: `${dir}/${f}`, text: readFileSync(join(src, dir, f), 'utf8')}));
}

const below = [...sources('engine'), ...sources('shell'), ...sources('scenario')];
const runtime = [...sources('engine'), ...sources('shell')];

describe('words at the edges', () => {
  it('nothing below the edges translates or knows the UI language', () => {
    const found = below.filter(({text}) => /\btranslator\(|\buiLang\b/.test(text)).map(({file}) => file);
    expect(found).toEqual([]);
  });

  it('the engine and the shell throw and notify with message codes, not English sentences', () => {
    // An error or a notice whose text is a literal with words in it: `new Error('the … is …')`,
    // `notice('warning', 'Something …')`.
    const sentence = /(?:new \w*Error\(|super\(|notice\('\w+', )\s*[`'"][^`'"]*[a-z]{2,} [a-z]{2,}/;
    const found = runtime.flatMap(({file, text}) =>
      text.split('\n').flatMap((line, i) => (sentence.test(line) && !/new WorkspaceError\(/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("an error's text goes into a message through errorParam, so a coded error is said, not its code", () => {
    const found = runtime.flatMap(({file, text}) =>
      text.split('\n').flatMap((line, i) => (/message\('[\w.]+', \{.*\b(?:err|error)(?: as Error\))?\.message\b/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
