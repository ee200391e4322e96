// The App's glue: UI state, the transcript, the engine once started, the controller and the
// key listener, the shell drop-in and closing. Logic lives in controller.ts and the engine.

import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import type {Engine} from '../engine/types.js';
import {translator} from '../render/i18n.js';
import {createController} from './controller.js';
import type {Screen} from './keymap.js';
import type {AppProps, ScenarioSession} from './session.js';
import {introText, type RenderContext, type TranscriptItem} from './transcript.js';
import {terminalNames} from './format.js';
import {initialUiState, uiReducer} from './ui-state.js';
import {useSelect} from './use-engine.js';
import {useKeys} from './use-keys.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useEngineTranscript, useTranscript} from './use-transcript.js';

export function screenOf(session: ScenarioSession | undefined, phase: string | undefined): Screen {
  if (!session) return 'picker';
  if (phase === 'setup') return 'setup';
  if (phase === 'step') return 'step';
  if (phase === 'finish' || phase === 'closed') return 'finish';
  return 'intro';
}

export function useApp(props: AppProps) {
  const size = useTerminalSize();
  const t = useMemo(() => translator(props.lang), [props.lang]);
  const [ui, dispatch] = useReducer(uiReducer, initialUiState);
  const introOf = (current: ScenarioSession) => introText(current.scenario, {width: size.columns, t});
  // The intro is part of the first frame; a scenario opened from the picker prints it on opening.
  const {items, print} = useTranscript(() => (props.session ? [introOf(props.session)] : []));
  const introPrinted = useRef(props.session);
  const [session, setSession] = useState(props.session);
  const [engine, setEngine] = useState<Engine>();
  const [closing, setClosing] = useState<number>();
  const phase = useSelect(engine, (s) => s.phase);
  const screen = screenOf(session, phase);

  // The controller reads the latest values through refs, so it is created once.
  const latest = useRef({ui, session, engine, screen, size, t});
  latest.current = {ui, session, engine, screen, size, t};
  const render = (): RenderContext => ({
    width: latest.current.size.columns,
    t: latest.current.t,
    ...(latest.current.session ? {terminalNames: terminalNames(latest.current.session.scenario.environment.terminals)} : {}),
  });

  const handle = useMemo(
    () =>
      createController({
        screen: () => latest.current.screen,
        engine: () => latest.current.engine,
        session: () => latest.current.session,
        ui: () => latest.current.ui,
        dispatch,
        print,
        copy: props.copy,
        exit: (code) => setClosing((prev) => prev ?? code),
        start: (from, choice) => {
          const current = latest.current.session;
          if (!current) return;
          dispatch({type: 'starting', starting: true});
          Promise.resolve(current.createEngine(choice))
            .then((created) => {
              latest.current.engine = created;
              setEngine(created);
              props.onEngine?.(created);
              created.resize(latest.current.size.columns, latest.current.size.rows);
              return created.start(from);
            })
            .catch((err: unknown) => dispatch({type: 'message', message: {level: 'error', text: t('error.engine', {message: err instanceof Error ? err.message : String(err)})}}))
            .finally(() => dispatch({type: 'starting', starting: false}));
        },
        pick: () => {
          const entry = props.picker?.entries[latest.current.ui.pickerIndex];
          if (!entry || !props.picker || latest.current.ui.starting) return;
          dispatch({type: 'starting', starting: true});
          props.picker
            .open(entry)
            .then(setSession)
            .catch((err: unknown) => dispatch({type: 'message', message: {level: 'error', text: err instanceof Error ? err.message : String(err)}}))
            .finally(() => dispatch({type: 'starting', starting: false}));
        },
        pickerCount: () => props.picker?.entries.length ?? 0,
        shell: () => {
          const current = latest.current.engine;
          if (!current || !props.dropIn) return dispatch({type: 'message', message: {level: 'warning', text: t('shell.none')}});
          const dropIn = props.dropIn;
          current
            .terminal('T1')
            .then(async (shell) => {
              dispatch({type: 'dropped', dropped: true});
              // Let Ink erase the live region (its frames are throttled) before the shell takes over.
              await new Promise((resolve) => setTimeout(resolve, 80));
              await dropIn(shell, t('shell.banner', {terminal: 'T1'}));
            })
            .catch((err: unknown) => dispatch({type: 'message', message: {level: 'error', text: t('error.engine', {message: err instanceof Error ? err.message : String(err)})}}))
            .finally(() => dispatch({type: 'dropped', dropped: false}));
        },
        render,
        t,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useKeys(handle, screen, ui.overlay, !ui.dropped && closing === undefined);
  useEngineTranscript(engine, print, render);

  useEffect(() => {
    if (session && introPrinted.current !== session) {
      introPrinted.current = session;
      print(introOf(session));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  useEffect(() => {
    engine?.resize(size.columns, size.rows);
  }, [engine, size.columns, size.rows]);

  // A first Ctrl-C arms quitting for a few seconds.
  useEffect(() => {
    if (!ui.ctrlCArmed) return;
    const timer = setTimeout(() => {
      dispatch({type: 'arm-ctrl-c', armed: false});
      dispatch({type: 'message', message: undefined});
    }, 3000);
    return () => clearTimeout(timer);
  }, [ui.ctrlCArmed]);

  // Closing: the live region renders nothing first, so the screen ends with the transcript.
  useEffect(() => {
    if (closing !== undefined) props.onExit(closing);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [closing]);

  // While the shell owns the terminal nothing may be written, so new transcript items wait.
  const frozen = useRef<number | undefined>(undefined);
  if (ui.dropped && frozen.current === undefined) frozen.current = items.length;
  if (!ui.dropped) frozen.current = undefined;
  const transcript: readonly TranscriptItem[] = frozen.current === undefined ? items : items.slice(0, frozen.current);

  return {engine, session, screen, ui, size, t, transcript, showLive: !ui.dropped && closing === undefined};
}
