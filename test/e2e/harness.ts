// Drives the BUILT katarun (dist/cli/main.js) in a real pseudo-terminal, read through a
// headless xterm, as a learner would: keys one per write, assertions on the visible screen.
// Every run gets its own XDG dirs and a unique marker in its environment, so the processes it
// started can be found (and must be gone) afterwards. CI is removed from the child's env,
// or Ink would stop drawing live frames.

import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {randomUUID} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import ptyModule from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {afterEach} from 'vitest';
import {pollUntil, waitFor} from '../wait.js';

const {Terminal} = xterm;
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const cli = join(repoRoot, 'dist', 'cli', 'main.js');

export interface StartOptions {
  readonly cols?: number;
  readonly rows?: number;
  readonly env?: Record<string, string>;
  readonly cwd?: string;
}

export interface Exit {
  readonly exitCode: number;
  readonly signal?: number;
}

export class Katarun {
  readonly marker = `katarun-e2e-${randomUUID()}`;
  readonly home = mkdtempSync(join(tmpdir(), 'katarun-e2e-'));
  readonly term;
  private readonly proc;
  private rawOutput = '';
  private exitInfo: Exit | undefined;
  readonly exited: Promise<Exit>;

  constructor(args: readonly string[], options: StartOptions = {}) {
    if (!existsSync(cli)) throw new Error(`${cli} is missing — run 'npm run build' first`);
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    for (const k of ['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR', 'NO_COLOR', 'TMUX', 'STY', 'VITEST', 'VITEST_WORKER_ID']) delete env[k];
    Object.assign(env, {
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      XDG_STATE_HOME: join(this.home, 'state'),
      XDG_DATA_HOME: join(this.home, 'data'),
      XDG_CACHE_HOME: join(this.home, 'cache'),
      KATARUN_E2E_MARKER: this.marker,
      ...options.env,
    });
    this.term = new Terminal({cols, rows, scrollback: 5000, allowProposedApi: true});
    this.proc = ptyModule.spawn(process.execPath, [cli, ...args], {name: 'xterm-256color', cols, rows, cwd: options.cwd ?? repoRoot, env});
    this.proc.onData((data) => {
      this.rawOutput += data;
      this.term.write(data);
    });
    this.exited = new Promise((resolveExit) => {
      this.proc.onExit(({exitCode, signal}) => {
        this.exitInfo = {exitCode, ...(signal ? {signal} : {})};
        resolveExit(this.exitInfo);
      });
    });
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** Everything katarun wrote, escape sequences included. */
  get raw(): string {
    return this.rawOutput;
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = buffer.viewportY; y < buffer.viewportY + this.term.rows; y++) out.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return out;
  }

  screen(): string {
    return this.lines().join('\n');
  }

