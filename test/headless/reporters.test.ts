import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {formatReport} from '../../src/headless/reporters/index.js';
import {humanStepLines} from '../../src/headless/reporters/human.js';
import {summarize, type HeadlessReport, type StepReport} from '../../src/headless/report.js';
import {parseXml} from './xml-check.js';

const nasty = 'a <b> & "c" \x1b[31mred\x1b[0m \x00\x07 bell \ud800 lone ]]> end';
const steps: StepReport[] = [
  {number: 1, title: 'Run a command', status: 'passed', durationMs: 120, commands: [], feedback: [], output: []},
  {
    number: 2,
    title: 'Check <it> & "quote" # not a directive',
    status: 'failed',
    durationMs: 2500,
    commands: [{text: 'echo hi', terminal: 'T1', exitCode: 0, durationMs: 5, interrupted: false, timedOut: false}],
    check: {attempts: 3, passed: false, timedOut: true},
    message: 'status.txt is missing',
    feedback: ['status.txt is missing', nasty],
    expected: 'ready',
    actual: '(no file)',
    output: ['line one', nasty, 'key: value # yaml-looking'],
    file: '/s/step2.md',
  },
  {number: 3, title: 'Later', status: 'not-run', durationMs: 0, commands: [], feedback: [], output: []},
  {number: 4, title: 'Outside', status: 'skipped', durationMs: 0, commands: [], feedback: [], output: []},
];
const report: HeadlessReport = {
  scenario: {id: 'unit', title: 'Unit & <test>', lang: 'en', dir: '/s'},
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 3000,
  steps,
  summary: summarize(steps),
  interrupted: false,
  exitCode: 1,
  logDir: '/state/logs/unit/x',
};

describe('reporters', () => {
  it('human: one line per step with its duration, and FAIL feedback plus output under the failure', () => {
    expect(humanStepLines(steps[0]!, 4)).toEqual(['✔ step 1/4 Run a command (120 ms)']);
    const failed = humanStepLines(steps[1]!, 4);
    expect(failed[0]).toBe('✘ step 2/4 Check <it> & "quote" # not a directive (2.5 s)');
    expect(failed).toContain('    FAIL: status.txt is missing');
    expect(failed).toContain('    expected: ready');
    expect(failed).toContain('    │ line one');
    const text = formatReport.human(report);
    expect(text).toContain('· step 3/4 Later (not run)');
    expect(text).toContain('unit: FAILED — 1 passed, 1 failed, 1 not run, 1 skipped of 4 steps');
  });

  it('json: parses back to the same report', () => {
    expect(JSON.parse(formatReport.json(report))).toEqual(report);
  });

  it('junit: well-formed XML, one testcase per step, failure message and output inside, control characters made visible', () => {
    const xml = formatReport.junit(report);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({tests: '4', failures: '1', skipped: '2'});
    const suite = root.children[0]!;
    expect(suite.attrs.name).toBe('Unit & <test>');
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['step 1: Run a command', 'step 2: Check <it> & "quote" # not a directive', 'step 3: Later', 'step 4: Outside']);
    const failure = cases[1]!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attrs.message).toBe('status.txt is missing');
    expect(failure.attrs.type).toBe('check-timeout');
    expect(failure.text).toContain('FAIL: status.txt is missing');
    expect(failure.text).toContain('EXPECTED: ready');
    expect(failure.text).toContain('a <b> & "c" red \\x00\\x07 bell \\ud800 lone ]]> end');
    expect(cases[2]!.children[0]!.name).toBe('skipped');
    expect(cases[3]!.children[0]!.attrs.message).toBe('outside the selected steps');
  });

  it('tap: version, plan, one point per step, YAML diagnostics that parse', () => {
    const tap = formatReport.tap(report);
    const lines = tap.split('\n');
    expect(lines[0]).toBe('TAP version 13');
    expect(lines[1]).toBe('1..4');
    const points = lines.filter((l) => /^(not )?ok \d+ /.test(l));
    expect(points).toEqual([
      'ok 1 - step 1: Run a command # time=120ms',
      'not ok 2 - step 2: Check <it> & "quote" \\# not a directive',
      'ok 3 - step 3: Later # SKIP not run (an earlier step failed)',
      'ok 4 - step 4: Outside # SKIP outside the selected steps',
    ]);
    const start = lines.indexOf('  ---');
    const end = lines.indexOf('  ...');
    const diag = parseYaml(lines.slice(start + 1, end).map((l) => l.slice(2)).join('\n')) as Record<string, unknown>;
    expect(diag).toMatchObject({message: 'status.txt is missing', expected: 'ready', actual: '(no file)'});
    expect(diag.feedback).toEqual(['status.txt is missing', nasty]);
    expect(String(diag.output)).toContain('key: value # yaml-looking');
  });
});

describe('a step passed by its solution, and a command stopped at its end, in the machine-read reports', () => {
  const solved: StepReport = {
    number: 1,
    title: 'Challenge',
    status: 'passed',
    durationMs: 40,
    bySolution: true,
    commands: [{text: 'python3 -m http.server 8000\n', terminal: 'T2', exitCode: 130, durationMs: 30, interrupted: true, timedOut: false, stoppedAtEnd: true}],
    feedback: [],
    output: [],
  };
  const r: HeadlessReport = {...report, steps: [solved], summary: summarize([solved]), exitCode: 0};

  it('TAP says so in comments under the test point', () => {
    const tap = formatReport.tap(r);
    expect(tap).toContain('ok 1 - step 1: Challenge');
    expect(tap).toContain('# step 1: passed by its solution, not by the commands a learner runs');
    expect(tap).toContain('# step 1: `python3 -m http.server 8000` (T2) was still running at the end of the step and was stopped');
  });

  it("JUnit says so in the testcase's system-out", () => {
    const xml = formatReport.junit(r);
    expect(() => parseXml(xml)).not.toThrow();
    const out = /<system-out>([^<]*)<\/system-out>/.exec(xml)?.[1] ?? '';
    expect(out).toContain('passed by its solution, not by the commands a learner runs');
    expect(out).toContain('(T2) was still running at the end of the step and was stopped');
  });
});
