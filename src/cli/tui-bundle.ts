// Runs the TUI's bundle (dist/bundle/tui.cjs, made by scripts/bundle.mjs) with a V8 code
// cache. Compiling the ~1.6 MB bundle was ~90 ms of the first frame; with the cache V8 reads
// the compiled code instead (~12 ms). Node 20 has no code cache for ES modules, so the bundle
// is a CommonJS-style script run through vm.Script, the way Node runs a .cjs file itself.
//
// `npm run build` leaves a cache beside the bundle (scripts/seed-code-cache.mjs: made by a real
// start in a pseudo-terminal, so it holds every function the first frame needs). Where that one
// is missing or V8 refuses it (another Node than the one that built katarun), the first start
// writes its own a second after its first frame, or at its exit if sooner, under the XDG cache
// folder. Both are named by the bundle's hash, Node's version and the CPU architecture; V8
// itself refuses a cache from another V8 or other flags. A cache that cannot be written
// (read-only home) only costs speed. KATARUN_CODE_CACHE=0 turns it off.

import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {Script} from 'node:vm';
import * as exitCodes from './exit-codes.js';
import {traceStartup} from './trace.js';

export type TuiCommand = (argv: string[]) => Promise<number>;
export interface TuiCommands {
  readonly run: TuiCommand;
  readonly open: TuiCommand;
}

/** What became of the code cache on this start: this machine's own was used, or the one the
 * build left beside the bundle, or V8 refused the one found, or there was none, or it is off. */
export type CodeCacheUse = 'used' | 'built' | 'rejected' | 'absent' | 'off';

/** The name the bundle asks for main.js's own exit-codes module by (scripts/bundle.mjs). */
const EXIT_CODES_ID = '#katarun/exit-codes';
const CACHE_PREFIX = 'tui-';

export interface LoadOptions {
  /** katarun's cache folder (…/katarun); the code cache goes to its v8/ folder. */
  readonly cacheDir: string;
  /** Write a new cache this long after loading, when the first frame is long on screen. */
  readonly writeAfterMs?: number;
  readonly useCache?: boolean;
}

/** The bundle's commands, or undefined when this build has no bundle (tsc alone). */
export function loadTuiBundle(bundleDir: string, options: LoadOptions): {commands: TuiCommands; cache: CodeCacheUse} | undefined {
  const file = join(bundleDir, 'tui.cjs');
  let source: string;
  let hash: string;
  try {
    source = readFileSync(file, 'utf8');
    hash = (JSON.parse(readFileSync(join(bundleDir, 'tui.json'), 'utf8')) as {sha256: string}).sha256;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const useCache = options.useCache ?? true;
  const cacheFolder = join(options.cacheDir, 'v8');
  const cacheName = codeCacheName(hash);
  let cachedData: Buffer | undefined;
  let fromBuild = false;
  if (useCache) {
    cachedData = readIfThere(join(cacheFolder, cacheName));
    if (!cachedData) {
      cachedData = readIfThere(join(bundleDir, cacheName));
      fromBuild = cachedData !== undefined;
    }
  }
  // One line, so the bundle's line numbers (and its source map) stay as they are.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename: file, ...(cachedData ? {cachedData} : {})});
  const nodeRequire = createRequire(file);
  const bundleRequire = Object.assign((id: string): unknown => (id === EXIT_CODES_ID ? exitCodes : nodeRequire(id)), nodeRequire);
  const module = {exports: {} as Partial<TuiCommands>};
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, bundleRequire, module, file, bundleDir);
  const cache: CodeCacheUse = !useCache ? 'off' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : fromBuild ? 'built' : 'used';
  traceStartup(`bundle compiled (code cache ${cache})`);
  if (cache === 'absent' || cache === 'rejected') {
    // Soon after the first frame, or at exit when the learner left sooner than that.
    const write = () => {
      process.off('exit', write);
      clearTimeout(timer);
      writeCodeCache(script, cacheFolder, cacheName);
    };
    const timer = setTimeout(write, options.writeAfterMs ?? 1000).unref();
    process.on('exit', write);
  }
  const {run, open} = module.exports;
  if (typeof run !== 'function' || typeof open !== 'function') throw new Error(`${file}: the bundle exports no run/open commands; rebuild with 'npm run build'`);
  return {commands: {run, open}, cache};
}

/** The cache's file name for a bundle of this hash, under this Node (the build names its own the same way). */
export function codeCacheName(bundleHash: string): string {
  return `${CACHE_PREFIX}${bundleHash.slice(0, 16)}-${process.version}-${process.arch}.bin`;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Replace this machine's cache for the bundle: written aside and renamed, older ones removed. */
function writeCodeCache(script: Script, folder: string, name: string): void {
  try {
    mkdirSync(folder, {recursive: true});
    const temp = join(folder, `.${name}.${process.pid}`);
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, join(folder, name));
    for (const old of readdirSync(folder)) if (old.startsWith(CACHE_PREFIX) && old !== name) rmSync(join(folder, old), {force: true});
    traceStartup('code cache written');
  } catch {
    // Only speed is lost: the next start compiles again and tries again.
  }
}
