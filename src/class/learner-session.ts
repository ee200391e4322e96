// Joining a class from a learner's command (`katarun <scenario> --join`, `katarun test --join`,
// `katarun doctor --join`): says first what will be shared, then starts the client whose
// identity and queue live under katarun's state folder, one per class and scenario.

import {userInfo} from 'node:os';
import {join} from 'node:path';
import {safeId} from '../engine/dirs.js';
import {message, say, type Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {Scenario} from '../scenario/model.js';
import {ClassClient, type ConnectionState} from './client.js';
import {parseJoinTarget, type JoinTarget} from './join-target.js';
import {stepInfos} from './learner-reporter.js';
import {LIMITS} from './protocol.js';

export interface ClassSessionOptions {
  readonly join: string;
  readonly name?: string;
  readonly scenario: Scenario;
  /** katarun's state folder (`defaultDirs().state`). */
  readonly stateDir: string;
  readonly t: Translate;
  readonly out: {write(text: string): unknown};
  readonly heartbeatMs?: number;
  /** --share-terminal: the notice says so (the caller starts the sharing). */
  readonly shareTerminal?: boolean;
}

export function defaultName(env: Readonly<Record<string, string | undefined>> = process.env): string {
  try {
    return env.KATARUN_NAME || userInfo().username || 'learner';
  } catch {
    return 'learner';
  }
}

export function learnerDir(stateDir: string, target: JoinTarget, scenarioId: string): string {
  return join(stateDir, 'class', safeId(`${new URL(target.base).host}-${target.code}`), safeId(scenarioId));
}

/** What the learner is told before anything is sent. */
export function sharingNotice(t: Translate, server: string, name: string, scenario: string, shareTerminal = false): string {
  return [t('class.sharing', {server, name: sanitizeText(name), scenario: sanitizeText(scenario)}), t('class.shared'), ...(shareTerminal ? [t('class.share.flag')] : []), t('class.notShared')].join('\n');
}

export function openClassSession(o: ClassSessionOptions): ClassClient {
  const target = parseJoinTarget(o.join);
  const name = (o.name ?? defaultName()).trim().slice(0, LIMITS.name) || 'learner';
  o.out.write(`${sharingNotice(o.t, target.base, name, o.scenario.id, o.shareTerminal)}\n`);
  const client = new ClassClient({
    target,
    name,
    scenario: {id: o.scenario.id, title: o.scenario.title},
    steps: stepInfos(o.scenario),
    dir: learnerDir(o.stateDir, target, o.scenario.id),
    ...(o.heartbeatMs !== undefined ? {heartbeatMs: o.heartbeatMs} : {}),
  });
  client.start();
  return client;
}

/** The connection in a few words, for the status bar and the end of a headless run. */
export function connectionText(s: ConnectionState, t: Translate): string {
  if (s.status === 'refused') return t('class.refused', {error: sanitizeText(say(t, s.error ?? ''))});
  if (s.status === 'offline') return t('class.offline', {queued: s.queued});
  if (s.status === 'connecting') return t('class.connecting');
  if (s.pace && s.pace.step >= 0) return t('class.pace', {past: s.pace.past, total: s.pace.total, step: s.pace.step + 1});
  return t('class.online');
}

/** Close the client (waiting up to `waitMs` to deliver) and say what became of the queue. */
export async function closeClassSession(client: ClassClient, waitMs: number, t: Translate, out: {write(text: string): unknown}, server: string): Promise<ConnectionState> {
  const s = await client.close(waitMs);
  if (s.queued > 0) out.write(`${t('class.unsent', {events: message('count.events', {n: s.queued}), error: sanitizeText(say(t, s.error ?? message(`class.status.${s.status}`)))})}\n`);
  else if (s.status === 'refused') out.write(`${connectionText(s, t)}\n`);
  else out.write(`${t('class.delivered', {server})}\n`);
  return s;
}

export {shareEngine} from './learner-reporter.js';
export {parseJoinTarget} from './join-target.js';
