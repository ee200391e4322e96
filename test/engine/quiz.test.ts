// Quizzes in the engine: the matching rules of every kind, the gate on Enter/next (together
// with the check), and answers that survive quit and resume.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createEngine} from '../../src/engine/create-engine.js';
import {loadProgress} from '../../src/engine/progress-store.js';
import {answerKey, answerKeyText, isCorrect, normalizeAnswer} from '../../src/engine/quiz-answer.js';
import {plainEnv} from '../../src/engine/script-env.js';
import type {Quiz} from '../../src/scenario/model.js';
import {check, scenario, step} from './model-fixtures.js';
import {tempDirs, waitFor, type TempDirs} from './integration-helpers.js';
import {words} from '../words.js';

const quiz = (kind: Quiz['kind'], options: string[], correct: number[], id = 'Q1'): Quiz => ({id, question: `${id}?`, kind, options, correct, source: {file: '/s/step1.md', line: 3}});

describe('quiz answer matching', () => {
  it('exact: the whole answer, forgiving case and surrounding or repeated spaces; any of several accepted answers', () => {
    const q = quiz('exact', ['kubectl get pods', 'kubectl get po'], [0, 1]);
    expect(isCorrect(q, 'kubectl get pods')).toBe(true);
    expect(isCorrect(q, '  KubeCtl   GET\tpods ')).toBe(true);
    expect(isCorrect(q, 'kubectl get po')).toBe(true);
    expect(isCorrect(q, 'kubectl get pods -A')).toBe(false);
    expect(isCorrect(q, 'get pods')).toBe(false);
    expect(isCorrect(q, '')).toBe(false);
    expect(isCorrect(q, [0])).toBe(false);
    expect(isCorrect(quiz('exact', ['Ответ'], [0]), ' оТВЕТ ')).toBe(true);
    expect(normalizeAnswer('  A  b ')).toBe('a b');
  });

  it('contains: the answer must hold the text somewhere', () => {
    const q = quiz('contains', ['Service Entry'], [0]);
    expect(isCorrect(q, 'a service   entry, I think')).toBe(true);
    expect(isCorrect(q, 'serviceentry')).toBe(false);
    expect(isCorrect(q, '   ')).toBe(false);
  });

  it('single: exactly one option, a right one', () => {
    const q = quiz('single', ['a', 'b', 'c'], [1]);
    expect(isCorrect(q, [1])).toBe(true);
    expect(isCorrect(q, [0])).toBe(false);
    expect(isCorrect(q, [1, 2])).toBe(false);
    expect(isCorrect(q, [])).toBe(false);
    expect(isCorrect(q, [7])).toBe(false);
    expect(isCorrect(q, 'b')).toBe(false);
    // No option marked right (the validator warns): any one choice is taken rather than locking the step.
    expect(isCorrect(quiz('single', ['a', 'b'], []), [0])).toBe(true);
  });

  it('multiple: all starred options and only them, in any order', () => {
    const q = quiz('multiple', ['a', 'b', 'c', 'd'], [0, 2]);
    expect(isCorrect(q, [2, 0])).toBe(true);
    expect(isCorrect(q, [0])).toBe(false);
    expect(isCorrect(q, [0, 2, 3])).toBe(false);
    expect(isCorrect(q, [0, 0, 2])).toBe(false);
    expect(isCorrect(quiz('multiple', ['a', 'b'], []), [])).toBe(true);
  });

  it('the answer key is right for every kind', () => {
    for (const q of [quiz('exact', ['x'], [0]), quiz('contains', ['y'], [0]), quiz('single', ['a', 'b'], [1]), quiz('multiple', ['a', 'b', 'c'], [0, 2])]) {
      expect(isCorrect(q, answerKey(q)), q.kind).toBe(true);
    }
    expect(answerKeyText(quiz('multiple', ['a', 'b', 'c'], [0, 2]))).toBe('a, c');
  });
});

let t: TempDirs;
beforeEach(() => {
  t = tempDirs('katarun-quiz-');
});
afterEach(() => t.cleanup());

const make = (steps: ReturnType<typeof step>[]) => {
  const sc = scenario(steps, {dir: t.root, indexFile: join(t.root, 'index.json')});
  return {sc, engine: () => createEngine(sc, {dirs: t, shell: 'pipe', env: plainEnv(process.env), outputBatchMs: 30})};
};

