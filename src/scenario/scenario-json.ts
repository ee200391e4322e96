// The `--format json` view of a loaded scenario: plain data with paths relative to the
// current directory, stable keys, and every diagnostic.

import {displayPath} from './diagnostics.js';
import type {Action, Diagnostic, Page, Scenario, Script, Step} from './model.js';

type Json = Record<string, unknown>;

const rel = (cwd: string) => (p: string | undefined) => (p === undefined ? undefined : displayPath(p, cwd));

export function actionJson(a: Action, cwd: string): Json {
  const base: Json = {id: a.id, kind: a.kind, text: a.text, context: a.context, block: a.block, file: rel(cwd)(a.source.file), line: a.source.line, column: a.source.column};
  if (a.kind === 'exec') return {...base, terminal: a.terminal, ...(a.host ? {host: a.host} : {}), flags: {interrupt: a.interrupt, ctrlSeq: a.ctrlSeq, noNewline: a.noNewline}};
  if (a.kind === 'open') return {...base, path: a.path};
  if (a.kind === 'file') return {...base, path: a.path, mode: a.mode, ...(a.marker !== undefined ? {marker: a.marker} : {})};
  return base;
}

const scriptJson = (s: Script | undefined, cwd: string): Json | undefined =>
  s && {role: s.role, path: rel(cwd)(s.path), language: s.language, line: s.source.line};

function pageJson(p: Page, cwd: string): Json {
  return {
    kind: p.kind,
    title: p.title,
    textFile: rel(cwd)(p.textFile),
    actions: p.actions.map((a) => actionJson(a, cwd)),
    quizzes: p.quizzes.map((q) => ({id: q.id, kind: q.kind, question: q.question, options: q.options, correct: q.correct, line: q.source.line})),
    images: p.images.map((i) => ({alt: i.alt, src: i.src, line: i.source.line})),
    scripts: {background: scriptJson(p.background, cwd), foreground: scriptJson(p.foreground, cwd)},
  };
}

function stepJson(s: Step, cwd: string): Json {
  const page = pageJson(s, cwd);
  return {
    index: s.index,
    ...page,
    check: s.check && {script: scriptJson(s.check.script, cwd), timeoutMs: s.check.timeoutMs, intervalMs: s.check.intervalMs, rule: s.check.rule},
    scripts: {...(page.scripts as Json), solution: scriptJson(s.solution, cwd)},
    hints: s.hints.map((h) => ({text: h.text, line: h.source.line, script: scriptJson(h.script, cwd)})),
    answer: s.answer && rel(cwd)(s.answer.file),
    timeMinutes: s.timeMinutes,
  };
}

export const diagnosticJson = (d: Diagnostic, cwd: string): Json => ({
  severity: d.severity, code: d.code, file: rel(cwd)(d.file), line: d.line, column: d.column, message: d.message, hint: d.hint,
});

export function scenarioJson(s: Scenario, diagnostics: readonly Diagnostic[], cwd: string): Json {
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    difficulty: s.difficulty,
    time: s.time,
    timeMinutes: s.timeMinutes,
    type: s.type,
    lang: s.lang,
    languages: s.languages,
    dir: rel(cwd)(s.dir),
    indexFile: rel(cwd)(s.indexFile),
    valid: !diagnostics.some((d) => d.severity === 'error'),
    environment: {...s.environment, cluster: s.environment.cluster && {...s.environment.cluster, config: rel(cwd)(s.environment.cluster.config)}},
    intro: s.intro && pageJson(s.intro, cwd),
    steps: s.steps.map((st) => stepJson(st, cwd)),
    finish: s.finish && pageJson(s.finish, cwd),
    assets: s.assets.map((a) => ({host: a.host, pattern: a.pattern, target: a.target, chmod: a.chmod, files: a.files, baseDir: rel(cwd)(a.baseDir), line: a.source.line})),
    setup: scriptJson(s.setup, cwd),
    teardown: scriptJson(s.teardown, cwd),
    contentHash: s.contentHash,
    diagnostics: diagnostics.map((d) => diagnosticJson(d, cwd)),
  };
}