  /** The whole buffer, scrollback included. */
  history(): string {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < buffer.length; y++) out.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return out.join('\n');
  }

  /** Wait until the visible screen contains the text (or matches the pattern). */
  async waitFor(expected: string | RegExp, timeoutMs = 30_000, where: 'screen' | 'history' = 'screen'): Promise<void> {
    const test = () => {
      const text = where === 'screen' ? this.screen() : this.history();
      return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
    };
    await waitFor(test, {
      timeoutMs,
      intervalMs: 25,
      what: String(expected),
      giveUp: () => (this.exitInfo && !test() ? `katarun exited (${JSON.stringify(this.exitInfo)}) before ${String(expected)} appeared:\n${this.screen()}` : undefined),
      seen: () => `the screen shows:\n${this.screen()}`,
    });
  }

  /** Send keys one per write, the way a person types, with a short pause after each. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.proc.write(key);
      // Keys written in one burst arrive as one read, and Ink would parse them as one key no person types.
      await new Promise((r) => setTimeout(r, 60)); // typing cadence between keys, not a wait for a result
    }
  }

  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  count(sequence: string): number {
    return this.rawOutput.split(sequence).length - 1;
  }

  /** How much katarun has written so far: `redrawn(mark, …)` waits for output after it. */
  mark(): number {
    return this.rawOutput.length;
  }

  /** Wait until katarun has written something after `since` and the screen shows the text (a redraw, say after a resize). */
  async redrawn(since: number, expected: string, timeoutMs = 30_000): Promise<void> {
    const drawn = () => this.rawOutput.length > since && this.screen().includes(expected);
    await waitFor(drawn, {
      timeoutMs,
      intervalMs: 25,
      what: `a redraw showing ${expected}`,
      giveUp: () => (this.exitInfo && !drawn() ? `katarun exited (${JSON.stringify(this.exitInfo)}) before redrawing with ${expected}:\n${this.screen()}` : undefined),
      seen: () => `the screen shows:\n${this.screen()}`,
    });
  }

  /** The deadline is generous: under a CPU hog, exiting after a 2-million-line flood took over 10 s. */
  async waitForExit(timeoutMs = 60_000): Promise<Exit> {
    await waitFor(() => this.exitInfo !== undefined, {timeoutMs, intervalMs: 25, what: 'katarun to exit', seen: () => `the screen shows:\n${this.screen()}`});
    return this.exited;
  }

  /** PIDs of live processes that carry this run's marker (katarun and everything it started). */
  survivors(): number[] {
    const found: number[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const environ = readFileSync(`/proc/${name}/environ`, 'utf8');
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // Zombies have exited already; they only wait for their parent to reap them.
        if (/^\d+ \(.*\) Z /.test(stat)) continue;
        if (environ.includes(`KATARUN_E2E_MARKER=${this.marker}`)) found.push(Number(name));
      } catch {
        // the process ended while we looked, or is not ours to read
      }
    }
    return found;
  }

  /** Wait for every marked process to be gone; returns those still alive at the deadline. */
  async survivorsAfter(ms = 15_000): Promise<number[]> {
    let alive = this.survivors();
    await pollUntil(() => (alive = this.survivors()).length === 0, {timeoutMs: ms, intervalMs: 50});
    return alive;
  }

  /** Kill katarun's process group and anything else with the marker, and remove the temp dirs. */
  dispose(): void {
    try {
      if (!this.exitInfo) process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    for (const pid of this.survivors()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.home, {recursive: true, force: true});
  }
}

export const KEYS = {enter: '\r', ctrlC: '\u0003', ctrlBracket: '\u001d', left: '\u001b[D', right: '\u001b[C', down: '\u001b[B', up: '\u001b[A'};

/** A scenario of test/e2e/fixtures. */
export const e2eFixture = (name: string): string => join(repoRoot, 'test', 'e2e', 'fixtures', name);

/** A `start` for one test file: every katarun it starts is disposed after each test. */
/** The XDG folders of an earlier run, so a second katarun finds its saved progress and workspaces. */
export const sameHome = (k: Katarun): Record<string, string> => ({XDG_STATE_HOME: join(k.home, 'state'), XDG_DATA_HOME: join(k.home, 'data'), XDG_CACHE_HOME: join(k.home, 'cache')});

export function katarunStarter(): (args: string[], options?: StartOptions) => Katarun {
  const started: Katarun[] = [];
  afterEach(() => {
    for (const k of started.splice(0)) k.dispose();
  });
  return (args, options) => {
    const k = new Katarun(args, options);
    started.push(k);
    return k;
  };
}

/** Press Enter and wait until one more command has finished (its status line is in the transcript). */
export async function enterRuns(k: Katarun, expected: string | RegExp, timeoutMs = 30_000): Promise<void> {
  await k.press(KEYS.enter);
  await k.waitFor(expected, timeoutMs, 'history');
}

/** Past a scenario's intro: Enter, then its first step (`Step 1/N`) on screen. */
export async function pastIntro(k: Katarun, firstStep: string): Promise<Katarun> {
  await k.waitFor('Enter start');
  await k.press(KEYS.enter);
  await k.waitFor(firstStep);
  return k;
}

/** basics from its intro through steps 1 and 2 with Enter alone, as a learner does them: ends on step 3. */
export async function basicsToStep3(k: Katarun): Promise<void> {
  await pastIntro(k, 'Step 1/4');
  await enterRuns(k, /\nHello from katarun, \w+/);
  await enterRuns(k, 'line 3');
  await k.press(KEYS.enter);
  await k.waitFor('Step 2/4');
  await enterRuns(k, /\$ export KATARUN_GREETING=hello\n.*✔ exit 0/);
  await enterRuns(k, /\$ mkdir -p demo && cd demo\n.*✔ exit 0/);
  await enterRuns(k, 'hello from demo');
  await k.waitFor('Check passed', 30_000);
  await k.press(KEYS.enter);
  await k.waitFor('Step 3/4');
}
