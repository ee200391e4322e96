// The quiz prompt as a learner meets it: Enter opens it once the commands have run, keys
// choose or type, a wrong answer says so without revealing the right one, a right one moves
// on, Esc closes it, and n is refused with the reason while a question is open.
import {afterEach, describe, expect, test} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {translator} from '../../src/render/i18n.js';
import {LiveRegion} from '../../src/ui/LiveRegion.js';
import {EngineContext} from '../../src/ui/use-engine.js';
import {initialUiState} from '../../src/ui/ui-state.js';
import type {Quiz} from '../../src/scenario/model.js';
import {exec, scenario, step} from './scenario-builders.js';
import {FakeShellPort} from './fake-shell-port.js';
import {disposeEngines, KEY, realEngine, renderApp, sessionFor, settle} from './helpers.js';

afterEach(async () => {
  cleanup();
  await disposeEngines();
});

const quiz = (id: string, question: string, kind: Quiz['kind'], options: string[], correct: number[]): Quiz => ({id, question, kind, options, correct, source: {file: '/s/step1.md', line: 3}});

function quizScenario(quizzes: Quiz[], actions = [exec(1, 'echo hi')]) {
  return scenario([step(0, 'Questions', 'Answer them.', actions, {quizzes}), step(1, 'After', 'Done.', [])]);
}

async function openStep(quizzes: Quiz[], actions?: ReturnType<typeof exec>[]) {
  const {session, engine} = sessionFor(quizScenario(quizzes, actions));
  const app = renderApp({session});
  await app.press(KEY.enter);
  await app.until('Step 1/2');
  return {app, engine};
}

const backspace = '\u007f';

describe('quiz prompt', () => {
  test('Enter runs the command first, then opens the question; n is refused with the reason', async () => {
    const {app, engine} = await openStep([quiz('Q1', 'Which port does HTTPS use?', 'single', ['80', '443', '8080'], [1])]);
    await app.press(KEY.enter);
    expect(engine.calls).toContain('action:1');
    expect(app.frame()).not.toContain('Quiz — question');
    await app.press('n');
    expect(app.frame()).toContain('Answer the quiz first — press Enter.');
    await app.press(KEY.enter);
    const frame = app.frame();
    expect(frame).toContain('? Quiz — question 1 of 1');
    expect(frame).toContain('Which port does HTTPS use?');
    expect(frame).toMatch(/1 \( \) 80/);
    expect(frame).toMatch(/2 \( \) 443/);
    expect(frame).toContain('Esc close');
  });

  test('single choice: a wrong choice says try again without the answer, the right one lets Enter move on', async () => {
    const {app, engine} = await openStep([quiz('Q1', 'Which port does HTTPS use?', 'single', ['80', '443'], [1])], []);
    await app.press(KEY.enter);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Choose with 1–2');
    await app.press('1');
    expect(app.frame()).toMatch(/1 \(•\) 80/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('✘ Not quite — try again.');
    expect(app.frame()).not.toMatch(/443.*(right|correct)/i);
    await app.press('2');
    expect(app.frame()).toMatch(/2 \(•\) 443/);
    expect(app.frame()).toMatch(/1 \( \) 80/);
    await app.press(KEY.enter);
    expect(engine.calls.filter((c) => c.startsWith('answer:'))).toEqual(['answer:0:[0]', 'answer:0:[1]']);
    expect(app.frame()).toContain('✔ Quiz answered (1 of 1)');
    expect(app.frame()).toContain('Enter goes to the next step.');
    expect(app.frame()).toContain('✔ Q1: Which port does HTTPS use? — 443');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Step 2/2');
  });

  test('multiple choice ticks with digits and Space, and needs exactly the starred options', async () => {
    const {app} = await openStep([quiz('Q1', 'Which are Istio resources?', 'multiple', ['Gateway', 'Deployment', 'VirtualService'], [0, 2])], []);
    await app.press(KEY.enter, KEY.enter, '1');
    expect(app.frame()).toMatch(/1 \[x\] Gateway/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Not quite');
    await app.press(KEY.down, KEY.down, ' ');
    expect(app.frame()).toMatch(/› 3 \[x\] VirtualService/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('✔ Quiz answered');
  });

  test('text: printable keys (Cyrillic too) are typed, q does not quit, Backspace and Ctrl-U edit, then the next question follows', async () => {
    const {app, engine} = await openStep([quiz('Q1', 'Say the word', 'exact', ['квота'], [0]), quiz('Q2', 'Name a tool', 'contains', ['kubectl'], [0])], []);
    await app.press(KEY.enter, KEY.enter);
    await app.press('q', 'n', '?');
    expect(app.exits).toEqual([]);
    expect(app.frame()).toContain('› qn?');
    await app.press('\u0015');
    expect(app.frame()).not.toContain('qn?');
    for (const ch of 'квотх') await app.press(ch);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Not quite — try again');
    expect(app.frame()).toContain('› квотх');
    await app.press(backspace, 'а', KEY.enter);
    expect(engine.calls).toContain('answer:0:"квота"');
    expect(app.frame()).toMatch(/✔ Right\.\n\? Quiz — question 2 of 2/);
    expect(app.frame()).toContain('? Quiz — question 2 of 2');
    expect(app.frame()).toContain('Name a tool');
    await app.press(...'I use kubectl daily');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('✔ Quiz answered');
  });

  test('Esc closes the prompt (keys mean the step again); Enter reopens the open question as it was left', async () => {
    const {app} = await openStep([quiz('Q1', 'Say yes', 'exact', ['yes'], [0])], []);
    await app.press(KEY.enter, 'y', 'e');
    await app.press(KEY.esc);
    expect(app.frame()).not.toContain('Quiz — question');
    expect(app.frame()).toContain('Quiz closed — Enter opens it again.');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Say yes');
    expect(app.frame()).toContain('› ye');
    await app.press(KEY.esc, 'q');
    expect(app.exits).toEqual([0]);
  });

  test.each([6, 10, 24])('the prompt stays shorter than the terminal at %i rows', async (rows) => {
    const long = quiz('Q1', 'A long question about many things '.repeat(8), 'single', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], [7]);
    const engine = realEngine(quizScenario([long], []), new FakeShellPort());
    await engine.start(0);
    const ui = {...initialUiState, overlay: 'quiz' as const, quiz: {step: 0, question: 0, cursor: 7, selected: [7], text: '', verdict: 'wrong' as const}, message: {text: 'note', level: 'info' as const}};
    const app = render(
      <EngineContext.Provider value={engine}>
        <LiveRegion screen="step" ui={ui} size={{columns: 40, rows}} t={translator('en')} />
      </EngineContext.Provider>,
    );
    await settle(() => app.frames.length);
    const frame = app.lastFrame() ?? '';
    expect(frame.split('\n').length).toBeLessThan(rows);
    expect(frame).toMatch(/› 8 \(•\) h/);
    expect(frame).toContain('Esc close');
  });
});

test('keys that arrive in one read with Enter (a fast typist, tmux) each count, then the answer is submitted', async () => {
  const {session, engine} = sessionFor(quizScenario([quiz('Q1', 'Pick b and c', 'multiple', ['a', 'b', 'c'], [1, 2])], []));
  const app = renderApp({session});
  await app.press(KEY.enter);
  await app.until('Step 1/2');
  await app.press(KEY.enter, '23\r');
  expect(engine.calls).toContain('answer:0:[1,2]');
  expect(app.frame()).toContain('✔ Quiz answered');
});
