// Signalling whole process groups and whole sessions, synchronously, so the same code
// works inside a process 'exit' handler. A PTY shell runs every job in its own process
// group, so only its session id (SID) reaches `nohup … &` jobs; a pipe shell keeps
// everything in one group.

import {readdirSync, readFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';

/** True when `pid` is bubblewrap: the leader of a sandboxed group (src/shell/sandbox.ts). */
function isBwrap(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'bwrap';
  } catch {
    return false;
  }
}

/** Signal a process group; false when it no longer exists. */
export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  if (!(pgid > 1)) return false;
  // In a sandboxed group bwrap leads: a Ctrl-C meant for the shell and its command must not
  // end bwrap (which takes the whole sandbox with it). SIGTERM/SIGKILL do end it, on purpose.
  if (signal === 'SIGINT' && isBwrap(pgid)) {
    const members = (scanProc((st) => st.pgrp === pgid) ?? []).filter((pid) => !isBwrap(pid));
    for (const pid of members) {
      try {
        process.kill(pid, signal);
      } catch {
        // gone already
      }
    }
    return members.length > 0;
  }
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * True while a live (non-zombie) process is in the group. kill(-pgid, 0) alone also counts
 * zombies, and orphans reparented to a slow init (containers, microVMs) stay zombies for a
 * second or more, so a positive answer is confirmed in /proc where there is one.
 */
export function groupAlive(pgid: number): boolean {
  if (!(pgid > 1)) return false;
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const members = scanProc((st) => st.pgrp === pgid);
  return members === undefined || members.length > 0;
}

/**
 * Live processes of a group; empty without /proc. In a sandboxed group, bwrap's own processes
 * and the one it started (the shell) stand for the leader and are left out, as the leader is
 * when the leader is the shell.
 */
export function groupMembers(pgid: number): number[] {
  const all = scanProc((st) => st.pgrp === pgid) ?? [];
  if (!isBwrap(pgid)) return all;
  const bwraps = new Set(all.filter(isBwrap));
  return all.filter((pid) => !bwraps.has(pid) && !bwraps.has(readStat(pid)?.ppid ?? 0));
}

/** Live processes matching `pred`; undefined when there is no /proc. */
function scanProc(pred: (st: StatFields) => boolean): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const out: number[] = [];
  for (const name of entries) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const st = readStat(Number(name));
    if (st && st.state !== 'Z' && pred(st)) out.push(st.pid);
  }
  return out;
}

interface StatFields {
  readonly pid: number;
  readonly ppid: number;
  readonly pgrp: number;
  readonly session: number;
  readonly tpgid: number;
  readonly state: string;
}

/** Fields of /proc/<pid>/stat we need; comm may contain spaces and parentheses, so split after the last ')'. */
export function readStat(pid: number): StatFields | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest: state ppid pgrp session tty_nr tpgid …
  return {pid, state: rest[0] ?? '', ppid: Number(rest[1]), pgrp: Number(rest[2]), session: Number(rest[3]), tpgid: Number(rest[5])};
}

/** Every live process whose session id is `sid` (the session leader included). */
export function sessionMembers(sid: number): number[] {
  const found = scanProc((st) => st.session === sid);
  if (found) return found;
  // No /proc (macOS, BSD): ask ps.
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,sess='], {encoding: 'utf8'});
  if (ps.status !== 0 || !ps.stdout) return [];
  return ps.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([pid, sess]) => sess === sid && pid !== undefined && pid > 1)
    .map(([pid]) => pid!);
}

/** Signal every process of a session and every group they lead; false when none was left. */
export function killSession(sid: number, signal: NodeJS.Signals): boolean {
  let any = false;
  for (const pid of sessionMembers(sid)) {
    if (pid === process.pid) continue;
    try {
      process.kill(pid, signal);
      any = true;
    } catch {
      // already gone
    }
  }
  return killGroup(sid, signal) || any;
}

export function sessionAlive(sid: number): boolean {
  return sessionMembers(sid).length > 0;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * SIGTERM, then SIGKILL after `graceMs` if anything is left. Resolves when nothing of the
 * group/session is alive any more (or after a last short wait).
 */
export async function terminate(target: {kind: 'group' | 'session'; id: number}, graceMs = 500): Promise<void> {
  const alive = () => (target.kind === 'group' ? groupAlive(target.id) : sessionAlive(target.id));
  const send = (sig: NodeJS.Signals) => (target.kind === 'group' ? killGroup(target.id, sig) : killSession(target.id, sig));
  if (!alive()) return;
  send('SIGTERM');
  const deadline = Date.now() + graceMs;
  // Most processes die within a few ms of SIGTERM: look often at first, then less.
  for (let i = 0; Date.now() < deadline; i++) {
    await sleep(i < 10 ? 3 : 25);
    if (!alive()) return;
  }
  send('SIGKILL');
  for (let i = 0; i < 20 && alive(); i++) await sleep(25);
}
