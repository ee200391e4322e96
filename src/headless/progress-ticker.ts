// A line every so often while a step runs, so a CI log never looks hung: which step, what runs
// (the command in the busiest terminal, else the check), and for how long —
// `  … step 3/5 · running kubectl wait … · 1:20`. Reads the engine's state; writes nothing else.

import type {RunEngine} from '../engine/engine-options.js';
import {clockDuration} from '../render/duration.js';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';

/** 10–30 s is what a CI log reader tolerates; 15 s by default. */
export const DEFAULT_PROGRESS_MS = 15_000;

function shortCommand(text: string): string {
  const first = text.trim().split('\n')[0] ?? '';
  return first.length > 60 || text.trim().includes('\n') ? `${first.slice(0, 57)}…` : first;
}

/** The progress line for the engine's state now, or undefined when no step runs. */
export function progressLine(engine: RunEngine, t: Translate, now: number): string | undefined {
  const s = engine.store.getSnapshot();
  if (s.phase !== 'step') return undefined;
  const st = s.steps[s.stepIndex];
  if (!st) return undefined;
  const k = s.stepIndex + 1;
  const n = s.steps.length;
  const stepStart = st.enteredAt ?? st.startedAt ?? now;
  const elapsed = clockDuration(now - stepStart + (st.enteredAt !== undefined ? st.elapsedMs : 0));
  // What this step runs: a server or a REPL an earlier step left running is not news.
  const running = Object.values(s.terminals)
    .map((x) => x.running)
    .filter((r) => r !== undefined && r.startedAt >= stepStart)
    .sort((a, b) => a!.startedAt - b!.startedAt)[0];
  if (running) return t('report.running', {k, n, command: sanitizeText(shortCommand(running.command)), elapsed});
  if (st.check.status === 'polling') return t('report.checking', {k, n, attempts: st.check.attempts, elapsed});
  return t('report.waiting', {k, n, elapsed});
}

/** Writes progressLine every `everyMs` until stopped. */
export function startProgress(engine: RunEngine, t: Translate, write: (line: string) => void, everyMs: number, now: () => number = Date.now): () => void {
  const timer = setInterval(() => {
    const line = progressLine(engine, t, now());
    if (line) write(`${line}\n`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
