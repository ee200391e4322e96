// What the PTY and pipe sessions share: the command queue (a command never becomes the
// stdin of the one before), per-command timeouts and abort signals, listeners, and the
// bookkeeping of the command that is running. Subclasses say how a command is sent, how
// Ctrl-C is delivered and how the shell is started and ended.

import {sanitizeText, stripEscapes} from '../render/sanitize.js';
import type {CommandResult, ForegroundInfo, RunOptions, ShellKind, ShellSession} from './types.js';
import {unlink} from 'node:fs';
import {cwdFileFor, envFileFor, removeCommandFile, type SessionPaths} from './session-files.js';
import {message, MessageError, type Message} from '../render/i18n.js';

export interface Pending {
  readonly id: number;
  readonly started: number;
  readonly file: string;
  timedOut: boolean;
  interrupted: boolean;
  readonly resolve: (r: CommandResult) => void;
  readonly cleanup: () => void;
}

/** How long Ctrl-C gets before the foreground job is sent SIGTERM, and SIGTERM before SIGKILL. */
export const ESCALATE_MS = 2000;

/** Call each listener; one that throws must not break the session or keep the others from hearing. */
function notify<A extends unknown[]>(listeners: Iterable<(...args: A) => void>, ...args: A): void {
  for (const l of listeners) {
    try {
      l(...args);
    } catch {
      // the listener's own failure, not the session's
    }
  }
}

export abstract class SessionBase implements ShellSession {
  abstract readonly kind: ShellKind;
  abstract readonly pid: number;
  readonly logFile: string;
  protected pending: Pending | undefined;
  protected disposed = false;
  protected nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly outputListeners = new Set<(chunk: string) => void>();
  private readonly activityListeners = new Set<() => void>();
  private readonly exitListeners = new Set<(code: number | null) => void>();
  private readonly replacedListeners = new Set<() => void>();

  constructor(
    readonly name: string,
    protected readonly paths: SessionPaths,
  ) {
    this.logFile = paths.logFile;
  }

  private snapId = 0;
  private readonly snapIds: number[] = [0];

  /** The newest snapshot; the path changes after each command, so read it when needed. */
  get envFile(): string {
    return envFileFor(this.paths, this.snapId);
  }

  get cwdFile(): string {
    return cwdFileFor(this.paths, this.snapId);
  }

