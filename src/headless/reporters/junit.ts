// The JUnit XML reporter: one <testcase> per step (the form GitHub, GitLab and Jenkins read),
// failure message and output inside, skipped for steps outside the range or not run.

import {stepNotes, type HeadlessReport, type StepReport} from '../report.js';
import {xmlAttr, xmlText} from './xml-text.js';

const secs = (ms: number) => (ms / 1000).toFixed(3);

function testcase(r: HeadlessReport, s: StepReport): string {
  const open = `    <testcase classname="katarun.${xmlAttr(r.scenario.id)}" name="${xmlAttr(`step ${s.number}: ${s.title}`)}" time="${secs(s.durationMs)}"${s.file ? ` file="${xmlAttr(s.file)}"` : ''}>`;
  // Quiz answers come from the scenario's answer key; said in the test case's output, never a failure.
  const outLines = [...(s.quizzes ?? []).map((q) => `quiz ${q.id} answered from the scenario's answer key: ${q.answer}`), ...stepNotes(s)];
  const quizOut = outLines.length ? `\n      <system-out>${xmlText(outLines.join('\n'))}</system-out>` : '';
  // A pass with a warning (commands failed, the check passed) says so where CI shows output.
  const warnOut = s.warnings?.length ? `\n      <system-err>${xmlText(s.warnings.flatMap((w) => w.commands.map((c) => `warning: \`${c.command}\` exited with status ${c.exitCode}, but the check passed`)).join('\n'))}</system-err>` : '';
  if (s.status === 'passed') return quizOut || warnOut ? `${open}${quizOut}${warnOut}\n    </testcase>` : `${open}</testcase>`;
  if (s.status === 'skipped' || s.status === 'not-run') {
    const why = s.status === 'skipped' ? 'outside the selected steps' : s.message === 'interrupted' ? 'interrupted' : s.message ? `not run: ${s.message}` : 'not run: an earlier step failed';
    return `${open}\n      <skipped message="${xmlAttr(why)}"/>\n    </testcase>`;
  }
  const body = [
    ...s.feedback.map((f) => `FAIL: ${f}`),
    ...(s.expected !== undefined ? [`EXPECTED: ${s.expected}`] : []),
    ...(s.actual !== undefined ? [`ACTUAL: ${s.actual}`] : []),
    ...(s.output.length ? ['--- output ---', ...s.output] : []),
  ].join('\n');
  return `${open}\n      <failure message="${xmlAttr(s.message ?? 'the step failed')}" type="${s.check?.timedOut ? 'check-timeout' : 'step-failed'}">${xmlText(body)}</failure>${quizOut}\n    </testcase>`;
}

/**
 * What went wrong before or around the steps, each an error test case so a CI publisher shows
 * it: the environment not ready or the scenario invalid (nothing ran), the setup script failed.
 */
function errorCases(r: HeadlessReport): string[] {
  const cls = `katarun.${xmlAttr(r.scenario.id)}`;
  const one = (name: string, type: string, message: string, body: readonly string[]) =>
    `    <testcase classname="${cls}" name="${xmlAttr(name)}" time="0">\n      <error message="${xmlAttr(message)}" type="${type}">${xmlText(body.join('\n'))}</error>\n    </testcase>`;
  const out: string[] = [];
  if (r.error) out.push(one(r.error.kind === 'invalid' ? 'scenario' : 'environment', r.error.kind === 'invalid' ? 'scenario-invalid' : 'environment-not-ready', r.error.message, r.error.details));
  if (r.setup?.status === 'failed') out.push(one('setup', 'setup-failed', 'the setup script failed', r.setup.output));
  return out;
}

export function junitReport(r: HeadlessReport): string {
  const s = r.summary;
  const skipped = s.skipped + s.notRun;
  const extra = errorCases(r);
  const attrs = `tests="${s.total + extra.length}" failures="${s.failed}" errors="${extra.length}" skipped="${skipped}" time="${secs(r.durationMs)}"`;
  const cases = r.steps.map((step) => testcase(r, step));
  // Page scripts that failed are warnings: the suite's error output says so.
  const scriptLines = (r.scripts ?? []).flatMap((x) => [`the ${x.role} script of ${x.page} ${x.exitCode === null ? 'did not finish' : `exited with status ${x.exitCode}`}`, ...x.output.map((o) => `  ${o}`)]);
  const suiteErr = scriptLines.length ? `    <system-err>${xmlText(scriptLines.join('\n'))}</system-err>` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="katarun" ${attrs}>`,
    `  <testsuite name="${xmlAttr(r.scenario.title)}" ${attrs} timestamp="${xmlAttr(r.startedAt)}">`,
    ...extra,
    ...cases,
    ...(suiteErr ? [suiteErr] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
