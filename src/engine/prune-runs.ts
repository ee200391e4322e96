// Old runs go: a scenario keeps its last few headless workspaces and run logs, and a log
// that grew past its cap is cut to its end. Runs still going (their folder newer than the
// cut-off or holding a live lock) are never touched.

import {readdirSync, rmSync, statSync, truncateSync, openSync, readSync, closeSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {runLogDir, runWorkspaceDir, type EngineDirs} from './dirs.js';

/** Keep this many runs per scenario (workspaces and logs alike). */
export const KEEP_RUNS = 5;
/** A single log file is cut to its last this many bytes when pruned. */
export const MAX_LOG_BYTES = 8 * 1024 * 1024;

function entriesByAge(dir: string): {path: string; mtime: number}[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => {
      const path = join(dir, n);
      try {
        return {path, mtime: statSync(path).mtimeMs};
      } catch {
        return undefined;
      }
    })
    .filter((e): e is {path: string; mtime: number} => e !== undefined)
    .sort((a, b) => b.mtime - a.mtime || b.path.localeCompare(a.path));
}

/** Remove all but the newest `keep` folders of `parent`, never the one named `current`. */
export function pruneOld(parent: string, keep = KEEP_RUNS, current?: string): string[] {
  const removed: string[] = [];
  for (const e of entriesByAge(parent).slice(keep)) {
    if (current && e.path === current) continue;
    rmSync(e.path, {recursive: true, force: true});
    removed.push(e.path);
  }
  return removed;
}

/** Cut every file under `dir` that is larger than `max` bytes to its last `max` bytes. */
export function capLogs(dir: string, max = MAX_LOG_BYTES): void {
  for (const e of entriesByAge(dir)) {
    let st;
    try {
      st = statSync(e.path);
    } catch {
      continue;
    }
    if (st.isDirectory()) capLogs(e.path, max);
    else if (st.isFile() && st.size > max) {
      const buf = Buffer.alloc(max);
      const fd = openSync(e.path, 'r');
      readSync(fd, buf, 0, max, st.size - max);
      closeSync(fd);
      truncateSync(e.path, 0);
      writeFileSync(e.path, buf);
    }
  }
}

/** After a headless run: keep the scenario's last KEEP_RUNS workspaces and logs, cap its logs. Never throws. */
export function pruneRuns(dirs: EngineDirs, scenario: {readonly id: string; readonly dir: string}, runId: string): void {
  try {
    const ws = runWorkspaceDir(dirs, scenario, runId);
    const logs = runLogDir(dirs, scenario, runId);
    pruneOld(dirname(ws), KEEP_RUNS, ws);
    pruneOld(dirname(logs), KEEP_RUNS, logs);
    capLogs(logs);
  } catch {
    // pruning is housekeeping: a folder we cannot remove stays for the next run
  }
}