  /** The shell wrote the snapshot of command `id`; older ones but the previous are removed. */
  protected snapshotWritten(id: number): void {
    if (id === this.snapId) return;
    this.snapId = id;
    this.snapIds.push(id);
    // The previous one stays a little longer: a check may be reading it right now.
    while (this.snapIds.length > 2) {
      const old = this.snapIds.shift()!;
      if (this.snapIds.includes(old)) continue;
      unlink(envFileFor(this.paths, old), () => undefined);
      unlink(cwdFileFor(this.paths, old), () => undefined);
    }
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  run(command: string, opts: RunOptions = {}): Promise<CommandResult> {
    const p = this.queue.then(() => this.runNow(command, opts));
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async runNow(command: string, opts: RunOptions): Promise<CommandResult> {
    if (this.disposed) throw new MessageError(message('shell.disposed', {name: this.name}));
    const waitStarted = performance.now();
    if (!(await this.waitReady(opts))) {
      return {exitCode: 130, timedOut: false, interrupted: true, cancelled: true, durationMs: performance.now() - waitStarted, tail: [], lineCount: 0};
    }
    const id = this.nextId++;
    return new Promise<CommandResult>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        if (this.pending?.id !== id) return;
        this.pending.interrupted = true;
        this.interrupt();
      };
      const file = this.send(id, command);
      const pending: Pending = {
        id,
        file,
        started: performance.now(),
        timedOut: false,
        interrupted: false,
        resolve,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          opts.signal?.removeEventListener('abort', onAbort);
          removeCommandFile(file);
        },
      };
      this.pending = pending;
      if (opts.timeoutMs && opts.timeoutMs > 0 && Number.isFinite(opts.timeoutMs)) {
        timer = setTimeout(() => {
          if (this.pending?.id !== id) return;
          pending.timedOut = true;
          this.interrupt();
        }, opts.timeoutMs);
      }
      if (opts.signal) {
        if (opts.signal.aborted) onAbort();
        else opts.signal.addEventListener('abort', onAbort, {once: true});
      }
    });
  }

  /**
   * Wait until the shell can take a command; false when the signal aborted (or the time ran
   * out) first. A terminal busy with something the learner typed is waited for, never typed into.
   */
  private async waitReady(opts: RunOptions): Promise<boolean> {
    if (opts.signal?.aborted) return false;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<false>((resolve) => {
      onAbort = () => resolve(false);
      opts.signal?.addEventListener('abort', onAbort, {once: true});
      if (opts.timeoutMs && opts.timeoutMs > 0 && Number.isFinite(opts.timeoutMs)) timer = setTimeout(() => resolve(false), opts.timeoutMs);
    });
    try {
      return await Promise.race([this.whenReady().then(() => !this.disposed), stop]);
    } finally {
      if (timer) clearTimeout(timer);
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  get atPrompt(): boolean {
    return !this.busy;
  }

  startFailed = false;

  foreground(): ForegroundInfo | undefined {
    return undefined;
  }

  awaitsInput(): boolean {
    return false;
  }

  serving(): boolean {
    return false;
  }

  foregroundPrograms(): string[] {
    return [];
  }

  private readonly promptListeners = new Set<(atPrompt: boolean) => void>();

  onPromptChange(listener: (atPrompt: boolean) => void): () => void {
    this.promptListeners.add(listener);
    return () => this.promptListeners.delete(listener);
  }

  protected emitPromptChange(atPrompt: boolean): void {
    notify(this.promptListeners, atPrompt);
  }

  /** Settle the running command. */
  protected finishPending(exitCode: number, tail: string[], lineCount: number, extra: Partial<CommandResult> = {}): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    p.cleanup();
    p.resolve({
      exitCode,
      timedOut: p.timedOut,
      interrupted: p.interrupted,
      durationMs: performance.now() - p.started,
      tail,
      lineCount,
      ...extra,
    });
  }

  /** Resolves when the shell can take the next command. */
  protected abstract whenReady(): Promise<void>;
  /** Write command `id` to its file and make the shell run it; returns the file. */
  protected abstract send(id: number, command: string): string;
  abstract write(data: string): void;
  abstract interrupt(): void;
  abstract resize(cols: number, rows: number): void;
  abstract tail(n: number): string[];
  abstract screen(): string;
  abstract dispose(): Promise<void>;

  onOutput(listener: (chunk: string) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  onActivity(listener: () => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  abstract readonly outputLines: number;

  onExit(listener: (code: number | null) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  onReplaced(listener: () => void): () => void {
    this.replacedListeners.add(listener);
    return () => this.replacedListeners.delete(listener);
  }

  protected get hasOutputListeners(): boolean {
    return this.outputListeners.size > 0;
  }

  protected emitActivity(): void {
    notify(this.activityListeners);
  }

  protected emitOutput(chunk: string): void {
    notify(this.outputListeners, chunk);
  }

  protected emitExit(code: number | null): void {
    notify(this.exitListeners, code);
  }

  protected emitReplaced(): void {
    notify(this.replacedListeners);
  }
}

/** Remove escape sequences, for plain report text (render/sanitize.ts holds the one expression). */
export const stripAnsi = stripEscapes;

/** A terminal's shell that exited before it could take a command (bwrap refused to start it, say): the machine's fault, not the scenario's. */
export class ShellStartError extends MessageError {
  constructor(msg: Message) {
    super(msg);
    this.name = 'ShellStartError';
  }
}

/** What a shell that never came up said (bwrap's reason, say): its last lines, one line, safe to show. */
export function saidWhileStarting(lines: readonly string[]): string {
  const said = lines.map((l) => sanitizeText(stripAnsi(l)).trim()).filter(Boolean).slice(-3).join(' / ');
  return said ? `: ${said.length > 300 ? `${said.slice(0, 299)}…` : said}` : '';
}
