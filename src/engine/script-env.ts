// The environment every shell and script of a scenario gets: the user's own (HOME, PATH…),
// what the prepared environment adds (a guarded KUBECONFIG), and katarun's KATARUN_*
// variables. Checks additionally get the learner's exports from the snapshot.

import {join} from 'node:path';
import type {Scenario} from '../scenario/model.js';
import type {EngineDirs} from './dirs.js';

export interface ScenarioPaths {
  readonly workspace: string;
  /** The file of `export X=…` lines that setup/background scripts append to. */
  readonly shellEnvFile: string;
}

/** Only string values; `undefined` entries of process.env are dropped. */
export function plainEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function katarunVars(scenario: Scenario, dirs: EngineDirs, paths: ScenarioPaths): Record<string, string> {
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
export function withBin(env: Record<string, string>, bin: string): Record<string, string> {
  const path = env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  if (path.split(':').includes(bin)) return env;
  return {...env, PATH: `${bin}:${path}`};
}

/** For shells and non-check scripts. Later layers win. */
export function scriptEnv(base: Readonly<Record<string, string>>, prepared: Readonly<Record<string, string>>, vars: Readonly<Record<string, string>>): Record<string, string> {
  return {...base, ...prepared, ...vars};
}

/** For checks: the learner's exports on top, but katarun's own variables stay authoritative. */
export function checkEnv(
  base: Readonly<Record<string, string>>,
  learner: Readonly<Record<string, string>>,
  prepared: Readonly<Record<string, string>>,
  vars: Readonly<Record<string, string>>,
): Record<string, string> {
  return {...base, ...learner, ...prepared, ...vars};
}
