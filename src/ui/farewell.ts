// What quitting says when there is progress to come back to: where it was saved and the exact
// command that reopens the scenario. It says so exactly when the next open would offer
// something (continue at step k, or review a finished scenario) — the same rule as resumeInfo.

import type {EngineState} from '../engine/types.js';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {ScenarioSession} from './session.js';

/** `state`: the engine's, read before it was disposed (undefined when none was started). */
export function farewellLine(session: ScenarioSession | undefined, state: EngineState | undefined, t: Translate): string | undefined {
  if (!session?.reopen) return undefined;
  const command = sanitizeText(session.reopen);
  const total = session.scenario.steps.length;
  const finished = () => t('farewell.finished', {title: sanitizeText(session.scenario.title), command});
  const saved = (step: number) => t('farewell.saved', {step, total, command});
  if (state && state.phase !== 'intro') {
    if (state.phase === 'finish') return finished();
    // Progress is written on steps only; step 1 is where a fresh start begins anyway.
    if (state.phase === 'step' && state.stepIndex > 0) return saved(state.stepIndex + 1);
    if (state.phase === 'step' && state.steps.length > 0 && state.steps.every((s) => s.status === 'passed')) return finished();
    return undefined;
  }
  // Quit before starting: what was saved before is still there.
  if (session.finished) return finished();
  if (session.resumeStep) return saved(session.resumeStep + 1);
  return undefined;
}
