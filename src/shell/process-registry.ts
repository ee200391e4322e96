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

export function registeredCount(): number {
  return targets.size;
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

const SIGNAL_NUMBERS: Record<string, number> = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15};

/**
 * Install SIGINT/SIGTERM/SIGHUP handlers. With `onSignal`, the caller decides what happens
 * (it should await disposeAll() and pick the exit code, e.g. 130); without it, everything is
 * disposed and the process exits with 128 + the signal number. A second signal while the
 * first is being handled kills everything at once and exits. Returns the uninstaller.
 */
export function installSignalCleanup(onSignal?: (signal: NodeJS.Signals) => void): () => void {
  let handling = false;
  const handler = (signal: NodeJS.Signals) => {
    const code = 128 + (SIGNAL_NUMBERS[signal] ?? 0);
    if (handling) {
      killAllSync();
      process.exit(code);
    }
    handling = true;
    if (onSignal) {
      onSignal(signal);
      return;
    }
    void disposeAll().finally(() => process.exit(code));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}
