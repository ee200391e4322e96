// The scenario's teardown script, run in a cluster katarun was handed with --context (such a
// cluster is never deleted): with the same single-context kubeconfig and KATARUN_* variables
// a run of the scenario has, so the script sees what the steps saw.

import {join} from 'node:path';
import type {Text} from '../render/i18n.js';
import type {Scenario} from '../scenario/model.js';
import type {ProcessResult} from '../shell/types.js';
import {environmentStateDir, workspaceDir, type EngineDirs} from './dirs.js';
import {kindProvider} from './environment/kind.js';
import {katarunVars} from './script-env.js';
import {defaultShellPort} from './shell-port-default.js';

export interface TeardownOptions {
  readonly context: string;
  readonly dirs: EngineDirs;
  readonly env: Readonly<Record<string, string>>;
  readonly log: (line: Text) => void;
  readonly onOutput: (chunk: string) => void;
}

/** Undefined when the scenario has no teardown script. */
export async function runTeardownScript(scenario: Scenario, o: TeardownOptions): Promise<ProcessResult | undefined> {
  if (!scenario.teardown) return undefined;
  const stateDir = environmentStateDir(o.dirs, scenario.id);
  const prepared = await kindProvider.prepare(scenario, {
    context: o.context,
    createCluster: false,
    stateDir,
    cacheDir: o.dirs.cache,
    env: o.env,
    log: o.log,
  });
  const vars = katarunVars(scenario, o.dirs, {workspace: workspaceDir(o.dirs, scenario), shellEnvFile: join(stateDir, 'shell-env.sh')});
  return defaultShellPort().runScript(scenario.teardown, {
    cwd: scenario.dir,
    env: {...o.env, ...prepared.env, ...vars},
    timeoutMs: 15 * 60_000,
    onOutput: o.onOutput,
  });
}
