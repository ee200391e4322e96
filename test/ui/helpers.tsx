// Rendering the App for component tests: ink-testing-library with a fake engine, a fake
// clipboard and an exit spy. Keys are written one at a time with a tick before and after,
// because useInput subscribes in an effect (notes/tech.md §6.1).

import {render} from 'ink-testing-library';
import type {CopyResult} from '../../src/render/clipboard.js';
import {App} from '../../src/ui/App.js';
import type {AppProps, ScenarioSession} from '../../src/ui/session.js';
import {FakeEngine} from './fake-engine.js';
import type {Scenario} from '../../src/scenario/model.js';

export const tick = () => new Promise((resolve) => setTimeout(resolve, 15));

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
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      await tick();
      app.stdin.write(key);
      await tick();
    }
    await tick();
  };
  const frame = () => app.lastFrame() ?? '';
  /** Wait until the frame shows the text (async work such as preflight may take a moment under load). */
  const until = async (text: string, timeoutMs = 3000) => {
    const deadline = Date.now() + timeoutMs;
    while (!frame().includes(text) && Date.now() < deadline) await tick();
    return frame();
  };
  return {...app, press, frame, until, exits, copies, drops};
}
