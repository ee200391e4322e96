// Rendering the App for component tests: ink-testing-library with the real engine over a
// scripted shell port (fake-shell-port.ts), a fake
// clipboard and an exit spy. useInput subscribes in an effect (notes/tech.md §6.1), so a key is
// written only once Ink listens to stdin, and the next one only after React has settled (the
// handler re-subscribes after every render). Settling is counted in event-loop turns, not
// milliseconds: Ink renders in legacy mode (a commit never yields) with throttling off in
// ink-testing-library, and React's scheduler queues its work with setImmediate, so work
// queued before a turn runs before it however loaded the machine is. What depends on timers
// or I/O (preflight, a drop-in shell) is awaited with `until` / vi.waitFor instead.

import {render} from 'ink-testing-library';
import type {CopyResult} from '../../src/render/clipboard.js';
import {App} from '../../src/ui/App.js';
import type {AppProps, ScenarioSession} from '../../src/ui/session.js';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createEngine} from '../../src/engine/create-engine.js';
import type {EngineOptions, RunEngine} from '../../src/engine/engine-options.js';
import type {Engine} from '../../src/engine/types.js';
import type {Scenario} from '../../src/scenario/model.js';
import {FakeShellPort} from './fake-shell-port.js';
import {waitFor} from '../wait.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Let React finish what is queued (render, commit, passive effects): until no new frame for 3 turns. */
export async function settle(frames: () => number = () => 0): Promise<void> {
  let seen = -1;
  for (let quiet = 0, i = 0; quiet < 3 && i < 1000; i++) {
    await turn();
    const n = frames();
    quiet = n === seen ? quiet + 1 : 0;
    seen = n;
  }
}

export const KEY = {enter: '\r', ctrlC: '\u0003', left: '\u001b[D', right: '\u001b[C', up: '\u001b[A', down: '\u001b[B', esc: '\u001b'};

/** A clock the test moves: the engine's times (a step's elapsed time) read it. */
export class TestClock {
  private offset = 0;
  /** The wall clock moved on by what the test advanced (the UI's own clocks read Date.now). */
  readonly now = () => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

const engines: Engine[] = [];
const homes: string[] = [];

/** Dispose every engine the tests made (its checks poll on timers) and remove their folders. */
export async function disposeEngines(): Promise<void> {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
  // An engine disposed while it was still starting may write a last file as it stops: rm retries.
  for (const h of homes.splice(0)) rmSync(h, {recursive: true, force: true, maxRetries: 5});
}

const RECORDED = ['start', 'runAction', 'enter', 'next', 'prev', 'interrupt', 'cancel', 'recheck', 'revisit', 'terminal', 'resize', 'answerQuiz'] as const;
type Recorded = (typeof RECORDED)[number];
const label: Record<Recorded, string> = {start: 'start', runAction: 'action', enter: 'enter', next: 'next', prev: 'prev', interrupt: 'interrupt', cancel: 'cancel', recheck: 'recheck', revisit: 'revisit', terminal: 'terminal', resize: 'resize', answerQuiz: 'answer'};

/** `action:2`, `interrupt:T1` (`interrupt:` for the default terminal), `answer:0:[1]`, `resize`, `next`. */
function callName(name: Recorded, args: unknown[]): string {
  if (name === 'answerQuiz') return `answer:${String(args[0])}:${JSON.stringify(args[1])}`;
  if (name === 'interrupt') return `interrupt:${args[0] === undefined ? '' : String(args[0])}`;
  return args[0] === undefined || name === 'resize' ? label[name] : `${label[name]}:${String(args[0])}`;
}

/** The real engine over a scripted shell, and what the UI asked of it (`start:0`, `action:2`, `interrupt:T1`…). */
export type TestEngine = RunEngine & {readonly calls: string[]};

export function realEngine(scenario: Scenario, port: FakeShellPort, clock = new TestClock(), extra: EngineOptions = {}): TestEngine {
  const home = mkdtempSync(join(tmpdir(), 'katarun-ui-'));
  homes.push(home);
  const engine = createEngine(scenario, {
    port,
    now: clock.now,
    dirs: {state: join(home, 'state'), data: join(home, 'data'), cache: join(home, 'cache')},
    sandbox: 'none',
    progress: false,
    outputBatchMs: 1,
    env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home},
    ...extra,
  });
  engines.push(engine);
  const calls: string[] = [];
  // A recording spy over the real methods: the UI's intents are visible, the engine still does the work.
  for (const name of RECORDED) {
    const real = (engine[name] as (...args: unknown[]) => unknown).bind(engine);
    (engine as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push(callName(name, args));
      return real(...args);
    };
  }
  return Object.assign(engine, {calls});
}

export interface SessionFor {
  session: ScenarioSession;
  engine: TestEngine;
  port: FakeShellPort;
  clock: TestClock;
  created: Array<{createCluster: boolean}>;
}

export function sessionFor(scenario: Scenario, extra: Partial<ScenarioSession> = {}, port = new FakeShellPort()): SessionFor {
  const clock = new TestClock();
  const engine = realEngine(scenario, port, clock);
  const created: Array<{createCluster: boolean}> = [];
  const session: ScenarioSession = {
    scenario,
    createEngine: (options) => {
      created.push({createCluster: options.createCluster});
      return engine;
    },
    ...extra,
  };
  return {session, engine, port, clock, created};
}

export function renderApp(props: Partial<AppProps> & Pick<AppProps, 'session'> | Partial<AppProps>) {
  const exits: number[] = [];
  const copies: string[] = [];
  const drops: string[] = [];
  const copy = async (text: string): Promise<CopyResult> => {
    copies.push(text);
    return {method: 'osc52', text, ok: true};
  };
  const app = render(
    <App
      lang="en"
      copy={copy}
      onExit={(code) => exits.push(code)}
      dropIn={async (_session, banner) => {
        drops.push(banner);
      }}
      {...props}
    />,
  );
  const settled = () => settle(() => app.frames.length);
  /** Ink reads stdin only while some useInput is active; a key written before that is lost. */
  const listening = async () => {
    for (let i = 0; app.stdin.listenerCount('readable') === 0; i++) {
      if (i > 10_000) throw new Error(`nothing listens to the keyboard; the screen shows:\n${frame()}`);
      await turn();
    }
  };
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      await settled();
      await listening();
      app.stdin.write(key);
    }
    await settled();
  };
  const frame = () => app.lastFrame() ?? '';
  /** Wait until the frame shows the text (async work such as preflight may take a moment under load). */
  const until = async (text: string, timeoutMs = 10_000) => {
    await waitFor(() => frame().includes(text), {timeoutMs, intervalMs: 10, what: `the screen to show ${JSON.stringify(text)}`, seen: () => `it shows:\n${frame()}`});
    return frame();
  };
  return {...app, press, frame, until, settle: settled, exits, copies, drops};
}
