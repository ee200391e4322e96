// Mounts the TUI and owns its lifetime: Ink is rendered with our own Ctrl-C handling, no
// console patching and a 30 fps cap (never incremental rendering on 6.8); the terminal is
// given back — shell drop-in left, raw mode off, cursor shown, colours reset — and the
// engine disposed on every way out: quit, finish, errors, SIGINT, SIGTERM and SIGHUP.

import {render} from 'ink';
import {preloadHighlighter} from '../render/markdown.js';
import type {Engine} from '../engine/types.js';
import {App} from './App.js';
import {inkStdout} from './ink-stdout.js';
import type {AppProps} from './session.js';
import {createDropIn, leaveDropIn} from './shell-drop-in.js';
import {farewellLine} from './farewell.js';
import {translator} from '../render/i18n.js';
import type {EngineState} from '../engine/types.js';
import type {ScenarioSession} from './session.js';

export type TuiOptions = Omit<AppProps, 'onExit' | 'onEngine' | 'onSession' | 'dropIn'> & {
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
};

const SIGNAL_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

export async function runTui(options: TuiOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  let engine: Engine | undefined;
  let session: ScenarioSession | undefined = options.session;
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let closing = false;

  const restoreTerminal = () => {
    leaveDropIn();
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed (SIGHUP): nothing left to restore there
    }
    stdin.pause();
    stdin.unref?.();
    if (stdout.writable) stdout.write('\u001b[0m\u001b[?25h');
  };

  const close = async (code: number, error?: unknown, signal?: keyof typeof SIGNAL_CODES) => {
    if (closing) return;
    closing = true;
    // Read before disposing: disposing saves the progress and closes the engine.
    const state: EngineState | undefined = engine?.store.getSnapshot();
    leaveDropIn();
    try {
      instance.unmount();
    } catch {
      // already unmounted
    }
    restoreTerminal();
    try {
      await engine?.dispose();
    } catch (err) {
      error ??= err;
    }
    if (error !== undefined) {
      process.stderr.write(`katarun: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    // Progress was saved (dispose waited for it): say so, and how to come back. Not after a
    // hang-up (no terminal is left to read it).
    const farewell = signal === 'SIGHUP' ? undefined : farewellLine(session, state, translator(options.lang));
    if (farewell && stdout.writable) stdout.write(`${farewell}\n`);
    resolveExit(code);
  };

  const onSignal = (signal: keyof typeof SIGNAL_CODES) => () => void close(SIGNAL_CODES[signal], undefined, signal);
  const handlers = (Object.keys(SIGNAL_CODES) as Array<keyof typeof SIGNAL_CODES>).map((signal) => [signal, onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const onError = (err: unknown) => void close(70, err);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);

  // Raw mode before the first frame: Ink turns it on only in an effect after that frame, and a
  // key pressed in between would be echoed by the terminal (moving the cursor under Ink's
  // frame) and line-buffered, so an early Enter would arrive as "\n", not as Enter.
  if (stdin.isTTY) stdin.setRawMode(true);
  const instance = render(
    <App
      {...options}
      onExit={(code) => void close(code)}
      onEngine={(created) => (engine = created)}
      onSession={(opened) => (session = opened)}
      dropIn={stdin.isTTY ? createDropIn(stdin, stdout) : undefined}
    />,
    // NO_COLOR (no-color.org): present and not empty.
    {stdout: inkStdout(stdout, (process.env.NO_COLOR ?? '') !== ''), stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 30, incrementalRendering: false},
  );

  // The first frame is on screen (Ink renders it synchronously); now load what it did not need.
  setTimeout(() => void preloadHighlighter().catch(() => undefined), 0);

  try {
    return await exited;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
}
