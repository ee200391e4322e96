// The world a scenario's processes live in: sandboxed (bwrap, HOME=/root, the workspace's
// folders bound onto Katacoda's paths) or, where bwrap is missing or refused, the honest
// fallback (HOME and `~` are the workspace's home folder, its bin folder first on PATH).
// Every process the engine starts goes through the port this returns, so no caller has to
// know which world it is.
import { join } from 'node:path';
import { WORKSPACE_BIN, WORKSPACE_HOME } from '../scenario/assets/workspace-target.js';
import { sandboxStatus, toHost } from '../shell/sandbox.js';
import { packageRoot, planSandbox } from './sandbox-plan.js';
import { withBin } from './script-env.js';
export class SandboxUnavailableError extends Error {
    capability;
    name = 'SandboxUnavailableError';
    constructor(capability) {
        super(`bwrap cannot be used here (${capability.reason}${capability.detail ? `: ${capability.detail}` : ''})`);
        this.capability = capability;
    }
}
/** Whether `mode` gives a sandbox here; throws for `bwrap` where it cannot. */
export function sandboxCapability(mode, path) {
    if (mode === 'none')
        return { sandboxed: false, reason: 'requested' };
    const st = sandboxStatus(path);
    if (st.usable && st.bwrap)
        return { sandboxed: true, bwrap: st.bwrap };
    const cap = { sandboxed: false, reason: st.reason ?? 'failed', ...(st.detail ? { detail: st.detail } : {}) };
    if (mode === 'bwrap')
        throw new SandboxUnavailableError(cap);
    return cap;
}
export function scenarioWorld(input) {
    const { workspace, userEnv } = input;
    const home = join(workspace, WORKSPACE_HOME);
    const cap = sandboxCapability(input.mode, userEnv.PATH);
    let spec;
    let env;
    if (cap.sandboxed && cap.bwrap) {
        const path = userEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin';
        // katarun's sudo stand-in first (setuid cannot work in the sandbox), Katacoda's bin folder on PATH.
        const withLocal = path.split(':').includes('/usr/local/bin') ? path : `/usr/local/bin:${path}`;
        env = { ...userEnv, HOME: '/root', PATH: `${join(packageRoot(), 'assets', 'sandbox-bin')}:${withLocal}` };
        spec = planSandbox({ scenario: input.scenario, bwrap: cap.bwrap, workspace, writable: input.writable, env });
    }
    else {
        // No sandbox: `~` and $HOME are the workspace's home; Katacoda's bin folder is first on PATH.
        env = withBin({ ...userEnv, HOME: home }, join(workspace, WORKSPACE_BIN));
    }
    const capability = cap.sandboxed ? { sandboxed: true } : { sandboxed: false, ...(cap.reason ? { reason: cap.reason } : {}), ...(cap.detail ? { detail: cap.detail } : {}) };
    const cwd = (c) => (c === workspace ? home : c);
    const extra = spec ? { sandbox: spec } : {};
    return {
        capability,
        ...(spec ? { spec } : {}),
        env,
        home,
        homeSeen: spec ? '/root' : home,
        ...(input.mode === 'auto' && !cap.sandboxed ? { notice: { key: 'notice.noSandbox', params: { reason: cap.reason ?? 'failed' } } } : {}),
        port: (inner) => ({
            createSession: (o) => inner.createSession({ ...o, cwd: cwd(o.cwd), ...extra }),
            runScript: (s, o) => inner.runScript(s, { ...o, cwd: cwd(o.cwd), ...extra }),
            startBackground: (s, o) => inner.startBackground(s, { ...o, cwd: cwd(o.cwd), ...extra }),
            ctrlSequenceBytes: (t) => inner.ctrlSequenceBytes(t),
            hostPath: (p) => (spec ? toHost(spec, p) : p),
        }),
    };
}
//# sourceMappingURL=scenario-world.js.map