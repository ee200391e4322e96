// The environment every shell and script of a scenario gets: the user's own (HOME, PATH…),
// what the prepared environment adds (a guarded KUBECONFIG), and katarun's KATARUN_*
// variables. Checks additionally get the learner's exports from the snapshot.
import { join } from 'node:path';
/** Only string values; `undefined` entries of process.env are dropped. */
export function plainEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (typeof v === 'string')
            out[k] = v;
    return out;
}
export function katarunVars(scenario, dirs, paths) {
    return {
        KATARUN_WORKSPACE: paths.workspace,
        KATARUN_SCENARIO_DIR: scenario.dir,
        KATARUN_ASSETS_DIR: scenario.assetsDir ?? join(scenario.dir, 'assets'),
        KATARUN_STATE_DIR: dirs.state,
        KATARUN_CACHE_DIR: dirs.cache,
        KATARUN_LANG: scenario.lang,
        KATARUN_SHELL_ENV: paths.shellEnvFile,
    };
}
/** Assets copied to Katacoda's bin folders land in `<workspace>/bin`, so it goes first on PATH. */
export function withBin(env, bin) {
    const path = env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
    if (path.split(':').includes(bin))
        return env;
    return { ...env, PATH: `${bin}:${path}` };
}
/** For shells and non-check scripts. Later layers win. */
export function scriptEnv(base, prepared, vars) {
    return { ...base, ...prepared, ...vars };
}
/** For checks: the learner's exports on top, but katarun's own variables stay authoritative. */
export function checkEnv(base, learner, prepared, vars) {
    return { ...base, ...learner, ...prepared, ...vars };
}
//# sourceMappingURL=script-env.js.map