import stringWidth from 'string-width';
import type {Token} from 'marked';
import {Marked} from 'marked';
import {describe, expect, test} from 'vitest';
import {renderMarkdown} from '../../src/render/markdown.js';
import {NBSP, englishLabels} from '../../src/render/markdown-tokens.js';

// A stand-in for the scenario layer's lexer: it turns `cmd`{{exec}} and `x`{{copy}} into the
// katarunAction tokens that layer produces, numbered in document order.
function fakeLex(source: string): Token[] {
  let n = 0;
  const md = new Marked({
    extensions: [
      {
        name: 'katarunAction',
        level: 'inline',
        start: (src: string) => src.indexOf('`'),
        tokenizer(src: string) {
          const m = /^`([^`]+)`\{\{(exec|copy)( T\d+)?\}\}/.exec(src);
          if (!m) return undefined;
          return {type: 'katarunAction', raw: m[0], text: m[1], kind: m[2], terminal: m[3]?.trim(), actionId: ++n} as never;
        },
      },
      {
        name: 'katarunBlock',
        level: 'block',
        start: (src: string) => src.indexOf('```'),
        tokenizer(src: string) {
          const m = /^```(\w*)\n([\s\S]*?)\n```\{\{(exec|copy)\}\}\n*/.exec(src);
          if (!m) return undefined;
          return {type: 'katarunBlock', raw: m[0], lang: m[1], text: m[2], kind: m[3], actionId: ++n} as never;
        },
      },
    ],
  });
  return md.lexer(source);
}

const visible = (s: string) => s.split('\n').map((l) => stringWidth(l));

describe('renderMarkdown', () => {
  test('wraps prose at the width and never leaves trailing blank lines', () => {
    const text = 'word '.repeat(60);
    const out = renderMarkdown(`# Heading\n\n${text}\n\n\n`, {width: 40});
    expect(Math.max(...visible(out))).toBeLessThanOrEqual(40);
    expect(out.endsWith('\n')).toBe(false);
    expect(out.startsWith('Heading')).toBe(true);
  });

  test('labels actions with their number, kind and terminal, glued by NBSP', () => {
    const out = renderMarkdown('Run `ls -la`{{exec}} then `echo hi`{{copy}} and `top`{{exec T2}}.', {width: 80, lex: fakeLex});
    expect(out).toContain(`ls -la${NBSP}[1${NBSP}▶${NBSP}run]`);
    expect(out).toContain(`echo hi${NBSP}[2${NBSP}⧉${NBSP}copy]`);
    expect(out).toContain(`[3${NBSP}▶${NBSP}run${NBSP}·${NBSP}T2]`);
  });

  test('a label never starts a line on its own, even at a narrow width', () => {
    const out = renderMarkdown('Some words here to fill the line: `cmd`{{exec}} and more words after it.', {width: 36, lex: fakeLex});
    for (const line of out.split('\n')) expect(line.trimStart().startsWith('[1')).toBe(false);
  });

  test('fenced action blocks show the code and a run label under it', () => {
    const out = renderMarkdown('Text\n\n```bash\nexport A=1\necho $A\n```{{exec}}\n\nAfter the block.', {width: 60, lex: fakeLex});
    expect(out).toMatch(/export A=1\n\s+echo \$A\n\s+\[1\u00a0▶\u00a0run\]/);
    expect(out).toContain('After the block.');
  });

  test('<details> hint and solution blocks are collapsed', () => {
    const md = 'Intro\n\n<details>\n<summary>Hint</summary>\n\nsecret hint\n\n</details>\n\n<details><summary>Solution</summary>\n\n```\nrm -rf x\n```\n\n</details>\n\nEnd';
    const out = renderMarkdown(md, {width: 60});
    expect(out).toContain('▸ Hint — press h');
    expect(out).toContain('▸ Solution — press a');
    expect(out).not.toContain('secret hint');
    expect(out).not.toContain('rm -rf');
    expect(out).toContain('End');
  });

  test('images become a caption naming the file', () => {
    expect(renderMarkdown('![the mesh](assets/mesh.png)', {width: 60})).toContain('[image: the mesh — assets/mesh.png]');
  });

  test('escape sequences in the source never reach the output', () => {
    const out = renderMarkdown('Hello \u001b]52;c;cGF5bG9hZA==\u0007world \u001b[2J\u001b]0;title\u0007!', {width: 60});
    expect(out).toBe('Hello world !');
  });

  test('unknown token types from a newer lexer are shown as text, not a crash', () => {
    const lex = (s: string) => [{type: 'mystery', raw: s} as unknown as Token];
    expect(renderMarkdown('?? odd', {width: 40, lex})).toBe('?? odd');
  });

  test('memoizes on source and width', () => {
    const a = renderMarkdown('same text', {width: 50});
    expect(renderMarkdown('same text', {width: 50})).toBe(a);
    expect(renderMarkdown('word '.repeat(30), {width: 30})).not.toBe(renderMarkdown('word '.repeat(30), {width: 60}));
  });
});

describe('lists', () => {
  test('inline markup inside list items is rendered, not shown raw', () => {
    const out = renderMarkdown('- **Enter** runs the `next` action\n- plain', {width: 60});
    expect(out).toContain('Enter runs the next action');
    expect(out).not.toContain('**');
  });
});

