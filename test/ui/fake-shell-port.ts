// A scripted ShellPort for running the REAL engine (createEngine) under the UI tests without
// a shell: each command's output and exit code come from a script the test writes, a command
// can be held running (busy, off its prompt) until the test releases it or Ctrl-C stops it,
// and scenario scripts (checks) answer what the test says. The sessions write real snapshot
// files, since the engine reads them as it would a real shell's.

import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {ShellPort} from '../../src/engine/shell-port.js';
import type {Script} from '../../src/scenario/model.js';
import type {BackgroundHandle, CommandResult, ForegroundInfo, ProcessResult, RunOptions, ShellSession, ShellSessionOptions} from '../../src/shell/types.js';

/** What a command does in the fake terminal. */
export interface Scripted {
  readonly output?: readonly string[];
  readonly exitCode?: number;
  /** Stay running (the terminal busy, off its prompt) until FakeShellPort.release() or Ctrl-C. */
  readonly hold?: boolean;
}

/** What a scenario script (a check, a hint script) prints and exits with. */
export interface ScriptAnswer {
  readonly exitCode: number;
  readonly output?: string;
}

type Listener<T> = (value: T) => void;

export class FakeSession implements ShellSession {
  readonly kind = 'pty' as const;
  readonly pid = 4242;
  readonly logFile: string;
  readonly envFile: string;
  readonly cwdFile: string;
  /** Every command the engine ran here, in order, as typed. */
  readonly commands: string[] = [];
  /** Raw bytes written (the learner's typing, ctrl sequences). */
  readonly written: string[] = [];
  readonly resizes: Array<[number, number]> = [];
  private lines: string[] = [];
  private running: {command: string; finish: (r: Partial<CommandResult>) => void} | undefined;
  private readonly outputs = new Set<Listener<string>>();
  private readonly activity = new Set<() => void>();
  /** Lines printed by the running (or last) command. */
  outputLines = 0;
  private readonly prompts = new Set<Listener<boolean>>();
  private queue: Promise<unknown> = Promise.resolve();
  disposed = false;

  constructor(
    readonly name: string,
    options: ShellSessionOptions,
    private readonly port: FakeShellPort,
  ) {
    mkdirSync(options.stateDir, {recursive: true});
    this.logFile = join(options.stateDir, 'terminal.log');
    this.envFile = join(options.stateDir, 'env.sh');
    this.cwdFile = join(options.stateDir, 'cwd');
    writeFileSync(this.envFile, '');
    writeFileSync(this.cwdFile, `${options.cwd}\n`);
  }

  get busy(): boolean {
    return this.running !== undefined;
  }
  get atPrompt(): boolean {
    return this.running === undefined;
  }
  foreground(): ForegroundInfo | undefined {
    return this.running ? {command: this.running.command, pid: 4243, isShell: false, readsTerminal: false} : undefined;
  }
  onPromptChange(listener: Listener<boolean>): () => void {
    this.prompts.add(listener);
    return () => void this.prompts.delete(listener);
  }
  onOutput(listener: Listener<string>): () => void {
    this.outputs.add(listener);
    return () => void this.outputs.delete(listener);
  }
  onActivity(listener: () => void): () => void {
    this.activity.add(listener);
    return () => void this.activity.delete(listener);
  }
  awaitsInput(): boolean {
    return false;
  }
  onExit(): () => void {
    return () => undefined;
  }

  run(command: string, opts: RunOptions = {}): Promise<CommandResult> {
    const job = this.queue.then(() => this.runNow(command, opts));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private runNow(command: string, opts: RunOptions): Promise<CommandResult> {
    this.commands.push(command);
    const script = this.port.script(command);
    const started = Date.now();
    return new Promise<CommandResult>((resolve) => {
      const finish = (r: Partial<CommandResult>) => {
        if (this.running?.finish !== finish) return;
        this.running = undefined;
        opts.signal?.removeEventListener('abort', onAbort);
        for (const l of [...this.prompts]) l(true);
        resolve({exitCode: 0, timedOut: false, interrupted: false, durationMs: Date.now() - started, tail: this.tail(20), lineCount: script.output?.length ?? 0, ...r});
      };
      const onAbort = () => finish({exitCode: 130, interrupted: true});
      this.running = {command, finish};
      this.outputLines = 0;
      for (const l of [...this.prompts]) l(false);
      this.print(script.output ?? []);
      opts.signal?.addEventListener('abort', onAbort, {once: true});
      if (!script.hold) finish({exitCode: script.exitCode ?? 0});
      else this.port.held.push(() => finish({exitCode: script.exitCode ?? 0}));
    });
  }

  /** Lines as the command would print them (also how a test shows output of a running command). */
  print(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.lines.push(...lines);
    this.outputLines += lines.length;
    const chunk = `${lines.join('\r\n')}\r\n`;
    for (const l of [...this.outputs]) l(chunk);
    for (const l of [...this.activity]) l();
  }
  write(data: string): void {
    this.written.push(data);
    if (data === '\x03') this.interrupt();
  }
  interrupt(): void {
    this.running?.finish({exitCode: 130, interrupted: true});
  }
  resize(cols: number, rows: number): void {
    this.resizes.push([cols, rows]);
  }
  tail(n: number): string[] {
    return this.lines.slice(-n);
  }
  screen(): string {
    return `${this.lines.slice(-10).join('\r\n')}\r\n$ `;
  }
  async dispose(): Promise<void> {
    this.disposed = true;
    this.interrupt();
  }
}

export class FakeShellPort implements ShellPort {
  readonly sessions = new Map<string, FakeSession>();
  /** The scenario scripts run, by path (checks, hint scripts). */
  readonly scriptsRun: string[] = [];
  /** Finishers of held commands, oldest first. */
  held: Array<() => void> = [];

  constructor(
    /** What a command does; default: prints `output of <command>` and exits 0. */
    readonly script: (command: string) => Scripted = (command) => ({output: [`output of ${command}`]}),
    /** What a scenario script answers; default: exit 1 with nothing printed (a check that has not passed). */
    public checks: (script: Script) => ScriptAnswer = () => ({exitCode: 1}),
  ) {}

  async createSession(options: ShellSessionOptions): Promise<ShellSession> {
    const s = new FakeSession(options.name, options, this);
    this.sessions.set(options.name, s);
    return s;
  }
  async runScript(script: Script, options?: {readonly onOutput?: (chunk: string) => void}): Promise<ProcessResult> {
    this.scriptsRun.push(script.path);
    const a = this.checks(script);
    // As a real script streams it (the setup script's lines reach the screen this way).
    if (a.output) options?.onOutput?.(a.output);
    return {exitCode: a.exitCode, timedOut: false, aborted: false, output: a.output ?? '', durationMs: 1};
  }
  async startBackground(_script: Script, options: {readonly logFile: string}): Promise<BackgroundHandle> {
    return {pid: 4244, logFile: options.logFile, done: Promise.resolve(0), stop: async () => undefined};
  }
  ctrlSequenceBytes(text: string): string | undefined {
    return text === '^C' ? '\x03' : undefined;
  }

  /** Let every held command end (exit as scripted). */
  release(): void {
    const held = this.held;
    this.held = [];
    for (const f of held) f();
  }
  /** T1 (or another terminal) once the engine started it. */
  terminal(name = 'T1'): FakeSession {
    const s = this.sessions.get(name);
    if (!s) throw new Error(`the engine has not started ${name}`);
    return s;
  }
}
