// The world a scenario's processes live in: sandboxed (bwrap, HOME=/root, the workspace's
// folders bound onto Katacoda's paths) or, where bwrap is missing or refused, the honest
// fallback (HOME and `~` are the workspace's home folder, its bin folder first on PATH).
// Every process the engine starts goes through the port this returns, so no caller has to
// know which world it is.

import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {WORKSPACE_BIN, WORKSPACE_HOME} from '../scenario/assets/workspace-target.js';
import type {Scenario} from '../scenario/model.js';
import {sandboxStatus, toHost} from '../shell/sandbox.js';
import type {SandboxSpec} from '../shell/types.js';
import {packageRoot, planSandbox, startFolderInHome} from './sandbox-plan.js';
import {withBin} from './script-env.js';
import type {ShellPort} from './shell-port.js';

export type SandboxMode = 'auto' | 'bwrap' | 'none';

export interface SandboxCapability {
  readonly sandboxed: boolean;
  /** Why not: asked for `none`, bwrap is missing, the OS has none, or bwrap failed here. */
  readonly reason?: 'requested' | 'missing' | 'unsupported' | 'failed';
  /** bwrap's own words when it failed. */
  readonly detail?: string;
}

export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
  constructor(readonly capability: SandboxCapability) {
    // The edges say it from `capability` (error.sandboxUnavailable); this text is for logs only.
    super(`sandbox-unavailable: ${capability.reason ?? 'failed'}${capability.detail ? ` (${capability.detail})` : ''}`);
  }
}

export interface WorldInput {
  readonly scenario: Scenario;
  readonly workspace: string;
  readonly userEnv: Readonly<Record<string, string>>;
  readonly mode: SandboxMode;
  /** Host folders the processes must be able to write (run logs, environment state). */
  readonly writable: readonly string[];
}

export interface ScenarioWorld {
  readonly capability: SandboxCapability;
  readonly spec?: SandboxSpec;
  /** The environment scenario processes start from (before the prepared environment and katarun's variables). */
  readonly env: Record<string, string>;
  /** The learner's home in the workspace (the working folder of shells and scripts). */
  readonly home: string;
  /** The same folder as the scenario's processes see it (`/root` in the sandbox): KATARUN_WORKSPACE. */
  readonly homeSeen: string;
  /** A notice for the learner when `auto` fell back to no sandbox. */
  readonly notice?: {readonly key: 'notice.noSandbox'; readonly params: Record<string, string>};
  port(inner: ShellPort): ShellPort;
}

/** Whether `mode` gives a sandbox here; throws for `bwrap` where it cannot. */
export function sandboxCapability(mode: SandboxMode, path?: string): SandboxCapability & {bwrap?: string} {
  if (mode === 'none') return {sandboxed: false, reason: 'requested'};
  const st = sandboxStatus(path);
  if (st.usable && st.bwrap) return {sandboxed: true, bwrap: st.bwrap};
  const cap: SandboxCapability = {sandboxed: false, reason: st.reason ?? 'failed', ...(st.detail ? {detail: st.detail} : {})};
  if (mode === 'bwrap') throw new SandboxUnavailableError(cap);
  return cap;
}

export function scenarioWorld(input: WorldInput): ScenarioWorld {
  const {workspace, userEnv} = input;
  const home = join(workspace, WORKSPACE_HOME);
  const cap = sandboxCapability(input.mode, userEnv.PATH);
  let spec: SandboxSpec | undefined;
  let env: Record<string, string>;
  if (cap.sandboxed && cap.bwrap) {
    const path = userEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin';
    // katarun's sudo stand-in first (setuid cannot work in the sandbox), Katacoda's bin folder on PATH.
    const withLocal = path.split(':').includes('/usr/local/bin') ? path : `/usr/local/bin:${path}`;
    env = {...userEnv, HOME: '/root', PATH: `${join(packageRoot(), 'assets', 'sandbox-bin')}:${withLocal}`};
    spec = planSandbox({scenario: input.scenario, bwrap: cap.bwrap, workspace, writable: input.writable, env});
  } else {
    // No sandbox: `~` and $HOME are the workspace's home; Katacoda's bin folder is first on PATH.
    env = withBin({...userEnv, HOME: home}, join(workspace, WORKSPACE_BIN));
  }
  const capability: SandboxCapability = cap.sandboxed ? {sandboxed: true} : {sandboxed: false, ...(cap.reason ? {reason: cap.reason} : {}), ...(cap.detail ? {detail: cap.detail} : {})};
  const startIn = startFolderInHome(input.scenario);
  const start = startIn ? join(home, startIn) : home;
  const cwd = (c: string) => {
    if (c !== workspace) return c;
    if (startIn) mkdirSync(start, {recursive: true, mode: 0o755});
    return start;
  };
  const extra = spec ? {sandbox: spec} : {};
  return {
    capability,
    ...(spec ? {spec} : {}),
    env,
    home,
    homeSeen: spec ? '/root' : home,
    ...(input.mode === 'auto' && !cap.sandboxed ? {notice: {key: 'notice.noSandbox' as const, params: {reason: cap.reason ?? 'failed'}}} : {}),
    port: (inner) => ({
      createSession: (o) => inner.createSession({...o, cwd: cwd(o.cwd), ...extra}),
      runScript: (s, o) => inner.runScript(s, {...o, cwd: cwd(o.cwd), ...extra}),
      startBackground: (s, o) => inner.startBackground(s, {...o, cwd: cwd(o.cwd), ...extra}),
      ctrlSequenceBytes: (t) => inner.ctrlSequenceBytes(t),
      hostPath: (p) => (spec ? toHost(spec, p) : p),
    }),
  };
}
