// The files a persistent shell session keeps in its state folder — the env/cwd snapshot,
// the raw log, one file per command — and the bash snippets both session kinds share.
// Commands are written to a file and sourced rather than typed, so any text (tabs,
// heredocs, a syntax error) is contained in that file and never confuses the shell.

import {mkdirSync, unlink, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export interface SessionPaths {
  readonly dir: string;
  readonly rcFile: string;
  /** Snapshots go to a fresh `env.<id>.sh` / `cwd.<id>` per command (see envFileFor). */
  readonly snapDir: string;
  readonly logFile: string;
  readonly historyFile: string;
  readonly cmdDir: string;
}

export function sessionPaths(stateDir: string, name: string): SessionPaths {
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'shell';
  const dir = stateDir;
  return {
    dir,
    rcFile: join(dir, `${safe}.rc`),
    snapDir: join(dir, `${safe}.snap`),
    logFile: join(dir, `${safe}.log`),
    historyFile: join(dir, `${safe}.history`),
    cmdDir: join(dir, `${safe}.cmd`),
  };
}

export function prepareDirs(p: SessionPaths): void {
  mkdirSync(p.dir, {recursive: true, mode: 0o700});
  mkdirSync(p.cmdDir, {recursive: true, mode: 0o700});
  mkdirSync(p.snapDir, {recursive: true, mode: 0o700});
}

export function newNonce(): string {
  // Web Crypto is a global: no node:crypto import on the start-up path.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

import {shq} from './bash-quote.js';

export {shq};

/** Write command number `n`; returns the short text that sources it (`$__kc_d` is the cmd folder). */
export function writeCommandFile(p: SessionPaths, n: number, prefix: string, command: string, suffix = ''): {file: string; source: string} {
  const file = join(p.cmdDir, String(n));
  // The trailing newline ends a last line that has none (e.g. a heredoc terminator).
  writeFileSync(file, prefix + command + suffix + '\n', {mode: 0o600});
  return {file, source: `. "$__kc_d/${n}"`};
}

export function removeCommandFile(file: string): void {
  unlink(file, () => undefined);
}

/**
 * The snapshot of command `id`. Each command writes new files instead of rewriting one:
 * on ext4, truncating a file that has data costs ~0.2 ms (delayed-allocation flush) and
 * replacing it by rename ~1.5 ms, while creating a fresh file costs ~0.02 ms.
 */
export function envFileFor(p: SessionPaths, id: number): string {
  return join(p.snapDir, `env.${id}.sh`);
}

export function cwdFileFor(p: SessionPaths, id: number): string {
  return join(p.snapDir, `cwd.${id}`);
}

/** Bash that restores a restarted shell from a snapshot. */
export function restoreSnippet(envFile: string, cwdFile: string): string {
  return `[ -r ${shq(envFile)} ] && . ${shq(envFile)} >/dev/null 2>&1; builtin read -r __kc_c < ${shq(cwdFile)} 2>/dev/null && builtin cd "$__kc_c" 2>/dev/null`;
}

/**
 * Shell variables (not exported, so they never reach the snapshot or child processes) and
 * the snapshot function: builtins only, no fork, so it costs microseconds per command.
 */
export function commonShellSetup(p: SessionPaths, nonce: string): string {
  return [
    `__kc_nonce=${nonce}`,
    `__kc_d=${shq(p.cmdDir)}`,
    `__kc_sd=${shq(p.snapDir)}`,
    // The snapshot holds every exported variable (tokens a step exported too): created 0600
    // whatever umask the learner's commands set, which is put back after (kept in a file and
    // read back with builtins, so still no fork).
    `__kc_snap() { builtin umask -p > "$__kc_sd/umask" 2>/dev/null; builtin umask 077; builtin export -p > "$__kc_sd/env.\${__kc_id:-0}.sh" 2>/dev/null; builtin printf '%s' "$PWD" > "$__kc_sd/cwd.\${__kc_id:-0}" 2>/dev/null; builtin read -r __kc_um < "$__kc_sd/umask" && builtin eval "$__kc_um"; }`,
    '',
  ].join('\n');
}
