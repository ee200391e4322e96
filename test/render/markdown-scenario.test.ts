// The renderer over the scenario layer's own lexer: labels carry the numbers of Page.actions.
import {describe, expect, test} from 'vitest';
import {renderMarkdown} from '../../src/render/markdown.js';
import {NBSP} from '../../src/render/markdown-tokens.js';
import {lexPage} from '../../src/scenario/markdown/lex-page.js';

const lex = (source: string) => lexPage(source, '/s/step.md').tokens;
const label = (s: string) => s.replace(/ /g, NBSP);

describe('renderMarkdown with lexPage', () => {
  const md = [
    'Start `sleep 100`{{execute}} then stop it with `echo done`{{execute interrupt}}.',
    '',
    'Copy `kubectl get pods`{{copy}} and look at `top`{{execute T2}}; `plain`{{}} stays plain.',
    '',
    '```yaml',
    'kind: Pod',
    '```{{copy}}',
    '',
    '<details><summary>Hint</summary>',
    '',
    'Try `ls`{{exec}}.',
    '',
    '</details>',
    '',
    '<details><summary>More about pods</summary>',
    '',
    'Pods are the smallest unit.',
    '',
    '</details>',
    '',
    '>>Q1: Which port?<<',
    '( ) 80',
    '(*) 443',
  ].join('\n');
  const out = renderMarkdown(md, {width: 100, lex});
  const {actions} = lexPage(md, '/s/step.md');

  test('every body action is labelled with its id, kind and terminal', () => {
    expect(out).toContain(`sleep 100${NBSP}${label('[1 ▶ run]')}`);
    expect(out).toContain(`echo done${NBSP}${label('[2 ▶ run · ^C]')}`);
    expect(out).toContain(`kubectl get pods${NBSP}${label('[3 ⧉ copy]')}`);
    expect(out).toContain(`top${NBSP}${label('[4 ▶ run · T2]')}`);
    expect(out).toContain(label('[5 ⧉ copy]'));
    expect(actions.map((a) => [a.id, a.kind])).toEqual([
      [1, 'exec'],
      [2, 'exec'],
      [3, 'copy'],
      [4, 'exec'],
      [5, 'copy'],
      [6, 'exec'],
    ]);
  });

  test('`x`{{}} is plain code, hints are collapsed, other details open, quizzes shown', () => {
    expect(out).toContain('plain stays plain');
    expect(out).toContain('▸ Hint — press h');
    expect(out).not.toContain('Try ls');
    expect(out).toContain('▾ More about pods');
    expect(out).toContain('Pods are the smallest unit.');
    expect(out).toContain('? Which port?');
    expect(out).toContain('○ 443');
  });
});
