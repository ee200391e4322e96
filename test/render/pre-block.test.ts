// A <pre> block is text as written: quiz syntax shown in one (`>>Q1: …<<` with `=== answer`) is
// neither asked as a quiz nor mangled as HTML, and a heredoc's `<<EOF > file` keeps its angles.
import {describe, expect, test} from 'vitest';
import {renderMarkdown} from '../../src/render/markdown.js';
import {stripEscapes} from '../../src/render/sanitize.js';
import {lexPage} from '../../src/scenario/markdown/lex-page.js';

const page = (source: string) => {
  const lexed = lexPage(source, '/s/step.md');
  const text = stripEscapes(renderMarkdown(source, {width: 80, lex: (s) => lexPage(s, '/s/step.md').tokens}));
  return {lexed, text};
};

describe('<pre> blocks', () => {
  test('quiz syntax inside <pre> is shown line for line and not asked', () => {
    const {lexed, text} = page(
      'This is how a quiz is written:\n\n<pre>\n>>Q1: Which port does HTTPS use? <<\n=== 443\n\n>>Q2: Pick the TCP ports <<\n[*] 80\n[ ] 53/udp\n</pre>\n\nThat was an example.\n',
    );
    expect(lexed.quizzes).toEqual([]);
    const lines = text.split('\n').map((l) => l.trim());
    const first = lines.indexOf('>>Q1: Which port does HTTPS use? <<');
    expect(first).toBeGreaterThan(-1);
    expect(lines.slice(first, first + 6)).toEqual(['>>Q1: Which port does HTTPS use? <<', '=== 443', '', '>>Q2: Pick the TCP ports <<', '[*] 80', '[ ] 53/udp']);
    expect(text).toContain('That was an example.');
  });

  test('a heredoc and encoded tags keep their angles; real styling tags are dropped', () => {
    const {text} = page('<pre>\ncat <<EOF > out.txt\n<b>bold</b> &lt;kbd&gt;\nEOF\n</pre>\n');
    expect(text).toContain('cat <<EOF > out.txt');
    expect(text).toContain('bold <kbd>');
    expect(text).not.toContain('<b>');
  });
});
