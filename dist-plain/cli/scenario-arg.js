// What `<scenario>` on the command line names: a folder (relative to the current one), or the
// id of a bundled scenario. Every command that takes a scenario resolves it here.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledScenariosDir } from '../scenario/bundled.js';
import { ExitCode, UserError } from './exit-codes.js';
export function resolveScenarioDir(arg, cwd = process.cwd()) {
    const asPath = resolve(cwd, arg);
    if (existsSync(asPath) && statSync(asPath).isDirectory())
        return asPath;
    const bundled = join(bundledScenariosDir(), arg);
    if (/^[A-Za-z0-9._-]+$/.test(arg) && existsSync(bundled))
        return bundled;
    throw new UserError(`no scenario '${arg}'`, ExitCode.invalid, "give a folder with an index.json, or a bundled scenario id such as 'basics' (see 'katarun list')");
}
//# sourceMappingURL=scenario-arg.js.map