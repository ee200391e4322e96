// Opening a shell session of the kind asked for: `auto` tries the PTY first (the learner
// gets a real terminal) and falls back to pipes when the optional PTY addon does not load
// or cannot spawn, so katarun works wherever bash does.

import {PipeSession} from './pipe-session.js';
import type {ShellSession, ShellSessionOptions} from './types.js';

export {ctrlSequenceBytes} from './ctrl-seq.js';

export async function createShellSession(opts: ShellSessionOptions): Promise<ShellSession> {
  if (opts.kind === 'pipe') return PipeSession.start(opts);
  try {
    const {PtySession} = await import('./pty-session.js');
    return await PtySession.start(opts);
  } catch (err) {
    if (opts.kind === 'pty') throw err;
    return PipeSession.start(opts);
  }
}
