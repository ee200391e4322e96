// The terminals T1…Tn: one persistent shell each, started on first use, commands queued
// per terminal so that one never becomes the stdin of the one before. Output reaches the
// store in batches. Whatever setup/background scripts appended to KATARUN_SHELL_ENV is
// sourced into a terminal before its next command, so late exports still arrive.

import {message, MessageError, type Message} from '../render/i18n.js';
import {mkdir, stat, writeFile} from 'node:fs/promises';
import {isAbsolute, join, relative} from 'node:path';
import type {TerminalId} from '../scenario/model.js';
import {shq} from '../shell/bash-quote.js';
import type {CommandResult, ForegroundInfo, RunOptions, ShellKind, ShellSession} from '../shell/types.js';
import {readSnapshot} from './env-snapshot.js';
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
  readonly notice: (level: 'info' | 'warning', message: Message) => void;
  readonly size?: {cols: number; rows: number};
}

interface Entry {
  session: Promise<ShellSession>;
  batcher?: OutputBatcher;
  /** The end of the queue of commands for this terminal. */
  queue: Promise<unknown>;
  /** Commands waiting for the prompt, to cancel. */
  cancels: Set<AbortController>;
  /** Size and mtime of KATARUN_SHELL_ENV when this terminal last sourced it. */
  sourcedStamp: string;
  /**
   * Resolves once the latest queued command holds the terminal — typed, or waiting visibly for
   * a prompt something else holds — or has ended. An `interrupt` action waits for it, so its
   * Ctrl-C stops the command queued before it, not katarun's own env sourcing in between.
   */
  settled: Promise<void>;
}

/** What a terminal's shell carries from one session to the next (saved with progress). */
export interface SavedShell {
  /** Exported variables that differ from a new shell's. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

/** The export lines and the folder a restored shell starts from, written into its state folder. */
async function writeRestoreFiles(stateDir: string, saved: SavedShell): Promise<{envFile: string; cwdFile: string}> {
  await mkdir(stateDir, {recursive: true, mode: 0o700});
  const envFile = join(stateDir, 'restore.env.sh');
  const cwdFile = join(stateDir, 'restore.cwd');
  const lines = Object.entries(saved.env)
    .filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
    .map(([k, v]) => `export ${k}=${shq(v)}`);
  await writeFile(envFile, `${lines.join('\n')}\n`, {mode: 0o600});
  await writeFile(cwdFile, `${saved.cwd ?? ''}\n`, {mode: 0o600});
  return {envFile, cwdFile};
}

/** How often, and after how long a quiet, a terminal is looked at for a program waiting for input. */
const INPUT_POLL_MS = 150;
/** How long an `interrupt` action waits for the command queued before it to reach the shell. */
const INTERRUPT_WAIT_MS = 5000;

/** Resolves once the session has taken the command (busy) or the command is over. */
async function onceBusy(s: ShellSession, running: Promise<unknown>): Promise<void> {
  let over = false;
  void running.then(
    () => (over = true),
    () => (over = true),
  );
  const until = Date.now() + INTERRUPT_WAIT_MS;
  while (!s.busy && !over && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
}
const INPUT_QUIET_MS = 300;
const INPUT_SILENT_MS = 2000;

/** A promise that resolves when `signal` aborts, and the way to stop listening. */
function abortable(signal: AbortSignal): {readonly aborted: Promise<void>; readonly off: () => void} {
  let off = () => {};
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const on = () => resolve();
    signal.addEventListener('abort', on, {once: true});
    off = () => signal.removeEventListener('abort', on);
  });
  return {aborted, off};
}

/** A command's result, or the line typed into the program that held the terminal. */
export type PoolResult = CommandResult & {readonly sentTo?: string};

const cancelledResult = (): PoolResult => ({exitCode: 130, timedOut: false, interrupted: true, cancelled: true, durationMs: 0, tail: [], lineCount: 0});

/** The foreground program, once it is more than the shell that is starting it (a fork takes a moment). */
async function settledForeground(s: ShellSession): Promise<ForegroundInfo | undefined> {
  let fg = s.foreground();
  for (let i = 0; i < 10 && fg?.isShell && !fg.readsTerminal && !s.atPrompt; i++) {
    await new Promise((r) => setTimeout(r, 50));
    fg = s.foreground();
  }
  return fg;
}

