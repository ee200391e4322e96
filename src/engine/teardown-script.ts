// The scenario's teardown script, run in a cluster katarun was handed with --context (such a
// cluster is never deleted): with the same single-context kubeconfig and KATARUN_* variables
// a run of the scenario has, so the script sees what the steps saw — and in the same sandbox
// the steps ran in (it is scenario text like any other: the learner's home, credentials and
// other clusters stay out of its reach). What runs outside it is katarun's own fixed
// kubectl call that writes the guarded kubeconfig.

import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import type {UiLang} from '../render/i18n.js';
import type {Scenario} from '../scenario/model.js';
import type {ProcessResult} from '../shell/types.js';
import {environmentStateDir, workspaceDir, type EngineDirs} from './dirs.js';
import {kindProvider} from './environment/kind.js';
import {katarunVars} from './script-env.js';
import {scenarioWorld, type SandboxMode, type ScenarioWorld} from './scenario-world.js';
import {defaultShellPort} from './shell-port-default.js';

export interface TeardownOptions {
  readonly context: string;
  readonly dirs: EngineDirs;
  readonly env: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
  readonly onOutput: (chunk: string) => void;
  /** The language of katarun's own lines and errors (--lang, else the locale); default English. */
  readonly uiLang?: UiLang;
  /** The sandbox the script runs in (default auto: bwrap where it works). */
  readonly sandbox?: SandboxMode;
  /** Told which world the script runs in before it starts (the CLI says when there is no sandbox). */
  readonly onWorld?: (world: ScenarioWorld) => void;
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
    ...(o.uiLang ? {uiLang: o.uiLang} : {}),
  });
  // The learner's workspace of this scenario (the one its steps wrote to), as in the TUI.
  const workspace = workspaceDir(o.dirs, scenario);
  const world = scenarioWorld({scenario, workspace, userEnv: o.env, mode: o.sandbox ?? 'auto', writable: [stateDir, o.dirs.cache]});
  mkdirSync(world.home, {recursive: true, mode: 0o700});
  o.onWorld?.(world);
  const vars = katarunVars(scenario, o.dirs, {workspace: world.homeSeen, shellEnvFile: join(stateDir, 'shell-env.sh')});
  return world.port(defaultShellPort()).runScript(scenario.teardown, {
    cwd: workspace,
    env: {...world.env, ...prepared.env, ...vars},
    timeoutMs: 15 * 60_000,
    onOutput: o.onOutput,
  });
}
