// Shared by the shell tests: temp dirs that are removed afterwards, a unique marker put in
// the environment of every process a test starts, and a search for survivors by that
// marker (never by process name).

import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {randomUUID} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {afterAll, afterEach} from 'vitest';
import {createShellSession} from '../../src/shell/create-session.js';
import type {ShellKind, ShellSession} from '../../src/shell/types.js';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

const dirs: string[] = [];

export function tempDir(prefix = 'katarun-shell-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
}

export function newMarker(): string {
  return `katarun-shell-test-${randomUUID()}`;
}

/** The test's environment: the real PATH and HOME, XDG dirs in a temp folder, and the marker. */
export function markedEnv(marker: string, extra: Record<string, string> = {}): Record<string, string> {
  const xdg = tempDir('katarun-xdg-');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? xdg,
    LANG: 'C.UTF-8',
    XDG_STATE_HOME: join(xdg, 'state'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    KATARUN_TEST_MARKER: marker,
    ...extra,
  };
  return env;
}

/** PIDs of live processes whose environment carries the marker. */
export function survivors(marker: string): number[] {
  const needle = `KATARUN_TEST_MARKER=${marker}`;
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      const environ = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (environ.split('\0').includes(needle)) out.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

/** Wait for the marked processes to be gone; those still alive at the deadline (the caller expects `[]`). */
export async function waitForNoSurvivors(marker: string, ms = 5000): Promise<number[]> {
  let left: number[] = [];
  await pollUntil(() => (left = survivors(marker)).length === 0, {timeoutMs: ms, intervalMs: 100});
  return left;
}

import {pollUntil} from '../wait.js';
export {waitFor} from '../wait.js';

/** Whether the PTY addon loads on this machine (the PTY tests run only where it does). */
export const ptyAvailable = await import('@lydell/node-pty').then(
  () => true,
  () => false,
);

/**
 * A `start` for one test file: a real session of the given kind in a fresh workspace, with a
 * marker in its environment; each is disposed after its test, the temp folders after the file.
 */
export function sessionStarter(): (kind: ShellKind | 'auto', marker?: string, extraEnv?: Record<string, string>, name?: string) => Promise<{s: ShellSession; cwd: string; marker: string}> {
  const open: ShellSession[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
  });
  afterAll(() => removeTempDirs());
  return async (kind, marker = newMarker(), extraEnv = {}, name = 'T1') => {
    const cwd = tempDir('katarun-ws-');
    const s = await createShellSession({kind, cwd, env: markedEnv(marker, extraEnv), stateDir: tempDir('katarun-st-'), name, cols: 80, rows: 24});
    open.push(s);
    return {s, cwd, marker};
  };
}
