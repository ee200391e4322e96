// The PTY session: an interactive bash in a pseudo-terminal (@lydell/node-pty, an optional
// native addon loaded on demand) whose output is read through @xterm/headless, so colours,
// `isatty`, `read -p` prompts, progress bars and full-screen programs behave as in a real
// terminal. Command boundaries and exit status come from the private OSC of pty-rc.ts.

import {createWriteStream, writeFileSync, type WriteStream} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {wrapSpawn} from './sandbox.js';
import {createRequire} from 'node:module';
import type {IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import type {IBufferCell, IMarker, Terminal as TerminalType} from '@xterm/headless';
import {groupMembers, killGroup, killSession, readStat, terminate} from './kill-tree.js';
import {holdsListeningSocket} from './listening.js';
import {register} from './process-registry.js';
import {COMMAND_SUFFIX, OSC_ID, commandPrefix, ptyRc} from './pty-rc.js';
import {ESCALATE_MS, SessionBase, ShellStartError, saidWhileStarting} from './session-base.js';
import {newNonce, prepareDirs, sessionPaths, writeCommandFile, type SessionPaths} from './session-files.js';
import {cursorRow, screenAnsi, tailLines} from './term-lines.js';
import {awaitsInput, foregroundGroupOf, foregroundOf, foregroundPrograms} from './foreground.js';
import type {ForegroundInfo, ShellSessionOptions} from './types.js';
import {message} from '../render/i18n.js';
import {shellMarker} from './shell-marker.js';

const {Terminal} = xterm;
type PtyModule = {spawn: typeof import('@lydell/node-pty').spawn};

const RESULT_TAIL = 200;
const START_TIMEOUT_MS = 10_000;
/** Pause the PTY while this much output waits for the terminal parser (flow control). */
const HIGH_WATER = 1 << 20;
const LOW_WATER = 1 << 16;

/** The addon is CommonJS: required, not imported, so the TUI's code-cached bundle (which can
 * make no dynamic import) loads it the same way as the plain modules do. */
async function loadPty(): Promise<PtyModule> {
  return createRequire(import.meta.url)('@lydell/node-pty') as PtyModule;
}

export class PtySession extends SessionBase {
  readonly kind = 'pty' as const;
  private pty!: IPty;
  private readonly term: TerminalType;
  private readonly cell: IBufferCell;
  private readonly log: WriteStream;
  private unregister: () => void = () => {};
  private cols: number;
  private rows: number;
  private promptCol = 0;
  private ready: Promise<void>;
  private readyResolve: (() => void) | undefined;
  private readyReject: ((err: Error) => void) | undefined;
  private startMarker: IMarker | undefined;
  private startedId = 0;
  private feeds = 0;
  private startFeeds = 0;
  private parsing = 0;
  private paused = false;

  private constructor(
    private readonly mod: PtyModule,
    private readonly opts: ShellSessionOptions,
    paths: SessionPaths,
    private readonly nonce: string,
  ) {
    super(opts.name, paths);
    this.cols = opts.cols ?? 80;
    this.rows = opts.rows ?? 24;
    this.term = new Terminal({cols: this.cols, rows: this.rows, scrollback: 2000, allowProposedApi: true});
    this.cell = this.term.buffer.active.getNullCell();
    this.term.onLineFeed(() => this.feeds++);
    this.term.parser.registerOscHandler(OSC_ID, (data) => this.osc(data));
    this.log = createWriteStream(paths.logFile, {flags: 'a', mode: 0o600});
    this.log.on('error', () => undefined);
    this.ready = this.newReady();
  }

  static async start(opts: ShellSessionOptions): Promise<PtySession> {
    const mod = await loadPty();
    const paths = sessionPaths(opts.stateDir, opts.name);
    prepareDirs(paths);
    const s = new PtySession(mod, opts, paths, newNonce());
    s.spawnShell(false, opts.restore);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ShellStartError(message('shell.noPrompt', {seconds: START_TIMEOUT_MS / 1000}))), START_TIMEOUT_MS);
    });
    try {
      await Promise.race([s.ready, timeout]);
    } catch (err) {
      await s.dispose();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    return s;
  }

  get pid(): number {
    return this.pty.pid;
  }

  /** The next prompt; rejected when the shell dies before drawing it (see neverStarted). */
  private newReady(): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => {
      this.readyResolve = resolve;
      this.readyReject = reject;
    });
    ready.catch(() => undefined);
    return ready;
  }

  private spawnShell(restore: boolean, from?: {envFile: string; cwdFile: string}): void {
    writeFileSync(this.paths.rcFile, ptyRc(this.paths, this.nonce, restore ? {envFile: this.envFile, cwdFile: this.cwdFile} : from), {mode: 0o600});
    const w = wrapSpawn('bash', ['--noprofile', '--rcfile', this.paths.rcFile, '-i'], this.opts.cwd, {...this.opts.env, TERM: 'xterm-256color'}, this.opts.sandbox);
    const pty = this.mod.spawn(w.command, w.args, {
      name: 'xterm-256color',
      cols: this.cols,
      rows: this.rows,
      cwd: w.cwd,
      env: w.env,
    });
    this.pty = pty;
    this.unregister = register({kind: 'session', id: pty.pid, dispose: () => this.dispose()});
    pty.onData((d) => this.data(d));
    this.prompted = false;
    pty.onExit(({exitCode, signal}) => {
      if (pty !== this.pty) return;
      if (this.prompted) this.shellExited(exitCode, signal);
      else void this.neverStarted(exitCode, signal);
    });
  }

  get outputLines(): number {
    return this.feeds - this.startFeeds;
  }

  /** Chunks of output read from the terminal so far. */
  private received = 0;

  private data(d: string): void {
    this.received++;
    this.log.write(d);
    this.emitOutput(d);
    this.emitActivity();
    // xterm parses asynchronously; without flow control a flood would queue up in memory.
    this.parsing += d.length;
    this.term.write(d, () => {
      this.parsing -= d.length;
      if (this.paused && this.parsing < LOW_WATER) {
        this.paused = false;
        this.pty.resume();
      }
    });
    if (!this.paused && this.parsing > HIGH_WATER) {
      this.paused = true;
      this.pty.pause();
    }
  }

  private osc(data: string): boolean {
    const parts = data.split(';');
    if (parts[0] !== this.nonce) return false;
    const buf = this.term.buffer.active;
    if (parts[1] === 'P') {
      this.prompted = true;
      this.promptCol = buf.cursorX;
      // At its prompt the shell's own group holds the terminal (inside a sandbox it is not the PTY's first process).
      this.shellGroup ??= foregroundGroupOf(this.pty.pid);
      this.readyResolve?.();
      this.readyResolve = this.readyReject = undefined;
      this.setPrompt(true);
    } else if (parts[1] === 'B') {
      // A line typed at the prompt starts (ours too: then a command is pending already).
      if (!this.readyResolve) this.ready = this.newReady();
      this.setPrompt(false);
    } else if (parts[1] === 'R') {
      this.replaced();
    } else if (parts[1] === 'C') {
      const id = Number(parts[2]);
      if (this.pending?.id === id) {
        this.startedId = id;
        this.startMarker?.dispose();
        this.startMarker = this.term.registerMarker(0);
        this.startFeeds = this.feeds;
      }
    } else if (parts[1] === 'D') {
      const id = Number(parts[3]);
      this.snapshotWritten(id);
      if (this.pending?.id === id && this.startedId === id) this.commandEnded(Number(parts[2]));
    }
    return true;
  }

  private commandEnded(status: number, extra: {restarted?: boolean; replaced?: boolean} = {}): void {
    const buf = this.term.buffer.active;
    const marker = this.startMarker;
    const from = marker && !marker.isDisposed ? marker.line : 0;
    const tail = tailLines(buf, this.cols, RESULT_TAIL, true, this.cell, from);
    const cur = buf.getLine(cursorRow(buf));
    const open = cur && cur.translateToString(true) !== '' ? 1 : 0;
    marker?.dispose();
    this.startMarker = undefined;
    this.finishPending(status, tail, this.feeds - this.startFeeds + open, extra);
  }

  protected whenReady(): Promise<void> {
    // Only the prompt marker says the shell reads a command line now; before it, what is typed
    // goes to whatever runs (a `sleep` the learner started eats it). The caller's signal or
    // time limit ends the wait; PROMPT_COMMAND puts the marker back into PS1 if a command removed it.
    return this.ready;
  }

  private prompt = false;
  private shellGroup: number | undefined;

  private setPrompt(at: boolean): void {
    if (this.prompt === at) return;
    this.prompt = at;
    this.emitPromptChange(at);
  }

  override get atPrompt(): boolean {
    return this.prompt && !this.pending;
  }

  override foreground(): ForegroundInfo | undefined {
    if (this.atPrompt || this.disposed) return undefined;
    const fg = foregroundOf(this.pty.pid, (this.pty as {ptsName?: string}).ptsName, this.shellGroup);
    // A shell that has not reached its first prompt yet (a new one after the last ended) is
    // the shell starting, not a program reading the terminal: an action waits for its prompt.
    return fg && this.shellGroup === undefined ? {...fg, isShell: true, readsTerminal: false} : fg;
  }

  override awaitsInput(): boolean {
    if (this.atPrompt || this.disposed) return false;
    return awaitsInput(this.pty.pid, (this.pty as {ptsName?: string}).ptsName, this.shellGroup);
  }

  override foregroundPrograms(): string[] {
    if (this.atPrompt || this.disposed || this.shellGroup === undefined) return [];
    return foregroundPrograms(this.pty.pid, this.shellGroup);
  }

  /** A bash that replaced ours (`exec bash`) has sourced our rc again: its hooks are in place. */
  private replaced(): void {
    // A mark without words; the engine's notice says what happened, in the learner's language.
    this.term.write(`\r\n\x1b[2m${shellMarker('replaced', this.name, {exec: true})}\x1b[0m\r\n`);
    this.emitReplaced();
    if (this.pending) this.commandEnded(0, {replaced: true});
  }

  protected send(id: number, command: string): string {
    const typedLen = 1 + `. "$__kc_d/${id}"`.length;
    const rowsUp = Math.floor((this.promptCol + typedLen) / this.cols) + 1;
    const prefix = commandPrefix(id, command, this.promptCol, rowsUp, this.nonce);
    const {file, source} = writeCommandFile(this.paths, id, prefix, command, COMMAND_SUFFIX);
    if (!this.readyResolve) this.ready = this.newReady();
    this.setPrompt(false);
    // Ctrl-E Ctrl-U first: clear anything the learner left half-typed at the prompt.
    this.pty.write(`\x05\x15 ${source}\r`);
    return file;
  }

  /** The shell drew a prompt since it was spawned. */
  private prompted = false;

  /**
   * A shell that exited before its first prompt is not restarted (it would fail the same way,
   * in a loop): the session fails, saying what the shell said, and every command sent to it
   * fails at once rather than waiting for a prompt that never comes.
   */
  private async neverStarted(code: number, signal: number | undefined): Promise<void> {
    this.unregister();
    // What it printed (bwrap's reason) can reach us just after its exit, and the terminal
    // parses it later still: read once output has been quiet for a moment (at most 1 s).
    const since = Date.now();
    for (let seen = -1; seen !== this.received && Date.now() - since < 1000; ) {
      seen = this.received;
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise<void>((r) => this.term.write('', r));
    if (this.disposed) return;
    const said = saidWhileStarting(tailLines(this.term.buffer.active, this.cols, 20, false, this.cell));
    const err = new ShellStartError(message('shell.exitedStarting', {how: String(signal || code), said}));
    this.term.write(`\r\n\x1b[2m${shellMarker('failed', this.name, {code: signal ? null : code, signal})}\x1b[0m\r\n`);
    if (this.pending) this.commandEnded(signal ? 128 + signal : code || 1);
    this.startFailed = true;
    this.emitPromptChange(false);
    // Whoever waits for the prompt (start, a queued command) hears it now; later callers too.
    const reject = this.readyReject;
    this.readyResolve = this.readyReject = undefined;
    this.ready = Promise.reject(err);
    this.ready.catch(() => undefined);
    reject?.(err);
  }

  private shellExited(code: number, signal: number | undefined): void {
    this.unregister();
    if (this.disposed) return;
    this.emitExit(signal ? null : code);
    this.term.write(`\r\n\x1b[2m${shellMarker('restarted', this.name, {code: signal ? null : code, signal})}\x1b[0m\r\n`);
    if (this.pending) this.commandEnded(signal ? 128 + signal : code, {restarted: true});
    this.setPrompt(false);
    this.shellGroup = undefined;
    if (!this.readyResolve) this.ready = this.newReady();
    this.spawnShell(true);
  }

  write(data: string): void {
    if (!this.disposed) this.pty.write(data);
  }

  interrupt(): void {
    if (this.disposed) return;
    this.pty.write('\x03');
    const p = this.pending;
    if (!p) return;
    // Ctrl-C did not end it: signal the terminal's foreground process group, harder each time.
    const escalate = (signal: NodeJS.Signals, next?: () => void) => {
      if (this.pending !== p) return;
      // A Ctrl-C that came while a loop was between two children (the shell itself in the
      // foreground) can be lost; the loop only ends on SIGINT, so it is typed again each time.
      this.pty.write('\x03');
      const fg = foregroundGroup(this.pty.pid);
      if (fg && fg !== this.pty.pid) killGroup(fg, signal);
      next?.();
    };
    setTimeout(() => escalate('SIGTERM', () => setTimeout(() => escalate('SIGKILL'), ESCALATE_MS).unref()), ESCALATE_MS).unref();
  }

  resize(cols: number, rows: number): void {
    if (cols < 2 || rows < 1) return;
    this.cols = cols;
    this.rows = rows;
    this.term.resize(cols, rows);
    if (!this.disposed) this.pty.resize(cols, rows);
  }

  tail(n: number): string[] {
    return tailLines(this.term.buffer.active, this.cols, n, false, this.cell);
  }

  screen(): string {
    return screenAnsi(this.term.buffer.active, this.cols, this.rows, this.cell);
  }

  /** The terminal's foreground job (not the shell) is a server: one of its processes listens on a TCP port. */
  override serving(): boolean {
    if (this.atPrompt || this.disposed) return false;
    const fg = foregroundGroupOf(this.pty.pid);
    if (fg === undefined || this.shellGroup === undefined || fg === this.shellGroup) return false;
    return holdsListeningSocket(groupMembers(fg));
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.pending) this.commandEnded(130);
    const sid = this.pty?.pid;
    if (sid) {
      // SIGHUP as a closing terminal would (an interactive bash ignores SIGTERM), then every
      // member of the session — `nohup` jobs included — SIGTERM and SIGKILL.
      killSession(sid, 'SIGHUP');
      await terminate({kind: 'session', id: sid});
    }
    this.unregister();
    try {
      this.pty?.kill('SIGKILL');
    } catch {
      // already gone
    }
    this.term.dispose();
    await new Promise<void>((r) => this.log.end(r));
  }
}

/** The terminal's foreground process group, as the kernel sees it. */
function foregroundGroup(shellPid: number): number | undefined {
  const st = readStat(shellPid);
  if (st) return st.tpgid > 0 ? st.tpgid : undefined;
  const ps = spawnSync('ps', ['-o', 'tpgid=', '-p', String(shellPid)], {encoding: 'utf8'});
  const n = Number(ps.stdout?.trim());
  return n > 0 ? n : undefined;
}
