#!/usr/bin/env node
// Entry point: picks the command and loads only what that command needs, so that
// `katarun --version` does not pay for Ink, React or marked.

import {sanitizeText} from '../render/sanitize.js';
import {fileURLToPath} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {ExitCode, UserError} from './exit-codes.js';

type CommandModule = {run(argv: string[]): Promise<number>};

// Each from the bundle when there is one (see `bundled`), else from its plain module; `list`
// always from its plain modules: it needs few of them, fewer than the ~20 ms of reading the
// bundle and its cache (measured: 90 ms plain, 110 ms bundled; `validate` 190 → 160 ms bundled).
const commands: Record<string, () => Promise<CommandModule>> = {
  validate: () => bundled('validate', () => import('./commands/validate.js')),
  list: () => import('./commands/list.js'),
  test: () => bundled('test', () => import('./commands/test.js')),
  run: () => bundled('run', () => import('./commands/run.js')),
  doctor: () => bundled('doctor', () => import('./commands/doctor.js')),
  down: () => bundled('down', () => import('./commands/down.js')),
  // Not bundled: the class server loads SQLite's native addon and runs for hours; its start-up time does not matter.
  class: () => import('./commands/class.js'),
};

/**
 * V8 runs a regexp's first match in its bytecode interpreter and compiles it to machine code
 * on the second, so each of marked's (large, Unicode-class) regexps is compiled twice while
 * the scenario's pages are lexed and the intro is rendered: measured ~35 ms of the ~85 ms the
 * loader takes on basics. Compiling straight to machine code halves that. It changes how
 * regexps are compiled, never what they match. Every command that runs from the bundle sets it
 * before loading: V8 refuses a code cache made under other flags.
 */
function regexpsCompiledOnce(): void {
  setFlagsFromString('--no-regexp-tier-up');
}

/**
 * A command from the bundle `npm run build` makes (scripts/bundle.mjs), run with a V8 code
 * cache (src/cli/bundle-loader.ts): Node then reads two files instead of ~900 and compiles
 * almost nothing, which was most of the time to the TUI's first frame (and half of `validate`).
 * A tsc-only build has no bundle; the plain modules work the same.
 */
async function bundled(name: string, plain: () => Promise<CommandModule>): Promise<CommandModule> {
  // The start-up machinery's off switches, for bench/node-matrix.bench.mjs: the plain modules
  // instead of the bundle, optionally with Node's own compile cache (Node ≥ 22.1). Measured on
  // Node 20, 22 and 24, the bundle with its code cache gave the fastest first frame and
  // validate on each; the compile cache recovers only part of the plain modules' cost.
  if (process.env.KATARUN_BUNDLE === '0') return plainModules(plain);
  regexpsCompiledOnce();
  const [{loadBundle}, {defaultDirs}] = await Promise.all([import('./bundle-loader.js'), import('../engine/dirs.js')]);
  const loaded = loadBundle(fileURLToPath(new URL('../bundle/', import.meta.url)), {
    cacheDir: defaultDirs().cache,
    useCache: process.env.KATARUN_CODE_CACHE !== '0',
  });
  if (!loaded) return plain();
  const command = loaded.commands[name];
  if (!command) throw new Error(`dist/bundle/katarun.cjs has no '${name}' command: rebuild with 'npm run build'`);
  return {run: command};
}

async function plainModules(plain: () => Promise<CommandModule>): Promise<CommandModule> {
  if (process.env.KATARUN_COMPILE_CACHE === '1') {
    const [{enableCompileCache}, {defaultDirs}] = await Promise.all([import('node:module') as Promise<{enableCompileCache?: (dir?: string) => unknown}>, import('../engine/dirs.js')]);
    enableCompileCache?.(`${defaultDirs().cache}/node-compile-cache`);
  }
  return plain();
}


async function version(): Promise<string> {
  const {readFile} = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
  return pkg.version;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-v' || first === '--version') {
    process.stdout.write(`katarun ${await version()}\n`);
    return ExitCode.ok;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    // In the user's language (the locale, or --lang): i18n is loaded only for the help.
    const {commandLineLanguage, translator} = await import('../render/i18n.js');
    process.stdout.write(translator(commandLineLanguage(argv))('cli.usage.main'));
    return ExitCode.ok;
  }
  if (first !== undefined && first in commands) {
    const mod = await commands[first]!();
    return mod.run(rest);
  }
  // No command: `katarun` (picker) or `katarun <scenario>` (open it).
  const mod = await bundled('open', () => import('./commands/open.js'));
  return mod.run(argv);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UserError) {
      process.exitCode = err.exitCode;
      // In the language the command line asked for (--lang, else the locale); i18n is loaded only now.
      return import('../render/i18n.js').then(({commandLineLanguage, translator, userErrorText}) => {
        const t = translator(commandLineLanguage(process.argv.slice(2)));
        process.stderr.write(`${t('cli.error', {text: sanitizeText(userErrorText(t, err))})}\n`);
      });
    }
    // A bug of ours, not a user mistake: say so, with the stack for the bug report.
    process.stderr.write(`katarun: internal error (please report it): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
