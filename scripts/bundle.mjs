// Bundles katarun's commands out of tsc's dist/ into one CommonJS file, dist/bundle/katarun.cjs,
// so that a command (above all the TUI's first frame) waits neither for Node to resolve, read
// and link ~900 module files (Ink alone pulls in hundreds of es-toolkit files) nor for V8 to
// compile them: src/cli/bundle-loader.ts runs the file through vm.Script with a V8 code cache,
// which Node 20 offers for scripts and not for ES modules. Modules keep their lazy start in the
// bundle (esbuild runs a module's top level when it is first imported), so `validate` does not
// start Ink. dist/cli/main.js stays tsc's output, so `katarun --version` loads nothing more;
// main.js falls back to the plain modules when the bundle is missing.
//
// The code cache sets two rules for the bundle, checked below: one script (a code-cached
// script cannot import() — Node 20 loses the callback that would resolve it), and no
// top-level await (a script has none), which Ink and yoga-layout use and are patched out of.
//
// Run after `tsc` (npm run build does). Usage: node scripts/bundle.mjs

import {createHash} from 'node:crypto';
import {readFile, rm, writeFile} from 'node:fs/promises';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {MAY_BE_EMOJI_SOURCE} from './emoji-prefilter.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');

/** A build-time patch of a dependency's source that fails the build when the text it replaces
 * is gone (the dependency changed: look again), instead of silently shipping the unpatched code. */
function patch(source, path, from, to) {
  if (!source.includes(from)) throw new Error(`${relative(root, path)}: no ${JSON.stringify(from)} to patch; has the package changed?`);
  return source.replaceAll(from, to);
}

/**
 * A bundled module still asks `import.meta.url` where it lives: katarun finds package.json and
 * the bundled scenarios relative to its own files, and zx's CLI is resolved from it. Rewrite
 * every use to the URL the original file had, relative to the bundle's folder (`__dirname` of
 * the CommonJS wrapper), so the answers do not change when the code moves.
 */
function withOriginalUrl(source, path) {
  const rel = relative(outdir, path).split(sep).join('/');
  return source.replaceAll('import.meta.url', `${ORIGINAL_URL}(${JSON.stringify(rel)})`);
}
// Defined once at the bundle's top (the `banner` below), where no module's own `require` or
// `__dirname` can shadow the wrapper's.
const ORIGINAL_URL = '__katarunOriginalUrl';
const ORIGINAL_URL_FUNCTION = `const ${ORIGINAL_URL} = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;`;

/**
 * Source patches, by file:
 * - yoga-layout's Emscripten loader fetches its inlined wasm (a data: URL) with fetch()
 *   whenever fetch exists, and the first touch of the global fetch makes Node load undici
 *   (~50 ms before the first frame). Without fetch it decodes the same base64 itself.
 * - Ink's reconciler awaits at its top level, twice, both only under DEV=true (React
 *   devtools and its own package.json for them). katarun does not offer React devtools.
 * - string-width compiles /^\p{RGI_Emoji}$/v when it loads: ~13 ms before the first frame, for
 *   a test that only a segment holding an emoji character can pass. It is built at the first
 *   such segment instead, behind a cheap test that never turns a real emoji away
 *   (scripts/emoji-prefilter.mjs).
 */
const sourcePatches = {
  name: 'source-patches',
  setup(build) {
    build.onLoad({filter: /\.[cm]?js$/}, async (args) => {
      let source = await readFile(args.path, 'utf8');
      const original = source;
      if (/yoga-layout[\\/].*yoga-wasm-base64-esm\.js$/.test(args.path)) source = patch(source, args.path, 'typeof fetch', '"undefined"');
      // Ink's string-width 8 (wrap-ansi shares it, see oneStringWidth); cli-table3 has an old one of its own.
      if (args.path === join(root, 'node_modules', 'string-width', 'index.js')) {
        source = patch(
          source,
          args.path,
          'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
          `const mayBeEmoji = /${MAY_BE_EMOJI_SOURCE}/u;\n` +
            'let rgiEmojiCompiled;\n' +
            'const rgiEmojiRegex = {test: (segment) => mayBeEmoji.test(segment) && (rgiEmojiCompiled ??= new RegExp("^\\\\p{RGI_Emoji}$", "v")).test(segment)};',
        );
      }
      if (/[\\/]ink[\\/]build[\\/]reconciler\.js$/.test(args.path)) {
        source = patch(source, args.path, "await import('./devtools.js')", 'void 0');
        source = patch(source, args.path, '? await loadPackageJson()', '? {}');
      }
      if (source.includes('import.meta.url')) source = withOriginalUrl(source, args.path);
      return source === original ? undefined : {contents: source, loader: 'js'};
    });
  },
};

