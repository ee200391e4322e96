// Intro, steps and finish: each page's markdown (lexed for actions, quizzes, images, hints)
// and scripts, from details.intro / details.steps[i] / details.finish.

import {dirname, resolve} from 'node:path';
import {describePath} from '../index/index-reader.js';
import {PAGE_KEYS, STEP_KEYS} from '../index/known-keys.js';
import {lexPage, type LexedPage} from '../markdown/lex-page.js';
import type {Page} from '../model.js';
import type {ValuePath} from '../source/source-map.js';
import {fileRef, pickAlias, scriptRef, type LoadContext} from './context.js';

export interface PageParts {
  readonly page: Page;
  readonly lexed: LexedPage;
}

const EMPTY_LEX: LexedPage = {tokens: [], actions: [], quizzes: [], images: [], hints: [], codeBlocks: [], placeholders: [], diagnostics: []};

/** The markdown named at `path`: read, lexed, its images checked. */
export function readMarkdown(ctx: LoadContext, path: ValuePath): {file?: string; body: string; lexed: LexedPage} {
  const raw = ctx.reader.string(path, 'error');
  if (raw === undefined) return {body: '', lexed: EMPTY_LEX};
  // Some hand-written indexes put the markdown itself in "text"; a file name has no line break.
  if (/\n/.test(raw) || (/\s/.test(raw.trim()) && !/\.(md|markdown|txt)$/i.test(raw.trim()) && !ctx.store.resolve(raw.trim(), ctx.dirs))) {
    const lexed = lexPage(raw, ctx.reader.file);
    ctx.sink.add(...lexed.diagnostics);
    return {body: raw, lexed};
  }
  const file = fileRef(ctx, path);
  if (!file) return {body: '', lexed: EMPTY_LEX};
  const body = ctx.store.readText(file) ?? '';
  const lexed = lexPage(body, file);
  ctx.sink.add(...lexed.diagnostics);
  checkImages(ctx, file, lexed);
  return {file, body, lexed};
}

/** Folders above a scenario searched for a site-absolute image (a repository nests them a few deep). */
const SITE_LEVELS = 4;

/**
 * Katacoda served a repository under `/<user>/`, so `/openshift/assets/x.png` is the repository's
 * `assets/x.png` and `/dashohoxha/courses/dvc/intro/assets/y.png` its `dvc/intro/assets/y.png`.
 * The file is looked for under the folders above the scenario, the user's segment (and
 * `courses/`) dropped; undefined when none has it.
 */
function siteAbsolute(ctx: LoadContext, src: string): string | undefined {
  const parts = src.split('/').filter(Boolean);
  const tails = [parts.slice(1), parts[1] === 'courses' ? parts.slice(2) : [], parts].filter((t) => t.length > 0).map((t) => t.join('/'));
  let dir = ctx.loc.baseDir;
  for (let level = 0; level <= SITE_LEVELS; level++) {
    for (const tail of tails) {
      const p = resolve(dir, tail);
      if (ctx.store.isFile(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

function checkImages(ctx: LoadContext, mdFile: string, lexed: LexedPage): void {
  for (const img of lexed.images) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(img.src) || img.src.startsWith('//') || img.src === '') continue;
    const rel = safeDecode(img.src.split(/[?#]/)[0]!);
    // Relative to the markdown file, as a browser would; then the base folder for translations.
    const candidates = [resolve(dirname(mdFile), rel), ...ctx.dirs.map((d) => resolve(d, rel.replace(/^\.\.\//, '')))];
    const found = candidates.find((p) => ctx.store.isFile(p)) ?? (rel.startsWith('/') ? siteAbsolute(ctx, rel) : undefined);
    if (found) ctx.store.reference(found);
    else ctx.sink.warn('markdown/missing-image', mdFile, img.source, `image '${img.src}' does not exist`, 'add the file or fix the path (relative to the markdown file)');
  }
}

/** What every page has, intro, step or finish: title, markdown (lexed) and its two scripts. */
export function readPageContent(ctx: LoadContext, kind: Page['kind'], path: ValuePath, fallbackTitle: string): PageParts {
  const md = readMarkdown(ctx, [...path, 'text']);
  const bg = pickAlias(ctx, path, 'background', 'courseData');
  const fg = pickAlias(ctx, path, 'foreground', 'code');
  const background = bg ? scriptRef(ctx, bg, 'background') : undefined;
  const foreground = fg ? scriptRef(ctx, fg, 'foreground') : undefined;
  const page: Page = {
    kind,
    title: ctx.reader.string([...path, 'title']) ?? fallbackTitle,
    body: md.body,
    ...(md.file ? {textFile: md.file} : {}),
    actions: md.lexed.actions,
    quizzes: md.lexed.quizzes,
    images: md.lexed.images,
    ...(background ? {background} : {}),
    ...(foreground ? {foreground} : {}),
  };
  return {page, lexed: md.lexed};
}

/** intro or finish. */
export function readPlainPage(ctx: LoadContext, kind: 'intro' | 'finish', path: ValuePath, fallbackTitle: string): PageParts | undefined {
  if (!ctx.reader.object(path)) return undefined;
  ctx.reader.checkKeys(path, PAGE_KEYS);
  return readPageContent(ctx, kind, path, fallbackTitle);
}

export function checkStepKeys(ctx: LoadContext, path: ValuePath): void {
  ctx.reader.checkKeys(path, STEP_KEYS);
  if (!ctx.reader.has([...path, 'text'])) {
    ctx.sink.warn('index/step-text', ctx.reader.file, ctx.reader.at(path), `${describePath(path)} has no "text"; the step shows only its title`, 'add "text": "stepN.md"');
  }
}

/** decodeURI throws on a stray `%`; an author's typo must not stop the load. */
function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
