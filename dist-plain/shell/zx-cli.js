// Where zx's command-line entry lives: resolved from katarun's own node_modules, so a
// scenario folder anywhere on disk can run `.mjs` checks with `$`, `fs`, `chalk`… as
// globals and needs no node_modules of its own.
import { createRequire } from 'node:module';
let cached;
export function zxCliPath() {
    if (!cached) {
        const require = createRequire(import.meta.url);
        // The package's `./cli` export; its `require` condition is a CJS file, so resolve the
        // package.json and take the ESM `bin` it declares instead.
        const pkgJson = require.resolve('zx/package.json');
        const pkg = require(pkgJson);
        const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.zx ?? 'build/cli.js');
        cached = pkgJson.slice(0, -'package.json'.length) + bin;
    }
    return cached;
}
//# sourceMappingURL=zx-cli.js.map