describe('HTML in a step, as Katacoda and Killercoda authors write it', () => {
  const render = (source: string) => renderMarkdown(source, {width: 80});

  test('line breaks, key caps, styling tags, images and <pre> blocks read as text, nothing raw', () => {
    const out = render(
      '<br>\n\n### Solve it\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop, then <strong>read</strong> the note.\n\n<img src="https://example.com/logo.png" width="250" alt="logo">\n\nMarkdown:\n<pre>\n&#x3C;kbd&#x3E;Ctrl&#x3C;/kbd&#x3E;\n</pre>\n\nResults.\n',
    );
    expect(out.slice(0, out.indexOf('Markdown:'))).not.toMatch(/<\/?(br|kbd|strong|img)\b/);
    expect(out).not.toMatch(/<\/?pre\b/);
    expect(out).toContain('Press [Ctrl]+[C] to stop, then read the note.');
    expect(out).toContain('[image: logo — https://example.com/logo.png]');
    expect(render('![`lsblk --fs` output](assets/x.png)\n')).toContain('[image: lsblk --fs output — assets/x.png]');
    // An encoded tag inside <pre> is shown as the code it is, not taken for a key cap.
    expect(out).toContain('  <kbd>Ctrl</kbd>');
    // The block's text does not run into the next paragraph's.
    expect(out).toMatch(/<\/kbd>\n\nResults\./);
    expect(out.startsWith('Solve it')).toBe(true);
  });

  test('a character reference to a control character is dropped, so HTML cannot drive the terminal', () => {
    const out = render('<p>clear &#x1b;[2J now &#27;]52;c;AAAA&#7;</p>\n\n<pre>&#x9b;31m red</pre>\n');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('clear [2J now ]52;c;AAAA');
  });

  test("a collapsed hint keeps its author's title; a plain 'Hint' title is not repeated", () => {
    const out = render('<details><summary>Tip 1</summary>\n\nUse `ls`.\n\n</details>\n\n<details><summary>Hint</summary>\n\nx\n\n</details>\n');
    expect(out).toContain('▸ Tip 1 (Hint — press h)');
    expect(out).toContain('▸ Hint — press h');
    expect(out).not.toContain('Use');
  });
});

describe('no rendered line is wider than the width', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
  const long = 'the tang configuration we are using, that contains the address of the tang server, in JSON format';

  test.each([40, 60, 80])('tight and loose lists, nested lists, blockquotes, Chinese and Japanese text, long code at %i columns', (width) => {
    const source = [
      `Tight:\n- ${long}\n- short\n`,
      `Loose:\n\n- ${long}\n\n- short\n`,
      `1. First ${long}\n   - nested ${long}\n`,
      `> Common trap: ${long} ${long}\n`,
      `${'eBPFはカーネル内の仮想マシンです。カーネル空間の中の、制限された関数群だけにアクセス制限されたサンドボックス環境でコード実行ができます。'}\n`,
      `- ${'使用 Arthas 的命令时，可以通过选项来控制命令的行为，例如限制输出的次数和深度。'}\n`,
      '```\n' + 'x'.repeat(120) + '\n```\n',
    ].join('\n');
    const out = renderMarkdown(source, {width});
    expect(widest(out)).toBeLessThanOrEqual(width);
    // Nothing is lost on the way: every word is still there.
    for (const word of ['configuration', 'JSON', 'nested', 'Common', '仮想マシン', '限制输出']) expect(out).toContain(word);
  });

  test("a wrapped list item continues under its text, not under its marker; a table's grid is left alone", () => {
    const out = renderMarkdown(`- ${long} ${long}\n`, {width: 40});
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ {2}\* the/);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {4}\S/);
  });

  test.each([40, 60, 80])('a table shares the width among its columns and wraps its cells, Chinese ones too, at %i columns', (width) => {
    const table = renderMarkdown(`| Name | Default | Description |\n|---|---|---|\n| dump | false | ${long} ${long} |\n| save-result | false | 是否打开执行结果存日志功能，打开之后所有命令的运行结果都将保存到日志中 |\n`, {width});
    expect(widest(table)).toBeLessThanOrEqual(width);
    expect(table).toMatch(/^┌/);
    const text = table.replace(/[│┌┐└┘├┤┬┴┼─\s]/g, '');
    for (const word of ['save-result', 'Description', '保存到日志中']) expect(text).toContain(word.replace(/\s/g, ''));
    // A small table keeps its natural size.
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n', {width})).toBe('┌───┬───┐\n│ a │ b │\n├───┼───┤\n│ 1 │ 2 │\n└───┴───┘');
  });
});

describe('lists', () => {
  test("an ordered list numbers its own items only; nested bullets stay bullets; a start number is kept; a task's box shows once", () => {
    expect(renderMarkdown('1. First\n   * a\n   * b\n2. Second\n   * c\n3. Third\n', {width: 60})).toBe('  1. First\n       * a\n       * b\n  2. Second\n       * c\n  3. Third');
    expect(renderMarkdown('* a\n* b\n  1. x\n  2. y\n* c\n', {width: 60})).toBe('  * a\n  * b\n      1. x\n      2. y\n  * c');
    expect(renderMarkdown('3. three\n4. four\n', {width: 60})).toBe('  3. three\n  4. four');
    expect(renderMarkdown('- [ ] task\n- [x] done\n', {width: 60})).toBe('  * [ ] task\n  * [X] done');
  });
});

test("an action's terminal carries the scenario's name for it", () => {
  const out = renderMarkdown('`docker stats`{{exec T2}}\n', {width: 80, lex: fakeLex, labels: {...englishLabels, terminalNames: {T2: 'Stats'}}});
  expect(out).toContain(`[1${NBSP}▶${NBSP}run${NBSP}·${NBSP}T2${NBSP}Stats]`);
});
