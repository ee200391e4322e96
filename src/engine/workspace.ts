// The scenario's workspace: a folder of its own under the XDG data dir where the shells
// start and where assets and `data-target` files land. Katacoda paths (`/root`, `~`,
// `/usr/local/bin`) are mapped into it; anything that would land outside is refused
// before a single command runs.

import {chmod, lstat, mkdir, readFile, realpath, rm} from 'node:fs/promises';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {WORKSPACE_HOME, WORKSPACE_TMP} from '../scenario/assets/workspace-target.js';
import type {Scenario} from '../scenario/model.js';
import {applyChmod} from './chmod-mode.js';
import {writeInside} from './safe-path.js';
import {message, type Message} from '../render/i18n.js';

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

/** setuid, setgid and sticky: an asset never gets them (a setuid copy would run as its owner). */
const SPECIAL_BITS = 0o7000;

/**
 * Create the workspace (emptied first when `fresh`; private to the user) and copy the assets
 * in: never through a symlink, never from outside the scenario, never with setuid/setgid/sticky
 * bits. Returns notices for chmod specs it could not apply or had to mask.
 */
export async function prepareWorkspace(scenario: Scenario, workspace: string, map: PathMapper, fresh: boolean): Promise<Message[]> {
  const plan = planAssets(scenario, workspace, map);
  if (fresh) await rm(workspace, {recursive: true, force: true});
  await mkdir(workspace, {recursive: true, mode: 0o700});
  await chmod(workspace, 0o700);
  for (const d of [WORKSPACE_HOME, WORKSPACE_TMP]) await mkdir(join(workspace, d), {recursive: true});
  const notices: Message[] = [];
  const roots = await Promise.all([scenario.dir, scenario.assetsDir ?? scenario.dir].map((d) => realpath(d).catch(() => resolve(d))));
  for (const p of plan) {
    const source = await realpath(p.from);
    if (!roots.some((r) => isInside(source, r))) throw new WorkspaceError(`asset ${p.from} is a symlink to ${source}, outside the scenario`);
    const srcMode = (await lstat(source)).mode & 0o777;
    await writeInside(workspace, p.to, await readFile(source), srcMode);
    let mode = srcMode;
    if (p.chmod) {
      const asked = applyChmod(srcMode, p.chmod);
      if (asked === undefined) notices.push(message('notice.chmodUnknown', {path: p.to, chmod: p.chmod}));
      else {
        if (asked & SPECIAL_BITS) notices.push(message('notice.chmodSpecial', {path: p.to, chmod: p.chmod}));
        mode = asked & 0o777;
      }
    }
    await chmod(p.to, mode);
  }
  return notices;
}
