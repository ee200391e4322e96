// Reading the steps without running them: on a machine that is not ready (istio-egress without
// Docker) the learner can still read what the lab teaches, and a finished scenario is reviewed
// this way. No engine exists meanwhile — nothing is started, no workspace is touched — so an
// action key only says why it does not run. Each step is printed into the transcript as it is
// reached, marked read-only in its heading.

import chalk from 'chalk';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {Intent} from './keymap.js';
import type {ScenarioSession} from './session.js';
import {stepText, type RenderContext} from './transcript.js';
import type {Reading, UiEvent, UiState} from './ui-state.js';

export interface ReadingDeps {
  readonly session: () => ScenarioSession | undefined;
  readonly ui: () => UiState;
  readonly dispatch: (event: UiEvent) => void;
  readonly print: (text: string) => void;
  readonly say: (text: string, level?: 'info' | 'warning' | 'error') => void;
  readonly render: () => RenderContext;
  /** Ask before starting over (the review offers it). */
  readonly startOver: () => void;
  readonly t: Translate;
}

export function readingPage(session: ScenarioSession, reading: Reading, ctx: RenderContext): string {
  const mark = reading.mode === 'review' ? chalk.green(ctx.t('reading.markReview')) : chalk.yellow(ctx.t('reading.mark'));
  return stepText(session.scenario, reading.step, false, ctx, mark);
}

export function createReading(deps: ReadingDeps) {
  const {t, dispatch} = deps;
  const show = (session: ScenarioSession, reading: Reading) => {
    dispatch({type: 'reading', reading});
    deps.print(readingPage(session, reading, deps.render()));
  };

  /** Open the reader at step 1. */
  const open = (mode: Reading['mode'], checks?: string) => {
    const session = deps.session();
    if (!session || session.scenario.steps.length === 0) return;
    show(session, {step: 0, mode, ...(checks !== undefined ? {checks} : {})});
  };

  /** An intent while reading. */
  const handle = (intent: Intent): void => {
    const session = deps.session();
    const reading = deps.ui().reading;
    if (!session || !reading) return;
    const total = session.scenario.steps.length;
    switch (intent.type) {
      case 'enter':
      case 'next':
        if (reading.step + 1 >= total) return deps.say(t('reading.last'));
        return show(session, {...reading, step: reading.step + 1});
      case 'prev':
        if (reading.step === 0) return deps.say(t('prev.first'), 'warning');
        return show(session, {...reading, step: reading.step - 1});
      case 'action':
        return deps.say(
          reading.mode === 'review' ? t('reading.noRunReview', {n: intent.id}) : t('reading.noRun', {n: intent.id, id: sanitizeText(session.scenario.id)}),
          'warning',
        );
      case 'start-over':
        if (reading.mode === 'review') deps.startOver();
        return;
      case 'cancel':
        return dispatch({type: 'reading', reading: undefined});
      default:
        return;
    }
  };

  return {open, handle};
}
