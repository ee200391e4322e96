// The human reporter: one line per step as it finishes (with its duration), the quiz answers
// taken from the scenario's answer key, and under a failing step the check's `FAIL:` feedback
// and the last lines of output; then a summary. katarun's own words go through the UI strings
// (`--lang ru` reports in Russian); what the scenario's check printed stays as it was written.

import {spokenDuration} from '../../render/duration.js';
import {message, translator, type Translate} from '../../render/i18n.js';
import {sanitizeText} from '../../render/sanitize.js';
import type {FailureReason, HeadlessReport, ScriptReport, StepReport} from '../report.js';

const MARK: Record<StepReport['status'], string> = {passed: '✔', failed: '✘', 'not-run': '·', skipped: '-'};
const english = translator('en');


function reasonText(reason: FailureReason, t: Translate): string {
  switch (reason.kind) {
    case 'check-timeout':
      return t('report.checkTimeout', {attempts: message('count.attempts', {n: reason.attempts}), code: reason.exitCode ?? '—'});
    case 'command-failed':
      return t('report.commandFailed', {command: reason.command, code: reason.exitCode});
    case 'command-timed-out':
      return t('report.commandTimeout', {command: reason.command});
  }
}

/** A step's lines as they reach the terminal: whatever the scenario wrote goes through the sanitiser. */
export function humanStepLines(step: StepReport, total: number, t: Translate = english): string[] {
  return stepLines(step, total, t).map(sanitizeText);
}

function stepLines(step: StepReport, total: number, t: Translate): string[] {
  const head = `${MARK[step.status]} ${t('report.step', {k: step.number, n: total, title: step.title})}`;
  if (step.status === 'skipped') return [`${head} ${t('report.skipped')}`];
  if (step.status === 'not-run') return [`${head} ${t('report.notRun')}`];
  const lines = [`${head} (${spokenDuration(step.durationMs, t)})${step.bySolution && step.status === 'passed' ? ` — ${t('report.bySolution')}` : ''}`];
  for (const c of step.commands.filter((x) => x.stoppedAtEnd)) lines.push(`    ■ ${t('report.stoppedAtEnd', {command: c.text.trim().split('\n')[0] ?? '', terminal: c.terminal})}`);
  for (const c of step.commands.filter((x) => x.quit)) lines.push(`    ■ ${t(c.quit === 'pager' ? 'report.quitPager' : 'report.quitEditor', {command: c.text.trim().split('\n')[0] ?? '', terminal: c.terminal})}`);
  for (const c of step.commands.filter((x) => x.keptRunning)) lines.push(`    ■ ${t(c.keptRunning === 'server' ? 'report.keptServer' : 'report.keptInput', {command: c.text.trim().split('\n')[0] ?? '', terminal: c.terminal})}`);
  for (const q of step.quizzes ?? []) lines.push(`    ? ${t('report.quiz', {id: q.id, answer: q.answer})}`);
  for (const w of step.warnings ?? []) for (const c of w.commands) lines.push(`    ${t('report.stepWarning', {command: c.command, code: c.exitCode})}`);
  if (step.status !== 'failed') return lines;
  // A message that is one of the check's FAIL: lines is the scenario's; one with a reason is katarun's.
  const message = step.reason ? reasonText(step.reason, t) : step.message;
  if (message && !step.feedback.includes(message)) lines.push(`    ${message}`);
  for (const f of step.feedback) lines.push(`    FAIL: ${f}`);
  const labels = [t('report.expected'), t('report.actual')];
  const width = Math.max(...labels.map((l) => l.length));
  if (step.expected !== undefined) lines.push(`    ${labels[0]!.padEnd(width)} ${step.expected}`);
  if (step.actual !== undefined) lines.push(`    ${labels[1]!.padEnd(width)} ${step.actual}`);
  if (step.output.length > 0) {
    lines.push(`    ${t('report.output', {n: step.output.length})}`);
    for (const o of step.output) lines.push(`    │ ${o}`);
  }
  return lines;
}

/** A failed page script: one line, then the last lines it printed. */
export function humanScriptLines(s: ScriptReport, t: Translate = english): string[] {
  const role = t(s.role === 'background' ? 'report.roleBackground' : 'report.roleForeground');
  const head = s.exitCode === null ? t('report.scriptTimedOut', {role, page: s.page}) : t('report.scriptFailed', {role, page: s.page, code: s.exitCode});
  return [head, ...s.output.slice(-SCRIPT_LINES).map((o) => `    │ ${sanitizeText(o)}`)];
}

/** Lines of a failed page script shown in the report; the rest is in its log. */
const SCRIPT_LINES = 10;

/** Why nothing ran (exit 2 or 3) or why the run stopped before step 1 (setup failed). */
export function humanPreambleLines(r: HeadlessReport, t: Translate = english): string[] {
  const lines: string[] = [];
  if (r.error) {
    lines.push(`✘ ${r.error.kind === 'invalid' ? t('report.invalid') : r.error.message}`);
    for (const d of r.error.details) lines.push(`    ${sanitizeText(d)}`);
  }
  return [...lines, ...humanSetupLines(r, t)];
}

export function humanSummary(r: HeadlessReport, t: Translate = english): string {
  const s = r.summary;
  const parts = [t('report.passedN', {n: s.passed})];
  if (s.failed) parts.push(t('report.failedN', {n: s.failed}));
  if (s.notRun) parts.push(t('report.notRunN', {n: s.notRun}));
  if (s.skipped) parts.push(t('report.skippedN', {n: s.skipped}));
  const verdict = r.interrupted ? t('report.interrupted') : r.exitCode === 0 ? t('report.ok') : r.exitCode === 2 ? t('report.invalid') : r.exitCode === 3 ? r.error?.message ?? t('report.failed') : t('report.failed');
  return sanitizeText(t('report.summary', {id: r.scenario.id, verdict, parts: parts.join(', '), n: s.total, duration: spokenDuration(r.durationMs, t)}));
}

/** A failed setup and its last output lines (the reason is there); nothing otherwise. */
export function humanSetupLines(r: HeadlessReport, t: Translate = english): string[] {
  if (r.setup?.status !== 'failed') return [];
  return [`✘ ${t('report.setupFailed')}`, ...r.setup.output.map((o) => `    │ ${sanitizeText(o)}`)];
}

/** The whole report at once (for --output); the live path prints humanStepLines as steps end. */
export function humanReport(r: HeadlessReport, t: Translate = english): string {
  const lines = [t('report.title', {id: r.scenario.id, title: r.scenario.title, lang: r.scenario.lang}), ...humanPreambleLines(r, t)];
  for (const s of r.steps) lines.push(...humanStepLines(s, r.steps.length, t));
  for (const s of r.scripts ?? []) lines.push(...humanScriptLines(s, t));
  lines.push(humanSummary(r, t));
  if (r.exitCode !== 0) lines.push(t('report.logs', {dir: r.logDir}));
  return `${sanitizeText(lines.join('\n'))}\n`;
}
