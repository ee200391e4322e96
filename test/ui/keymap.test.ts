import {describe, expect, test} from 'vitest';
import {keyToIntent} from '../../src/ui/keymap.js';

const none = {};
const step = (input: string, key: object = none) => keyToIntent(input, key, 'step', 'none');

describe('the key contract', () => {
  test('on a step', () => {
    expect(step('', {return: true})).toEqual({type: 'enter'});
    for (let n = 1; n <= 9; n++) expect(step(String(n))).toEqual({type: 'action', id: n});
    // 0 is the second digit of 10, 20… (the controller tells a lone 0 that there is no action 0).
    expect(step('0')).toEqual({type: 'action', id: 0});
    expect(step('c')).toEqual({type: 'copy-next'});
    expect(step('n')).toEqual({type: 'next'});
    expect(step('', {rightArrow: true})).toEqual({type: 'next'});
    expect(step('p')).toEqual({type: 'prev'});
    expect(step('', {leftArrow: true})).toEqual({type: 'prev'});
    expect(step('s')).toEqual({type: 'shell'});
    expect(step('h')).toEqual({type: 'hint'});
    expect(step('a')).toEqual({type: 'solution'});
    expect(step('r')).toEqual({type: 'recheck'});
    expect(step('!')).toEqual({type: 'hand'});
    expect(step('q')).toEqual({type: 'quit'});
    expect(step('?')).toEqual({type: 'help'});
    expect(step('c', {ctrl: true})).toEqual({type: 'ctrl-c'});
    expect(step('x')).toBeUndefined();
  });

  test('intro: Enter or c starts, o starts over', () => {
    expect(keyToIntent('', {return: true}, 'intro', 'none')).toEqual({type: 'enter'});
    expect(keyToIntent('o', none, 'intro', 'none')).toEqual({type: 'start-over'});
    expect(keyToIntent('1', none, 'intro', 'none')).toBeUndefined();
  });

  test('finish: Enter exits, p goes back, step keys do nothing', () => {
    expect(keyToIntent('', {return: true}, 'finish', 'none')).toEqual({type: 'enter'});
    expect(keyToIntent('p', none, 'finish', 'none')).toEqual({type: 'prev'});
    expect(keyToIntent('1', none, 'finish', 'none')).toBeUndefined();
    expect(keyToIntent('s', none, 'finish', 'none')).toBeUndefined();
  });

  test('picker: arrows or j/k move, Enter opens', () => {
    expect(keyToIntent('', {upArrow: true}, 'picker', 'none')).toEqual({type: 'up'});
    expect(keyToIntent('j', none, 'picker', 'none')).toEqual({type: 'down'});
    expect(keyToIntent('', {return: true}, 'picker', 'none')).toEqual({type: 'enter'});
  });

  test('dialogs take y/Enter and n/Esc/q only; help closes on any key; Ctrl-C always passes', () => {
    expect(keyToIntent('y', none, 'step', 'confirm-quit')).toEqual({type: 'yes'});
    expect(keyToIntent('', {return: true}, 'step', 'confirm-solution')).toEqual({type: 'yes'});
    expect(keyToIntent('n', none, 'step', 'confirm-quit')).toEqual({type: 'no'});
    expect(keyToIntent('', {escape: true}, 'step', 'confirm-quit')).toEqual({type: 'no'});
    expect(keyToIntent('1', none, 'step', 'confirm-quit')).toBeUndefined();
    expect(keyToIntent('1', none, 'step', 'help')).toEqual({type: 'close'});
    expect(keyToIntent('c', {ctrl: true}, 'step', 'help')).toEqual({type: 'ctrl-c'});
  });

  test('while setup runs only quit, help and Ctrl-C do anything', () => {
    expect(keyToIntent('', {return: true}, 'setup', 'none')).toBeUndefined();
    expect(keyToIntent('q', none, 'setup', 'none')).toEqual({type: 'quit'});
  });
});

describe('the quiz prompt owns the keys', () => {
  const quiz = (input: string, key: object = {}) => keyToIntent(input, key, 'step', 'quiz');
  test('letters are typed, Enter submits, Esc closes, editing keys edit, Ctrl-C keeps its meaning', () => {
    expect(quiz('q')).toEqual({type: 'quiz-input', text: 'q'});
    expect(quiz('n')).toEqual({type: 'quiz-input', text: 'n'});
    expect(quiz('ж')).toEqual({type: 'quiz-input', text: 'ж'});
    expect(quiz('3')).toEqual({type: 'quiz-input', text: '3'});
    expect(quiz('', {return: true})).toEqual({type: 'quiz-submit'});
    expect(quiz('', {escape: true, meta: true})).toEqual({type: 'quiz-close'});
    expect(quiz('', {delete: true})).toEqual({type: 'quiz-backspace'});
    expect(quiz('', {backspace: true})).toEqual({type: 'quiz-backspace'});
    expect(quiz('u', {ctrl: true})).toEqual({type: 'quiz-clear'});
    expect(quiz('', {downArrow: true})).toEqual({type: 'quiz-move', by: 1});
    expect(quiz('', {rightArrow: true})).toBeUndefined();
    expect(quiz('c', {ctrl: true})).toEqual({type: 'ctrl-c'});
    expect(quiz('x', {meta: true})).toBeUndefined();
  });
});

test('quiz: text that arrives together with Enter is typed and submitted', () => {
  expect(keyToIntent('ready\r', {}, 'step', 'quiz')).toEqual({type: 'quiz-input', text: 'ready', submit: true});
  expect(keyToIntent('2\r', {}, 'step', 'quiz')).toEqual({type: 'quiz-input', text: '2', submit: true});
  expect(keyToIntent('\r\r', {}, 'step', 'quiz')).toEqual({type: 'quiz-submit'});
});
