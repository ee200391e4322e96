// Which shell a headless run gets when `--shell` is not given. Pipes are the default: no
// terminal, so a command that asks a question reads end-of-file at once instead of waiting for
// an answer nobody types, and the watcher/interrupt path is the proven one. A scenario that
// types into a program gets a terminal (PTY) instead, because through pipes its lines would
// reach bash (or nothing): a `ctrl-seq` or `no-newline` action, or an action that starts a
// program reading the terminal (a REPL, an editor, `cat > file`, `docker exec -it`) followed
// by another action for the same terminal in the same step. Pagers (`less`, `| less`) are not
// such programs: a learner quits them before the next command, and through pipes they print
// their input and end, which is the learner's path. The next action may be on a later page (a
// REPL started as step 1's last action is fed by step 2, as on Katacoda). An editor opened by
// an action needs a terminal even when nothing is typed into it after: through pipes `vim f`
// fails, while a learner sees it open (the step runner closes it at the step's end). A page's
// foreground script whose last command starts such a program (`python3`, `mongo`, `ssh host`)
// leaves it in T1 for the page's actions (the intro's: step 1's) to type into.

import {readFileSync} from 'node:fs';
import type {Action, ExecAction, Page, Scenario} from '../scenario/model.js';
import {terminalFor} from '../engine/action-runner.js';

/** Commands whose program reads what is typed into the terminal, named bare or by a path (`/usr/bin/python3`). */
const READS_TERMINAL = [
  /^(sudo\s+)?([^\s/]*\/)*(python[0-9.]*|ipython3?|node|nodejs|irb|ghci|R|julia|lua|scala|sbt\s+console|erl|iex|bc|sqlite3|mysql|mariadb|psql|redis-cli|mongo|mongosh|cqlsh|clickhouse-client|influx|ftp|sftp|telnet|nc|ssh|su|vi|vim|nvim|nano|emacs|cat|tee|read)(\s+-\S+(\s+[^-\s>|&;]\S*)?)*\s*(>{1,2}\s*\S+)?\s*$/,
  // Editors, pagers, remote shells and database clients take a file, host or database: any
  // arguments, unless they run a command given inline (`-e`, `-c`) or read a file (`<`).
  /^(sudo\s+)?([^\s/]*\/)*(vi|vim|nvim|nano|emacs|ssh|telnet|mysql|mariadb|psql|redis-cli|mongo|mongosh|sqlite3|cqlsh)\b(?!.*(\s-[ec]\s|\s--eval\b|<|\|))/,
  /\b(docker|podman|kubectl|oc|crictl|nerdctl)\s+(exec|run|attach)\b.*\s-(it|ti|i|-interactive)\b/,
];

/** An editor on a file, run interactively (not `vim -c …`, `ed < script`). */
const EDITOR = /^(sudo\s+)?([^\s/]*\/)*(vi|vim|nvim|view|nano|emacs)(\s+[^-<>|&;]\S*|\s+-\S+)*\s*$/;

export function opensEditor(command: string): boolean {
  const line = command.trim().split('\n').pop()!.trim();
  return EDITOR.test(line) && !/\s-[ecs]\b|\s--batch\b|\s-E\b/.test(line);
}

export function startsTerminalProgram(command: string): boolean {
  const line = command.trim().split('\n').pop()!.trim();
  return READS_TERMINAL.some((re) => re.test(line));
}

/** The last command of a bash foreground script (comments and blank lines aside); undefined for zx or unreadable. */
export function foregroundLastCommand(page: Page | undefined): string | undefined {
  const fg = page?.foreground;
  if (!fg || fg.language !== 'bash') return undefined;
  let text: string;
  try {
    text = readFileSync(fg.path, 'utf8');
  } catch {
    return undefined;
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .pop();
}

const execsOf = (page: Page | undefined) => (page?.actions ?? []).filter((a: Action): a is ExecAction => a.kind === 'exec');

/** The first action that needs a terminal to type into, if any. */
export function typedAction(scenario: Scenario): ExecAction | undefined {
  const pages = [scenario.intro, ...scenario.steps, scenario.finish];
  const all = pages.flatMap(execsOf);
  for (let i = 0; i < all.length; i++) {
    const a = all[i]!;
    if (a.ctrlSeq || a.noNewline || opensEditor(a.text)) return a;
    // The next action for the same terminal, on this page or a later one.
    const next = all.slice(i + 1).find((x) => terminalFor(x) === terminalFor(a));
    if (next && !next.interrupt && startsTerminalProgram(a.text)) return next;
  }
  // A foreground script ending in a REPL: the page's first T1 action (the intro's: step 1's) is typed into it.
  for (let p = 0; p < pages.length; p++) {
    const last = foregroundLastCommand(pages[p]);
    if (last === undefined || !startsTerminalProgram(last)) continue;
    const fed = [...execsOf(pages[p]), ...(p === 0 ? execsOf(pages[1]) : [])].find((x) => terminalFor(x) === 'T1');
    if (fed && !fed.interrupt) return fed;
  }
  return undefined;
}

/** A terminal (PTY, or pipes where none can be opened) when the scenario types into a program, else pipes. */
export function headlessShell(scenario: Scenario): 'auto' | 'pipe' {
  return typedAction(scenario) ? 'auto' : 'pipe';
}