/**
 * yoga-layout's entry awaits its wasm at the top level. In the bundle it is this module
 * instead: the same API object, filled in when the wasm is ready, and a promise saying when
 * (src/cli/commands/run.ts waits for it before the first render; by then it has long settled).
 */
const YOGA_DEFERRED = `
import loadYoga from './node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './node_modules/yoga-layout/dist/src/wrapAssembly.js';
const Yoga = {};
globalThis[Symbol.for('katarun.layoutReady')] = loadYoga().then((lib) => { Object.assign(Yoga, wrapAssembly(lib)); });
export default Yoga;
export * from './node_modules/yoga-layout/dist/src/generated/YGEnums.js';
`;
const yogaDeferred = {
  name: 'yoga-deferred',
  setup(build) {
    build.onResolve({filter: /^yoga-layout$/}, () => ({path: 'yoga-layout', namespace: 'katarun-yoga'}));
    build.onLoad({filter: /.*/, namespace: 'katarun-yoga'}, () => ({contents: YOGA_DEFERRED, resolveDir: root, loader: 'js'}));
  },
};

/**
 * highlight.js (via marked-terminal → cli-highlight) registers ~190 languages when it loads:
 * about a quarter of the TUI's start-up, for code blocks the intro never shows. In the bundle,
 * marked-terminal gets a stand-in that requires the real cli-highlight (its own file,
 * highlight.cjs) when asked (src/render/markdown.ts asks right after the first frame, through
 * the global key below). Until then it throws, and marked-terminal falls back to its plain
 * code style.
 */
