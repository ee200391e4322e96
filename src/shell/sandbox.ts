// The sandbox every scenario process is started in: a bubblewrap (bwrap) command line built
// around the real command, at the one place where processes are spawned. The host's file
// system is read-only, homes are empty, the scenario's own folders are bind mounts of the
// workspace, and the process tree lives in its own PID namespace that dies with katarun.
// Nothing above src/shell/ sees bwrap: it hands over a SandboxSpec (what to mount where) and
// asks `sandboxStatus()` whether it works here.

import {spawnSync} from 'node:child_process';
import {existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statSync} from 'node:fs';
import {delimiter, dirname, join, posix, relative} from 'node:path';

export interface SandboxBind {
  /** A folder (or file) on the host. */
  readonly from: string;
  /** Where the sandboxed process sees it. */
  readonly to: string;
  readonly writable: boolean;
}

export interface SandboxSpec {
  /** The bwrap binary. */
  readonly bwrap: string;
  /** Host folders replaced by an empty tmpfs: homes, credentials. */
  readonly hide: readonly string[];
  /** Files replaced by /dev/null (the Docker socket of a scenario that needs no Docker). */
  readonly blank?: readonly string[];
  /** Applied in order after `hide`: workspace folders onto Katacoda's paths, then katarun's own folders at their host paths. */
  readonly binds: readonly SandboxBind[];
}

export interface WrappedSpawn {
  readonly command: string;
  readonly args: string[];
  /** The host folder bwrap itself starts in. */
  readonly cwd: string;
  readonly env: Record<string, string>;
}

/** Where host folders hidden by a bind (e.g. the host's /usr/local/bin) stay reachable, read-only. */
export const HOST_SHADOW = '/run/katarun-host';

const isInside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !posix.isAbsolute(rel));
};

/** Deepest ancestor of `p` (itself included) that exists on the host. */
function deepestExisting(p: string): string {
  let cur = p;
  while (cur !== '/' && !existsSync(cur)) cur = dirname(cur);
  return cur;
}

function isNonEmptyDir(p: string): boolean {
  try {
    return statSync(p).isDirectory() && readdirSync(p).length > 0;
  } catch {
    return false;
  }
}

/** Re-create a host folder's entries inside a fresh tmpfs over it, so new folders can be made in it. */
function mergeArgs(dir: string, skip: ReadonlySet<string>): string[] {
  const out = dir === '/' ? [] : ['--tmpfs', dir];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (skip.has(p)) continue;
    try {
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.push('--symlink', readlinkSync(p), p);
      else if (st.isDirectory() || st.isFile()) out.push('--ro-bind', p, p);
      else out.push('--ro-bind-try', p, p);
    } catch {
      // vanished while we looked
    }
  }
  return out;
}

/**
 * The bwrap argv for a spec, and how PATH and the working directory look inside. `cwd` is a
 * path as the sandboxed process sees it (a workspace folder's host path is translated to its
 * sandbox path).
 */
export function sandboxArgs(spec: SandboxSpec, cwd: string, env: Readonly<Record<string, string>>): {args: string[]; chdir: string; env: Record<string, string>} {
  // Host folders a bind hides (the host's own /usr/local/bin) stay reachable, read-only, under
  // HOST_SHADOW and on PATH.
  const shadowed = new Map<string, string>();
  const onPath = new Set((env.PATH ?? '').split(delimiter));
  for (const b of spec.binds) {
    if (b.from === b.to || !onPath.has(b.to) || !isNonEmptyDir(b.to) || spec.hide.some((h) => isInside(b.to, h))) continue;
    shadowed.set(b.to, HOST_SHADOW + b.to);
  }
  // A target that does not exist on the host (/ks, /etc/killercoda) needs a writable parent:
  // its deepest existing ancestor becomes a tmpfs with the host's entries put back.
  const merges = new Set<string>();
  for (const t of [...spec.binds.map((b) => b.to), ...(shadowed.size ? [HOST_SHADOW] : [])]) {
    if (!existsSync(t)) merges.add(deepestExisting(dirname(t)));
  }
  const skip = new Set(['/proc', '/dev', ...[...merges].filter((m) => m !== '/')]);
  // The command is the namespace's PID 1 (no extra init process: one fork less per start); when
  // it exits, the kernel ends everything else in the namespace, and --die-with-parent ends the
  // namespace when katarun goes, however it goes.
  const args = ['--die-with-parent', '--unshare-pid', '--as-pid-1', '--unshare-uts', '--hostname', 'katarun'];
  // As root, bwrap keeps every capability; without them root cannot unmount the tmpfs over a home.
  if (process.getuid?.() === 0) args.push('--cap-drop', 'ALL');
  if (merges.has('/')) args.push(...mergeArgs('/', skip));
  else args.push('--ro-bind', '/', '/');
  for (const m of [...merges].filter((x) => x !== '/').sort()) args.push(...mergeArgs(m, new Set()));
  args.push('--dev', '/dev', '--proc', '/proc');
  for (const h of spec.hide) if (existsSync(h)) args.push('--tmpfs', h);
  for (const f of spec.blank ?? []) if (existsSync(f)) args.push('--ro-bind', '/dev/null', f);
  for (const [dir, at] of shadowed) args.push('--ro-bind', dir, at);
  for (const b of spec.binds) {
    // A workspace folder the scenario has not used yet still has to exist to be mounted.
    if (b.writable && !existsSync(b.from)) mkdirSync(b.from, {recursive: true, mode: 0o700});
    args.push(b.writable ? '--bind' : '--ro-bind', b.from, b.to);
  }
  const inner = {...env};
  if (env.PATH) {
    inner.PATH = env.PATH.split(delimiter)
      .flatMap((d) => (shadowed.has(d) ? [d, shadowed.get(d)!] : [d]))
      .join(delimiter);
  }
  return {args, chdir: toSandbox(spec, cwd), env: inner};
}

