// One-shot processes (checks, setup, solutions) and background processes. Each runs in its
// own process group (detached) so one signal reaches its children, has our own timer
// (execa's timeout alone hangs when grandchildren hold the pipes, tech.md §4.5), and always
// settles: never a throw for a non-zero exit or a missing command.

import {spawn, type ChildProcess} from 'node:child_process';
import {appendFileSync, closeSync, createWriteStream, existsSync, openSync, writeSync, type WriteStream} from 'node:fs';
import {StringDecoder} from 'node:string_decoder';
import {ByteTail} from './byte-tail.js';
import {groupAlive, killGroup, terminate} from './kill-tree.js';
import {register} from './process-registry.js';
import {wrapSpawn} from './sandbox.js';
import type {BackgroundHandle, ProcessOptions, ProcessResult} from './types.js';
import {zxNodeArgs} from './zx-cli.js';

const KILL_GRACE_MS = 500;
/** After the leader exits, how long children may keep the pipes before we end them. */
const DRAIN_MS = 100;

function spawnFailure(command: string, cwd: string, err: NodeJS.ErrnoException): {code: number; message: string} {
  if (!existsSync(cwd)) return {code: 127, message: `katarun: cannot run ${command}: working directory ${cwd} does not exist\n`};
  if (err.code === 'ENOENT') return {code: 127, message: `katarun: ${command}: command not found\n`};
  if (err.code === 'EACCES') return {code: 126, message: `katarun: ${command}: permission denied\n`};
  return {code: 126, message: `katarun: cannot run ${command}: ${err.message}\n`};
}

export function runProcess(command: string, args: readonly string[], opts: ProcessOptions): Promise<ProcessResult> {
  const started = performance.now();
  const tail = new ByteTail(opts.maxOutputBytes ?? 64 * 1024);
  const log: WriteStream | undefined = opts.logFile ? createWriteStream(opts.logFile, {flags: 'a', mode: 0o600}) : undefined;
  log?.on('error', () => undefined);

  return new Promise<ProcessResult>((resolve) => {
    let child: ChildProcess | undefined;
    let exitCode: number | null = null;
    let exitSignal: string | undefined;
    let timedOut = false;
    let aborted = false;
    let settled = false;
    let unregister = () => {};
    const timers: NodeJS.Timeout[] = [];
    const decoders = [new StringDecoder('utf8'), new StringDecoder('utf8')];

    const take = (i: number) => (chunk: Buffer) => {
      tail.push(chunk);
      log?.write(chunk);
      if (opts.onOutput) {
        const s = decoders[i]!.write(chunk);
        if (s) opts.onOutput(s);
      }
    };

    const finish = async () => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      opts.signal?.removeEventListener('abort', onAbort);
      child?.stdout?.destroy();
      child?.stderr?.destroy();
      // Leftover background jobs of a one-shot process end with it (unless asked to stay).
      if (child?.pid && groupAlive(child.pid)) {
        if (opts.keepBackgroundJobs) {
          // stays registered: disposeAll() or katarun's exit ends it
        } else {
          await terminate({kind: 'group', id: child.pid}, KILL_GRACE_MS);
          unregister();
        }
      } else unregister();
      if (log) await new Promise<void>((r) => log.end(r));
      resolve({
        exitCode,
        ...(exitSignal ? {signal: exitSignal} : {}),
        timedOut,
        aborted,
        output: tail.text(),
        durationMs: performance.now() - started,
      });
    };

    // Kill the group: SIGTERM, SIGKILL after the grace period, and settle even if a process
    // that escaped the group (setsid) still holds our pipes.
    const stop = () => {
      if (!child?.pid) return;
      killGroup(child.pid, 'SIGTERM');
      timers.push(setTimeout(() => child?.pid && killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS));
      timers.push(setTimeout(() => void finish(), KILL_GRACE_MS + 200));
    };
    function onAbort() {
      if (settled || timedOut || aborted) return;
      aborted = true;
      stop();
    }

    if (opts.signal?.aborted) {
      aborted = true;
      void finish();
      return;
    }

    try {
      const w = wrapSpawn(command, args, opts.cwd, opts.env, opts.sandbox);
      child = spawn(w.command, w.args, {
        cwd: w.cwd,
        env: w.env,
        detached: true,
        stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      const f = spawnFailure(command, opts.cwd, err as NodeJS.ErrnoException);
      exitCode = f.code;
      take(0)(Buffer.from(f.message));
      void finish();
      return;
    }
    if (child.pid) unregister = register({kind: 'group', id: child.pid});

    child.on('error', (err: NodeJS.ErrnoException) => {
      if (child?.pid) return; // errors after a successful spawn (e.g. EPIPE) change nothing
      const f = spawnFailure(command, opts.cwd, err);
      exitCode = f.code;
      take(0)(Buffer.from(f.message));
      void finish();
    });
    child.stdout!.on('data', take(0));
    child.stderr!.on('data', take(1));
    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal ?? undefined;
      // Grandchildren (`sleep 1000 &`) may hold the pipes open; give them a moment, then end them.
      timers.push(
        setTimeout(() => {
          if (settled) return;
          if (child?.pid) killGroup(child.pid, 'SIGTERM');
          timers.push(setTimeout(() => void finish(), KILL_GRACE_MS));
        }, DRAIN_MS),
      );
    });
    child.on('close', () => void finish());
    if (opts.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(opts.input);
    }
    if (opts.timeoutMs > 0 && Number.isFinite(opts.timeoutMs)) {
      timers.push(
        setTimeout(() => {
          if (settled || aborted) return;
          timedOut = true;
          stop();
        }, opts.timeoutMs),
      );
    }
    opts.signal?.addEventListener('abort', onAbort, {once: true});
  });
}

