// What `<scenario>` on the command line names: a folder (relative to the current one), the id
// of a scenario in ./scenarios (as `katarun list` shows it), or the id of a bundled scenario.
// Every command that takes a scenario resolves it here.

import {existsSync, readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {bundledScenariosDir} from '../scenario/bundled.js';
import {editDistance} from '../scenario/index/index-reader.js';
import {message} from '../render/message.js';
import {ExitCode, UserError} from './exit-codes.js';

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

function idsIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith('_') && !n.startsWith('.') && existsSync(join(dir, n, 'index.json')));
  } catch {
    return [];
  }
}

export function resolveScenarioDir(arg: string, cwd = process.cwd()): string {
  const asPath = resolve(cwd, arg);
  if (isDir(asPath)) return asPath;
  // Ids, in the order `katarun list` looks: the local ./scenarios first, then the bundled ones.
  const roots = [join(cwd, 'scenarios'), bundledScenariosDir()];
  if (/^[A-Za-z0-9._-]+$/.test(arg)) {
    for (const root of roots) if (isDir(join(root, arg))) return join(root, arg);
  }
  const ids = [...new Set(roots.flatMap(idsIn))];
  const near = ids
    .map((id) => ({id, d: editDistance(id.toLowerCase(), arg.toLowerCase())}))
    .filter((x) => x.d <= Math.max(1, Math.min(3, Math.floor(x.id.length / 3))) || x.id.toLowerCase().startsWith(arg.toLowerCase()))
    .sort((a, b) => a.d - b.d)[0];
  throw new UserError(
    message('cli.scenario.none', {arg}),
    ExitCode.invalid,
    near ? message('cli.scenario.near', {id: near.id}) : message('cli.scenario.noneHint'),
  );
}
