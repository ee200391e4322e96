// What a scenario's sandbox mounts, derived from the scenario itself: its asset targets and
// the absolute paths its commands and scripts use. Katacoda's home (/root) and /tmp are
// always the workspace's; a path the scenario names that does not exist here (/ks,
// /etc/killercoda) becomes a workspace folder at that place; /usr/local/bin and the like
// become the workspace's when the scenario puts or uses files there. Homes are hidden.
// The shell layer turns this into a bwrap command line (src/shell/sandbox.ts).

import {existsSync, readFileSync, realpathSync} from 'node:fs';
import {dirname, join, posix, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {WORKSPACE_BIN, WORKSPACE_HOME, WORKSPACE_TMP, mapTargetIntoWorkspace} from '../scenario/assets/workspace-target.js';
import type {Scenario, Script} from '../scenario/model.js';
import type {SandboxBind, SandboxSpec} from '../shell/types.js';

/** Folders never bound from the scenario's words: the kernel's, and the host's runtime state. */
const SYSTEM = /^\/(proc|sys|dev|run|var\/run|var\/lib\/docker|boot|lost\+found)(\/|$)/;
const HOME_LIKE = /^(\/root|\/home\/[^/]+)(\/|$)/;
/** Credentials that must never be mounted back in, even as part of a folder on PATH. */
const SECRET = /\/\.(kube|ssh|docker|aws|gnupg|azure|config\/gcloud|minikube|password-store)(\/|$)/;
/** Enough for any real scenario; a scenario naming hundreds of paths gets the first ones. */
const MAX_DERIVED = 48;

export interface SandboxPlanInput {
  readonly scenario: Scenario;
  readonly bwrap: string;
  /** The workspace root (mirrors the VM: root/, tmp/, usr/local/bin/, …). */
  readonly workspace: string;
  /** Host folders katarun's processes write to (the run's logs, the environment's state). */
  readonly writable: readonly string[];
  /** The environment the processes get (HOME and PATH decide what else stays visible). */
  readonly env: Readonly<Record<string, string>>;
}

/** Absolute paths a command or script names (`/ks/wait.sh`, `/usr/local/bin/`), without URLs or sed patterns. */
export function absolutePathsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\w.~$/:@=-]|:\/)(\/(?:[A-Za-z0-9._+-]+\/?)+)/g)) {
    const p = posix.normalize(m[1]!.replace(/\/+$/, '')) || '/';
    if (p !== '/' && !p.includes('/../') && !p.endsWith('/..')) out.add(p);
  }
  return [...out];
}

function scenarioText(scenario: Scenario): string {
  const parts: string[] = [];
  const script = (s?: Script) => {
    if (!s) return;
    try {
      parts.push(readFileSync(s.path, 'utf8'));
    } catch {
      // a missing script is the loader's to report
    }
  };
  for (const page of [scenario.intro, scenario.finish, ...scenario.steps]) {
    if (!page) continue;
    for (const a of page.actions) parts.push(a.kind === 'file' || a.kind === 'open' ? a.path : a.text);
    script(page.background);
    script(page.foreground);
  }
  for (const step of scenario.steps) {
    script(step.check?.script);
    script(step.solution);
    for (const h of step.hints) script(h.script);
  }
  script(scenario.setup);
  return parts.join('\n');
}

/**
 * Katacoda's scrapbook images opened the terminal in /home/scrapbook/tutorial, and scenarios
 * written for them check there (`[ -d /home/scrapbook/tutorial/.git ]` after a `git init`):
 * such a scenario's shells start in the home's `tutorial` folder (the same folder, in the
 * sandbox, as /home/scrapbook/tutorial). Others start in the home.
 */
export function startFolderInHome(scenario: Scenario): string {
  return /\/home\/scrapbook\/tutorial\b/.test(scenarioText(scenario)) ? 'tutorial' : '';
}

/** The first component of `p` that does not exist on this machine (`/etc/killercoda/x` → `/etc/killercoda`). */
function firstMissing(p: string): string | undefined {
  const segs = p.split('/').filter(Boolean);
  for (let i = 1; i <= segs.length; i++) {
    const prefix = `/${segs.slice(0, i).join('/')}`;
    if (!existsSync(prefix)) return prefix;
  }
  return undefined;
}

