// The contract of the shell layer: persistent sessions (PTY or pipe) and one-shot processes.
// Every process katarun starts is started through this layer, so that every one of them
// is in a process group we own and dies with katarun.

import type {SandboxSpec} from './sandbox.js';

export type ShellKind = 'pty' | 'pipe';
export type {SandboxSpec, SandboxBind} from './sandbox.js';

export interface ShellSessionOptions {
  /** `auto` = PTY when the addon loads, else pipe. */
  readonly kind: ShellKind | 'auto';
  readonly cwd: string;
  /** The complete environment of the shell (not merged with process.env by the session). */
  readonly env: Readonly<Record<string, string>>;
  readonly cols?: number;
  readonly rows?: number;
  /** Folder for the rc file, the env/cwd snapshot, command files and the raw log. Created if missing. */
  readonly stateDir: string;
  /** A name for logs and markers, e.g. `T1`. */
  readonly name: string;
  /** Start the shell in this sandbox (bwrap); `cwd` is then a path as the shell sees it. */
  readonly sandbox?: SandboxSpec;
  /**
   * Restore an earlier shell first: `envFile` is sourced (export lines) and the shell changes to
   * the folder named in `cwdFile` — both as the shell sees them (inside a sandbox, its paths).
   */
  readonly restore?: {readonly envFile: string; readonly cwdFile: string};
}

export interface RunOptions {
  /** Kill the command (Ctrl-C, then harder) after this long. */
  readonly timeoutMs?: number;
  /** Aborting interrupts the command; while it still waits for the prompt, it is cancelled unsent. */
  readonly signal?: AbortSignal;
}

export interface CommandResult {
  /** Exit status as bash reports it: 0, 1, 2, 130 after Ctrl-C, … */
  readonly exitCode: number;
  readonly timedOut: boolean;
  /** Ended by interrupt() or the abort signal. */
  readonly interrupted: boolean;
  readonly durationMs: number;
  /** The last lines the command printed (bounded; the full output is in the log file). */
  readonly tail: readonly string[];
  /** Lines the command printed in total. */
  readonly lineCount: number;
  /**
   * The shell itself ended while this command ran (e.g. the script ran `exit`); the session
   * started a fresh shell, restored from the last env/cwd snapshot. Functions, aliases and
   * unexported variables are lost.
   */
  readonly restarted?: boolean;
  /**
   * The shell was replaced by another bash (`exec bash`): katarun re-attached its hooks to the
   * new one, which kept the exported variables and the folder (not functions or aliases).
   */
  readonly replaced?: boolean;
  /** Never sent: cancelled while it waited for the terminal to be at its prompt. */
  readonly cancelled?: boolean;
}

/** What holds a terminal when it is not at its prompt. */
export interface ForegroundInfo {
  /** The foreground program's command line (the shell's name when the shell itself is busy). */
  readonly command: string;
  readonly pid: number;
  readonly isShell: boolean;
  /** It reads what is typed into the terminal (a REPL, an editor, `cat`): lines sent now go to it. */
  readonly readsTerminal: boolean;
}

