// The line a session writes into its own terminal or log where its shell changed under it.
// It carries no words: the learner may read Russian, and the shell layer does not know the
// language. The engine's notice (`notice.shellReplaced`, `notice.shellEnded`) says what
// happened in the learner's language; this mark only shows where in the output it happened.

/** `replaced`: a program `exec`'d a new bash and katarun re-attached; `restarted`: the shell ended and a new one was started; `failed`: bash ended before its first prompt. */
export type ShellChange = 'replaced' | 'restarted' | 'failed';

import {constants} from 'node:os';

const SIGN: Record<ShellChange, string> = {replaced: '⇄', restarted: '↻', failed: '✗'};

/**
 * `── katarun ↻ T1 · $?=3 ──`: the terminal's name and, when known, how the old shell ended
 * (its exit status as `$?` shows it, or the signal's name) — shell notation, not a sentence.
 */
export function shellMarker(change: ShellChange, name: string, how?: {code?: number | null; signal?: string | number | null; exec?: boolean}): string {
  const detail = how?.exec ? 'exec' : how?.signal ? signalName(how.signal) : how?.code !== undefined && how.code !== null ? `$?=${how.code}` : '';
  return `── katarun ${SIGN[change]} ${name}${detail ? ` · ${detail}` : ''} ──`;
}

/** A signal as its name (`SIGKILL`); a number no name is known for stays a number. */
function signalName(signal: string | number): string {
  if (typeof signal === 'string') return signal;
  return Object.entries(constants.signals).find(([, n]) => n === signal)?.[0] ?? String(signal);
}
