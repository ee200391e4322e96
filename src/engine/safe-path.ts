// Writing into the workspace without ever leaving it: a scenario's own commands can plant a
// symlink (`ln -s ~/.bashrc notes.txt`, `ln -s / out`), and a later file action or asset copy
// must not follow it out. The folder a file lands in must resolve inside the workspace, and
// the file itself is opened with O_NOFOLLOW.

import {constants} from 'node:fs';
import {lstat, mkdir, open, realpath} from 'node:fs/promises';
import {dirname, relative, sep} from 'node:path';
import {message, MessageError} from '../render/i18n.js';

export class EscapeError extends MessageError {
  override name = 'EscapeError';
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/** Create `dir` (and its parents) and check that it really is inside `root`, symlinks resolved. */
export async function safeFolder(root: string, dir: string): Promise<string> {
  const realRoot = await realpath(root);
  // Walk down from the root so that no mkdir happens through a symlink that leads out.
  const rel = relative(root, dir);
  if (rel.startsWith('..') || rel.startsWith(sep)) throw new EscapeError(message('escape.outside', {path: dir}));
  let cur = root;
  for (const seg of rel.split(sep).filter(Boolean)) {
    cur = `${cur}${sep}${seg}`;
    await mkdir(cur).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
    const real = await realpath(cur);
    if (!inside(real, realRoot)) throw new EscapeError(message('escape.leadsOut', {path: dir}));
  }
  return cur;
}

/** Write `data` to `path` inside `root`: never through a symlink, never outside. */
export async function writeInside(root: string, path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await safeFolder(root, dirname(path));
  const st = await lstat(path).catch(() => undefined);
  if (st?.isSymbolicLink()) throw new EscapeError(message('escape.symlinkWrite', {path}));
  const fh = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, mode);
  try {
    await fh.writeFile(data);
  } finally {
    await fh.close();
  }
}

/** Read `path` inside `root` the same way (undefined when missing); a symlink is refused. */
export async function readInside(root: string, path: string): Promise<string | undefined> {
  await safeFolder(root, dirname(path));
  const st = await lstat(path).catch(() => undefined);
  if (!st) return undefined;
  if (st.isSymbolicLink()) throw new EscapeError(message('escape.symlinkRead', {path}));
  const fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}