export interface ShellSession {
  readonly name: string;
  readonly kind: ShellKind;
  /** PID of the shell, which leads its own session/process group. */
  readonly pid: number;
  /** Raw log of everything the terminal printed. */
  readonly logFile: string;
  /**
   * Written after every command: `export -p` output and the working directory. Each command
   * writes fresh files (fast on every filesystem), so these paths change: read them when needed.
   */
  readonly envFile: string;
  readonly cwdFile: string;
  /** True while a command runs (its marker has not come back yet). */
  readonly busy: boolean;
  /**
   * At its prompt, ready for a command now. False while a command runs — one the learner typed
   * in the terminal included — so nothing is typed into a program that would swallow it.
   */
  readonly atPrompt: boolean;
  /**
   * Its shell died and the one started in its place never came up (bwrap refused it, say):
   * there will be no prompt, and every command sent fails at once with the reason. The prompt
   * listeners hear when it becomes true (with `false`: still no prompt).
   */
  readonly startFailed?: boolean;
  /** What holds the terminal when it is not at its prompt (undefined at the prompt or when unknown). */
  foreground(): ForegroundInfo | undefined;
  /**
   * A program other than the shell holds the terminal and waits for typed input now (a REPL at
   * its prompt, an editor, `cat`). Always false for a pipe session: it has no terminal to type into.
   */
  awaitsInput(): boolean;
  /**
   * The command running now is a server: one of its processes holds a listening TCP socket
   * (read from /proc, not guessed from its form). False at the prompt and where /proc is unknown.
   */
  serving?(): boolean;
  /** The program names of the foreground job (not the shell): `['git', 'less']`. Empty at the prompt, for pipes, where unknown. */
  foregroundPrograms?(): string[];
  /** Called whenever the shell reaches its prompt (true) or leaves it (false). Returns the unsubscribe function. */
  onPromptChange(listener: (atPrompt: boolean) => void): () => void;
  /**
   * Run a command as if a person typed it and pressed Enter; resolves when the prompt
   * comes back. Calls are queued: a command never becomes the stdin of the one before.
   */
  run(command: string, opts?: RunOptions): Promise<CommandResult>;
  /** Type raw bytes into the terminal (no-newline actions, ctrl-seq, the learner's own typing). */
  write(data: string): void;
  /** Ctrl-C to the foreground job, as a person would; escalates if it does not stop. */
  interrupt(): void;
  resize(cols: number, rows: number): void;
  /** Raw output as it arrives, decoded. Returns the unsubscribe function. */
  onOutput(listener: (chunk: string) => void): () => void;
  /**
   * Output arrived (nothing decoded, nothing counted again: the session counts lines once as
   * it keeps its tail). For a listener that reads `tail()` and `outputLines` on its own clock.
   */
  onActivity(listener: () => void): () => void;
  /** Lines printed by the running (or last) command so far. */
  readonly outputLines: number;
  /** Called when the shell itself ends (e.g. the learner typed `exit`). */
  onExit(listener: (code: number | null) => void): () => void;
  /** Called when a program replaced the shell with a new bash (`exec bash`) and katarun re-attached to it (a PTY session only). */
  onReplaced(listener: () => void): () => void;
  /** The last `n` lines as they look on the terminal (progress bars collapsed, colours kept as SGR). */
  tail(n: number): string[];
  /** The whole visible screen as ANSI text, to repaint it when the learner drops into the shell. */
  screen(): string;
  /** Ends the shell and everything started in it. Idempotent. */
  dispose(): Promise<void>;
}

export interface ProcessOptions {
  readonly cwd: string;
  /** The complete environment (not merged with process.env). */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Text for stdin; stdin is /dev/null otherwise. */
  readonly input?: string;
  /** Keep at most this many bytes of output (the end of it). Default 64 KiB. */
  readonly maxOutputBytes?: number;
  /** Also write the output here (appending). */
  readonly logFile?: string;
  readonly onOutput?: (chunk: string) => void;
  /**
   * Leave background jobs the process started (`cmd &`) running after it exits; they stay
   * registered and end with katarun. By default they are ended with the process.
   */
  readonly keepBackgroundJobs?: boolean;
  /** Start the process in this sandbox (bwrap); `cwd` is then a path as the process sees it. */
  readonly sandbox?: SandboxSpec;
}

export interface ProcessResult {
  /** null when it was killed by a signal. */
  readonly exitCode: number | null;
  readonly signal?: string;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  /** stdout and stderr interleaved, bounded to the last maxOutputBytes. */
  readonly output: string;
  readonly durationMs: number;
}

export interface BackgroundHandle {
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code when the process ends. */
  readonly done: Promise<number | null>;
  /** Kill its whole process group. */
  stop(): Promise<void>;
}
