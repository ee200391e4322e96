// details.assets: for each host (`client`, `host01`…), globs copied to a target folder.
// Every glob must match something, and every target must land inside the workspace.

import {existsSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {matchAssets, listFiles} from '../assets/glob.js';
import {mapTargetIntoWorkspace} from '../assets/workspace-target.js';
import {describePath, isRecord} from '../index/index-reader.js';
import {ASSET_KEYS} from '../index/known-keys.js';
import type {Asset} from '../model.js';
import type {LoadContext} from './context.js';

const CHMOD = /^([ugoa]*[-+=][rwxXst]*)(,[ugoa]*[-+=][rwxXst]*)*$|^[0-7]{3,4}$/;
// Only the location is checked here; the engine maps onto the real workspace.
const PROBE_WORKSPACE = '/katarun-workspace';

/** The assets folders to look in: the chosen copy's, then the base's (katarun.assetsDir overrides `assets`). */
export function assetDirs(ctx: LoadContext): string[] {
  const name = ctx.reader.string(['katarun', 'assetsDir']) ?? 'assets';
  const dirs = [...new Set(ctx.dirs.map((d) => resolve(d, name)))];
  if (ctx.reader.has(['katarun', 'assetsDir']) && !dirs.some((d) => existsSync(d))) {
    ctx.sink.error('index/missing-file', ctx.reader.file, ctx.reader.at(['katarun', 'assetsDir']), `assets folder '${name}' does not exist`, 'create it, or fix katarun.assetsDir (relative to the scenario folder)');
  }
  return dirs;
}

export function readAssets(ctx: LoadContext, dirs: readonly string[]): Asset[] {
  const {reader, sink, store} = ctx;
  const hosts = reader.object(['details', 'assets']);
  if (!hosts) return [];
  const listings = new Map<string, string[]>();
  const filesIn = (dir: string): string[] => {
    if (!listings.has(dir)) listings.set(dir, listFiles(dir));
    return listings.get(dir)!;
  };
  const assets: Asset[] = [];
  for (const host of Object.keys(hosts)) {
    if (!/^(client|host\d+)$/i.test(host)) {
      sink.warn('index/asset-host', reader.file, reader.keyAt(['details', 'assets', host]), `asset host '${host}' is not client or hostNN; its files are copied like the others'`);
    }
    (reader.array(['details', 'assets', host]) ?? []).forEach((entry, i) => {
      const path = ['details', 'assets', host, i];
      if (!isRecord(entry)) return void sink.error('index/type', reader.file, reader.at(path), `${describePath(path)} should be {"file": …, "target": …}`);
      reader.checkKeys(path, ASSET_KEYS);
      const written = reader.string([...path, 'file'], 'error');
      // "/telegraf.conf" for assets/telegraf.conf: the platforms read it relative to the assets folder.
      const pattern = written?.replace(/^\/+/, '');
      if (written && pattern !== written && pattern) {
        sink.warn('index/asset-glob', reader.file, reader.at([...path, 'file']), `asset '${written}' starts with '/'; it is read as '${pattern}' in the assets folder, as the platforms did`, `write "${pattern}"`);
      }
      if (!pattern) return void sink.error('index/asset', reader.file, reader.at(path), `${describePath(path)} has no "file"`, 'name a file or a glob such as "*.yaml", relative to the assets folder');
      let target = reader.string([...path, 'target'], 'error');
      if (target === undefined) {
        sink.warn('index/asset', reader.file, reader.at(path), `${describePath(path)} has no "target"; its files go to the workspace`, 'add "target": "~/"');
        target = '~/';
      }
      const mapped = mapTargetIntoWorkspace(target, PROBE_WORKSPACE);
      if (!mapped.ok) sink.error('index/asset-target', reader.file, reader.at([...path, 'target']), `asset target '${target}' resolves outside the workspace: ${mapped.reason}`, 'use a folder such as ~/, /root/app or /usr/local/bin');
      const chmod = reader.string([...path, 'chmod']);
      if (chmod !== undefined && !CHMOD.test(chmod.trim())) {
        sink.warn('index/asset', reader.file, reader.at([...path, 'chmod']), `chmod '${chmod}' is neither symbolic (+x, u+rw) nor octal (0755); it is ignored`);
      }
      if (chmod !== undefined && /^0*[1-7][0-7]{3}$/.test(chmod.trim())) {
        // A setuid copy would run as its owner (root, for a learner who runs katarun as root).
        sink.warn('index/asset-chmod', reader.file, reader.at([...path, 'chmod']), `chmod '${chmod}' asks for setuid, setgid or sticky bits; katarun leaves them out`, `use ${chmod.trim().slice(-3).padStart(4, '0')}`);
      }
      // The first assets folder that has matches wins: a translation may bring its own copies.
      const baseDir = dirs.find((d) => matchAssets(pattern, filesIn(d)).length > 0) ?? dirs[dirs.length - 1]!;
      const files = matchAssets(pattern, filesIn(baseDir));
      // A warning: nothing is copied for it, as on the platforms, which ran such scenarios (the
      // official killercoda/scenarios-docker names a k8s.sh it does not have in 10 of them); a
      // step that needs the file fails at run time and says so.
      if (files.length === 0) {
        sink.warn('index/asset-glob', reader.file, reader.at([...path, 'file']), `asset '${pattern}' matches no file in ${dirs.map((d) => relative(process.cwd(), d) || '.').join(' or ')}; nothing is copied for it`, 'add the file to the assets folder or fix the pattern');
      }
      for (const f of files) store.reference(join(baseDir, f));
      const pos = reader.at(path);
      assets.push({host, pattern, target, ...(chmod && CHMOD.test(chmod.trim()) ? {chmod: chmod.trim()} : {}), files, baseDir, source: {file: reader.file, line: pos.line, column: pos.column}});
    });
  }
  return assets;
}
