// The files a persistent shell session keeps in its state folder — the env/cwd snapshot,
// the raw log, one file per command — and the bash snippets both session kinds share.
// Commands are written to a file and sourced rather than typed, so any text (tabs,
// heredocs, a syntax error) is contained in that file and never confuses the shell.

import {randomBytes} from 'node:crypto';
import {mkdirSync, unlink, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export interface SessionPaths {
  readonly dir: string;
  readonly rcFile: string;
  readonly envFile: string;
  readonly cwdFile: string;
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
    envFile: join(dir, `${safe}.env.sh`),
    cwdFile: join(dir, `${safe}.cwd`),
    logFile: join(dir, `${safe}.log`),
    historyFile: join(dir, `${safe}.history`),
    cmdDir: join(dir, `${safe}.cmd`),
  };
}

export function prepareDirs(p: SessionPaths): void {
  mkdirSync(p.dir, {recursive: true, mode: 0o700});
  mkdirSync(p.cmdDir, {recursive: true, mode: 0o700});
}

export function newNonce(): string {
  return randomBytes(8).toString('hex');
}

/** Single-quote for bash. */
export function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

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
 * Shell variables (not exported, so they never reach the snapshot or child processes) and
 * the snapshot function: builtins only, no fork, so it costs microseconds per command.
 */
export function commonShellSetup(p: SessionPaths, nonce: string): string {
  return [
    `__kc_nonce=${nonce}`,
    `__kc_d=${shq(p.cmdDir)}`,
    `__kc_env=${shq(p.envFile)}`,
    `__kc_cwd=${shq(p.cwdFile)}`,
    `__kc_snap() { export -p > "$__kc_env" 2>/dev/null; printf '%s' "$PWD" > "$__kc_cwd" 2>/dev/null; }`,
    '',
  ].join('\n');
}
