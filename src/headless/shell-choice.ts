// Which shell a headless run gets when `--shell` is not given. Pipes are the default: no
// terminal, so a command that asks a question reads end-of-file at once instead of waiting for
// an answer nobody types, and the watcher/interrupt path is the proven one. A scenario that
// types into a program gets a terminal (PTY) instead, because through pipes its lines would
// reach bash (or nothing): a `ctrl-seq` or `no-newline` action, or an action that starts a
// program reading the terminal (a REPL, an editor, `cat > file`, `docker exec -it`) followed
// by another action for the same terminal in the same step. Pagers (`less`, `| less`) are not
// such programs: a learner quits them before the next command, and through pipes they print
// their input and end, which is the learner's path.

import type {Action, ExecAction, Scenario} from '../scenario/model.js';
import {terminalFor} from '../engine/action-runner.js';

/** Commands whose program reads what is typed into the terminal. */
const READS_TERMINAL = [
  /^(sudo\s+)?(python[0-9.]*|ipython3?|node|nodejs|irb|ghci|R|julia|lua|scala|sbt\s+console|erl|iex|bc|sqlite3|mysql|mariadb|psql|redis-cli|mongo|mongosh|cqlsh|clickhouse-client|influx|ftp|sftp|telnet|nc|ssh|su|vi|vim|nvim|nano|emacs|cat|tee|read)(\s+-\S+(\s+[^-\s>|&;]\S*)?)*\s*(>{1,2}\s*\S+)?\s*$/,
  // Editors, pagers, remote shells and database clients take a file, host or database: any
  // arguments, unless they run a command given inline (`-e`, `-c`) or read a file (`<`).
  /^(sudo\s+)?(vi|vim|nvim|nano|emacs|ssh|telnet|mysql|mariadb|psql|redis-cli|mongo|mongosh|sqlite3|cqlsh)\b(?!.*(\s-[ec]\s|\s--eval\b|<|\|))/,
  /\b(docker|podman|kubectl|oc|crictl|nerdctl)\s+(exec|run|attach)\b.*\s-(it|ti|i|-interactive)\b/,
];

export function startsTerminalProgram(command: string): boolean {
  const line = command.trim().split('\n').pop()!.trim();
  return READS_TERMINAL.some((re) => re.test(line));
}

/** The first action that needs a terminal to type into, if any. */
export function typedAction(scenario: Scenario): ExecAction | undefined {
  for (const page of [scenario.intro, ...scenario.steps, scenario.finish]) {
    const execs = (page?.actions ?? []).filter((a: Action): a is ExecAction => a.kind === 'exec');
    for (let i = 0; i < execs.length; i++) {
      const a = execs[i]!;
      if (a.ctrlSeq || a.noNewline) return a;
      const next = execs[i + 1];
      if (next && terminalFor(next) === terminalFor(a) && !next.interrupt && startsTerminalProgram(a.text)) return next;
    }
  }
  return undefined;
}

/** A terminal (PTY, or pipes where none can be opened) when the scenario types into a program, else pipes. */
export function headlessShell(scenario: Scenario): 'auto' | 'pipe' {
  return typedAction(scenario) ? 'auto' : 'pipe';
}
