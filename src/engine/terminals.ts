// The terminals T1…Tn: one persistent shell each, started on first use, commands queued
// per terminal so that one never becomes the stdin of the one before. Output reaches the
// store in batches. Whatever setup/background scripts appended to KATARUN_SHELL_ENV is
// sourced into a terminal before its next command, so late exports still arrive.

import type {Translate} from '../render/i18n.js';
import {stat} from 'node:fs/promises';
import {join} from 'node:path';
import type {TerminalId} from '../scenario/model.js';
import type {CommandResult, RunOptions, ShellKind, ShellSession} from '../shell/types.js';
import {OutputBatcher, TAIL_LINES} from './output-batcher.js';
import type {EngineMsg} from './reducer.js';
import type {ShellPort} from './shell-port.js';

export interface TerminalPoolOptions {
  readonly port: ShellPort;
  readonly kind: ShellKind | 'auto';
  readonly cwd: string;
  /** The environment a new shell starts with (computed when it starts). */
  readonly env: () => Readonly<Record<string, string>>;
  readonly logDir: string;
  readonly shellEnvFile: string;
  /** Variables KATARUN_SHELL_ENV may not change (the guarded KUBECONFIG): set again after it is sourced. */
  readonly pinned?: () => Readonly<Record<string, string>>;
  readonly batchMs: number;
  readonly dispatch: (msg: EngineMsg) => void;
  readonly notice: (level: 'info' | 'warning', message: string) => void;
  /** katarun's own words, in the UI's language. */
  readonly t: Translate;
  readonly size?: {cols: number; rows: number};
}

interface Entry {
  session: Promise<ShellSession>;
  batcher?: OutputBatcher;
  /** The end of the queue of commands for this terminal. */
  queue: Promise<unknown>;
  /** Size and mtime of KATARUN_SHELL_ENV when this terminal last sourced it. */
  sourcedStamp: string;
}

export class TerminalPool {
  private readonly entries = new Map<TerminalId, Entry>();
  private disposed = false;
  private size: {cols: number; rows: number} | undefined;

  constructor(private readonly o: TerminalPoolOptions) {
    this.size = o.size;
  }

  has(id: TerminalId): boolean {
    return this.entries.has(id);
  }

  session(id: TerminalId): Promise<ShellSession> {
    if (this.disposed) return Promise.reject(new Error('the engine was disposed'));
    const known = this.entries.get(id);
    if (known) return known.session;
    const entry = {queue: Promise.resolve(), sourcedStamp: ''} as Entry;
    entry.session = this.start(id, entry);
    // A failed start must not poison the next attempt.
    entry.session.catch(() => this.entries.get(id) === entry && this.entries.delete(id));
    this.entries.set(id, entry);
    return entry.session;
  }

  private async start(id: TerminalId, entry: Entry): Promise<ShellSession> {
    const s = await this.o.port.createSession({
      kind: this.o.kind,
      cwd: this.o.cwd,
      env: this.o.env(),
      stateDir: join(this.o.logDir, id),
      name: id,
      ...(this.size ? {cols: this.size.cols, rows: this.size.rows} : {}),
    });
    const batcher = new OutputBatcher(
      {readTail: () => s.tail(TAIL_LINES), publish: (tail, lineCount) => this.o.dispatch({type: 'terminal', id, patch: {tail, lineCount}})},
      this.o.batchMs,
    );
    entry.batcher = batcher;
    s.onOutput((chunk) => batcher.push(chunk));
    s.onExit((code) => {
      batcher.dispose();
      if (this.disposed || this.entries.get(id) !== entry) return;
      this.entries.delete(id);
      this.o.dispatch({type: 'terminal', id, patch: {started: false, running: undefined}});
      this.o.notice('warning', this.o.t('notice.shellEnded', {id, code: String(code ?? 'signal')}));
    });
    this.o.dispatch({type: 'terminal', id, patch: {started: true, tail: [], lineCount: 0}});
    return s;
  }

  /** Queue a command on a terminal; `onStart` fires when it actually begins. */
  run(id: TerminalId, command: string, meta: {actionId?: number; onStart?: () => void}, opts: RunOptions = {}): Promise<CommandResult> {
    const entryPromise = this.session(id);
    const e = this.entries.get(id);
    if (!e) return entryPromise.then(() => Promise.reject(new Error(`terminal ${id} is not available`)));
    const job = e.queue.then(async () => {
      const s = await entryPromise;
      await this.sourceShellEnv(s, e);
      meta.onStart?.();
      e.batcher?.resetCount();
      const startedAt = Date.now();
      this.o.dispatch({type: 'terminal', id, patch: {running: {command, startedAt, ...(meta.actionId !== undefined ? {actionId: meta.actionId} : {})}, lineCount: 0}});
      try {
        return await s.run(command, opts);
      } finally {
        e.batcher?.flush();
        this.o.dispatch({type: 'terminal', id, patch: {running: undefined}});
      }
    });
    e.queue = job.catch(() => undefined);
    return job;
  }

  private async sourceShellEnv(s: ShellSession, e: Entry): Promise<void> {
    const st = await stat(this.o.shellEnvFile).catch(() => undefined);
    if (!st || st.size === 0) return;
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (stamp === e.sourcedStamp) return;
    e.sourcedStamp = stamp;
    const pins = Object.entries(this.o.pinned?.() ?? {})
      .filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
      .map(([k, v]) => `; export ${k}='${v.replace(/'/g, `'\\''`)}'`)
      .join('');
    await s.run(` source "$KATARUN_SHELL_ENV"${pins}`);
  }

  /** Ctrl-C to the terminal's foreground job; a no-op when it is idle or not started. */
  async interrupt(id: TerminalId): Promise<void> {
    const e = this.entries.get(id);
    if (!e) return;
    const s = await e.session.catch(() => undefined);
    if (s?.busy) s.interrupt();
  }

  /** True while the terminal runs a command. */
  async busy(id: TerminalId): Promise<boolean> {
    const e = this.entries.get(id);
    const s = e ? await e.session.catch(() => undefined) : undefined;
    return !!s?.busy;
  }

  resize(cols: number, rows: number): void {
    this.size = {cols, rows};
    for (const e of this.entries.values()) void e.session.then((s) => s.resize(cols, rows)).catch(() => undefined);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(
      all.map(async (e) => {
        e.batcher?.dispose();
        const s = await e.session.catch(() => undefined);
        await s?.dispose();
      }),
    );
  }
}
