// The scenario's workspace: a folder of its own under the XDG data dir where the shells
// start and where assets and `data-target` files land. Katacoda paths (`/root`, `~`,
// `/usr/local/bin`) are mapped into it; anything that would land outside is refused
// before a single command runs.

import {chmod, copyFile, mkdir, rm, stat} from 'node:fs/promises';
import {dirname, join, relative, resolve, sep} from 'node:path';
import type {Scenario} from '../scenario/model.js';
import {applyChmod} from './chmod-mode.js';

/** Maps a Katacoda-style path into the workspace; undefined (or a throw) when it escapes. */
export type PathMapper = (target: string, workspace: string) => string | undefined;

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** Map and verify: the result is always inside the workspace, or this throws. */
export function mapInto(map: PathMapper, target: string, workspace: string): string {
  let mapped: string | undefined;
  try {
    mapped = map(target, workspace);
  } catch (err) {
    throw new WorkspaceError(`'${target}' would land outside the workspace: ${(err as Error).message}`);
  }
  if (mapped === undefined || !isInside(resolve(mapped), workspace)) {
    throw new WorkspaceError(`'${target}' would land outside the workspace`);
  }
  return resolve(mapped);
}

interface Planned {
  readonly from: string;
  readonly to: string;
  readonly chmod?: string;
}

/** Every copy an asset list asks for, checked before anything is written. */
export function planAssets(scenario: Scenario, workspace: string, map: PathMapper): Planned[] {
  const out: Planned[] = [];
  for (const asset of scenario.assets) {
    const dir = mapInto(map, asset.target || '~/', workspace);
    for (const file of asset.files) {
      const to = resolve(dir, file);
      if (!isInside(to, workspace)) throw new WorkspaceError(`asset '${file}' would land outside the workspace`);
      out.push({from: join(asset.baseDir, file), to, ...(asset.chmod ? {chmod: asset.chmod} : {})});
    }
  }
  return out;
}

/**
 * Create the workspace (emptied first when `fresh`) and copy the assets in. Returns notices
 * for chmod specs it could not apply.
 */
export async function prepareWorkspace(scenario: Scenario, workspace: string, map: PathMapper, fresh: boolean): Promise<string[]> {
  const plan = planAssets(scenario, workspace, map);
  if (fresh) await rm(workspace, {recursive: true, force: true});
  await mkdir(workspace, {recursive: true});
  const notices: string[] = [];
  for (const p of plan) {
    await mkdir(dirname(p.to), {recursive: true});
    await copyFile(p.from, p.to);
    if (!p.chmod) continue;
    const mode = applyChmod((await stat(p.to)).mode, p.chmod);
    if (mode === undefined) notices.push(`asset ${p.to}: chmod '${p.chmod}' not understood, left as it was`);
    else await chmod(p.to, mode);
  }
  return notices;
}
