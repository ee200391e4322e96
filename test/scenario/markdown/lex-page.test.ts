import {describe, expect, it} from 'vitest';
import {lexPage} from '../../../src/scenario/markdown/lex-page.js';
import type {ExecAction} from '../../../src/scenario/model.js';

const FILE = '/scenario/step1.md';
const lex = (md: string) => lexPage(md, FILE);
const lineOf = (md: string, needle: string) => md.slice(0, md.indexOf(needle)).split('\n').length;

describe('inline actions', () => {
  it('reads {{execute}} and {{exec}} with their text, terminal and line', () => {
    const md = '# T\n\nRun `ls -l`{{execute}} now\nand `pwd`{{exec}}.\n';
    const r = lex(md);
    expect(r.actions.map((a) => [a.id, a.kind, a.text, a.source.line, a.source.column])).toEqual([
      [1, 'exec', 'ls -l', 3, 5],
      [2, 'exec', 'pwd', 4, 5],
    ]);
    expect((r.actions[0] as ExecAction).terminal).toBe('T1');
    expect(r.diagnostics).toEqual([]);
  });

  it('understands T2, quoted targets, HOST2, interrupt, ctrl-seq and no-newline', () => {
    const r = lex('`a`{{execute T2}} `b`{{execute "T3"}} `c`{{execute HOST2}} `d`{{exec interrupt}} `^C`{{execute ctrl-seq}} `:q`{{execute T2 no-newline}}\n');
    const e = r.actions as ExecAction[];
    expect(e.map((a) => a.terminal)).toEqual(['T2', 'T3', 'T2', 'T1', 'T1', 'T2']);
    expect(e[2]!.host).toBe('HOST2');
    expect(e.map((a) => [a.interrupt, a.ctrlSeq, a.noNewline])).toEqual([
      [false, false, false], [false, false, false], [false, false, false], [true, false, false], [false, true, false], [false, false, true],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['markdown/host-mapped']);
  });

  it('makes copy and open actions, and no action for {{}} or plain code', () => {
    const r = lex('`kubectl get po`{{copy}} `app.js`{{open}} `word`{{}} `plain`\n');
    expect(r.actions.map((a) => a.kind)).toEqual(['copy', 'open']);
    expect(r.actions[1]).toMatchObject({kind: 'open', path: 'app.js'});
    const para = r.tokens[0] as {tokens: {type: string; verb?: string}[]};
    expect(para.tokens.filter((t) => t.type === 'katarunAction').map((t) => t.verb)).toEqual(['copy', 'open', 'none']);
    expect(para.tokens.some((t) => t.type === 'codespan')).toBe(true);
  });

  it('stamps actionId and the action onto tokens for the renderer', () => {
    const r = lex('x `a`{{exec}} `b`{{}} `c`{{copy}}\n');
    const toks = (r.tokens[0] as {tokens: {type: string; actionId?: number}[]}).tokens.filter((t) => t.type === 'katarunAction');
    expect(toks.map((t) => t.actionId)).toEqual([1, undefined, 2]);
  });

  it('warns about unknown verbs and modifiers but keeps the code', () => {
    const r = lex('`ls`{{run}}\n\n`ls`{{execute T2 sideways}}\n');
    expect(r.actions).toHaveLength(1);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['markdown/unknown-action', 1],
      ['markdown/unknown-modifier', 3],
    ]);
  });

  it('keeps double-backtick code spans with backticks inside', () => {
    const r = lex('`` echo `date` ``{{execute}}\n');
    expect(r.actions[0]!.text).toBe('echo `date`');
  });
});

