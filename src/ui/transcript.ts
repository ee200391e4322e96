// What goes into <Static> — text that is finished and printed once into the learner's
// scrollback: the intro, each step's markdown when it starts, finished command output
// (capped), hints, solutions, copied text, notices, the finish summary. Pure builders.

import chalk from 'chalk';
import type {Token} from 'marked';
import type {EngineState} from '../engine/types.js';
import {resolvePlaceholders} from '../engine/placeholders.js';
import type {CopyResult} from '../render/clipboard.js';
import type {Translate} from '../render/i18n.js';
import {renderMarkdown} from '../render/markdown.js';
import type {ActionLabels} from '../render/markdown-tokens.js';
import {sanitizeAnsiLine, sanitizeText} from '../render/sanitize.js';
import {lexPage} from '../scenario/markdown/lex-page.js';
import type {Page, Scenario} from '../scenario/model.js';
import {clockDuration} from '../render/duration.js';
import {difficultyLabel} from './format.js';

export interface TranscriptItem {
  readonly key: string;
  readonly text: string;
}

/** Finished command output kept on screen; the full output is in the terminal's log file. */
export const OUTPUT_CAP = 200;

export interface RenderContext {
  readonly width: number;
  readonly t: Translate;
  /** The scenario's names for its terminals (see terminalNames in format.ts). */
  readonly terminalNames?: Readonly<Record<string, string>>;
}

/** Markdown text is never wider than this, so long lines stay readable on wide screens. */
export function markdownWidth(columns: number): number {
  return Math.max(20, Math.min(columns - 1, 100));
}

export function labelsFor(t: Translate, terminalNames?: Readonly<Record<string, string>>): ActionLabels {
  return {
    ...(terminalNames ? {terminalNames} : {}),
    run: t('action.run'),
    copy: t('action.copy'),
    open: t('action.open'),
    write: t('action.file'),
    hint: t('md.hint'),
    solution: t('md.solution'),
    image: t('md.image'),
  };
}

// One lexer per page file, so the renderer's memo (keyed on the lexer) hits across renders.
const lexers = new Map<string, (source: string) => Token[]>();
function lexerFor(file: string): (source: string) => Token[] {
  let lex = lexers.get(file);
  if (!lex) {
    lex = (source) => lexPage(source, file).tokens;
    lexers.set(file, lex);
  }
  return lex;
}

export function pageMarkdown(markdown: string, file: string, ctx: RenderContext): string {
  const {text} = resolvePlaceholders(markdown);
  return renderMarkdown(text, {width: markdownWidth(ctx.width), lex: lexerFor(file), labels: labelsFor(ctx.t, ctx.terminalNames)});
}

const rule = (width: number) => chalk.dim('─'.repeat(Math.max(10, Math.min(width, 100) - 1)));

