// The pipe session: bash on plain pipes, no terminal (tech.md §4.4). Used headless and when
// no PTY can be opened. Each command is sourced from its file with stdin from /dev/null (so
// it cannot eat the next command) and followed by a nonce-protected sentinel line carrying
// its id and exit status. The command's output goes straight into the log file and is read
// back from there in large blocks (log-follower.ts); the pipe carries only the sentinels and
// the shell's own messages. Node's child_process rather than execa: execa's import alone
// costs ~110 ms here, more than the whole flood budget.

import {spawn, type ChildProcess} from 'node:child_process';
import {StringDecoder} from 'node:string_decoder';
import {LineTail} from './line-tail.js';
import {LogFollower} from './log-follower.js';
import {groupMembers, killGroup, terminate} from './kill-tree.js';
import {holdsListeningSocket} from './listening.js';
import {register} from './process-registry.js';
import {ESCALATE_MS, SessionBase, ShellStartError, saidWhileStarting, stripAnsi} from './session-base.js';
import {commonShellSetup, newNonce, prepareDirs, restoreSnippet, sessionPaths, shq, writeCommandFile, type SessionPaths} from './session-files.js';
import {SentinelScanner} from './sentinel-scanner.js';
import {wrapSpawn} from './sandbox.js';
import type {ShellSessionOptions} from './types.js';
import {errorParam, message} from '../render/i18n.js';
import {shellMarker} from './shell-marker.js';

const RESULT_TAIL = 200;

export class PipeSession extends SessionBase {
  readonly kind = 'pipe' as const;
  private child!: ChildProcess;
  private unregister: () => void = () => {};
  private ready!: Promise<void>;
  private readonly lines = new LineTail(1000, 4000);
  private readonly log: LogFollower;
  private poll: NodeJS.Timeout | undefined;
  private readonly decoder = new StringDecoder('utf8');
  private readonly scanner: SentinelScanner;
  private startLines = 0;
  private typed = '';
  private rows: number;

  private constructor(
    private readonly opts: ShellSessionOptions,
    paths: SessionPaths,
    private readonly nonce: string,
  ) {
    super(opts.name, paths);
    this.rows = opts.rows ?? 24;
    this.log = new LogFollower(paths.logFile, (buf) => this.output(buf));
    this.scanner = new SentinelScanner(
      `\x1e__KC_${nonce}_`,
      (buf) => this.log.append(buf),
      (id, status) => this.marker(id, status),
    );
  }