describe('fenced blocks closed by an action', () => {
  it('does not swallow the rest of the page', () => {
    const md = 'Intro\n\n```\necho one\necho two\n```{{execute}}\n\nAfter the block.\n\n```bash\nls\n```\n\n# Heading\n';
    const r = lex(md);
    expect(r.tokens.map((t) => t.type).filter((t) => t !== 'space')).toEqual(['paragraph', 'katarunBlock', 'paragraph', 'code', 'heading']);
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0]).toMatchObject({kind: 'exec', block: true, text: 'echo one\necho two', source: {line: 3}});
  });

  it('reads the language, targets and copy on the closing fence', () => {
    const md = '```bash\nls\n```{{execute T2}}\n\n~~~yaml{2,3}\na: 1\n~~~{{copy}}\n\n````\n```\nnested\n```\n````{{exec interrupt}}\n';
    const r = lex(md);
    expect(r.actions.map((a) => [a.kind, a.text, a.source.line])).toEqual([
      ['exec', 'ls', 1],
      ['copy', 'a: 1', 5],
      ['exec', '```\nnested\n```', 9],
    ]);
    expect((r.actions[0] as ExecAction).terminal).toBe('T2');
    expect((r.actions[2] as ExecAction).interrupt).toBe(true);
    expect(r.codeBlocks.map((b) => b.lang)).toEqual(['bash', 'yaml', '']);
  });

  it('leaves a plain fence before an action fence alone', () => {
    const md = '```\nplain\n```\n\ntext\n\n```\nrun me\n```{{exec}}\n';
    const r = lex(md);
    expect(r.actions.map((a) => [a.text, a.source.line])).toEqual([['run me', 7]]);
    expect(r.codeBlocks.map((b) => [b.text, b.line])).toEqual([['plain', 1], ['run me', 7]]);
  });

  it('treats an unclosed fence as code, not as an action', () => {
    const r = lex('```\nls\n');
    expect(r.actions).toEqual([]);
  });
});

describe('<pre class="file">', () => {
  it('writes, inserts at a marker, or copies', () => {
    const md = [
      '<pre class="file" data-filename="app.js" data-target="replace">',
      'a &lt; b &amp;&amp; c',
      '</pre>',
      '',
      '<pre class="file" data-filename="app.js" data-target="insert" data-marker="// TODO">x</pre>',
      '',
      "<pre class='file' data-target='clipboard'>copy me</pre>",
      '',
      '<pre>just html</pre>',
      '',
    ].join('\n');
    const r = lex(md);
    expect(r.actions.map((a) => [a.kind, a.text, a.source.line])).toEqual([
      ['file', 'a < b && c\n', 1],
      ['file', 'x', 5],
      ['copy', 'copy me', 7],
    ]);
    expect(r.actions[0]).toMatchObject({path: 'app.js', mode: 'replace'});
    expect(r.actions[1]).toMatchObject({mode: 'insert', marker: '// TODO'});
  });

  it('warns when insert has no marker or the target is unknown', () => {
    const r = lex('<pre class="file" data-filename="a" data-target="insert">x</pre>\n\n<pre class="file" data-filename="a" data-target="overwrite">y</pre>\n');
    expect(r.actions.map((a) => a.kind === 'file' && a.mode)).toEqual(['append', 'replace']);
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 3]);
  });
});

describe('quizzes', () => {
  it('reads exact, contains, single and multiple choice', () => {
    const md = '>>Q1: One plus one?<<\n=== 2\n\n>>Q2: Path?<<\n=~= /var/lib\n\n>>Q3: Pick one<<\n( ) a\n(*) b\n\n>>Q4: Pick some<<\n[*] a\n[ ] b\n[x] c\n';
    const r = lex(md);
    expect(r.quizzes.map((q) => [q.id, q.kind, q.options, q.correct, q.source.line])).toEqual([
      ['Q1', 'exact', ['2'], [0], 1],
      ['Q2', 'contains', ['/var/lib'], [0], 4],
      ['Q3', 'single', ['a', 'b'], [1], 7],
      ['Q4', 'multiple', ['a', 'b', 'c'], [0, 2], 11],
    ]);
    expect(r.tokens.filter((t) => t.type === 'blockquote')).toEqual([]);
  });

  it('warns about a quiz without answers instead of asking it', () => {
    const r = lex('text\n\n>>Q1: Nothing<<\n');
    expect(r.quizzes).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({code: 'markdown/quiz', line: 3});
  });
});