const LAZY_HIGHLIGHT = `
let real;
let loading;
const load = () => (loading ??= Promise.resolve().then(() => { real = require('./highlight.cjs'); }));
globalThis[Symbol.for('katarun.highlighter')] = {load, ready: () => real !== undefined};
export function highlight(code, options) {
  if (real === undefined) throw new Error('highlighter not loaded yet');
  return real.highlight(code, options);
}
`;
const lazyHighlight = {
  name: 'lazy-highlight',
  setup(build) {
    build.onResolve({filter: /^cli-highlight$/}, () => ({path: 'lazy-highlight', namespace: 'katarun-highlight'}));
    build.onLoad({filter: /.*/, namespace: 'katarun-highlight'}, () => ({contents: LAZY_HIGHLIGHT, resolveDir: root, loader: 'js'}));
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
 * Ink measures text with string-width 8 and wraps it with wrap-ansi, which brings its own
 * string-width 7: two Unicode segmenters and two emoji tables set up before the first frame
 * (~8 ms), and two opinions on how wide an emoji sequence is. wrap-ansi gets Ink's (same API).
 */
const oneStringWidth = {
  name: 'one-string-width',
  setup(build) {
    build.onResolve({filter: /^string-width$/}, (args) =>
      /[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(args.importer) ? {path: join(root, 'node_modules', 'string-width', 'index.js')} : undefined,
    );
  },
};

/**
 * main.js (not bundled) tells a user's mistake from a bug with `instanceof UserError`, so the
 * bundle must throw the very class main.js has. It asks for it by a name that only the
 * bundle's loader (src/cli/bundle-loader.ts) answers, with main.js's own module.
 */
const EXIT_CODES_ID = '#katarun/exit-codes';
const sharedExitCodes = {
  name: 'shared-exit-codes',
  setup(build) {
    build.onResolve({filter: /exit-codes\.js$/}, (args) =>
      join(args.resolveDir, args.path) === join(dist, 'cli', 'exit-codes.js') ? {path: EXIT_CODES_ID, external: true} : undefined,
    );
  },
};

// Old layouts (ES-module chunks) and old builds: clear them rather than let them pile up.
await rm(outdir, {recursive: true, force: true});

// charset ascii: esbuild writes every string, template and identifier in ASCII; see asciiOnly below.
const common = {bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning', metafile: true, legalComments: 'linked', charset: 'ascii'};

const main = await esbuild.build({
  ...common,
  // Every command, by name; everything they import, eagerly or lazily, comes along.
  stdin: {
    contents: ['run', 'open', 'test', 'validate', 'list', 'doctor', 'down'].map((c) => `export {run as ${c}} from './dist/cli/commands/${c}.js';\n`).join(''),
    resolveDir: root,
    sourcefile: "katarun-entry.js",
    loader: 'js',
  },
  outfile: join(outdir, 'katarun.cjs'),
  // The native PTY addon is required from node_modules, where its prebuilt binary sits beside
  // it; @xterm/headless is one self-contained CommonJS file, required the first time a PTY
  // session starts (after the first frame) instead of being compiled with the TUI.
  external: ['@lydell/node-pty', '@xterm/headless', './highlight.cjs'],
  // React's production build only (the TUI ran it anyway: run.ts sets NODE_ENV=production
  // unless the user set it); leaving the choice to runtime would carry 1 MiB of development
  // build to read and compile on every start.
  define: {'process.env.NODE_ENV': '"production"'},
  plugins: [sharedExitCodes, lazyHighlight, noEmojiTable, oneStringWidth, yogaDeferred, sourcePatches],
  banner: {js: ORIGINAL_URL_FUNCTION},
  sourcemap: 'linked',
});

const highlight = await esbuild.build({...common, entryPoints: ['cli-highlight'], outfile: join(outdir, 'highlight.cjs')});

// The class board's page: a small React app for the browser, served by `katarun class serve`
// from dist/class/board/ (no CDN: the room may have no internet). Minified; its own files.
const boardDir = join(dist, 'class', 'board');
await esbuild.build({
  entryPoints: [join(root, 'src', 'class', 'page', 'main.tsx')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  jsx: 'automatic',
  define: {'process.env.NODE_ENV': '"production"'},
  outfile: join(boardDir, 'board.js'),
  logLevel: 'warning',
  legalComments: 'linked',
});
await writeFile(join(boardDir, 'board.css'), await readFile(join(root, 'src', 'class', 'page', 'board.css')));

/**
 * An all-ASCII file is read as Latin-1, ~5 ms faster per 2 MB than decoding UTF-8
 * (src/cli/bundle-loader.ts). esbuild leaves non-ASCII only inside regexp literals (Russian
 * words that find a hint's title, a dash); there a \uXXXX escape of each UTF-16 unit means the
 * same, with or without the u/v flag (an escaped surrogate pair is still one code point).
 */
async function asciiOnly(name) {
  const file = join(outdir, name);
  const source = await readFile(file, 'utf8');
  const escaped = source.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== source) await writeFile(file, escaped);
}
await asciiOnly('katarun.cjs');
await asciiOnly('highlight.cjs');

// A leftover import() would fail only once the code cache is in use (see the top): refuse it here.
for (const result of [main, highlight]) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const left = output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
    if (left.length > 0) throw new Error(`${file}: dynamic import() of ${left.join(', ')} left in the bundle; require() it instead (a code-cached script cannot import)`);
  }
}
// The loader keys each file's code cache by its hash (V8 itself checks only the source's
// length), and loads through the cache the files named here.
const sha256 = async (name) => createHash('sha256').update(await readFile(join(outdir, name))).digest('hex');
await writeFile(join(outdir, 'bundle.json'), JSON.stringify({files: {'katarun.cjs': await sha256('katarun.cjs'), 'highlight.cjs': await sha256('highlight.cjs')}}, null, 2) + '\n');

// KATARUN_BUNDLE_META=<file> keeps esbuild's metafile: what the bundle holds, to see what the
// first frame must compile (e.g. with esbuild's bundle analyzer).
if (process.env.KATARUN_BUNDLE_META) await writeFile(process.env.KATARUN_BUNDLE_META, JSON.stringify(main.metafile));
const size = (r) => Object.entries(r.metafile.outputs).filter(([f]) => f.endsWith('.cjs')).reduce((sum, [, o]) => sum + o.bytes, 0);
process.stdout.write(`bundle: dist/bundle/katarun.cjs ${(size(main) / 1024).toFixed(0)} KiB, highlight.cjs ${(size(highlight) / 1024).toFixed(0)} KiB\n`);