/** `~` for the shell's home (where it starts), `~/demo` below it, the full path elsewhere. */
export function shortFolder(home: string, cwd: string): string {
  const rel = relative(home, cwd);
  if (rel === '') return '~';
  return rel.startsWith('..') || isAbsolute(rel) ? cwd : `~/${rel}`;
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
    if (this.disposed) return Promise.reject(new MessageError(message('error.engineDisposed')));
    const known = this.entries.get(id);
    if (known) return known.session;
    const entry = {queue: Promise.resolve(), settled: Promise.resolve(), sourcedStamp: '', cancels: new Set()} as Entry;
    entry.session = this.start(id, entry);
    // A failed start must not poison the next attempt.
    entry.session.catch(() => this.entries.get(id) === entry && this.entries.delete(id));
    this.entries.set(id, entry);
    return entry.session;
  }

  /** The shells to restore on resume: each terminal starts with its saved exports and folder. */
  private restoring: Readonly<Record<string, SavedShell>> = {};

  restore(saved: Readonly<Record<string, SavedShell>>): void {
    this.restoring = saved;
  }

  /** Each started terminal's last exports (those that differ from a new shell's) and folder, for progress. */
  async snapshots(): Promise<Record<string, SavedShell>> {
    const base = this.o.env();
    const out: Record<string, SavedShell> = {};
    for (const [id, e] of this.entries) {
      const s = await e.session.catch(() => undefined);
      if (!s) continue;
      const snap = await readSnapshot(s.envFile, s.cwdFile);
      const env: Record<string, string> = {};
      // PWD travels as the folder itself.
      for (const [k, v] of Object.entries(snap.env)) if (base[k] !== v && k !== 'PWD') env[k] = v;
      out[id] = {env, ...(snap.cwd ? {cwd: snap.cwd} : {})};
    }
    return out;
  }

  private async start(id: TerminalId, entry: Entry): Promise<ShellSession> {
    const saved = this.restoring[id];
    const stateDir = join(this.o.logDir, id);
    // Restored inside the shell (sourced at its start), so values and the folder are as the
    // shell sees them — in a sandbox its own paths — and never mixed with the host's.
    const restore = saved ? await writeRestoreFiles(stateDir, saved) : undefined;
    const s = await this.o.port.createSession({
      kind: this.o.kind,
      cwd: this.o.cwd,
      env: this.o.env(),
      stateDir,
      name: id,
      ...(this.size ? {cols: this.size.cols, rows: this.size.rows} : {}),
      ...(restore ? {restore} : {}),
    });
    const batcher = new OutputBatcher(
      {readTail: () => s.tail(TAIL_LINES), readLineCount: () => s.outputLines, publish: (tail, lineCount) => this.o.dispatch({type: 'terminal', id, patch: {tail, lineCount}})},
      this.o.batchMs,
    );
    entry.batcher = batcher;
    s.onActivity(() => batcher.poke());
    // The session starts a new shell by itself from its last snapshot (exports and folder).
    s.onExit((code) => {
      if (this.disposed || this.entries.get(id) !== entry) return;
      this.o.notice('warning', message('notice.shellEnded', {id, code: String(code ?? 'signal')}));
    });
    // An action's `exec bash` or one the learner typed: the terminal shows only a mark, the notice says it.
    s.onReplaced(() => {
      if (this.disposed || this.entries.get(id) !== entry) return;
      this.o.notice('warning', message('notice.shellReplaced', {id}));
    });
    this.o.dispatch({type: 'terminal', id, patch: {started: true, tail: [], lineCount: 0}});
    void this.publishCwd(id, s);
    if (saved) {
      delete (this.restoring as Record<string, SavedShell>)[id];
      // A pipe shell takes commands before its setup has run; one empty command makes sure its
      // first snapshot (what the re-checks read) is written. A PTY shell wrote it at its prompt.
      if (s.kind === 'pipe') await s.run(':');
      const names = Object.keys(saved.env);
      const now = (await readSnapshot(s.envFile, s.cwdFile)).cwd ?? '';
      const shown = relative(this.o.cwd, now);
      this.o.notice('info', message('notice.shellRestored', {id, vars: names.length ? names.join(', ') : '—', cwd: shown === '' ? '.' : shown.startsWith('..') || isAbsolute(shown) ? now : `./${shown}`}));
    }
    return s;
  }

  /**
   * Queue a command on a terminal; `onStart` fires when it actually begins. An action (one with
   * `actionId`) sent while the terminal's foreground program reads the terminal (a REPL started
   * by the action before, an editor, `cat`) is typed into that program, as on Katacoda. A
   * command never is typed into a terminal that is not at its prompt: it waits there, visibly
   * (TerminalState.waiting), until the prompt is back or cancel() is called.
   */
  run(id: TerminalId, command: string, meta: {actionId?: number; onStart?: () => void}, opts: RunOptions = {}): Promise<PoolResult> {
    const entryPromise = this.session(id);
    const e = this.entries.get(id);
    if (!e) return entryPromise.then(() => Promise.reject(new MessageError(message('error.noTerminal', {id}))));
    // Set now, not once the shell is there: an interrupt that comes next must wait for this.
    let holds: () => void = () => undefined;
    e.settled = new Promise<void>((r) => (holds = r));
    if (meta.actionId === undefined) return this.queue(id, e, entryPromise, command, meta, opts, holds);
    const job = entryPromise.then(async (s) => {
      const fg = s.atPrompt ? undefined : await settledForeground(s);
      if (fg?.readsTerminal) return this.typeInto(s, id, fg.command, command);
      return this.queue(id, e, entryPromise, command, meta, opts, holds);
    });
    void job.then(holds, holds);
    return job;
  }

  private queue(id: TerminalId, e: Entry, entryPromise: Promise<ShellSession>, command: string, meta: {actionId?: number; onStart?: () => void}, opts: RunOptions, holds: () => void): Promise<PoolResult> {
    const job = e.queue.then(async (): Promise<PoolResult> => {
      const s = await entryPromise;
      const cancel = new AbortController();
      const signal = opts.signal ? AbortSignal.any([opts.signal, cancel.signal]) : cancel.signal;
      e.cancels.add(cancel);
      try {
        const free = await this.untilPrompt(id, s, command, meta.actionId, signal, holds);
        e.cancels.delete(cancel);
        if (!free) return cancelledResult();
        await this.sourceShellEnv(s, e, signal);
        meta.onStart?.();
        // What the last command printed is published now, before this one's count starts at zero.
        e.batcher?.flush();
        const startedAt = Date.now();
        this.o.dispatch({type: 'terminal', id, patch: {running: {command, startedAt, ...(meta.actionId !== undefined ? {actionId: meta.actionId} : {})}, lineCount: 0}});
        try {
          const running = s.run(command, {...opts, signal});
          void onceBusy(s, running).then(holds);
          return await running;
        } finally {
          e.batcher?.flush();
          this.o.dispatch({type: 'terminal', id, patch: {running: undefined}});
          void this.publishCwd(id, s);
        }
      } finally {
        e.cancels.delete(cancel);
      }
    });
    e.queue = job.catch(() => undefined);
    void e.queue.then(holds);
    return job;
  }

  /** Wait, visibly, while the terminal is busy with something else; false when cancelled first. */
  private async untilPrompt(id: TerminalId, s: ShellSession, command: string, actionId: number | undefined, signal: AbortSignal, waiting_: () => void = () => undefined): Promise<boolean> {
    // A shell that could not be started again never draws a prompt: the command is sent, and fails with the reason.
    if (s.atPrompt || s.startFailed) return true;
    // Something else holds the terminal: an interrupt that comes now is for that.
    waiting_();
    if (signal.aborted) return false;
    let off: () => void = () => undefined;
    let onAbort: () => void = () => undefined;
    const free = new Promise<boolean>((resolve) => {
      off = s.onPromptChange((at) => (at || s.startFailed === true) && resolve(true));
      onAbort = () => resolve(false);
      signal.addEventListener('abort', onAbort, {once: true});
    });
    const fg = await settledForeground(s);
    let waiting = {command, ...(actionId !== undefined ? {actionId} : {}), busyWith: fg?.command ?? '', since: Date.now()};
    if (!s.atPrompt && !signal.aborted) this.o.dispatch({type: 'terminal', id, patch: {waiting}});
    // What holds the terminal can change (a slow fork, a script's next command): keep it current.
    const refresh = setInterval(() => {
      const now = s.foreground()?.command;
      if (now === undefined || now === waiting.busyWith || s.atPrompt) return;
      waiting = {...waiting, busyWith: now};
      this.o.dispatch({type: 'terminal', id, patch: {waiting}});
    }, 400);
    try {
      return s.atPrompt || (await free);
    } finally {
      clearInterval(refresh);
      off();
      signal.removeEventListener('abort', onAbort);
      this.o.dispatch({type: 'terminal', id, patch: {waiting: undefined}});
    }
  }

  /** An action's line goes to the program that reads the terminal, as typed keys. */
  private typeInto(s: ShellSession, id: TerminalId, program: string, command: string): PoolResult {
    s.write(`${command.replace(/\r?\n/g, '\r')}\r`);
    this.o.notice('info', message('notice.typedInto', {id, program: program.split(' ')[0] ?? program}));
    return {exitCode: 0, timedOut: false, interrupted: false, durationMs: 0, tail: [], lineCount: 0, sentTo: program};
  }

  /**
   * After an action in terminal `id` (`ended`: its run), resolves 'prompt' once the action has
   * ended and the shell is at its prompt again, or 'input' once a program other than the shell
   * holds the terminal and waits for typed input — a REPL at its prompt, an editor, `cat` —
   * having drawn what it was sent (quiet for a moment after output; a while when it drew
   * nothing). Headless uses it to walk on as a learner would: the next line is typed into that
   * program, not queued until it ends. A pipe shell has no terminal to type into: its action's end.
   */
  async settle(id: TerminalId, ended: Promise<unknown>, signal: AbortSignal): Promise<'prompt' | 'input'> {
    const e = this.entries.get(id);
    const s = e ? await e.session.catch(() => undefined) : undefined;
    let done = false;
    const over = ended.then(
      () => (done = true),
      () => (done = true),
    );
    const {aborted, off: stopListening} = abortable(signal);
    if (!s || s.kind === 'pipe') {
      await Promise.race([over, aborted]);
      stopListening();
      return 'prompt';
    }
    const since = Date.now();
    let lastOutput = since;
    let drew = false;
    const off = s.onOutput(() => {
      lastOutput = Date.now();
      drew = true;
    });
    try {
      while (!signal.aborted && !this.disposed) {
        // A shell that died and could not be started again draws no prompt: the next command says why.
        if (done && (s.atPrompt || s.startFailed)) return 'prompt';
        const now = Date.now();
        if ((drew ? now - lastOutput >= INPUT_QUIET_MS : now - since >= INPUT_SILENT_MS) && s.awaitsInput()) return 'input';
        const tick = new Promise((r) => setTimeout(r, INPUT_POLL_MS));
        await Promise.race(done ? [aborted, tick] : [over, aborted, tick]);
      }
      return 'prompt';
    } finally {
      off();
      stopListening();
    }
  }

  /** The folder the shell is in, short, for the live view's prompt (`T1 ~/demo $`). */
  private async publishCwd(id: TerminalId, s: ShellSession): Promise<void> {
    const cwd = (await readSnapshot(s.envFile, s.cwdFile).catch(() => undefined))?.cwd;
    if (!cwd || this.disposed) return;
    // HOME as the shell sees it (the workspace's home; /root inside the sandbox), as bash's `\w` abbreviates it.
    this.o.dispatch({type: 'terminal', id, patch: {cwd: shortFolder(this.o.env().HOME ?? this.o.cwd, cwd)}});
  }

  /** Cancel the commands waiting for this terminal's prompt (none was typed). */
  cancel(id: TerminalId): boolean {
    const e = this.entries.get(id);
    if (!e || e.cancels.size === 0) return false;
    for (const c of e.cancels) c.abort();
    return true;
  }

  private async sourceShellEnv(s: ShellSession, e: Entry, signal?: AbortSignal): Promise<void> {
    const st = await stat(this.o.shellEnvFile).catch(() => undefined);
    if (!st || st.size === 0) return;
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (stamp === e.sourcedStamp) return;
    e.sourcedStamp = stamp;
    const pins = Object.entries(this.o.pinned?.() ?? {})
      .filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
      .map(([k, v]) => `; export ${k}=${shq(v)}`)
      .join('');
    await s.run(` source "$KATARUN_SHELL_ENV"${pins}`, signal ? {signal} : {});
  }

  /** Ctrl-C to the terminal's foreground job; a no-op when it is idle or not started. */
  async interrupt(id: TerminalId): Promise<void> {
    const e = this.entries.get(id);
    if (!e) return;
    const s = await e.session.catch(() => undefined);
    // A command queued just before (Enter pressed twice quickly) may still be on its way to the
    // shell: the Ctrl-C is for it once it runs. Bounded, so a stuck start never holds this up.
    let bound: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([e.settled, new Promise<void>((r) => (bound = setTimeout(r, INTERRUPT_WAIT_MS)))]);
    clearTimeout(bound);
    // Busy with a command of katarun's or with one the learner typed: Ctrl-C goes to it.
    if (s && (s.busy || !s.atPrompt)) s.interrupt();
  }

  /** The command running in the terminal is a server (holds a listening TCP socket). */
  async serving(id: TerminalId): Promise<boolean> {
    const e = this.entries.get(id);
    const s = e ? await e.session.catch(() => undefined) : undefined;
    return s?.serving?.() ?? false;
  }

  /** The terminal's foreground program waits for typed input (a REPL, an editor, `cat`). */
  async awaitsInput(id: TerminalId): Promise<boolean> {
    const e = this.entries.get(id);
    const s = e ? await e.session.catch(() => undefined) : undefined;
    return s?.awaitsInput() ?? false;
  }

  /** The program names of the terminal's foreground job (not the shell). */
  async foregroundPrograms(id: TerminalId): Promise<string[]> {
    const e = this.entries.get(id);
    const s = e ? await e.session.catch(() => undefined) : undefined;
    return s?.foregroundPrograms?.() ?? [];
  }

  /** Keys typed into the terminal as they are (`q` for a pager, Ctrl-D for `cat`); nothing when it is not started. */
  async type(id: TerminalId, keys: string): Promise<void> {
    const e = this.entries.get(id);
    const s = e ? await e.session.catch(() => undefined) : undefined;
    s?.write(keys);
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
