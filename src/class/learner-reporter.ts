// What a learner's run shares with the class, taken from the engine exactly as a headless
// reporter takes it (its events and its store): steps entered and finished, each check's
// result with its FAIL / EXPECTED / ACTUAL lines, hints and solutions opened, the end. Never
// command output, the environment or files.

import type {Engine, EngineEvent} from '../engine/types.js';
import type {Scenario} from '../scenario/model.js';
import {stepEstimateMinutes} from '../scenario/step-estimate.js';
import type {ClassEventBody, StepInfo} from './protocol.js';
import {LIMITS} from './protocol.js';

export interface EventSink {
  send(body: ClassEventBody): void;
}

export function stepInfos(scenario: Scenario): StepInfo[] {
  return scenario.steps.map((s, i) => {
    const estimateMin = stepEstimateMinutes(scenario, i);
    return {title: s.title, ...(estimateMin !== undefined ? {estimateMin} : {})};
  });
}

const clip = (s: string) => s.slice(0, LIMITS.line);

/** Share the engine's run with the class; returns the unsubscribe function. */
export function shareEngine(engine: Pick<Engine, 'onEvent' | 'store'>, sink: EventSink): () => void {
  const offEvents = engine.onEvent((e: EngineEvent) => {
    if (e.type === 'step-started') sink.send({type: 'step', step: e.step, status: 'active'});
    else if (e.type === 'step-finished') sink.send({type: 'step', step: e.step, status: e.status === 'pending' || e.status === 'active' ? 'active' : e.status});
    else if (e.type === 'check-attempt') {
      const check = engine.store.getSnapshot().steps[e.step]?.check;
      sink.send({
        type: 'check',
        step: e.step,
        passed: e.passed,
        fail: e.feedback.slice(-LIMITS.lines).map(clip),
        ...(!e.passed && check?.expected !== undefined ? {expected: clip(check.expected)} : {}),
        ...(!e.passed && check?.actual !== undefined ? {actual: clip(check.actual)} : {}),
      });
    }
  });
  // Hints, solutions and the finish are state, not events: watch the store for their changes.
  let seen = engine.store.getSnapshot();
  const offStore = engine.store.subscribe(() => {
    const now = engine.store.getSnapshot();
    now.steps.forEach((st, i) => {
      const before = seen.steps[i];
      for (let h = before?.hintsShown ?? 0; h < st.hintsShown; h++) sink.send({type: 'hint', step: i});
      if (st.solutionShown && !before?.solutionShown) sink.send({type: 'solution', step: i});
    });
    if (now.phase === 'finish' && seen.phase !== 'finish') sink.send({type: 'finish'});
    seen = now;
  });
  return () => {
    offEvents();
    offStore();
  };
}

/** The latest FAIL line of the step, for a raised hand. */
export function lastFailLine(engine: Pick<Engine, 'store'>, step: number): string | undefined {
  const feedback = engine.store.getSnapshot().steps[step]?.check.feedback ?? [];
  const line = feedback[feedback.length - 1];
  return line === undefined ? undefined : clip(line);
}
