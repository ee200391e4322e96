// What holds a terminal headless: a pager, an editor, `cat` reading to end-of-file; and whether
// a line for `cat` reads as a shell command (then `cat` is ended first) or as text for it.
import {describe, expect, it} from 'vitest';
import {editorQuitKeys, holdsEditor, holdsPager, looksLikeCommand, readsToEnd} from '../../src/headless/held-by.js';

describe('held-by', () => {
  it('tells pagers and editors by the foreground job\'s programs', () => {
    expect(holdsPager(['git', 'less'])).toBe(true);
    expect(holdsPager(['man', 'pager'])).toBe(true);
    expect(holdsPager(['more'])).toBe(true);
    expect(holdsPager(['python3'])).toBe(false);
    expect(holdsPager(['lesspipe'])).toBe(false);
    expect(holdsEditor(['vim.basic'])).toBe(true);
    expect(holdsEditor(['git', 'nano'])).toBe(true);
    expect(holdsEditor(['less'])).toBe(false);
    expect(editorQuitKeys(['vim'])).toEqual(['\x1b\x1b:qa!\r']);
    expect(editorQuitKeys(['nano'])).toEqual(['\x18', 'n']);
    expect(editorQuitKeys(['emacs'])).toBeUndefined();
  });

  it('cat and tee read to end-of-file; cat on a file does not', () => {
    for (const c of ['cat', 'cat > a.txt', 'cat >> a.txt', 'cat -n', 'tee out.txt', 'sudo tee -a /etc/hosts']) expect(readsToEnd(c), c).toBe(true);
    for (const c of ['cat a.txt', 'cat < a.txt', 'python3', 'echo x | tee f', 'concat']) expect(readsToEnd(c), c).toBe(false);
  });

  it('a line for cat that starts with a builtin, a path or a program on the PATH reads as a command', () => {
    for (const c of ['cat lazy_dog.txt', 'ls -l', 'cd ..', 'echo hi', './run.sh', 'X=1 env', 'sudo ls']) expect(looksLikeCommand(c), c).toBe(true);
    for (const c of ['The quick brown fox jumped over the lazy dog.', 'one line for the file', 'hello world', '42', '']) expect(looksLikeCommand(c), c).toBe(false);
  });
});
