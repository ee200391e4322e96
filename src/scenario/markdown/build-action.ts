// Turns an action-carrying token into a model Action, reporting what it had to guess.

import type {Action, SourceRef} from '../model.js';
import type {DiagnosticSink} from '../diagnostics.js';
import {readExecModifiers} from './action-modifiers.js';
import type {ActionToken, BlockToken, FileToken} from './tokens.js';
import {hasHiddenControls, showControls} from '../../render/sanitize.js';

export interface ActionSite {
  readonly id: number;
  readonly source: SourceRef;
  readonly context: Action['context'];
  readonly sink: DiagnosticSink;
  /** Set once a HOSTn→Tn warning was given on this page, to give it once. */
  readonly hostWarned: Set<string>;
}

/** The Action for `{{execute …}}`/`{{copy}}`/`{{open}}`, or undefined for `{{}}` and unknown verbs. */
export function actionFromMarker(token: ActionToken | BlockToken, site: ActionSite): Action | undefined {
  const {source, sink} = site;
  const block = token.type === 'katarunBlock';
  if (token.verb === 'none') return undefined;
  if (token.verb === 'unknown') {
    sink.warn('markdown/unknown-action', source.file, source, `'${token.marker}' is not an action katarun knows; the code is shown without one`, 'use {{execute}}, {{exec}}, {{copy}} or {{open}}');
    return undefined;
  }
  const base = {id: site.id, text: token.text, source, context: site.context, block};
  if (hasHiddenControls(token.text)) {
    // An escape sequence can hide part of the command from the screen (and the echo) while it still runs.
    sink.error('markdown/control-characters', source.file, source, `${token.marker} text holds control characters that hide what it runs: ${showControls(token.text)}`, 'remove them; to send a key such as Ctrl-C write `^C`{{exec ctrl-seq}}');
  }
  if (token.verb === 'exec') {
    const mods = readExecModifiers(token.modifiers);
    for (const m of mods.unknown) {
      sink.warn('markdown/unknown-modifier', source.file, source, `unknown modifier '${m}' in ${token.marker}; it is ignored`, 'modifiers are T2…Tn, HOST2…, interrupt, ctrl-seq and no-newline');
    }
    const hostNumber = mods.host ? Number(mods.host.slice(4)) : undefined;
    const terminal = mods.terminal ?? hostNumber ?? 1;
    if (mods.host && mods.terminal === undefined && !site.hostWarned.has(mods.host)) {
      site.hostWarned.add(mods.host);
      sink.warn('markdown/host-mapped', source.file, source, `${mods.host} is this machine too: its commands run in terminal T${terminal}`, 'write {{execute T' + terminal + '}} to say so explicitly');
    }
    if (token.text.trim() === '' && !mods.interrupt) {
      sink.warn('markdown/empty-action', source.file, source, `${token.marker} has no command`, 'put the command inside the backticks');
    }
    return {...base, kind: 'exec', terminal: `T${terminal}`, ...(mods.host ? {host: mods.host} : {}), interrupt: mods.interrupt, ctrlSeq: mods.ctrlSeq, noNewline: mods.noNewline};
  }
  if (token.modifiers.length > 0) {
    sink.warn('markdown/unknown-modifier', source.file, source, `${token.marker}: modifiers are ignored on ${token.verb} actions`);
  }
  if (token.verb === 'copy') return {...base, kind: 'copy'};
  return {...base, kind: 'open', path: token.text.trim()};
}

const FILE_MODES = ['replace', 'prepend', 'append', 'insert'] as const;

/**
 * `<pre class="file">`: writes into a file, or a copy action for data-target="clipboard". With
 * neither a data-filename nor the clipboard it names nothing to act on: authors use it to show
 * expected output in Katacoda's file style, so it is shown as a block and is no action.
 */
export function actionFromFile(token: FileToken, site: ActionSite): Action | undefined {
  const {source, sink} = site;
  const base = {id: site.id, text: token.text, source, context: site.context, block: true};
  if (token.target === 'clipboard') return {...base, kind: 'copy'};
  if (!token.filename) {
    if (token.target !== 'replace') sink.warn('markdown/file-block', source.file, source, `<pre class="file" data-target="${token.target}"> has no data-filename; it is shown, not written`, 'add data-filename="path/of/the/file"');
    return undefined;
  }
  let mode = (FILE_MODES as readonly string[]).includes(token.target) ? (token.target as (typeof FILE_MODES)[number]) : undefined;
  if (!mode) {
    sink.warn('markdown/file-block', source.file, source, `data-target="${token.target}" is not known; katarun replaces the file`, 'use replace, prepend, append, insert or clipboard');
    mode = 'replace';
  }
  if (mode === 'insert' && !token.marker) {
    sink.warn('markdown/file-block', source.file, source, 'data-target="insert" needs data-marker; katarun appends instead', 'add data-marker="the line to insert at"');
    mode = 'append';
  }
  return {...base, kind: 'file', path: token.filename, mode, ...(mode === 'insert' && token.marker ? {marker: token.marker} : {})};
}
