// Quizzes headless: nobody can answer, so the scenario's answer key does — reported in every
// format, never failing the step. And the human report in Russian: katarun's own words are
// translated, the check's FAIL: lines stay as the scenario wrote them.
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runTestCommand} from '../../src/cli/commands/test.js';
import {plainEnv} from '../../src/engine/script-env.js';
import {runHeadless} from '../../src/headless/run-headless.js';
import {summarize, type HeadlessReport, type StepReport} from '../../src/headless/report.js';
import {formatReport} from '../../src/headless/reporters/index.js';
import {translator} from '../../src/render/i18n.js';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {repoRoot, tempDirs, type TempDirs} from '../engine/integration-helpers.js';
import {parseXml} from './xml-check.js';

const quizFixture = join(repoRoot, 'test', 'e2e', 'fixtures', 'quiz');

let t: TempDirs;
beforeEach(() => {
  t = tempDirs('katarun-headless-quiz-');
});
afterEach(() => t.cleanup());

describe('quizzes headless', () => {
  it('answers from the answer key, passes the step, and says so in every report format', async () => {
    const report = await runHeadless(await loadScenario(quizFixture, {}), {dirs: t, env: plainEnv(process.env), settleMs: 200});
    expect(report.exitCode).toBe(0);
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(report.steps[0]!.quizzes).toEqual([
      {id: 'Q1', question: 'Which shell runs the commands here?', kind: 'single', answer: 'bash', answeredBy: 'answer-key', correct: true},
      {id: 'Q2', question: 'What did the command print?', kind: 'exact', answer: 'ready', answeredBy: 'answer-key', correct: true},
    ]);
    expect(report.steps[1]!.quizzes).toBeUndefined();
    expect(formatReport.human(report)).toContain("    ? quiz Q1 answered from the scenario's answer key: bash");
    expect(JSON.parse(formatReport.json(report)).steps[0].quizzes[1]).toMatchObject({id: 'Q2', answeredBy: 'answer-key'});
    const xml = formatReport.junit(report);
    expect(() => parseXml(xml)).not.toThrow();
    expect(xml).toContain("<system-out>quiz Q1 answered from the scenario's answer key: bash\nquiz Q2");
    expect(formatReport.tap(report)).toContain("ok 1 - step 1: Questions # time=");
    expect(formatReport.tap(report)).toContain("# quiz Q2 answered from the scenario's answer key: ready");
  });
});

describe('the human report in Russian', () => {
  const steps: StepReport[] = [
    {number: 1, title: 'Вопросы', status: 'passed', durationMs: 1500, commands: [], feedback: [], output: [], quizzes: [{id: 'Q1', question: '?', kind: 'exact', answer: 'да', answeredBy: 'answer-key', correct: true}]},
    {number: 2, title: 'Проверка', status: 'failed', durationMs: 61_000, commands: [], check: {attempts: 7, passed: false, timedOut: true}, message: 'status.txt is missing', feedback: ['status.txt is missing'], expected: 'ready', actual: 'none', output: ['line one']},
    {number: 3, title: 'Команда', status: 'failed', durationMs: 20, commands: [], message: '`false` exited with status 1', reason: {kind: 'command-failed', command: 'false', exitCode: 1}, feedback: [], output: []},
    {number: 4, title: 'Потом', status: 'not-run', durationMs: 0, commands: [], feedback: [], output: []},
  ];
  const report: HeadlessReport = {
    scenario: {id: 'basics', title: 'Основы', lang: 'ru', dir: '/s'},
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 2500,
    steps,
    summary: summarize(steps),
    interrupted: false,
    exitCode: 1,
    logDir: '/var/k',
  };

  it("translates katarun's words and keeps the check's own lines as written", () => {
    const text = formatReport.human(report, translator('ru'));
    expect(text).toContain('katarun test basics (Основы, ru)');
    expect(text).toContain('✔ шаг 1/4 Вопросы (1,5 с)');
    expect(text).toContain('    ? вопрос Q1: ответ взят из ключа сценария: да');
    expect(text).toContain('✘ шаг 2/4 Проверка (1 мин 1 с)');
    expect(text).toContain('    FAIL: status.txt is missing');
    expect(text).toContain('    ожидалось: ready');
    expect(text).toContain('    получено:  none');
    expect(text).toContain('    последняя 1 строка вывода:');
    expect(text).toContain('    `false` завершилась с кодом 1');
    expect(text).toContain('· шаг 4/4 Потом (не запускался)');
    expect(text).toContain('basics: ОШИБКА — пройдено: 1, не пройдено: 2, не запускалось: 1 из 4 шагов за 2,5 с');
    expect(text).toContain('журналы: /var/k');
    expect(text).not.toMatch(/\b(step|passed|failed|expected|actual|logs)\b/);
    // English stays English, word for word as before.
    expect(formatReport.human(report)).toContain('basics: FAILED — 1 passed, 2 failed, 1 not run of 4 steps in 2.5 s');
    expect(formatReport.human(report)).toContain('    `false` exited with status 1');
  });

  it('katarun test --lang ru prints the live report in Russian', async () => {
    const out: string[] = [];
    const io = {stdout: {write: (s: string) => out.push(s)}, stderr: {write: (s: string) => out.push(s)}};
    const saved = {...process.env};
    Object.assign(process.env, t.xdg);
    try {
      expect(await runTestCommand([quizFixture, '--lang', 'ru'], io)).toBe(0);
    } finally {
      for (const k of Object.keys(t.xdg)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    const text = out.join('');
    expect(text).toMatch(/✔ шаг 1\/2 Questions \(\d+ мс\)/);
    expect(text).toContain('    ? вопрос Q2: ответ взят из ключа сценария: ready');
    expect(text).toMatch(/quiz: успешно — пройдено: 2 из 2 шагов за/);
  });
});
