// The human reporter: one line per step as it finishes (with its duration), and under a
// failing step the check's `FAIL:` feedback and the last lines of output; then a summary.

import {formatDuration, type HeadlessReport, type StepReport} from '../report.js';

const MARK: Record<StepReport['status'], string> = {passed: '✔', failed: '✘', 'not-run': '·', skipped: '-'};

export function humanStepLines(step: StepReport, total: number): string[] {
  const head = `${MARK[step.status]} step ${step.number}/${total} ${step.title}`;
  if (step.status === 'skipped') return [`${head} (skipped)`];
  if (step.status === 'not-run') return [`${head} (not run)`];
  const lines = [`${head} (${formatDuration(step.durationMs)})`];
  if (step.status !== 'failed') return lines;
  if (step.message && !step.feedback.includes(step.message)) lines.push(`    ${step.message}`);
  for (const f of step.feedback) lines.push(`    FAIL: ${f}`);
  if (step.expected !== undefined) lines.push(`    expected: ${step.expected}`);
  if (step.actual !== undefined) lines.push(`    actual:   ${step.actual}`);
  if (step.output.length > 0) {
    lines.push(`    last ${step.output.length} lines of output:`);
    for (const o of step.output) lines.push(`    │ ${o}`);
  }
  return lines;
}

export function humanSummary(r: HeadlessReport): string {
  const s = r.summary;
  const parts = [`${s.passed} passed`];
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.notRun) parts.push(`${s.notRun} not run`);
  if (s.skipped) parts.push(`${s.skipped} skipped`);
  const verdict = r.interrupted ? 'interrupted' : r.exitCode === 0 ? 'ok' : 'FAILED';
  return `${r.scenario.id}: ${verdict} — ${parts.join(', ')} of ${s.total} steps in ${formatDuration(r.durationMs)}`;
}

/** The whole report at once (for --output); the live path prints humanStepLines as steps end. */
export function humanReport(r: HeadlessReport): string {
  const lines = [`katarun test ${r.scenario.id} (${r.scenario.title}, ${r.scenario.lang})`];
  if (r.setup?.status === 'failed') {
    lines.push('✘ setup failed');
    for (const o of r.setup.output) lines.push(`    │ ${o}`);
  }
  for (const s of r.steps) lines.push(...humanStepLines(s, r.steps.length));
  lines.push(humanSummary(r));
  if (r.exitCode !== 0) lines.push(`logs: ${r.logDir}`);
  return `${lines.join('\n')}\n`;
}
