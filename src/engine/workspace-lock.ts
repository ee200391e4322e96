// Who has a scenario's workspace open: one katarun at a time. A TUI takes the lock when it opens a
// scenario; a second one finds it held and asks (a separate copy, or quit) instead of silently
// sharing the first one's files and progress. The lock is a file beside the workspace (not in it:
// starting over removes the workspace) holding the owner's pid and its start time, so a lock left
// by a process that died — or by a pid since reused by another program — is seen as stale.

import {mkdirSync, readFileSync, unlinkSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

export interface LockOwner {
  readonly pid: number;
  /** The owner's start time as the kernel counts it (/proc/<pid>/stat), '' where there is no /proc. */
  readonly started: string;
  /** When it took the lock (ms since the epoch). */
  readonly at: number;
}

export type LockResult = {readonly ok: true; readonly release: () => void} | {readonly ok: false; readonly owner: LockOwner};

export const lockFileFor = (workspace: string): string => `${workspace}.lock`;

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); '' when unknown. */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function alive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // EPERM: it exists but is another user's; that is not ours, so the lock is not stale.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The same pid, started at another time, is another program: the owner is gone.
  return owner.started === '' || processStartTime(owner.pid) === '' || processStartTime(owner.pid) === owner.started;
}

function readOwner(file: string): {owner?: LockOwner; text: string} | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && Number.isInteger(o.pid) && o.pid > 0) return {owner: {pid: o.pid, started: String(o.started ?? ''), at: Number(o.at) || 0}, text};
  } catch {
    // a half-written or foreign file: treated as stale
  }
  return {text};
}

/** Take the lock on `workspace` for this process, or say who holds it. Released on release() or when the process exits. */
export function lockWorkspace(workspace: string, now: number = Date.now()): LockResult {
  const file = lockFileFor(workspace);
  mkdirSync(dirname(file), {recursive: true, mode: 0o700});
  const mine: LockOwner = {pid: process.pid, started: processStartTime(process.pid), at: now};
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, text, {flag: 'wx', mode: 0o600});
      const release = () => {
        process.off('exit', release);
        // Only our own lock: never one a later katarun took after this one was found stale.
        if (readOwner(file)?.text === text) {
          try {
            unlinkSync(file);
          } catch {
            // already gone
          }
        }
      };
      process.on('exit', release);
      return {ok: true, release};
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const found = readOwner(file);
    if (found?.owner && found.owner.pid !== process.pid && alive(found.owner)) return {ok: false, owner: found.owner};
    // Stale (its owner died) or unreadable: remove it, if it is still the file just read, and try again.
    if (readOwner(file)?.text === found?.text) {
      try {
        unlinkSync(file);
      } catch {
        // another katarun removed it first
      }
    }
  }
  const last = readOwner(file)?.owner;
  return {ok: false, owner: last ?? {pid: 0, started: '', at: now}};
}