/** A host path as the sandboxed process sees it: inside a workspace folder bound elsewhere → that place. */
export function toSandbox(spec: SandboxSpec, hostPath: string): string {
  let best: SandboxBind | undefined;
  for (const b of spec.binds) {
    if (b.from !== b.to && isInside(hostPath, b.from) && (!best || b.from.length > best.from.length)) best = b;
  }
  return best ? posix.join(best.to, relative(best.from, hostPath)) : hostPath;
}

/** A path as a sandboxed process sees it, on the host (the inverse of toSandbox, for reading its files). */
export function toHost(spec: SandboxSpec, sandboxPath: string): string {
  let best: SandboxBind | undefined;
  for (const b of spec.binds) {
    if (isInside(sandboxPath, b.to) && (!best || b.to.length > best.to.length)) best = b;
  }
  return best ? posix.join(best.from, relative(best.to, sandboxPath)) : sandboxPath;
}

/** The command to spawn instead of `command args` when a spec is given. */
export function wrapSpawn(command: string, args: readonly string[], cwd: string, env: Readonly<Record<string, string>>, spec?: SandboxSpec): WrappedSpawn {
  if (!spec) return {command, args: [...args], cwd, env: {...env}};
  const s = sandboxArgs(spec, cwd, env);
  // bwrap itself starts at the host's root, which every user may enter: `cwd` is a path inside
  // the sandbox (a snapshot says /root), which on the host may not exist or be closed to this
  // user (/root is 0700: every check of an unprivileged learner failed with 'permission denied').
  // The process starts where it asked, through --chdir.
  return {command: spec.bwrap, args: [...s.args, '--chdir', s.chdir, '--', command, ...args], cwd: '/', env: s.env};
}

export interface SandboxStatus {
  readonly usable: boolean;
  /** The bwrap found (when any). */
  readonly bwrap?: string;
  /** Why it cannot be used: `missing` (no bwrap on PATH), `unsupported` (not Linux), or bwrap's own error. */
  readonly reason?: 'missing' | 'unsupported' | 'failed';
  readonly detail?: string;
}

const cache = new Map<string, SandboxStatus>();

/** Whether bwrap exists and can start a sandbox like ours here (user namespaces may be off). Cached per PATH. */
export function sandboxStatus(path: string | undefined = process.env.PATH): SandboxStatus {
  const key = path ?? '';
  let st = cache.get(key);
  if (!st) cache.set(key, (st = probe(path)));
  return st;
}

function probe(path: string | undefined): SandboxStatus {
  if (process.platform !== 'linux') return {usable: false, reason: 'unsupported'};
  const bwrap = (path ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((d) => join(d, 'bwrap'))
    .find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
  if (!bwrap) return {usable: false, reason: 'missing'};
  const r = spawnSync(bwrap, ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-pid', '--die-with-parent', 'true'], {
    encoding: 'utf8',
    timeout: 5000,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status === 0) return {usable: true, bwrap};
  const detail = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0] ?? '';
  return {usable: false, bwrap, reason: 'failed', detail};
}
