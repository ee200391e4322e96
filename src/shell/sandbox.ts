// The sandbox every scenario process is started in: a bubblewrap (bwrap) command line built
// around the real command, at the one place where processes are spawned. The host's file
// system is read-only, homes are empty, the scenario's own folders are bind mounts of the
// workspace, and the processes live in the run's own PID namespace that dies with katarun.
// Nothing above src/shell/ sees bwrap: it hands over a SandboxSpec (what to mount where) and
// asks `sandboxStatus()` whether it works here.
//
// One PID namespace per spec (one run), as on Katacoda's one machine: the terminals, the
// background scripts and the checks see each other's processes (a check's `pgrep -f "sleep 600"`
// finds the learner's `sleep 600 &`; `pkill` in T1 reaches a background script's daemon). A
// holder (a sandboxed bash, PID 1 of the namespace, dying with katarun) keeps the namespace;
// every other sandboxed process joins it with bwrap --pidns (and --userns when not root). When
// the holder ends (endSandbox at the end of the run, or katarun going) the kernel ends
// everything left in it.
// Where the holder cannot start, each process keeps a namespace of its own, as before.

import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
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
export function sandboxArgs(spec: SandboxSpec, cwd: string, env: Readonly<Record<string, string>>, joinsRun = false): {args: string[]; chdir: string; env: Record<string, string>} {
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
  // Joining the run's PID namespace (`joinsRun`, see JOIN): the run's holder ends it. Otherwise
  // the command is a namespace's PID 1 (no extra init process: one fork less per start); when
  // it exits, the kernel ends everything else in the namespace. Either way --die-with-parent
  // ends the process when katarun goes, however it goes.
  const args = ['--die-with-parent', ...(joinsRun ? [] : ['--unshare-pid', '--as-pid-1']), '--unshare-uts', '--hostname', 'katarun'];
  // As root, bwrap keeps every capability; without them root cannot unmount the tmpfs over a home.
  if (asRoot()) args.push('--cap-drop', 'ALL');
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

const asRoot = () => process.getuid?.() === 0;

const holders = new WeakMap<SandboxSpec, ChildProcess>();

/** The host PID of the process that holds the spec's PID namespace, started on first use. */
function holderOf(spec: SandboxSpec): number | undefined {
  const h = holders.get(spec);
  if (h) return h.pid !== undefined && h.exitCode === null && h.signalCode === null ? h.pid : undefined;
  const bash = ['/usr/bin/bash', '/bin/bash'].find((b) => existsSync(b));
  if (!bash) return undefined;
  // PID 1 waits in `read` on a pipe from katarun that is never written: it ends at end-of-file,
  // when katarun is gone however it went. bash reaps every child (the orphans re-parented to it)
  // in its SIGCHLD handler while it waits.
  const init = 'while :; do read -r _; [ $? = 1 ] && exit 0; done';
  const child = spawn(spec.bwrap, [...holderArgs(), '--symlink', bash, INIT, '--', INIT, '-c', init], {cwd: '/', env: {PATH: '/usr/bin:/bin'}, stdio: ['pipe', 'ignore', 'ignore']});
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  (child.stdin as {unref?: () => void} | null)?.unref?.();
  child.unref();
  holders.set(spec, child);
  return child.pid;
}

/** PID 1 of the run's namespace, as `ps` and `pgrep` inside show it: bash under a name of its own. */
const INIT = '/katarun-init';

/**
 * The holder: PID 1 of the run's namespace, in a sandbox that shows only the system's programs
 * and libraries (read-only). Every process of the run can open /proc/1/root, so PID 1 must see
 * no more of this machine than they do: a holder outside any sandbox (`unshare --pid`) let an
 * unprivileged learner's scenario read their real home through it (`cat
 * /proc/1/root/home/me/.kube/config`). No /dev and no /proc: with --dev an unprivileged bwrap
 * nests a second user namespace (to mount devpts as uid 0), and a process joining the inner
 * one may not join a PID namespace the outer one owns ("Setting pidns failed"). PID 1 is a bash
 * that reaps every orphan the scenario leaves (a plain `sleep` as PID 1 never reaps: a
 * `pkill`ed process stayed a zombie that a check's `pgrep` still found), with no child of its
 * own: a `sleep infinity` beside it was found by a check's `pgrep sleep`, and once a scenario's
 * `pkill sleep` ended it, `wait` returned at once and PID 1 spun. It shows as `katarun-init`.
 * The kernel delivers no signal to it from inside the namespace (it handles none of theirs), so
 * a scenario cannot end it; it dies with katarun (--die-with-parent, and its pipe's end) or at
 * endSandbox, and the kernel then ends everything left in the namespace.
 */
function holderArgs(): string[] {
  const args = ['--die-with-parent', '--unshare-pid', '--as-pid-1', '--unshare-uts', '--hostname', 'katarun'];
  if (asRoot()) args.push('--cap-drop', 'ALL');
  for (const p of ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc/ld.so.cache']) {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(p), p);
    else args.push('--ro-bind', p, p);
  }
  return args;
}

/** End the spec's PID namespace and every process still in it (at the end of a run). */
export function endSandbox(spec: SandboxSpec | undefined): void {
  const h = spec ? holders.get(spec) : undefined;
  if (!spec || !h) return;
  holders.delete(spec);
  h.kill('SIGKILL');
}

// Run by /bin/sh before bwrap: $0 is the holder's PID, $1 bwrap, $2 `user` when the holder has a
// user namespace of its own to join too (bwrap makes one when not run as root). Joins the
// namespaces of the holder's child (its PID 1) once that child's uid and gid maps are written
// (they are written after it starts: a bwrap joining before then has no valid uid there and
// fails with "Can't send pid: Invalid argument"; gid_map is written last). When there is no such
// child within 10 s (the holder could not start, or is gone), a namespace of its own, as without
// a holder. Every redirection that may fail is inside `{ …; } 2>/dev/null`: a bare `exec 8<f
// 2>/dev/null` would leave sh's stderr — and so bwrap's and the shell's — on /dev/null for good
// (a PTY shell then never drew its prompt). `command exec`: a failed redirection must not end sh
// before the fallback.
const JOIN = [
  'h=$0 b=$1 u=$2; shift 2; i=0',
  'while :; do c= g=; { read -r c _ </proc/$h/task/$h/children; [ -n "$c" ] && read -r g _ </proc/$c/gid_map; } 2>/dev/null; [ -n "$g" ] && break',
  '  i=$((i+1)); [ $i -lt 1000 ] && [ -d /proc/$h ] || exec "$b" --unshare-pid --as-pid-1 "$@"; sleep 0.01; done',
  'if [ "$u" = user ]; then { command exec 7</proc/$c/ns/user 8</proc/$c/ns/pid; } 2>/dev/null && exec "$b" --userns 7 --pidns 8 "$@"',
  'else { command exec 8</proc/$c/ns/pid; } 2>/dev/null && exec "$b" --pidns 8 "$@"; fi',
  'exec "$b" --unshare-pid --as-pid-1 "$@"',
].join('\n');

/** The command to spawn instead of `command args` when a spec is given. */
export function wrapSpawn(command: string, args: readonly string[], cwd: string, env: Readonly<Record<string, string>>, spec?: SandboxSpec): WrappedSpawn {
  if (!spec) return {command, args: [...args], cwd, env: {...env}};
  const holder = holderOf(spec);
  const s = sandboxArgs(spec, cwd, env, holder !== undefined);
  // bwrap itself starts at the host's root, which every user may enter: `cwd` is a path inside
  // the sandbox (a snapshot says /root), which on the host may not exist or be closed to this
  // user (/root is 0700: every check of an unprivileged learner failed with 'permission denied').
  // The process starts where it asked, through --chdir.
  if (holder === undefined) return {command: spec.bwrap, args: [...s.args, '--chdir', s.chdir, '--', command, ...args], cwd: '/', env: s.env};
  // Into the run's shared namespace instead of one of its own. bwrap hands the namespace fds it
  // joined through to the command: sh closes them before it becomes the command.
  const joined = [...s.args, '--chdir', s.chdir, '--', '/bin/sh', '-c', 'exec "$0" "$@" 7<&- 8<&-', command, ...args];
  return {command: '/bin/sh', args: ['-c', JOIN, String(holder), spec.bwrap, asRoot() ? 'root' : 'user', ...joined], cwd: '/', env: s.env};
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
