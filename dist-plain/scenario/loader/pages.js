// Intro, steps and finish: each page's markdown (lexed for actions, quizzes, images, hints)
// and scripts, from details.intro / details.steps[i] / details.finish.
import { dirname, resolve } from 'node:path';
import { describePath } from '../index/index-reader.js';
import { PAGE_KEYS, STEP_KEYS } from '../index/known-keys.js';
import { lexPage } from '../markdown/lex-page.js';
import { fileRef, pickAlias, scriptRef } from './context.js';
const EMPTY_LEX = { tokens: [], actions: [], quizzes: [], images: [], hints: [], codeBlocks: [], placeholders: [], diagnostics: [] };
/** The markdown named at `path`: read, lexed, its images checked. */
export function readMarkdown(ctx, path) {
    const raw = ctx.reader.string(path, 'error');
    if (raw === undefined)
        return { body: '', lexed: EMPTY_LEX };
    // Some hand-written indexes put the markdown itself in "text"; a file name has no line break.
    if (/\n/.test(raw) || (/\s/.test(raw.trim()) && !/\.(md|markdown|txt)$/i.test(raw.trim()) && !ctx.store.resolve(raw.trim(), ctx.dirs))) {
        const lexed = lexPage(raw, ctx.reader.file);
        ctx.sink.add(...lexed.diagnostics);
        return { body: raw, lexed };
    }
    const file = fileRef(ctx, path);
    if (!file)
        return { body: '', lexed: EMPTY_LEX };
    const body = ctx.store.readText(file) ?? '';
    const lexed = lexPage(body, file);
    ctx.sink.add(...lexed.diagnostics);
    checkImages(ctx, file, lexed);
    return { file, body, lexed };
}
function checkImages(ctx, mdFile, lexed) {
    for (const img of lexed.images) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(img.src) || img.src.startsWith('//') || img.src === '')
            continue;
        const rel = safeDecode(img.src.split(/[?#]/)[0]);
        // Relative to the markdown file, as a browser would; then the base folder for translations.
        const candidates = [resolve(dirname(mdFile), rel), ...ctx.dirs.map((d) => resolve(d, rel.replace(/^\.\.\//, '')))];
        const found = candidates.find((p) => ctx.store.isFile(p));
        if (found)
            ctx.store.reference(found);
        else
            ctx.sink.warn('markdown/missing-image', mdFile, img.source, `image '${img.src}' does not exist`, 'add the file or fix the path (relative to the markdown file)');
    }
}
/** What every page has, intro, step or finish: title, markdown (lexed) and its two scripts. */
export function readPageContent(ctx, kind, path, fallbackTitle) {
    const md = readMarkdown(ctx, [...path, 'text']);
    const bg = pickAlias(ctx, path, 'background', 'courseData');
    const fg = pickAlias(ctx, path, 'foreground', 'code');
    const background = bg ? scriptRef(ctx, bg, 'background') : undefined;
    const foreground = fg ? scriptRef(ctx, fg, 'foreground') : undefined;
    const page = {
        kind,
        title: ctx.reader.string([...path, 'title']) ?? fallbackTitle,
        body: md.body,
        ...(md.file ? { textFile: md.file } : {}),
        actions: md.lexed.actions,
        quizzes: md.lexed.quizzes,
        images: md.lexed.images,
        ...(background ? { background } : {}),
        ...(foreground ? { foreground } : {}),
    };
    return { page, lexed: md.lexed };
}
/** intro or finish. */
export function readPlainPage(ctx, kind, path, fallbackTitle) {
    if (!ctx.reader.object(path))
        return undefined;
    ctx.reader.checkKeys(path, PAGE_KEYS);
    return readPageContent(ctx, kind, path, fallbackTitle);
}
export function checkStepKeys(ctx, path) {
    ctx.reader.checkKeys(path, STEP_KEYS);
    if (!ctx.reader.has([...path, 'text'])) {
        ctx.sink.warn('index/step-text', ctx.reader.file, ctx.reader.at(path), `${describePath(path)} has no "text"; the step shows only its title`, 'add "text": "stepN.md"');
    }
}
/** decodeURI throws on a stray `%`; an author's typo must not stop the load. */
function safeDecode(path) {
    try {
        return decodeURI(path);
    }
    catch {
        return path;
    }
}
//# sourceMappingURL=pages.js.map