export type ScriptLanguage = 'bash' | 'zx';

/** Run a scenario script: bash with `bash <path>`, zx with katarun's own Node and zx CLI. */
export function runScript(
  path: string,
  language: ScriptLanguage,
  opts: ProcessOptions & {readonly args?: readonly string[]},
): Promise<ProcessResult> {
  const args = opts.args ?? [];
  if (language === 'bash') return runProcess('bash', [path, ...args], opts);
  return runProcess(process.execPath, zxNodeArgs(path, args), opts);
}

export interface BackgroundOptions extends Omit<ProcessOptions, 'timeoutMs' | 'maxOutputBytes' | 'onOutput' | 'logFile'> {
  /** Output (stdout and stderr) is appended here. */
  readonly logFile: string;
  /** Stop it after this long; no limit when absent. */
  readonly timeoutMs?: number;
}

/** Start a detached process whose output goes straight to a log file (no pipe through Node). */
export function startBackground(command: string, args: readonly string[], opts: BackgroundOptions): BackgroundHandle {
  const fd = openSync(opts.logFile, 'a', 0o600);
  let child: ChildProcess;
  try {
    const w = wrapSpawn(command, args, opts.cwd, opts.env, opts.sandbox);
    child = spawn(w.command, w.args, {
      cwd: w.cwd,
      env: w.env,
      detached: true,
      stdio: [opts.input !== undefined ? 'pipe' : 'ignore', fd, fd],
    });
  } catch (err) {
    const f = spawnFailure(command, opts.cwd, err as NodeJS.ErrnoException);
    writeSync(fd, f.message);
    closeSync(fd);
    return {pid: 0, logFile: opts.logFile, done: Promise.resolve(f.code), stop: async () => {}};
  }
  const pid = child.pid ?? 0;
  const unregister = pid ? register({kind: 'group', id: pid}) : () => {};
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<number | null>((resolve) => {
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (pid) return;
      const f = spawnFailure(command, opts.cwd, err);
      try {
        appendFileSync(opts.logFile, f.message, {mode: 0o600});
      } catch {
        // the log folder vanished; the exit code still says what happened
      }
      resolve(f.code);
    });
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (pid && !groupAlive(pid)) unregister();
      resolve(code);
    });
  });
  closeSync(fd);
  if (opts.input !== undefined && child.stdin) {
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input);
  }
  const stop = async () => {
    if (timer) clearTimeout(timer);
    if (pid) await terminate({kind: 'group', id: pid}, KILL_GRACE_MS);
    unregister();
  };
  if (opts.timeoutMs && opts.timeoutMs > 0) timer = setTimeout(() => void stop(), opts.timeoutMs);
  opts.signal?.addEventListener('abort', () => void stop(), {once: true});
  return {pid, logFile: opts.logFile, done, stop};
}
