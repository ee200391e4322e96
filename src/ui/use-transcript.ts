// The transcript: finished text for <Static>, appended in order and never changed. The
// engine's events and page changes feed it here, so components never print on their own.

import chalk from 'chalk';
import {useCallback, useEffect, useRef, useState} from 'react';
import type {Engine, EngineEvent} from '../engine/types.js';
import {say} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {useSelect} from './use-engine.js';
import {commandText, finishText, noticeText, stepText, type RenderContext, type TranscriptItem} from './transcript.js';

/** `initial` is printed in the very first frame (the intro, when the scenario is known at mount). */
export function useTranscript(initial: () => readonly string[] = () => []): {readonly items: readonly TranscriptItem[]; readonly print: (text: string) => void} {
  const next = useRef(0);
  const [items, setItems] = useState<readonly TranscriptItem[]>(() => initial().map((text) => ({key: `t${next.current++}`, text})));
  const print = useCallback((text: string) => {
    const key = `t${next.current++}`;
    setItems((prev) => [...prev, {key, text}]);
  }, []);
  return {items, print};
}

/** Print each page when it comes on screen, and command output, check results and notices as they happen. */
export function useEngineTranscript(engine: Engine | undefined, print: (text: string) => void, render: () => RenderContext): void {
  const phase = useSelect(engine, (s) => s.phase);
  const stepIndex = useSelect(engine, (s) => s.stepIndex);
  const visited = useRef(new Set<number>());
  const lastPhase = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!engine || phase === undefined) return;
    const state = engine.store.getSnapshot();
    if (lastPhase.current === 'setup' && phase !== 'setup' && state.setup.lines.length > 0) {
      // Katarun's own lines are messages (words in the UI's language); the script's are untrusted text.
      const {t} = render();
      print(chalk.dim(state.setup.lines.slice(-20).map((line) => sanitizeText(say(t, line))).join('\n')));
    }
    lastPhase.current = phase;
    if (phase === 'step' && stepIndex !== undefined) {
      print(stepText(engine.scenario, stepIndex, visited.current.has(stepIndex), render()));
      visited.current.add(stepIndex);
    } else if (phase === 'finish') {
      print(finishText(engine.scenario, state, render()));
    }
    // render() reads the current width and language; a change of those alone must not reprint.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, phase, stepIndex, print]);

  useEffect(() => {
    if (!engine) return;
    const commands = new Map<string, {command: string; terminal: string}>();
    const logFiles = new Map<string, string>();
    const passedPrinted = new Set<number>();
    const onEvent = (event: EngineEvent) => {
      const t = render().t;
      switch (event.type) {
        case 'step-started':
          passedPrinted.delete(event.step);
          return;
        case 'action-started': {
          const terminal = event.action.kind === 'exec' ? event.action.terminal : 'T1';
          commands.set(`${event.step}:${event.action.id}`, {command: event.command, terminal});
          if (event.action.kind === 'exec' && !logFiles.has(terminal)) {
            engine.terminal(event.action.terminal).then((s) => logFiles.set(terminal, s.logFile), () => undefined);
          }
          return;
        }
        case 'action-finished': {
          if (event.action.kind !== 'exec') return;
          const started = commands.get(`${event.step}:${event.action.id}`);
          const terminal = started?.terminal ?? event.action.terminal;
          const lineCount = engine.store.getSnapshot().terminals[terminal]?.lineCount;
          print(commandText(started?.command ?? event.action.text, terminal, {...event, lineCount, logFile: logFiles.get(terminal)}, t));
          return;
        }
        case 'check-attempt':
          if (event.passed && !passedPrinted.has(event.step)) {
            passedPrinted.add(event.step);
            print(chalk.green(`✔ ${t('check.passed')}`));
          }
          return;
        case 'notice':
          print(noticeText(event.notice.level, t(event.notice.message)));
          return;
        default:
          return;
      }
    };
    return engine.onEvent(onEvent);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, print]);
}