  static async start(opts: ShellSessionOptions): Promise<PipeSession> {
    const paths = sessionPaths(opts.stateDir, opts.name);
    prepareDirs(paths);
    const s = new PipeSession(opts, paths, newNonce());
    await s.spawnShell(false, opts.restore);
    return s;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  private spawnShell(restore: boolean, from?: {envFile: string; cwdFile: string}): Promise<void> {
    const w = wrapSpawn('bash', ['--noprofile', '--norc'], this.opts.cwd, this.opts.env, this.opts.sandbox);
    const child = spawn(w.command, w.args, {
      cwd: w.cwd,
      env: w.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    if (child.pid) this.unregister = register({kind: 'group', id: child.pid, dispose: () => this.dispose()});
    child.stdin!.on('error', () => undefined);
    child.stdout!.on('data', (b: Buffer) => this.scanner.push(b));
    child.stderr!.on('data', (b: Buffer) => this.log.append(b));
    const p = this.paths;
    const init = [
      'exec 2>&1',
      commonShellSetup(p, this.nonce),
      `__kc_log=${shq(p.logFile)}`,
      '__kc_in=',
      // Ctrl-C ends the sourced command file (a `while` loop included), never the shell.
      `trap '[ -n "$__kc_in" ] && return 130' INT`,
      `__kc_end() { local s=$?; __kc_in=; __kc_snap; builtin printf '\\036__KC_%s_%s_%d__\\n' "$__kc_nonce" "$__kc_id" "$s"; return $s; }`,
      restore ? restoreSnippet(this.envFile, this.cwdFile) : from ? restoreSnippet(from.envFile, from.cwdFile) : '',
      `__kc_id=0; __kc_end`,
      '',
    ].join('\n');
    child.stdin!.write(init);
    this.up = false;
    // Ready once the shell has run its setup (its first sentinel): a bwrap that spawned but
    // refused to start bash must not be sent a command that would wait on a dead pipe. The
    // cost is one round trip: a command sent earlier would only have queued behind the setup.
    this.ready = new Promise<void>((resolve, reject) => {
      this.resolveUp = resolve;
      child.once('error', (err) => reject(new ShellStartError(message('shell.cannotStart', {message: errorParam(err)}))));
      child.once('exit', (code, signal) => {
        if (child !== this.child) return;
        // Its first sentinel may still be in the pipe (it came up, then was killed): decided
        // once the pipes are read to their end or that sentinel is read, whichever comes first.
        let decided = false;
        const decide = () => {
          if (decided) return;
          decided = true;
          this.afterUp = undefined;
          if (this.up) return this.shellExited(code, signal);
          // A shell that never came up (bwrap refused to start it, say) is a start failure, not
          // something to restart: every command sent to it fails at once with what it said,
          // rather than waiting on a dead pipe to the command limit.
          this.unregister();
          this.settle();
          this.startFailed = true;
          const err = new ShellStartError(message('shell.exitedStarting', {how: String(signal ?? code), said: saidWhileStarting(this.lines.tail(20))}));
          this.log.append(`${shellMarker('failed', this.name, {code, signal})}\n`);
          this.ready = Promise.reject(err);
          this.ready.catch(() => undefined);
          reject(err);
        };
        if (this.up) return decide();
        this.afterUp = decide;
        // What it said on stderr (bwrap's reason) is read by then too.
        let open = 0;
        for (const out of [child.stdout!, child.stderr!]) {
          if (out.readableEnded || out.destroyed) continue;
          open++;
          out.once('close', () => --open === 0 && decide());
        }
        if (open === 0) decide();
      });
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  /** The shell has run its setup (its first sentinel arrived). */
  private up = false;
  private resolveUp: () => void = () => undefined;
  /** The shell exited before its first sentinel was read: decide when it is. */
  private afterUp: (() => void) | undefined;

  protected whenReady(): Promise<void> {
    return this.ready;
  }

  protected send(id: number, command: string): string {
    const {file, source} = writeCommandFile(this.paths, id, '', command);
    // Without job control a command shares the shell's process group with the jobs put in the
    // background before it: what is in the group now is not this command.
    this.groupBefore = new Set(this.child.pid ? groupMembers(this.child.pid) : []);
    this.startLines = this.lines.lineCount;
    this.child.stdin!.write(`__kc_id=${id}; __kc_in=1; ${source} </dev/null >>"$__kc_log" 2>&1; __kc_end\n`);
    // Live output for listeners and tail() while it runs; the rest is read at its sentinel.
    // Often enough that reading overlaps with a flood being written (the reads run on the
    // other core), rarely enough to cost nothing measurable while a command sleeps.
    this.poll = setInterval(() => this.log.drain(), 20);
    this.poll.unref();
    return file;
  }

  /** The shell's process group as the running command found it (the shell, earlier `&` jobs). */
  private groupBefore = new Set<number>();

  /** The running command is a server: a process it started (not an earlier `&` job) listens on a TCP port. */
  override serving(): boolean {
    const pgid = this.child.pid;
    if (!this.pending || !pgid || this.disposed) return false;
    return holdsListeningSocket(groupMembers(pgid).filter((pid) => !this.groupBefore.has(pid)));
  }

  get outputLines(): number {
    return this.lines.lineCount - this.startLines;
  }

  private output(buf: Buffer): void {
    this.lines.push(buf);
    this.emitActivity();
    if (this.hasOutputListeners) {
      const s = this.decoder.write(buf);
      if (s) this.emitOutput(s);
    }
  }

  private marker(id: number, status: number): void {
    this.snapshotWritten(id);
    if (id === 0) {
      this.up = true;
      this.resolveUp();
      this.afterUp?.();
      return;
    }
    if (this.pending?.id !== id) return;
    this.settle();
    this.lines.breakLine();
    const count = this.lines.lineCount - this.startLines;
    this.finishPending(status, this.lines.tail(Math.min(RESULT_TAIL, count)).map(stripAnsi), count);
  }

  private shellExited(code: number | null, signal: NodeJS.Signals | null): void {
    this.unregister();
    if (this.disposed) return;
    this.emitExit(code);
    const status = code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 1);
    // No words here (the learner may read another language): the engine's notice says them.
    this.log.append(`\n${shellMarker('restarted', this.name, {code, signal})}\n`);
    this.settle();
    this.lines.breakLine();
    const count = this.lines.lineCount - this.startLines;
    this.finishPending(status, this.lines.tail(Math.min(RESULT_TAIL, count)), count, {restarted: true});
    void this.spawnShell(true).catch(() => undefined);
  }

  write(data: string): void {
    // No terminal: typed text is collected into a line and run on Enter; Ctrl-C interrupts.
    for (const ch of data) {
      if (ch === '\x03') this.interrupt();
      else if (ch === '\r' || ch === '\n') {
        const line = this.typed;
        this.typed = '';
        if (line.trim() && !this.pending) void this.run(line).catch(() => undefined);
      } else if (ch === '\x7f' || ch === '\b') this.typed = this.typed.slice(0, -1);
      else if (ch >= ' ') this.typed += ch;
    }
  }

  interrupt(): void {
    this.typed = '';
    const p = this.pending;
    const pgid = this.child.pid;
    if (!p || !pgid) return;
    // bash traps INT (the sourced file returns 130); `&` jobs ignore it, as in a terminal.
    killGroup(pgid, 'SIGINT');
    const escalate = (signal: NodeJS.Signals, next?: () => void) => {
      if (this.pending !== p) return;
      // A SIGINT that came before the command's file was sourced (the trap's `return` had
      // nothing to return from) is lost, and a loop in the shell itself outlives its children's
      // deaths: it ends only on SIGINT, so that is sent again each time, as a learner presses
      // Ctrl-C again.
      killGroup(pgid, 'SIGINT');
      for (const pid of groupMembers(pgid)) {
        if (pid === pgid) continue;
        try {
          process.kill(pid, signal);
        } catch {
          // gone already
        }
      }
      next?.();
    };
    setTimeout(() => escalate('SIGTERM', () => setTimeout(() => escalate('SIGKILL'), ESCALATE_MS).unref()), ESCALATE_MS).unref();
  }

  resize(_cols: number, rows: number): void {
    this.rows = rows;
  }

  /** Everything the command wrote is in the log by now: read it, stop polling. */
  private settle(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
    this.log.drain();
  }

  tail(n: number): string[] {
    this.log.drain();
    return this.lines.tail(n);
  }

  screen(): string {
    return this.tail(this.rows).join('\n');
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.settle();
    this.finishPending(130, this.lines.tail(20), 0, {interrupted: true});
    const pid = this.child.pid;
    this.child.stdin?.destroy();
    if (pid) await terminate({kind: 'group', id: pid});
    this.unregister();
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    this.log.close();
  }
}
