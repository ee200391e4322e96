// Runs katarun's commands from the bundle (dist/bundle/katarun.cjs, made by scripts/bundle.mjs)
// with a V8 code cache. Compiling the ~1.9 MB bundle was ~90 ms of the TUI's first frame; with
// the cache V8 reads the compiled code instead (~12 ms), and `validate` takes half as long as
// from the ~900 plain module files. Node 20 has no code cache for ES modules, so the bundle is
// a CommonJS-style script run through vm.Script, the way Node runs a .cjs file itself.
//
// `npm run build` leaves a cache beside the bundle (scripts/seed-code-cache.mjs: made by a real
// start in a pseudo-terminal, so it holds every function the first frame needs). Where that one
// is missing or V8 refuses it (another Node than the one that built katarun), the first start
// writes its own a second after its first frame, or at its exit if sooner, under the XDG cache
// folder. Both are named by the bundle's hash, Node's version and the CPU architecture; V8
// itself refuses a cache from another V8 or other flags. A cache that cannot be written
// (read-only home) only costs speed. KATARUN_CODE_CACHE=0 turns it off.
import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import * as exitCodes from './exit-codes.js';
import { traceStartup } from './trace.js';
/** The name the bundle asks for main.js's own exit-codes module by (scripts/bundle.mjs). */
const EXIT_CODES_ID = '#katarun/exit-codes';
/**
 * The bundle's commands, or undefined when this build has no bundle (tsc alone). The bundle's
 * own files (`require('./highlight.cjs')` from katarun.cjs) load through the code cache as well.
 */
export function loadBundle(bundleDir, options) {
    let hashes;
    try {
        hashes = JSON.parse(readFileSync(join(bundleDir, 'bundle.json'), 'utf8')).files;
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
    const caches = new Map();
    const loaded = new Map();
    const load = (name) => {
        let exports = loaded.get(name);
        if (!exports) {
            const file = join(bundleDir, name);
            const nodeRequire = createRequire(file);
            const bundleRequire = Object.assign((id) => (id === EXIT_CODES_ID ? exitCodes : id.startsWith('./') && hashes[id.slice(2)] ? load(id.slice(2)) : nodeRequire(id)), nodeRequire);
            const result = runCached(file, hashes[name], bundleRequire, options);
            caches.set(name, result.cache);
            loaded.set(name, (exports = result.exports));
        }
        return exports;
    };
    if (!hashes['katarun.cjs'])
        throw new Error(`${join(bundleDir, 'bundle.json')}: names no katarun.cjs; rebuild with 'npm run build'`);
    const commands = Object.fromEntries(Object.entries(load('katarun.cjs')).filter(([, value]) => typeof value === 'function'));
    return { commands, caches };
}
/** Run one CommonJS file as Node would, but compiled from (and into) a V8 code cache. */
function runCached(file, hash, require, options) {
    // The build writes the bundle in ASCII, which reads as Latin-1 without UTF-8 decoding (~5 ms less).
    const bytes = readFileSync(file);
    const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    const useCache = options.useCache ?? true;
    const cacheFolder = join(options.cacheDir, 'v8');
    const cacheName = codeCacheName(file, hash);
    let cachedData;
    let fromBuild = false;
    if (useCache) {
        cachedData = readIfThere(join(cacheFolder, cacheName));
        if (!cachedData) {
            cachedData = readIfThere(join(dirname(file), cacheName));
            fromBuild = cachedData !== undefined;
        }
    }
    // One line, so the file's line numbers (and its source map) stay as they are.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, require, module, file, dirname(file));
    const cache = !useCache ? 'off' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : fromBuild ? 'built' : 'used';
    traceStartup(`${basename(file)} compiled (code cache ${cache})`);
    if (cache === 'absent' || cache === 'rejected') {
        // Soon after it loaded, or at exit when the learner left sooner than that.
        const write = () => {
            process.off('exit', write);
            clearTimeout(timer);
            writeCodeCache(script, cacheFolder, cacheName);
        };
        const timer = setTimeout(write, options.writeAfterMs ?? 1000).unref();
        process.on('exit', write);
    }
    return { exports: module.exports, cache };
}
/** The cache's file name for a bundle file of this hash under this Node: `tui-<hash>-v20.20.2-x64.bin`
 * (the build names the ones it leaves beside the bundle the same way). */
export function codeCacheName(file, hash) {
    return `${basename(file, '.cjs')}-${hash.slice(0, 16)}-${process.version}-${process.arch}.bin`;
}
function readIfThere(file) {
    try {
        return readFileSync(file);
    }
    catch {
        return undefined;
    }
}
/** Replace this machine's cache for a bundle file: written aside and renamed, the file's older ones removed. */
function writeCodeCache(script, folder, name) {
    const prefix = name.slice(0, name.indexOf('-') + 1);
    try {
        mkdirSync(folder, { recursive: true });
        const temp = join(folder, `.${name}.${process.pid}`);
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, join(folder, name));
        for (const old of readdirSync(folder))
            if (old.startsWith(prefix) && old.endsWith('.bin') && old !== name)
                rmSync(join(folder, old), { force: true });
        traceStartup(`code cache written: ${name}`);
    }
    catch {
        // Only speed is lost: the next start compiles again and tries again.
    }
}
//# sourceMappingURL=bundle-loader.js.map