// Bundles the terminal UI's code path (`katarun run`, `katarun [<scenario>]`) out of tsc's
// dist/ into dist/bundle/, so the first frame does not wait for Node to resolve, read and
// link ~900 module files (Ink alone pulls in hundreds of es-toolkit files). dist/cli/main.js
// stays tsc's output, so `katarun --version` loads nothing more than before; main.js loads
// the bundle only for the TUI and falls back to the plain modules when it is missing.
//
// Run after `tsc` (npm run build does). Usage: node scripts/bundle.mjs

import {readFile, rm} from 'node:fs/promises';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');

/**
 * A bundled module still asks `import.meta.url` where it lives: katarun finds package.json and
 * the bundled scenarios relative to its own files, zx's CLI is resolved from it, and Ink reads
 * its package.json in development. Rewrite every use to the URL the original file had,
 * expressed relative to the bundle, so the answers do not change when the code moves.
 */
function withOriginalUrl(source, path) {
  const rel = relative(outdir, path).split(sep).join('/');
  const url = `new URL(${JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`)}, import.meta.url).href`;
  return source.replaceAll('import.meta.url', url);
}
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({filter: /\.[cm]?js$/}, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return source.includes('import.meta.url') ? {contents: withOriginalUrl(source, args.path), loader: 'js'} : undefined;
    });
  },
};

// Chunk names carry content hashes: clear the old ones rather than let them pile up.
await rm(outdir, {recursive: true, force: true});

/**
 * highlight.js (via marked-terminal → cli-highlight) registers ~190 languages when it loads:
 * about a quarter of the TUI's start-up, for code blocks the intro never shows. In the bundle,
 * marked-terminal gets a stand-in that loads the real cli-highlight in its own chunk when
 * asked (src/render/markdown.ts asks right after the first frame, through the global key
 * below). Until then it throws, and marked-terminal falls back to its plain code style.
 */
const LAZY_HIGHLIGHT = `
let real;
let loading;
// cli-highlight is CommonJS: its exports arrive as the default export.
const load = () => (loading ??= import('cli-highlight').then((m) => { real = m.default ?? m; }));
globalThis[Symbol.for('katarun.highlighter')] = {load, ready: () => real !== undefined};
export function highlight(code, options) {
  if (real === undefined) throw new Error('highlighter not loaded yet');
  return real.highlight(code, options);
}
`;
const lazyHighlight = {
  name: 'lazy-highlight',
  setup(build) {
    // The stand-in's own import('cli-highlight') resolves normally, to the real package.
    build.onResolve({filter: /^cli-highlight$/}, (args) => (args.namespace === 'katarun' ? undefined : {path: 'lazy-highlight', namespace: 'katarun'}));
    build.onLoad({filter: /.*/, namespace: 'katarun'}, () => ({contents: LAZY_HIGHLIGHT, resolveDir: root, loader: 'js'}));
  },
};

/**
 * yoga-layout's Emscripten loader fetches its inlined wasm (a data: URL) with fetch() whenever
 * fetch exists, and the first touch of the global fetch makes Node load undici: ~50 ms before
 * the first frame. Without fetch it decodes the same base64 itself, synchronously.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({filter: /yoga-layout[\\/].*yoga-wasm-base64-esm\.js$/}, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replaceAll('typeof fetch', '"undefined"');
      if (patched === source) throw new Error(`${args.path}: no 'typeof fetch' to patch; has yoga-layout changed?`);
      return {contents: withOriginalUrl(patched, args.path), loader: 'js'};
    });
  },
};

/**
 * marked-terminal imports node-emoji (a 300 KiB table) to turn `:smile:` into emoji, which
 * katarun switches off (`emoji: false` in src/render/markdown.ts), so the table is never read.
 * In the bundle it is an empty table: `get` finds nothing, the text stays as written.
 */
const noEmojiTable = {
  name: 'no-emoji-table',
  setup(build) {
    build.onResolve({filter: /^node-emoji$/}, () => ({path: 'no-emoji', namespace: 'katarun-emoji'}));
    build.onLoad({filter: /.*/, namespace: 'katarun-emoji'}, () => ({contents: 'export const get = () => undefined;', loader: 'js'}));
  },
};

/**
 * main.js (not bundled) tells a user's mistake from a bug with `instanceof UserError`, so the
 * bundle must throw the very class main.js has: it imports dist/cli/exit-codes.js, not a copy.
 */
const sharedExitCodes = {
  name: 'shared-exit-codes',
  setup(build) {
    build.onResolve({filter: /exit-codes\.js$/}, (args) =>
      join(args.resolveDir, args.path) === join(dist, 'cli', 'exit-codes.js') ? {path: '../cli/exit-codes.js', external: true} : undefined,
    );
  },
};

const result = await esbuild.build({
  // The two commands that mount the TUI; everything they import, eagerly or lazily, comes along.
  entryPoints: {
    run: join(dist, 'cli', 'commands', 'run.js'),
    open: join(dist, 'cli', 'commands', 'open.js'),
  },
  outdir,
  bundle: true,
  // Code the first frame does not need (the engine, the shells, the headless reporters) stays in
  // chunks that load when it is first imported, as it did unbundled.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The native PTY addon is loaded from node_modules, where its prebuilt binary sits beside it.
  // react-devtools-core is Ink's optional peer, imported only under DEV=true; not installed.
  external: ['@lydell/node-pty', 'react-devtools-core'],
  // Bundled CommonJS packages (cli-highlight, @xterm/headless…) call require() for builtins.
  banner: {js: "import {createRequire as __katarunRequire} from 'node:module'; const require = __katarunRequire(import.meta.url);"},
  // React's production build only (the TUI ran it anyway: run.ts sets NODE_ENV=production
  // unless the user set it); leaving the choice to runtime would carry 1 MiB of development
  // build to read and compile on every start.
  define: {'process.env.NODE_ENV': '"production"'},
  plugins: [sharedExitCodes, lazyHighlight, noEmojiTable, yogaWithoutFetch, keepImportMetaUrl],
  // Chunks beside the entries: the import.meta.url rewrite and the external path below are
  // relative to this one folder.
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});

// KATARUN_BUNDLE_META=<file> keeps esbuild's metafile: what each chunk holds, to see what the
// first frame must compile (e.g. with esbuild's bundle analyzer).
if (process.env.KATARUN_BUNDLE_META) (await import('node:fs')).writeFileSync(process.env.KATARUN_BUNDLE_META, JSON.stringify(result.metafile));
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + (o.bytes ?? 0), 0);
process.stdout.write(`bundle: ${Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js')).length} files, ${(bytes / 1024).toFixed(0)} KiB in ${relative(root, outdir)}\n`);
