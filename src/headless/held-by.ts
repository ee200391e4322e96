// What holds a terminal headless, when a program there waits for typed input: a pager, an
// editor, a program reading to end-of-file (`cat`), or a REPL (anything else). A learner quits
// a pager (`q`) before the next command, closes an editor the step only opened, and ends `cat`
// with Ctrl-D when the page says so; headless does the same instead of typing the next
// commands into them. Pagers and editors are told by the programs of the terminal's foreground
// job (read from /proc: `git log`'s and `man`'s pager is a `less` child); `cat` by the command
// that started it. Whether a line is a shell command or text for `cat` is told by its first
// word: a shell builtin or keyword, a path, or a program found on the PATH.

import {accessSync, constants} from 'node:fs';
import {delimiter, join} from 'node:path';

const PAGERS = new Set(['less', 'more', 'most', 'pg', 'pager']);
const EDITORS = /^(vi|vim|vim\.basic|vim\.tiny|nvim|view|nano|rnano|pico|emacs|emacs-nox|mg|micro|joe|ed)$/;

export const holdsPager = (programs: readonly string[]): boolean => programs.some((p) => PAGERS.has(p));
export const holdsEditor = (programs: readonly string[]): boolean => programs.some((p) => EDITORS.test(p));
/** The keys that close an editor without saving: vi's `Esc :qa!`, nano's Ctrl-X (then `n`: do not save); others get Ctrl-C, then harder. */
export function editorQuitKeys(programs: readonly string[]): readonly string[] | undefined {
  if (programs.some((p) => /^(vi|vim|vim\.basic|vim\.tiny|nvim|view)$/.test(p))) return ['\x1b\x1b:qa!\r'];
  if (programs.some((p) => /^(nano|rnano|pico)$/.test(p))) return ['\x18', 'n'];
  return undefined;
}

/** `cat` or `tee` reading the terminal to its end (`cat`, `cat > f`, `tee -a f`): Ctrl-D ends it. */
export function readsToEnd(command: string): boolean {
  const line = command.trim().split('\n').pop()!.trim();
  return /^(sudo\s+)?([^\s/]*\/)*(cat(\s+-\S*)*|tee(\s+[^\s<|&;]+)*)\s*(>{1,2}\s*\S+)?\s*$/.test(line);
}

const BASH_WORDS = new Set(
  ('alias bg bind break builtin caller cd command compgen complete continue declare dirs disown echo enable eval exec exit export ' +
    'false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return ' +
    'set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait if for while until case ' +
    'function select time coproc { [ [[ ! .').split(' '),
);
const SYSTEM_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function onPath(name: string): boolean {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...SYSTEM_PATH].filter((d) => d.startsWith('/'));
  return dirs.some((d) => {
    try {
      accessSync(join(d, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The line reads as a shell command: its first word (past `sudo`, `VAR=value`) is a builtin, a path or a program on the PATH. */
export function looksLikeCommand(text: string): boolean {
  const words = (text.trim().split('\n')[0] ?? '').trim().split(/\s+/);
  let i = 0;
  while (i < words.length && (words[i] === 'sudo' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!))) i++;
  const w = words[i];
  if (w === undefined || w === '') return i > 0;
  if (BASH_WORDS.has(w) || /^(\.{0,2}\/|~\/)/.test(w)) return true;
  return /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(w) && onPath(w);
}
