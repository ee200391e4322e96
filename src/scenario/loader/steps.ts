// details.steps[i] → Step: its page, the verify Check, hints (challenge hint scripts or
// markdown, the katarun key's hints, <details> hint blocks), answer and solution.

import {checkRule} from '../check-rule.js';
import {MAX_TIMER_MS, parseDurationMs, parseMinutes} from '../index/durations.js';
import {describePath} from '../index/index-reader.js';
import {KATARUN_STEP_KEYS, PAGE_KEYS} from '../index/known-keys.js';
import type {Check, Hint, Step} from '../model.js';
import type {ValuePath} from '../source/source-map.js';
import {fileRef, scriptRef, type LoadContext} from './context.js';
import {checkStepKeys, readPageContent} from './pages.js';

export interface CheckDefaults {
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

/** A duration from the katarun key; a bad one is a warning and the default stays. */
export function durationAt(ctx: LoadContext, path: ValuePath): number | undefined {
  const v = ctx.reader.get(path);
  if (v === undefined || v === null) return undefined;
  const ms = typeof v === 'string' || typeof v === 'number' ? parseDurationMs(v) : undefined;
  if (ms === undefined || ms <= 0) {
    ctx.sink.warn('index/duration', ctx.reader.file, ctx.reader.at(path), `${describePath(path)}: '${String(v)}' is not a duration; the default is used`, 'write it like 90s, 5m, 1500ms or 2m30s');
    return undefined;
  }
  if (ms > MAX_TIMER_MS) {
    ctx.sink.warn('index/duration', ctx.reader.file, ctx.reader.at(path), `${describePath(path)}: '${String(v)}' is longer than katarun can wait; 24 days are used`, 'give at most 24 days');
    return MAX_TIMER_MS;
  }
  return ms;
}

function readHints(ctx: LoadContext, path: ValuePath, markdownHints: readonly Hint[]): Hint[] {
  const hints: Hint[] = [];
  if (ctx.reader.has([...path, 'hint'])) {
    const hintPath = [...path, 'hint'];
    const name = ctx.reader.string(hintPath) ?? '';
    if (/\.(md|markdown)$/i.test(name)) {
      const file = fileRef(ctx, hintPath);
      if (file) hints.push({text: ctx.store.readText(file) ?? '', source: {file, line: 1}});
    } else {
      // Challenge hint scripts print a hint for the seconds spent so far ($1).
      const script = scriptRef(ctx, hintPath, 'hint');
      if (script) hints.push({text: '', source: script.source, script});
    }
  }
  const list = ctx.reader.array([...path, 'katarun', 'hints']) ?? [];
  list.forEach((_, i) => {
    const text = ctx.reader.string([...path, 'katarun', 'hints', i]);
    const pos = ctx.reader.at([...path, 'katarun', 'hints', i]);
    if (text !== undefined) hints.push({text, source: {file: ctx.reader.file, line: pos.line, column: pos.column}});
  });
  return [...hints, ...markdownHints];
}

/**
 * `path` is details.steps[index], or details.intro for a scenario that is only an introduction
 * (Killercoda allows that); the intro's keys are checked as a page's, not a step's.
 */
export function readStep(ctx: LoadContext, index: number, defaults: CheckDefaults, path: ValuePath = ['details', 'steps', index]): Step | undefined {
  if (!ctx.reader.object(path)) return undefined;
  if (path[1] === 'intro') ctx.reader.checkKeys(path, PAGE_KEYS);
  else checkStepKeys(ctx, path);
  ctx.reader.object([...path, 'katarun']);
  ctx.reader.checkKeys([...path, 'katarun'], KATARUN_STEP_KEYS);
  const {page, lexed} = readPageContent(ctx, 'step', path, path[1] === 'intro' ? 'Introduction' : `Step ${index + 1}`);
  const verify = ctx.reader.has([...path, 'verify']) ? scriptRef(ctx, [...path, 'verify'], 'verify') : undefined;
  const check: Check | undefined = verify && {
    script: verify,
    timeoutMs: durationAt(ctx, [...path, 'katarun', 'checkTimeout']) ?? defaults.timeoutMs,
    intervalMs: durationAt(ctx, [...path, 'katarun', 'checkInterval']) ?? defaults.intervalMs,
    rule: checkRule(ctx.store.readText(verify.path)),
  };
  const solution = ctx.reader.has([...path, 'katarun', 'solution']) ? scriptRef(ctx, [...path, 'katarun', 'solution'], 'solution') : undefined;
  let answer: Step['answer'];
  if (ctx.reader.has([...path, 'answer'])) {
    const file = fileRef(ctx, [...path, 'answer']);
    if (file) answer = {file, body: ctx.store.readText(file) ?? ''};
  }
  const time = ctx.reader.get([...path, 'katarun', 'time']);
  const timeMinutes = typeof time === 'number' || typeof time === 'string' ? parseMinutes(time) : undefined;
  return {
    ...page,
    kind: 'step',
    index,
    ...(check ? {check} : {}),
    hints: readHints(ctx, path, lexed.hints),
    ...(solution ? {solution} : {}),
    ...(answer ? {answer} : {}),
    ...(timeMinutes !== undefined ? {timeMinutes} : {}),
  };
}