describe('<details> hints and solutions', () => {
  it('marks actions inside as hint or solution and turns hints into step hints', () => {
    const md = [
      '`a`{{exec}}',
      '',
      '<details>',
      '<summary>Hint 1</summary>',
      'Try `ls`{{exec}}',
      '</details>',
      '',
      '<details><summary>Solution</summary>',
      '',
      '```',
      'cat /etc/hosts',
      '```{{exec}}',
      '',
      '</details>',
      '',
      '<details><summary>More</summary>',
      '`b`{{copy}}',
      '</details>',
      '',
    ].join('\n');
    const r = lex(md);
    expect(r.actions.map((a) => [a.id, a.context, a.source.line])).toEqual([
      [1, 'body', 1],
      [2, 'hint', 5],
      [3, 'solution', 10],
      [4, 'body', 17],
    ]);
    expect(r.hints).toEqual([{text: 'Try `ls`{{exec}}', source: {file: FILE, line: 3, column: 1}}]);
  });

  it('warns about an unclosed <details>', () => {
    const r = lex('<details><summary>Hint</summary>\nnever closed\n');
    expect(r.diagnostics.map((d) => d.code)).toContain('markdown/unclosed-details');
  });
});

describe('placeholders, images and unsupported HTML', () => {
  it('keeps known placeholders in the text and warns about unknown ones', () => {
    const md = 'Open http://[[HOST_IP]]:80 and [[HOST2_IP]], [[HOST_SUBDOMAIN]]-80-[[KATACODA_HOST]]\n{{TRAFFIC_HOST1_8080}} {{TRAFFIC_SELECTOR}} [[NOPE]] {{ALSO_NOPE}} {{ .Values.x }}\n';
    const r = lex(md);
    expect(r.placeholders).toEqual(['[[HOST_IP]]', '[[HOST2_IP]]', '[[HOST_SUBDOMAIN]]', '[[KATACODA_HOST]]', '{{TRAFFIC_HOST1_8080}}', '{{TRAFFIC_SELECTOR}}']);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['markdown/unknown-placeholder', 2, 45],
      ['markdown/unknown-placeholder', 2, 54],
    ]);
  });

  it('collects markdown and HTML images with lines', () => {
    const r = lex('para\n\n![Mesh](../assets/mesh.png)\n\n<img src="a.png" alt="A">\n');
    expect(r.images.map((i) => [i.alt, i.src, i.source.line])).toEqual([
      ['Mesh', '../assets/mesh.png', 3],
      ['A', 'a.png', 5],
    ]);
  });

  it('warns about HTML a terminal cannot show', () => {
    const r = lex('text\n\n<iframe src="x"></iframe>\n');
    expect(r.diagnostics).toEqual([expect.objectContaining({code: 'markdown/unsupported-html', line: 3})]);
  });
});

describe('positions in nested blocks', () => {
  it('gives the right line inside lists, blockquotes and tables', () => {
    const md = '# T\n\n- one\n- two `a`{{exec}}\n  - deeper `b`{{exec}}\n\n> quoted\n> `c`{{exec}}\n\n| x | y |\n|---|---|\n| `d`{{copy}} | z |\n\n1. first\n\n   ```\n   in list\n   ```{{exec}}\n';
    const r = lex(md);
    expect(r.actions.map((a) => [a.text, a.source.line])).toEqual([
      ['a', lineOf(md, '`a`')],
      ['b', lineOf(md, '`b`')],
      ['c', lineOf(md, '`c`')],
      ['d', lineOf(md, '`d`')],
      ['in list', lineOf(md, '   ```\n   in')],
    ]);
  });

  it('counts lines the same with CRLF line ends', () => {
    const r = lex('a\r\n\r\n`x`{{exec}}\r\n');
    expect(r.actions[0]!.source.line).toBe(3);
  });

  it('is deterministic: the same input gives the same ids', () => {
    const md = '`a`{{exec}}\n\n```\nb\n```{{exec}}\n\n<details><summary>Solution</summary>\n\n`c`{{exec}}\n</details>\n';
    expect(lex(md).actions).toEqual(lex(md).actions);
  });
});
