// The TUI's view of a class (ui/session.ts's ClassroomLink) over the learner's client: the
// status bar's words, a raised hand with the step's latest FAIL line, and the engine's events
// shared once the learner starts.

import type {PreflightReport} from '../engine/environment/types.js';
import type {Engine} from '../engine/types.js';
import type {Translate} from '../render/i18n.js';
import type {ClassClient} from './client.js';
import {lastFailLine, shareEngine} from './learner-reporter.js';
import {connectionText} from './learner-session.js';
import {readinessEvent} from './readiness.js';

export interface ClassroomLinkHandle {
  subscribe(listener: () => void): () => void;
  status(): string;
  toggleHand(): {readonly up: boolean; readonly step: number};
  /** Share this engine's run (called once the learner starts). */
  attach(engine: Engine): void;
  /** Share the machine's checks (the intro's preflight). */
  ready(report: PreflightReport): void;
}

export function classroomLink(client: ClassClient, t: Translate): ClassroomLinkHandle {
  let engine: Engine | undefined;
  let hand: number | undefined;
  return {
    subscribe: client.subscribe,
    status: () => connectionText(client.getSnapshot(), t),
    toggleHand() {
      const step = engine?.store.getSnapshot().stepIndex ?? 0;
      const up = hand !== step;
      const fail = up && engine ? lastFailLine(engine, step) : undefined;
      if (hand !== undefined && hand !== step) client.send({type: 'hand', step: hand, up: false});
      client.send({type: 'hand', step, up, ...(fail !== undefined ? {fail} : {})});
      hand = up ? step : undefined;
      return {up, step};
    },
    ready(report) {
      client.send(readinessEvent(report, t));
    },
    attach(created) {
      engine = created;
      shareEngine(created, client);
    },
  };
}
