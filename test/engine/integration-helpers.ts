// Shared by the engine/headless/CLI integration tests: temp XDG dirs, fixture paths, and a
// search for survivors by a marker value in each process's environment (never by name).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {EngineDirs} from '../../src/engine/dirs.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'engine', name);

export interface TempDirs extends EngineDirs {
  readonly root: string;
  /** XDG_* variables pointing at the temp dirs (for spawned CLIs). */
  readonly xdg: Record<string, string>;
  cleanup(): void;
}

export function tempDirs(prefix = 'katarun-engine-'): TempDirs {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const xdg = {XDG_STATE_HOME: join(root, 'state'), XDG_DATA_HOME: join(root, 'data'), XDG_CACHE_HOME: join(root, 'cache')};
  return {
    root,
    xdg,
    state: join(xdg.XDG_STATE_HOME, 'katarun'),
    data: join(xdg.XDG_DATA_HOME, 'katarun'),
    cache: join(xdg.XDG_CACHE_HOME, 'katarun'),
    // Retries: bwrap makes mount points in the workspace's home for PATH folders under the host's
    // home (~/.pyenv/shims), and a check process the disposed engine had just started may still be
    // making them, so one rm can meet ENOTEMPTY (seen twice under load in quiz.test.ts).
    cleanup: () => rmSync(root, {recursive: true, force: true, maxRetries: 5, retryDelay: 100}),
  };
}

/** PIDs of live processes whose environment holds `NAME=value` (zombies excluded). */
export function processesWithEnv(name: string, value: string): number[] {
  const needle = `${name}=${value}`;
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(needle)) out.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

export {waitFor} from '../wait.js';

export const uniqueMarker = () => `katarun-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

// The system's programs only: a python3 under a home (pyenv) is hidden by the sandbox.
export const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';
/** Whether `cmd args…` runs and exits 0 with the system's programs only. */
export const hasProgram = (cmd: string, ...args: string[]) => spawnSync(cmd, args, {env: {PATH: SYSTEM_PATH}, stdio: 'ignore'}).status === 0;
/** Whether the PTY addon loads on this machine. */
export const ptyAvailable = await import('@lydell/node-pty').then(
  () => true,
  () => false,
);
