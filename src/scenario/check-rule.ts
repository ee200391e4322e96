// Which rule a check script was written for. Katacoda passed a step when its verify script
// printed `done` ("the script should output the text done"); Killercoda and O'Reilly pass on
// exit status 0. In 436 public verify scripts, 253 print `done`, and 246 of those exit 0 whether
// or not they printed it (`if [ -f x ]; then echo done; fi`, `cond && echo done` inside a
// subshell…): judged by exit status they would pass with nothing done. So a script that prints
// the word `done` itself is judged by Katacoda's rule (it passes when a line reads `done`), and
// every other script by its exit status (a `done` some command happens to print means nothing).

export type CheckRule = 'done' | 'exit';

// `echo done`, `echo "done"`, `printf 'done\n'`, `echo -n done`, `console.log("done")`, `echo('done')`
// as a statement: followed by the end of the line, a separator, a closing brace or a comment.
const PRINTS_DONE = /(?:\b(?:echo|printf)\s+(?:-[a-zA-Z]+\s+)*|\b(?:console\.log|echo)\s*\(\s*)(["']?)done(?:\\n)?\1\s*\)?\s*(?:$|[;&|)}]|#|\bfi\b|\belse\b)/m;

/** The rule for a check script's text: `done` when it prints the word itself, else `exit`. */
export function checkRule(text: string | undefined): CheckRule {
  if (!text) return 'exit';
  // Comments (a whole-line `#` or `//`) often explain the rule without following it.
  const code = text.split('\n').filter((l) => !/^\s*(#|\/\/)/.test(l)).join('\n');
  return PRINTS_DONE.test(code) ? 'done' : 'exit';
}
