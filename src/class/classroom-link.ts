// The TUI's view of a class (ui/session.ts's ClassroomLink) over the learner's client: the
// status bar's words, a raised hand with the step's latest FAIL line, the engine's events
// shared once the learner starts, and — only when the learner turns it on — the terminal's
// recent output (terminal-share.ts).

import type {PreflightReport} from '../engine/environment/types.js';
import type {Engine} from '../engine/types.js';
import type {Translate} from '../render/i18n.js';
import type {ClassClient} from './client.js';
import {lastFailLine, shareEngine} from './learner-reporter.js';
import {connectionText} from './learner-session.js';
import {readinessEvent} from './readiness.js';
import {TerminalShare} from './terminal-share.js';

export interface ClassroomLinkHandle {
  subscribe(listener: () => void): () => void;
  status(): string;
  toggleHand(): {readonly up: boolean; readonly step: number};
  sharingTerminal(): boolean;
  shareTerminal(on: boolean): void;
  /** Share this engine's run (called once the learner starts). */
  attach(engine: Engine): void;
  /** Share the machine's checks (the intro's preflight). */
  ready(report: PreflightReport): void;
}

/** `shareFromStart`: the learner asked for --share-terminal (and was told what it shares). */
export function classroomLink(client: ClassClient, t: Translate, shareFromStart = false): ClassroomLinkHandle {
  let engine: Engine | undefined;
  let hand: number | undefined;
  const share = new TerminalShare(client);
  if (shareFromStart) share.set(true);
  return {
    subscribe(listener) {
      const offClient = client.subscribe(listener);
      const offShare = share.subscribe(listener);
      return () => {
        offClient();
        offShare();
      };
    },
    // "sharing terminal with the instructor · class: 12 of 18 past step 3": sharing first, so a
    // narrow terminal cuts the pace rather than the notice.
    status: () => (share.on ? `${t('class.share.status')} · ${connectionText(client.getSnapshot(), t)}` : connectionText(client.getSnapshot(), t)),
    sharingTerminal: () => share.on,
    shareTerminal: (on) => share.set(on),
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
      share.follow(created);
    },
  };
}
