// Where katarun keeps things on this machine (XDG base directories), and the per-scenario
// folders below them. Tests pass their own dirs; nothing here creates a folder.

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

export function workspaceDir(dirs: EngineDirs, id: string): string {
  return resolve(dirs.data, 'workspaces', safeId(id));
}

export function progressFile(dirs: EngineDirs, id: string): string {
  return resolve(dirs.state, 'progress', `${safeId(id)}.json`);
}

/** A fresh folder per run for shell rc files, snapshots and raw logs. */
export function runLogDir(dirs: EngineDirs, id: string, startedAt: number): string {
  const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  return resolve(dirs.state, 'logs', safeId(id), `${stamp}-${process.pid}`);
}
