// The bundle's loader: the V8 code cache is written, then used; a cache from elsewhere is
// refused and replaced; no bundle means the plain modules; the bundle throws main.js's own
// UserError. A small stand-in bundle keeps these fast; the real one is checked at the end.
// Every start whose cache matters runs in its own process: within one process V8 keeps what it
// compiled and would answer from memory, whatever the cache file holds.
import {isAscii} from 'node:buffer';
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {transformSync} from 'esbuild';
import {afterEach, describe, expect, test} from 'vitest';
import {loadBundle} from '../../src/cli/bundle-loader.js';
import {UserError} from '../../src/cli/exit-codes.js';
import {repoRoot} from '../e2e/harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'katarun-bundle-'));
  dirs.push(d);
  return d;
}

/** A bundle in the shape scripts/bundle.mjs writes: katarun.cjs exporting run/open, a second file
 * it requires only when asked (as it does highlight.cjs), and bundle.json naming both by hash. */
function fakeBundle(body: string): string {
  const dir = tempDir();
  const files: Record<string, string> = {
    'katarun.cjs': `"use strict";\nconst {UserError, ExitCode} = require('#katarun/exit-codes');\n${body}\n`,
    'extra.cjs': `"use strict";\nexports.triple = (n) => n * 3;\n`,
  };
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  const hashes = Object.fromEntries(Object.entries(files).map(([name, source]) => [name, createHash('sha256').update(source).digest('hex')]));
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify({files: hashes}));
  return dir;
}

const commands = `
function work(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }
exports.run = async (argv) => (argv[0] === 'extra' ? require('./extra.cjs').triple(5) : work(argv.length + 3));
exports.open = async () => { throw new UserError({code: 'cli.oneScenario'}, ExitCode.invalid); };
`;

/** Load the bundle in a fresh Node (the built loader, as main.js does), run its `run` command,
 * and say what became of the cache. The cache is written at that process's exit at the latest. */
