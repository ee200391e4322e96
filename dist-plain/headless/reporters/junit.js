// The JUnit XML reporter: one <testcase> per step (the form GitHub, GitLab and Jenkins read),
// failure message and output inside, skipped for steps outside the range or not run.
import { xmlAttr, xmlText } from './xml-text.js';
const secs = (ms) => (ms / 1000).toFixed(3);
function testcase(r, s) {
    const open = `    <testcase classname="katarun.${xmlAttr(r.scenario.id)}" name="${xmlAttr(`step ${s.number}: ${s.title}`)}" time="${secs(s.durationMs)}"${s.file ? ` file="${xmlAttr(s.file)}"` : ''}>`;
    // Quiz answers come from the scenario's answer key; said in the test case's output, never a failure.
    const quizOut = s.quizzes?.length ? `\n      <system-out>${xmlText(s.quizzes.map((q) => `quiz ${q.id} answered from the scenario's answer key: ${q.answer}`).join('\n'))}</system-out>` : '';
    if (s.status === 'passed')
        return quizOut ? `${open}${quizOut}\n    </testcase>` : `${open}</testcase>`;
    if (s.status === 'skipped' || s.status === 'not-run') {
        const why = s.status === 'skipped' ? 'outside the selected steps' : s.message === 'interrupted' ? 'interrupted' : 'not run: an earlier step failed';
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
export function junitReport(r) {
    const s = r.summary;
    const skipped = s.skipped + s.notRun;
    const errors = r.setup?.status === 'failed' ? 1 : 0;
    const attrs = `tests="${s.total}" failures="${s.failed}" errors="${errors}" skipped="${skipped}" time="${secs(r.durationMs)}"`;
    const cases = r.steps.map((step) => testcase(r, step));
    const setupOut = r.setup?.status === 'failed' ? `\n    <system-err>${xmlText(['setup failed', ...r.setup.output].join('\n'))}</system-err>` : '';
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="katarun" ${attrs}>`,
        `  <testsuite name="${xmlAttr(r.scenario.title)}" ${attrs} timestamp="${xmlAttr(r.startedAt)}">`,
        ...cases,
        ...(setupOut ? [setupOut.slice(1)] : []),
        '  </testsuite>',
        '</testsuites>',
        '',
    ].join('\n');
}
//# sourceMappingURL=junit.js.map