// `katarun <scenario> --join` on a terminal: before the TUI opens, the learner reads what will be
// shared and presses Enter (Ctrl-C: nothing is sent, nothing runs); then the client connects and
// the TUI gets the class's link. After the TUI closes, what is queued gets a moment to go out.

import {createInterface} from 'node:readline/promises';
import {defaultDirs} from '../engine/dirs.js';
import {translator, uiLanguage} from '../render/i18n.js';
import type {Scenario} from '../scenario/model.js';
import {classroomLink, type ClassroomLinkHandle} from './classroom-link.js';
import {closeClassSession, openClassSession, parseJoinTarget, sharingNotice, defaultName} from './learner-session.js';
import {resolveJoin} from './join-target.js';

/** How long the TUI's exit waits to deliver (the CLI ends the process 2 s after the TUI closes). */
const EXIT_WAIT_MS = 1500;

export class JoinCancelled extends Error {}

export async function joinFromTui(o: {join: string; name?: string; scenario: Scenario; lang?: string; shareTerminal?: boolean}): Promise<{link: ClassroomLinkHandle; close(): Promise<void>}> {
  const t = translator(uiLanguage(o.lang));
  const join = await resolveJoin(o.join, t, process.stdout);
  const target = parseJoinTarget(join);
  process.stdout.write(`${sharingNotice(t, target.base, o.name ?? defaultName(), o.scenario.id, o.shareTerminal)}\n${t('class.handKey')}\n${t('class.share.key')}\n`);
  const rl = createInterface({input: process.stdin, output: process.stdout});
  try {
    await new Promise<void>((resolve, reject) => {
      rl.once('SIGINT', () => reject(new JoinCancelled()));
      rl.once('close', () => reject(new JoinCancelled()));
      rl.question(`${t('class.confirm')} `).then(() => resolve(), reject);
    });
  } finally {
    rl.removeAllListeners('close');
    rl.close();
  }
  const client = openClassSession({join, ...(o.name !== undefined ? {name: o.name} : {}), scenario: o.scenario, stateDir: defaultDirs().state, t, out: {write: () => undefined}});
  return {
    link: classroomLink(client, t, o.shareTerminal === true),
    close: async () => {
      await closeClassSession(client, EXIT_WAIT_MS, t, process.stderr, target.base);
    },
  };
}
