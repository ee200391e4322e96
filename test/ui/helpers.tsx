// Rendering the App for component tests: ink-testing-library with a fake engine, a fake
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
import {FakeEngine} from './fake-engine.js';
import type {Scenario} from '../../src/scenario/model.js';

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

export function sessionFor(scenario: Scenario, extra: Partial<ScenarioSession> = {}): {session: ScenarioSession; engine: FakeEngine; created: Array<{createCluster: boolean}>} {
  const engine = new FakeEngine(scenario);
  const created: Array<{createCluster: boolean}> = [];
  const session: ScenarioSession = {
    scenario,
    createEngine: (options) => {
      created.push({createCluster: options.createCluster});
      return engine;
    },
    ...extra,
  };
  return {session, engine, created};
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
    const deadline = Date.now() + timeoutMs;
    while (!frame().includes(text)) {
      if (Date.now() > deadline) throw new Error(`the screen never showed ${JSON.stringify(text)} in ${timeoutMs} ms; it shows:\n${frame()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return frame();
  };
  return {...app, press, frame, until, settle: settled, exits, copies, drops};
}
