// Where an asset's target folder lands on this machine. Katacoda scenarios copy into the
// VM's /root, ~ or /usr/local/bin; katarun never writes outside the scenario's workspace,
// so those places are mapped into it. The workspace mirrors the VM's file system: `/root`
// is `<ws>/root`, `/opt/x` is `<ws>/opt/x`, so the sandbox can bind each folder back onto
// its real place. The engine uses the same function when it copies.

import {posix} from 'node:path';

/** The learner's home inside the workspace (Katacoda's /root, and `~`). */
export const WORKSPACE_HOME = 'root';
/** Folder inside the workspace that stands for bin directories; the engine puts it on PATH. */
export const WORKSPACE_BIN = 'usr/local/bin';
/** The scenario's /tmp (shared by its terminals and checks, not the host's). */
export const WORKSPACE_TMP = 'tmp';

export type TargetMapping = {readonly ok: true; readonly path: string} | {readonly ok: false; readonly reason: string};

const HOME_LIKE = /^(\/root|\/home\/[^/]+|~[^/]*)(\/|$)/;
const BIN_DIRS = /^\/(usr\/local\/s?bin|usr\/s?bin|s?bin|opt\/bin)(\/|$)/;

/**
 * Map an asset target (`~/`, `/root/app`, `/usr/local/bin/`, `app/`, `/etc/x`) to an absolute
 * path inside `workspace`: home folders (and relative targets) become its `root/`, bin
 * folders its `usr/local/bin/`, other absolute paths keep their shape under it
 * (`/opt/x` → `<ws>/opt/x`). A target that climbs out (`../../etc`) is refused.
 */
export function mapTargetIntoWorkspace(target: string, workspace: string): TargetMapping {
  const raw = target.trim().replace(/\\/g, '/');
  if (raw === '' || raw === '.' || raw === './') return {ok: true, path: posix.join(posix.normalize(workspace), WORKSPACE_HOME)};
  if (raw.includes('\0')) return {ok: false, reason: 'the target contains a NUL character'};
  let rest: string;
  const home = HOME_LIKE.exec(raw);
  const bin = BIN_DIRS.exec(raw);
  if (home) rest = `${WORKSPACE_HOME}/${raw.slice(home[1]!.length)}`;
  else if (bin) rest = `${WORKSPACE_BIN}/${raw.slice(bin[0].length)}`;
  else if (raw.startsWith('/')) rest = raw.replace(/^\/+/, '');
  else rest = `${WORKSPACE_HOME}/${raw}`;
  // Normalise without ever resolving above the workspace root.
  const parts: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return {ok: false, reason: `'${target}' climbs out of the workspace`};
      parts.pop();
    } else parts.push(seg);
  }
  return {ok: true, path: posix.join(posix.normalize(workspace), ...parts)};
}