export function introText(scenario: Scenario, ctx: RenderContext): string {
  const t = ctx.t;
  const meta = [
    scenario.difficulty && `${t('meta.difficulty')}: ${difficultyLabel(scenario.difficulty, t)}`,
    scenario.time && `${t('meta.time')}: ${scenario.time}`,
    t('meta.steps', {n: scenario.steps.length}),
    scenario.languages.length > 1 && `${t('meta.languages')}: ${scenario.languages.join(', ')}`,
  ].filter(Boolean);
  const parts = [chalk.bold.magenta(sanitizeText(scenario.title)), chalk.dim(meta.join(' · '))];
  // Plain text, but wrapped like the markdown below it.
  if (scenario.description) parts.push('', renderMarkdown(scenario.description.replace(/[\\`*_[\]<>#]/g, '\\$&'), {width: markdownWidth(ctx.width)}));
  if (scenario.intro?.body) parts.push('', pageMarkdown(scenario.intro.body, pageFile(scenario, scenario.intro), ctx));
  return parts.join('\n');
}

function pageFile(scenario: Scenario, page: Page): string {
  return page.textFile ?? scenario.indexFile;
}

const headingText = (s: string) => s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The step's body without its first heading when that heading only repeats the step's title
 * (Katacoda steps usually open with `# <title>`): the header line already says it. The line
 * is blanked, not removed, so the body keeps its line numbers.
 */
export function withoutTitleHeading(body: string, title: string): string {
  const lines = body.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const m = first < 0 ? null : /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(lines[first]!);
  if (!m || headingText(m[1]!) !== headingText(title)) return body;
  lines[first] = '';
  return lines.join('\n');
}

/** `mark`: words after the title (the read-only views say there that nothing runs). */
export function stepText(scenario: Scenario, index: number, again: boolean, ctx: RenderContext, mark?: string): string {
  const step = scenario.steps[index];
  if (!step) return '';
  const title = `${ctx.t('step.title', {k: index + 1, n: scenario.steps.length})} · ${sanitizeText(step.title)}${again ? ` ${ctx.t('step.again')}` : ''}${mark ? ` ${mark}` : ''}`;
  const body = step.body ? pageMarkdown(withoutTitleHeading(step.body, step.title), pageFile(scenario, step), ctx) : '';
  // A blank row after the text sets the commands' output apart from it.
  return `${[rule(ctx.width), chalk.bold.cyan(title), '', body].join('\n').replace(/\n+$/, '')}\n`;
}

export function commandText(
  command: string,
  terminal: string,
  finished: {readonly exitCode: number; readonly durationMs: number; readonly tail: readonly string[]; readonly lineCount?: number; readonly logFile?: string},
  t: Translate,
): string {
  const prompt = chalk.dim(`${terminal === 'T1' ? '' : `${terminal} `}$ `) + chalk.bold(sanitizeText(command).replace(/\n/g, '\n  '));
  const lines = finished.tail.slice(-OUTPUT_CAP).map(sanitizeAnsiLine);
  // The engine's count includes the echoed command lines and the prompt; that much slack keeps
  // the note for output that really was cut.
  const slack = command.split('\n').length + 3;
  const counted = (finished.lineCount ?? 0) - lines.length;
  const dropped = finished.tail.length > OUTPUT_CAP ? Math.max(counted, finished.tail.length - OUTPUT_CAP) : counted > slack ? counted : 0;
  const more = dropped > 0 ? [chalk.dim(t('output.more', {n: dropped, file: finished.logFile ?? '—'}))] : [];
  const duration = clockDuration(finished.durationMs);
  // 130 is Ctrl-C: usually a watcher the step meant to stop, not a failure.
  const status =
    finished.exitCode === 0
      ? chalk.green('✔ ') + chalk.dim(t('output.exit', {code: 0, duration}))
      : finished.exitCode === 130
        ? chalk.yellow(`■ ${t('action.interrupted')}`) + chalk.dim(` · ${t('output.exit', {code: 130, duration})}`)
        : chalk.red('✘ ') + chalk.dim(t('output.exit', {code: finished.exitCode, duration}));
  return [prompt, ...more, ...lines, status].join('\n');
}

export function hintText(markdown: string, index: number, total: number, file: string, ctx: RenderContext): string {
  return `\n${chalk.yellow.bold(`💡 ${ctx.t('hint.title', {i: index, n: total})}`)}\n${pageMarkdown(markdown, file, ctx)}`;
}

export function solutionText(solution: {readonly markdown?: string; readonly script?: string}, file: string, ctx: RenderContext): string {
  const parts = ['', chalk.yellow.bold(ctx.t('solution.title'))];
  if (solution.markdown) parts.push(pageMarkdown(solution.markdown, file, ctx));
  if (solution.script) parts.push(pageMarkdown('```bash\n' + solution.script.replace(/\n+$/, '') + '\n```', file, ctx));
  return parts.join('\n');
}

export function copiedText(result: CopyResult, t: Translate): string {
  const head = result.ok ? t('copy.done', {method: t(`copy.${result.method}` as const)}) : t('copy.failed');
  const body = sanitizeText(result.text)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `${chalk.cyan(`⧉ ${head}`)}\n${chalk.bold(body)}`;
}

export function noticeText(level: 'info' | 'warning' | 'error', message: string): string {
  const mark = level === 'error' ? chalk.red('✘') : level === 'warning' ? chalk.yellow('!') : chalk.blue('i');
  return `${mark} ${sanitizeText(message)}`;
}

export function finishText(scenario: Scenario, state: EngineState, ctx: RenderContext): string {
  const t = ctx.t;
  const parts = [rule(ctx.width), chalk.bold.green(t('finish.title', {title: sanitizeText(scenario.title)}))];
  if (scenario.finish?.body) parts.push('', pageMarkdown(scenario.finish.body, pageFile(scenario, scenario.finish), ctx));
  parts.push('', chalk.bold(t('finish.summary')));
  const nameWidth = Math.min(48, Math.max(...scenario.steps.map((s) => s.title.length), 10));
  let total = 0;
  for (const step of scenario.steps) {
    const st = state.steps[step.index];
    const elapsed = st?.elapsedMs ?? 0;
    total += elapsed;
    const result =
      st?.status === 'passed' ? chalk.green(`✔ ${t('finish.passed')}`) : st?.status === 'failed' ? chalk.red(`✘ ${t('finish.failed')}`) : chalk.dim(`· ${t('finish.skipped')}`);
    const name = sanitizeText(step.title).slice(0, nameWidth).padEnd(nameWidth);
    parts.push(`  ${String(step.index + 1).padStart(2)}. ${name}  ${clockDuration(elapsed).padStart(7)}  ${result}`);
  }
  parts.push(`      ${t('finish.total').padEnd(nameWidth)}  ${clockDuration(total).padStart(7)}`);
  return parts.join('\n');
}