function startInChild(bundle: string, cacheDir: string, argv: string[] = [], useCache = true): {cache: string; result: unknown; caches: Record<string, string>} {
  const loader = join(repoRoot, 'dist', 'cli', 'bundle-loader.js');
  const code = `const {loadBundle} = await import(${JSON.stringify(loader)});
const loaded = loadBundle(${JSON.stringify(bundle)}, {cacheDir: ${JSON.stringify(cacheDir)}, useCache: ${useCache}});
const result = await loaded.commands.run(${JSON.stringify(argv)});
const caches = Object.fromEntries(loaded.caches);
process.stdout.write(JSON.stringify({cache: caches['katarun.cjs'], result, caches}));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {encoding: 'utf8'});
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as {cache: string; result: unknown; caches: Record<string, string>};
}

const cacheFiles = (cacheDir: string, prefix = "katarun-") =>
  existsSync(join(cacheDir, 'v8')) ? readdirSync(join(cacheDir, 'v8')).filter((f) => f.startsWith(prefix) && f.endsWith('.bin')) : [];

describe('the bundle loader', () => {
  test('writes a code cache on the first start and uses it on the next', () => {
    const bundle = fakeBundle(commands);
    const cacheDir = tempDir();
    expect(startInChild(bundle, cacheDir, ['a', 'b'])).toMatchObject({cache: 'absent', result: 10});
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    expect(cacheFiles(cacheDir)[0]).toMatch(new RegExp(`^katarun-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.bin$`));
    expect(startInChild(bundle, cacheDir)).toMatchObject({cache: 'used', result: 3});
  });

  test("the bundle's other files, required when needed, load through the cache too", () => {
    const bundle = fakeBundle(commands);
    const cacheDir = tempDir();
    expect(startInChild(bundle, cacheDir, ['extra']).caches).toEqual({'katarun.cjs': 'absent', 'extra.cjs': 'absent'});
    expect(cacheFiles(cacheDir, 'extra-')).toHaveLength(1);
    expect(startInChild(bundle, cacheDir, ['extra'])).toEqual({cache: 'used', result: 15, caches: {'katarun.cjs': 'used', 'extra.cjs': 'used'}});
    // Not asked for, not loaded.
    expect(startInChild(bundle, cacheDir).caches).toEqual({'katarun.cjs': 'used'});
  });

  test('the cache the build leaves beside the bundle is used when this machine has none', () => {
    const bundle = fakeBundle(commands);
    const machine = tempDir();
    startInChild(bundle, machine);
    const [name] = cacheFiles(machine);
    copyFileSync(join(machine, 'v8', name!), join(bundle, name!));
    expect(startInChild(bundle, tempDir()).cache).toBe('built');
  });

  test('a cache V8 refuses is replaced, and a changed bundle gets its own cache', () => {
    const bundle = fakeBundle(commands);
    const cacheDir = tempDir();
    startInChild(bundle, cacheDir);
    const [name] = cacheFiles(cacheDir);
    const cacheFile = join(cacheDir, 'v8', name!);
    const good = readFileSync(cacheFile);
    writeFileSync(cacheFile, Buffer.from('not a V8 code cache at all'));
    expect(startInChild(bundle, cacheDir)).toMatchObject({cache: 'rejected', result: 3});
    expect(readFileSync(cacheFile).length).toBe(good.length);
    expect(startInChild(bundle, cacheDir).cache).toBe('used');

    // Same length, other code: V8 alone would take the old cache (it checks only the length).
    const changed = fakeBundle(commands.replace('argv.length + 3', 'argv.length + 4'));
    expect(startInChild(changed, cacheDir)).toMatchObject({cache: 'absent', result: 6});
    // The new bundle's cache replaces the old one's: they do not pile up.
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    expect(cacheFiles(cacheDir)[0]).not.toBe(name);
  });

  // In a child that exits: a cache write still pending is made at exit, so what the folder holds
  // afterwards is the whole answer (a fixed 50 ms wait could end before a write was due).
  test('KATARUN_CODE_CACHE=0 (useCache false) neither reads nor writes a cache', () => {
    const bundle = fakeBundle(commands);
    const cacheDir = tempDir();
    expect(startInChild(bundle, cacheDir, [], false)).toMatchObject({cache: 'off', result: 3});
    expect(cacheFiles(cacheDir)).toEqual([]);
  });

  test('an unwritable cache folder costs only speed', () => {
    const bundle = fakeBundle(commands);
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, 'a file where the cache folder would go');
    // The child's exit, where the cache write is tried, would throw (startInChild fails) if it did not keep quiet.
    expect(startInChild(bundle, blocker)).toMatchObject({cache: 'absent', result: 3});
    expect(readFileSync(blocker, 'utf8')).toBe('a file where the cache folder would go');
  });

  test("the bundle throws main.js's own UserError, so a user's mistake is not reported as a bug", async () => {
    const loaded = loadBundle(fakeBundle(commands), {cacheDir: tempDir(), useCache: false})!;
    await expect(loaded.commands.open([])).rejects.toBeInstanceOf(UserError);
  });

  test('a bundle with non-ASCII text still loads (UTF-8), and the built one is all ASCII (read as Latin-1)', async () => {
    const loaded = loadBundle(fakeBundle(`${commands}\nexports.word = () => /^(час|–)$/u.test('час') && 'привет';`), {cacheDir: tempDir(), useCache: false})!;
    expect(await loaded.commands.word!([])).toBe('привет');
    for (const file of ['katarun.cjs', 'highlight.cjs']) expect(isAscii(readFileSync(join(repoRoot, 'dist', 'bundle', file)))).toBe(true);
  });

  test('no bundle: undefined, and main.js runs the plain modules', () => {
    expect(loadBundle(tempDir(), {cacheDir: tempDir()})).toBeUndefined();
  });

  test('the built bundle exports every command and holds no dynamic import (a code-cached script cannot import)', () => {
    const dir = join(repoRoot, 'dist', 'bundle');
    for (const file of ['katarun.cjs', 'highlight.cjs']) {
      // Comments (JSDoc types say `import("…")`) removed first.
      const code = transformSync(readFileSync(join(dir, file), 'utf8'), {minifyWhitespace: true}).code;
      expect(code).not.toMatch(/(?<![\w$.])import\s*\(/);
    }
    const loaded = loadBundle(dir, {cacheDir: tempDir(), useCache: false})!;
    expect(Object.keys(loaded.commands).sort()).toEqual(['doctor', 'down', 'list', 'open', 'run', 'test', 'validate']);
  });
});
