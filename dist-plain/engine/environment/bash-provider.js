// The environment of a bash-only scenario: a local bash is all it needs. Preflight looks it
// up on PATH without starting anything; prepare and teardown have nothing to do.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { translator } from '../../render/i18n.js';
/** The first executable `name` on `PATH`, or undefined. */
export function findOnPath(name, pathVar) {
    for (const dir of (pathVar ?? '').split(delimiter)) {
        if (!dir)
            continue;
        const candidate = join(dir, name);
        try {
            accessSync(candidate, constants.X_OK);
            if (statSync(candidate).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
export function bashCheck(env, t) {
    const found = findOnPath('bash', env.PATH);
    return found
        ? { id: 'tool:bash', ok: true, detail: t('preflight.bashFound', { path: found }), severity: 'error' }
        : { id: 'tool:bash', ok: false, detail: t('preflight.toolMissing', { name: 'bash' }), fix: t('fix.bash', { commands: 'apt-get install bash, brew install bash' }), severity: 'error' };
}
export const bashProvider = {
    async preflight(_scenario, options) {
        const checks = [bashCheck(options.env, translator(options.uiLang ?? 'en'))];
        return { ready: checks.every((c) => c.ok || c.severity === 'warning'), checks };
    },
    async prepare() {
        return { env: {} };
    },
    async teardown() { },
};
//# sourceMappingURL=bash-provider.js.map