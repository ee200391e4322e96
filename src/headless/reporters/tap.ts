// The TAP 13 reporter: a plan, one test point per step, YAML diagnostics under failures
// (message, feedback, expected/actual, output), `# SKIP` for steps that did not run, a
// comment per quiz question answered from the scenario's answer key.

import {stringify} from 'yaml';
import {spokenDuration} from '../../render/duration.js';
import {sanitizeText} from '../../render/sanitize.js';
import {stepNotes, type HeadlessReport, type StepReport} from '../report.js';

/** A test point's description must stay on one line and must not look like a directive. */
const desc = (text: string) => sanitizeText(text).replace(/[\r\n]+/g, ' ').replace(/#/g, '\\#');

function point(s: StepReport): string[] {
  const name = `step ${s.number}: ${desc(s.title)}`;
  if (s.status === 'skipped') return [`ok ${s.number} - ${name} # SKIP outside the selected steps`];
  if (s.status === 'not-run') return [`ok ${s.number} - ${name} # SKIP not run${s.message === 'interrupted' ? ' (interrupted)' : ' (an earlier step failed)'}`];
  // Quiz answers come from the scenario's answer key: comments, never a failure.
  const quiz = (s.quizzes ?? []).map((q) => `# quiz ${q.id} answered from the scenario's answer key: ${q.answer.replace(/[\r\n]+/g, ' ')}`);
  const warn = (s.warnings ?? []).flatMap((w) => w.commands.map((c) => `# warning: step ${s.number}: \`${desc(c.command)}\` exited with status ${c.exitCode}, but the check passed`));
  // How it passed and what was stopped: a CI log must not read a solved step as a learner's pass.
  const notes = stepNotes(s).map((n) => `# step ${s.number}: ${desc(n)}`);
  if (s.status === 'passed') return [`ok ${s.number} - ${name} # time=${s.durationMs}ms`, ...quiz, ...warn, ...notes];
  const diag: Record<string, unknown> = {
    message: s.message ?? 'the step failed',
    severity: 'fail',
    duration: spokenDuration(s.durationMs),
  };
  if (s.feedback.length) diag.feedback = [...s.feedback];
  if (s.expected !== undefined) diag.expected = s.expected;
  if (s.actual !== undefined) diag.actual = s.actual;
  if (s.output.length) diag.output = s.output.map(sanitizeText).join('\n');
  const yaml = stringify(diag, {lineWidth: 0}).trimEnd().split('\n').map((l) => `  ${l}`);
  return [`not ok ${s.number} - ${name}`, '  ---', ...yaml, '  ...', ...quiz, ...notes];
}

export function tapReport(r: HeadlessReport): string {
  const lines = ['TAP version 13', `1..${r.steps.length}`];
  // Nothing ran (invalid scenario, environment not ready): TAP's own way to say so.
  const line = (l: string) => sanitizeText(l).replace(/\n/g, ' ');
  if (r.error) return `${[...lines, `Bail out! ${desc(line(r.error.message))}`, ...r.error.details.map((d) => `# ${line(d)}`)].join('\n')}\n`;
  if (r.setup?.status === 'failed') lines.push('# setup failed:', ...r.setup.output.map((l) => `# ${line(l)}`));
  for (const x of r.scripts ?? []) lines.push(`# warning: the ${x.role} script of ${x.page} ${x.exitCode === null ? 'did not finish' : `exited with status ${x.exitCode}`}`, ...x.output.map((l) => `#   ${line(l)}`));
  for (const s of r.steps) lines.push(...point(s));
  if (r.interrupted) lines.push('Bail out! interrupted');
  lines.push(`# ${r.summary.passed} passed, ${r.summary.failed} failed, ${r.summary.notRun} not run, ${r.summary.skipped} skipped`);
  // Everything the scenario wrote (titles, feedback, output) reaches a terminal: one pass of the sanitiser.
  return `${sanitizeText(lines.join('\n'))}\n`;
}
