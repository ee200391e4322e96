// The rc file of the PTY shell and the per-command prefix/suffix (tech.md §4.3). The shell
// reports through a private, nonce-protected OSC 6973 that the headless terminal consumes:
//   P          — the prompt is drawn (the last thing in PS1): ready for the next command
//   C;<id>     — command <id> starts (its output begins on the next row)
//   D;<s>;<id> — the last command (id <id>) ended with status <s>; sent by PROMPT_COMMAND
// An existing PROMPT_COMMAND is chained between our two hooks, and put back if a command
// replaces PROMPT_COMMAND or PS1 altogether.

import {commonShellSetup, restoreSnippet, shq, type SessionPaths} from './session-files.js';

export const OSC_ID = 6973;

export function ptyRc(p: SessionPaths, nonce: string, restore?: {envFile: string; cwdFile: string}): string {
  const reattach = `. ${shq(p.rcFile)}`;
  return [
    // Sourced again by a bash that replaced ours (`exec bash`, through the exported
    // PROMPT_COMMAND that __kc_x leaves it): the hooks are set up anew and R says so.
    // A ~/.bashrc may have added its own hook to it (pyenv does): the line is taken out of it.
    `__kc_rc=${shq(reattach)}`,
    'if [[ ${PROMPT_COMMAND-} == *"$__kc_rc"* ]]; then',
    '  declare -F __kc_done >/dev/null || __kc_ra=1',
    '  if [[ -n ${__kc_pcs+x} ]]; then PROMPT_COMMAND=$__kc_pcs; else PROMPT_COMMAND=${PROMPT_COMMAND//"$__kc_rc"/}; fi',
    'fi',
    'unset __kc_pcs; export -n PROMPT_COMMAND 2>/dev/null',
    commonShellSetup(p, nonce),
    'HISTCONTROL=ignorespace',
    `HISTFILE=${shq(p.historyFile)}`,
    "PS2='> '",
    "bind 'set enable-bracketed-paste off' 2>/dev/null",
    `__kc_pm='\\[\\e]${OSC_ID};${nonce};P\\a\\]'`,
    `PS1='\\[\\e[1;34m\\]\\w\\[\\e[0m\\] \\$ '"$__kc_pm"`,
    // PS0 is printed after a line is read and before it runs: the prompt is left (B), so a
    // command the learner typed makes the terminal busy and katarun types nothing into it.
    `__kc_pb='\\e]${OSC_ID};${nonce};B\\a'`,
    'PS0=$__kc_pb',
    '__kc_nl=$\'\\n\'',
    // Capture $? first and hand it on, so a chained PROMPT_COMMAND still sees it.
    '__kc_pre() { __kc_s=$?; return $__kc_s; }',
    '__kc_hook() { PROMPT_COMMAND="__kc_pre${__kc_nl}${PROMPT_COMMAND:+$PROMPT_COMMAND$__kc_nl}__kc_done"; }',
    // `builtin` everywhere: a learner's function named printf or export must not break the markers.
    '__kc_done() {',
    '  local s=$__kc_s',
    '  __kc_snap',
    '  [[ $PS1 == *"$__kc_pm"* ]] || PS1+=$__kc_pm',
    '  [[ $PS0 == *"$__kc_pb"* ]] || PS0+=$__kc_pb',
    `  builtin printf '\\e]${OSC_ID};%s;D;%s;%s\\a' "$__kc_nonce" "$s" "\${__kc_id:-0}"`,
    '  return $s',
    '}',
    // Before an `exec`: a bash that replaces this one inherits an exported PROMPT_COMMAND that
    // sources this rc again; when the exec only redirected (or failed), __kc_keep undoes it.
    `__kc_x() { __kc_pcs=\${PROMPT_COMMAND-}; PROMPT_COMMAND=${shq(reattach)}; export PROMPT_COMMAND; }`,
    "alias exec='__kc_x; exec'",
    '__kc_keep() { local s=$?; if [[ -n ${__kc_pcs+x} ]]; then PROMPT_COMMAND=$__kc_pcs; unset __kc_pcs; export -n PROMPT_COMMAND; fi; [[ $PROMPT_COMMAND == *__kc_done* ]] || __kc_hook; return $s; }',
    '[[ ${PROMPT_COMMAND-} == *__kc_done* ]] || __kc_hook',
    restore ? restoreSnippet(restore.envFile, restore.cwdFile) : '',
    `[[ -n \${__kc_ra-} ]] && builtin printf '\\e]${OSC_ID};%s;R\\a' "$__kc_nonce"; unset __kc_ra`,
    '',
  ].join('\n');
}

/**
 * Lines run before the command: erase the short ` . "$__kc_d/N"` line that was typed (it
 * starts at the prompt's end, column `promptCol`, and spans `rowsUp` rows), show the
 * command's text in its place as a person would have typed it, and mark the start.
 */
export function commandPrefix(id: number, command: string, promptCol: number, rowsUp: number, nonce: string): string {
  const display = command.replace(/\s+$/, '').split('\n').join('\n> ');
  const erase = `\\e[${rowsUp}F\\e[${promptCol + 1}G\\e[J`;
  return `__kc_id=${id}; builtin printf '${erase}%s\\n\\e]${OSC_ID};%s;C;%s\\a' ${shq(display)} "${nonce}" ${id}\n`;
}

/** Appended after the command (a blank line first ends a trailing `\` continuation). */
export const COMMAND_SUFFIX = '\n\n__kc_keep';
