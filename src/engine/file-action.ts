// `<pre class="file" data-filename=… data-target=…>`: Katacoda wrote these into its editor;
// katarun writes them into the workspace file (the path mapped like every Katacoda path).

import type {FileAction} from '../scenario/model.js';
import {readInside, writeInside} from './safe-path.js';
import {message, MessageError} from '../render/i18n.js';

/** The new file content. Throws when `insert`'s marker is not in the file. */
export function applyFileEdit(current: string | undefined, action: Pick<FileAction, 'mode' | 'marker'>, text: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const old = current ?? '';
  switch (action.mode) {
    case 'replace':
      return body;
    case 'prepend':
      return body + old;
    case 'append':
      return old === '' || old.endsWith('\n') ? old + body : `${old}\n${body}`;
    case 'insert': {
      const marker = action.marker ?? '';
      const at = marker ? old.indexOf(marker) : -1;
      if (at < 0) throw new MessageError(message('notice.markerMissing', {marker}));
      // Katacoda replaced the marker with the block; keep that so re-running is visible.
      return old.slice(0, at) + text + old.slice(at + marker.length);
    }
  }
}

/** Apply the action to `path` inside `workspace`; a symlink on the way out of it is refused, never followed. */
export async function writeFileAction(path: string, action: FileAction, text: string, workspace: string): Promise<void> {
  const current = await readInside(workspace, path);
  await writeInside(workspace, path, applyFileEdit(current, action, text));
}