const BIN_TARGET = '/usr/local/bin';

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the scenario uses `p` as a folder: names something inside it, or makes or enters it. */
function usedAsFolder(p: string, named: readonly string[], text: string): boolean {
  if (named.some((o) => o.startsWith(`${p}/`))) return true;
  const at = escapeRe(p);
  return new RegExp(`${at}/|\\b(mkdir|cd|pushd|WORKDIR)\\b[^\\n;|&]*?\\s${at}(?![\\w.+-])`).test(text);
}

/** The sandbox folders (as the scenario sees them) that are the workspace's. */
export function derivedTargets(scenario: Scenario): string[] {
  const targets = new Set<string>(['/root', '/tmp']);
  const probe = '/';
  for (const asset of scenario.assets) {
    const t = asset.target.trim() || '~/';
    const m = mapTargetIntoWorkspace(t, probe);
    if (!m.ok) continue;
    const inWs = m.path.replace(/^\/+/, '');
    if (inWs.startsWith(WORKSPACE_HOME)) continue;
    if (inWs.startsWith(WORKSPACE_BIN)) targets.add(BIN_TARGET);
    else targets.add(`/${inWs}`.replace(/\/+$/, ''));
  }
  const text = scenarioText(scenario);
  const named = absolutePathsIn(text);
  for (const p of named) {
    if (targets.size >= MAX_DERIVED) break;
    if (SYSTEM.test(p)) continue;
    const home = HOME_LIKE.exec(p);
    if (home) {
      if (home[1] !== '/root') targets.add(home[1]!);
      continue;
    }
    if (p === BIN_TARGET || p.startsWith(`${BIN_TARGET}/`)) {
      targets.add(BIN_TARGET);
      continue;
    }
    const missing = firstMissing(p);
    if (!missing || SYSTEM.test(missing)) continue;
    // A missing last component is made a folder only when the scenario uses it as one: a file it
    // writes (`echo amazing > /etc/my-second-file`), reads (`tail /var/log/syslog`) or names to
    // show an error (`ls /bin/usr 2> ls-error.txt`) was a folder, and every one of them failed
    // with 'Is a directory' or passed where it should fail (public linux-cli and learning-linux
    // scenarios, found by the issue-9 headless table).
    if (missing === p && !usedAsFolder(p, named, text)) continue;
    targets.add(missing);
  }
  // A folder inside another target is already the workspace's.
  const sorted = [...targets].sort();
  return sorted.filter((t) => !sorted.some((o) => o !== t && t.startsWith(`${o}/`)));
}

/** The workspace folder that backs a sandbox target. */
export function workspaceFolderFor(workspace: string, target: string): string {
  if (target === '/root' || HOME_LIKE.test(target)) return join(workspace, WORKSPACE_HOME);
  if (target === '/tmp') return join(workspace, WORKSPACE_TMP);
  return join(workspace, target.replace(/^\/+/, ''));
}

/** katarun's own install folder (its bundled zx CLI, the sandbox's sudo), found from this module. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

export function planSandbox(input: SandboxPlanInput): SandboxSpec {
  const {scenario, workspace, env} = input;
  const hostHome = env.HOME && env.HOME !== '/' ? real(env.HOME) : undefined;
  const hide = [...new Set(['/home', '/root', ...(hostHome ? [hostHome] : [])])];
  const hidden = (p: string) => hide.some((h) => p === h || p.startsWith(`${h}/`)) || p === '/tmp' || p.startsWith('/tmp/');
  const binds: SandboxBind[] = derivedTargets(scenario).map((to) => ({from: workspaceFolderFor(workspace, to), to, writable: true}));
  // katarun's own folders at their host paths, so the paths it hands to the processes work.
  const own: SandboxBind[] = [];
  const keep = (p: string, writable: boolean) => {
    const r = real(p);
    if (hidden(r) && !SECRET.test(r) && !own.some((b) => b.to === r)) own.push({from: r, to: r, writable});
  };
  keep(workspace, true);
  for (const w of input.writable) keep(w, true);
  keep(scenario.dir, false);
  keep(packageRoot(), false);
  keep(dirname(dirname(real(process.execPath))), false);
  for (const d of (env.PATH ?? '').split(':')) if (d.startsWith('/') && existsSync(d)) keep(d, false);
  own.sort((a, b) => a.to.length - b.to.length);
  const docker = scenario.environment.kind === 'kind' ? [] : ['/run/docker.sock', '/var/run/docker.sock'].map(real).filter((p, i, a) => a.indexOf(p) === i);
  return {bwrap: input.bwrap, hide, blank: docker, binds: [...binds, ...own]};
}