describe('quizzes gate the step', () => {
  it('Enter leads to the quiz and next refuses until every question is right; then the step is done', async () => {
    const {engine: create} = make([step(0, [], {quizzes: [quiz('single', ['yes', 'no'], [0], 'Q1'), quiz('exact', ['42'], [0], 'Q2')]}), step(1)]);
    const engine = create();
    await engine.start();
    expect(await engine.enter()).toBe('quiz');
    expect(engine.next()).toEqual({ok: false, reason: {code: 'quiz.refused'}, code: 'quiz-open'});
    expect(engine.answerQuiz(0, [1])).toEqual({correct: false, done: false});
    expect(engine.answerQuiz(0, [0])).toEqual({correct: true, done: false});
    expect(engine.store.getSnapshot().steps[0]!.quizAnswered).toEqual([true, false]);
    expect(await engine.enter()).toBe('quiz');
    expect(engine.answerQuiz(1, '41')).toEqual({correct: false, done: false});
    expect(engine.answerQuiz(1, ' 42 ')).toEqual({correct: true, done: true});
    expect(engine.answerQuiz(5, 'x')).toMatchObject({correct: false, reason: {code: 'quiz.noQuestion', params: {n: 6}}});
    expect(words(engine.answerQuiz(5, 'x').reason!)).toBe('This step has no question 6.');
    expect(await engine.enter()).toBe('advanced');
    expect(engine.store.getSnapshot()).toMatchObject({stepIndex: 1, steps: [{status: 'passed'}, {status: 'active'}]});
    await engine.dispose();
  });

  it('a passed check does not finish the step while a question is open; the last right answer does', async () => {
    const verify = join(t.root, 'verify.sh');
    writeFileSync(verify, 'exit 0\n');
    const {engine: create} = make([step(0, [], {check: check(verify), quizzes: [quiz('contains', ['mesh'], [0])]}), step(1)]);
    const engine = create();
    await engine.start();
    expect(await waitFor(() => engine.store.getSnapshot().steps[0]!.check.status === 'passed')).toBe(true);
    expect(engine.store.getSnapshot().steps[0]!.status).toBe('active');
    expect(engine.next()).toMatchObject({ok: false});
    expect(engine.answerQuiz(0, 'a service MESH')).toEqual({correct: true, done: true});
    expect(engine.store.getSnapshot().steps[0]!.status).toBe('passed');
    expect(engine.next()).toEqual({ok: true});
    await engine.dispose();
  });

  it('the check still gates once the quiz is answered', async () => {
    const verify = join(t.root, 'verify.sh');
    writeFileSync(verify, 'echo "FAIL: not yet"; exit 1\n');
    const {engine: create} = make([step(0, [], {check: {...check(verify), timeoutMs: 60_000}, quizzes: [quiz('exact', ['a'], [0])]}), step(1)]);
    const engine = create();
    await engine.start();
    expect(engine.answerQuiz(0, 'A')).toEqual({correct: true, done: true});
    expect(engine.store.getSnapshot().steps[0]!.status).toBe('active');
    expect(await engine.enter()).toBe('refused');
    expect(engine.next()).toEqual({ok: false, reason: {code: 'enter.refused'}, code: 'check-not-passed'});
    await engine.dispose();
  });

  it('answered questions are saved with progress and are still answered after quit and resume', async () => {
    const {sc, engine: create} = make([step(0), step(1, [], {quizzes: [quiz('multiple', ['a', 'b', 'c'], [0, 2], 'Q1'), quiz('exact', ['z'], [0], 'Q2')]}), step(2)]);
    const first = create();
    await first.start();
    expect(await first.enter()).toBe('advanced');
    expect(first.answerQuiz(0, [2, 0])).toEqual({correct: true, done: false});
    await first.dispose();
    const saved = await loadProgress(t, sc.id);
    expect(saved.kind === 'ok' && saved.progress.steps[1]).toMatchObject({quizzes: [0]});

    const again = create();
    await again.start(1);
    expect(again.store.getSnapshot().steps[1]!.quizAnswered).toEqual([true, false]);
    expect(again.next()).toMatchObject({ok: false});
    expect(again.answerQuiz(1, 'Z')).toEqual({correct: true, done: true});
    expect(again.next()).toEqual({ok: true});
    await again.dispose();

    // Starting over forgets the answers.
    const fresh = create();
    await fresh.start(0);
    expect(fresh.store.getSnapshot().steps[1]!.quizAnswered).toEqual([false, false]);
    await fresh.dispose();
  });
});
