// Every process group and shell session katarun starts is registered here, so that every
// exit path ends them: normal exit (sync, in 'exit'), SIGINT/SIGTERM/SIGHUP (through the
// CLI's handler, which decides the exit code), and SIGKILL (through the watchdog).

import {groupAlive, killGroup, killSession, sessionAlive, terminate} from './kill-tree.js';
import {unwatchGroup, unwatchSession, watchGroup, watchSession} from './watchdog.js';

export interface RegisteredTarget {
  readonly kind: 'group' | 'session';
  /** pgid (group) or sid (session); for our spawns both equal the leader's pid. */
  readonly id: number;
  /** A richer shutdown (a shell session disposing itself); defaults to SIGTERM → SIGKILL. */
  readonly dispose?: () => Promise<void>;
}

const targets = new Set<RegisteredTarget>();
let exitHookInstalled = false;

/** Register a group or session; returns the function that unregisters it. */
export function register(target: RegisteredTarget): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killAllSync);
  }
  targets.add(target);
  if (target.kind === 'group') watchGroup(target.id);
  else watchSession(target.id);
  return () => {
    if (!targets.delete(target)) return;
    if (target.kind === 'group') unwatchGroup(target.id);
    else unwatchSession(target.id);
  };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** For process 'exit': no awaiting possible, so signal, wait briefly in place, then SIGKILL. */
export function killAllSync(): void {
  if (targets.size === 0) return;
  const list = [...targets];
  const send = (t: RegisteredTarget, sig: NodeJS.Signals) => (t.kind === 'group' ? killGroup(t.id, sig) : killSession(t.id, sig));
  const alive = (t: RegisteredTarget) => (t.kind === 'group' ? groupAlive(t.id) : sessionAlive(t.id));
  for (const t of list) send(t, 'SIGTERM');
  for (let i = 0; i < 8 && list.some(alive); i++) sleepSync(25);
  for (const t of list) if (alive(t)) send(t, 'SIGKILL');
  targets.clear();
}

/** End every registered group and session (SIGTERM, then SIGKILL after a grace period). */
export async function disposeAll(): Promise<void> {
  const list = [...targets];
  await Promise.all(
    list.map(async (t) => {
      try {
        if (t.dispose) await t.dispose();
        else await terminate(t);
      } catch {
        await terminate(t);
      }
    }),
  );
  for (const t of list) targets.delete(t);
}
