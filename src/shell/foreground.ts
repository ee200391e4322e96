// What holds a terminal when its shell is not at the prompt: the foreground process group
// (the kernel's tpgid of the shell's terminal), its command line, and whether it reads the
// terminal — a REPL or an editor switches the line discipline off canonical mode (python3,
// node, vim), and a program in canonical mode that waits in the tty's read (cat, `read`)
// reads it too. A `sleep` or a server does neither; lines typed then would only queue up.

import {readFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {groupMembers, readStat} from './kill-tree.js';
import type {ForegroundInfo} from './types.js';


function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The terminal is in non-canonical (raw) mode, as a readline program or an editor sets it. */
function rawMode(tty: string): boolean {
  const r = spawnSync('stty', ['-a', '-F', tty], {encoding: 'utf8', timeout: 2000});
  return r.status === 0 && /(^|\s)-icanon(\s|;|$)/.test(r.stdout);
}

/**
 * `sessionPid` is the process the terminal was opened for (bash, or the sandbox around it);
 * `shellGroup` the shell's own process group (the foreground one at its prompt) when known.
 */
/** The terminal's foreground process group now (at the shell's prompt: the shell's own). */
export function foregroundGroupOf(sessionPid: number): number | undefined {
  const st = readStat(sessionPid);
  return st && st.tpgid > 0 ? st.tpgid : undefined;
}

export function foregroundOf(sessionPid: number, tty: string | undefined, shellGroup?: number): ForegroundInfo | undefined {
  const st = readStat(sessionPid);
  if (!st || !(st.tpgid > 0)) return undefined;
  const pid = st.tpgid;
  const cmdline = readText(`/proc/${pid}/cmdline`);
  const command = cmdline ? cmdline.split('\0').filter(Boolean).join(' ') : '';
  const wchan = readText(`/proc/${pid}/wchan`) ?? '';
  const isShell = pid === (shellGroup ?? sessionPid);
  // The shell's own readline leaves the terminal raw for a moment after a line is read: raw
  // mode counts only for another program; the shell reads the terminal when in the tty's read (`read`).
  const readsTerminal = /tty|wait_woken/.test(wchan) || (!isShell && tty !== undefined && rawMode(tty));
  return {command, pid, isShell, readsTerminal};
}

/**
 * The programs of the terminal's foreground job (not the shell's own group): each member's
 * program name (`less` of `git log`'s pager, `vim` of `man`… ), for headless to tell a pager or
 * an editor from a REPL. Empty at the prompt and where /proc is unknown.
 */
export function foregroundPrograms(sessionPid: number, shellGroup?: number): string[] {
  const st = readStat(sessionPid);
  if (!st || !(st.tpgid > 0) || st.tpgid === (shellGroup ?? sessionPid)) return [];
  return groupMembers(st.tpgid)
    .map((pid) => (readText(`/proc/${pid}/cmdline`) ?? '').split('\0')[0]?.split('/').pop() ?? '')
    .filter(Boolean);
}

/**
 * The terminal's foreground program (not the shell) is waiting for what is typed: asleep in the
 * tty's read (`cat`, `read`), or in poll/select with the terminal raw (a readline REPL at its
 * prompt, an editor). False while it computes or sleeps, so a line typed now is read at once
 * rather than queued behind work. Cheap first: the raw-mode probe runs only for a program
 * that already sleeps in poll/select.
 */
export function awaitsInput(sessionPid: number, tty: string | undefined, shellGroup?: number): boolean {
  const st = readStat(sessionPid);
  if (!st || !(st.tpgid > 0) || st.tpgid === (shellGroup ?? sessionPid)) return false;
  // A pipeline's members, not only its leader: in `ls -l /usr/bin | less` the leader `ls` waits
  // to write into the full pipe while `less` reads the terminal (and the leader may have ended).
  const members = groupMembers(st.tpgid);
  const wchans = (members.length > 0 ? members : [st.tpgid]).map((pid) => readText(`/proc/${pid}/wchan`) ?? '');
  if (wchans.some((w) => /tty|wait_woken/.test(w))) return true;
  return wchans.some((w) => /poll|select/.test(w)) && tty !== undefined && rawMode(tty);
}

