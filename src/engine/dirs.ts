// Where katarun keeps things on this machine (XDG base directories), and the per-scenario
// folders below them. Tests pass their own dirs; nothing here creates a folder.

import {createHash, randomBytes} from 'node:crypto';
import {homedir} from 'node:os';
import {join, resolve} from 'node:path';

export interface EngineDirs {
  /** progress/<id>.json and logs/ */
  readonly state: string;
  /** workspaces/<id>/ */
  readonly data: string;
  /** downloaded tools and the like */
  readonly cache: string;
}

/** katarun's XDG folders, from XDG_STATE_HOME / XDG_DATA_HOME / XDG_CACHE_HOME or their defaults. */
export function defaultDirs(env: Readonly<Record<string, string | undefined>> = process.env): EngineDirs {
  const home = env.HOME || homedir();
  const pick = (name: string, fallback: string) => {
    const v = env[name];
    // The XDG spec says relative values are invalid and must be ignored.
    return v && v.startsWith('/') ? v : join(home, fallback);
  };
  return {
    state: join(pick('XDG_STATE_HOME', '.local/state'), 'katarun'),
    data: join(pick('XDG_DATA_HOME', '.local/share'), 'katarun'),
    cache: join(pick('XDG_CACHE_HOME', '.cache'), 'katarun'),
  };
}

/** A scenario id becomes a folder name; refuse anything that could climb out of its parent. */
export function safeId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9._-]/g, '_');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? `_${cleaned}` : cleaned;
}

/** Where a scenario's environment keeps its state (the guarded kubeconfig and the like). */
export function environmentStateDir(dirs: EngineDirs, id: string): string {
  return resolve(dirs.state, 'environments', safeId(id));
}

/**
 * A scenario's own key: its id plus a hash of its resolved folder, so two scenarios named
 * `demo` in different folders never share a workspace or logs.
 */
export function scenarioKey(scenario: {readonly id: string; readonly dir: string}): string {
  return `${safeId(scenario.id)}-${createHash('sha256').update(resolve(scenario.dir)).digest('hex').slice(0, 10)}`;
}

/** A fresh id for one headless run: time-ordered, unique across concurrent runs. */
export function newRunId(at: number = Date.now()): string {
  return `${new Date(at).toISOString().replace(/[-:.TZ]/g, '').slice(0, 17)}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** The learner's workspace of a scenario (the TUI's; it survives quitting so resume finds the files). */
export function workspaceDir(dirs: EngineDirs, scenario: {readonly id: string; readonly dir: string}): string {
  return resolve(dirs.data, 'workspaces', scenarioKey(scenario));
}

/** One headless run's own workspace. */
export function runWorkspaceDir(dirs: EngineDirs, scenario: {readonly id: string; readonly dir: string}, runId: string): string {
  return resolve(dirs.data, 'runs', scenarioKey(scenario), safeId(runId));
}

export function progressFile(dirs: EngineDirs, id: string): string {
  return resolve(dirs.state, 'progress', `${safeId(id)}.json`);
}

/** A fresh folder per run for shell rc files, snapshots and raw logs. */
export function runLogDir(dirs: EngineDirs, scenario: {readonly id: string; readonly dir: string}, runId: string): string {
  return resolve(dirs.state, 'logs', scenarioKey(scenario), safeId(runId));
}
