// What one check attempt means. Passing is exit status 0 (Killercoda, O'Reilly) or, for
// classic Katacoda scripts that always exit 0 or 1 arbitrarily, a line that says `done`.
// `FAIL:` lines (Instruqt's convention) are the feedback; `EXPECTED:`/`ACTUAL:` lines let a
// check show what it wanted next to what it found.

import {stripEscapes} from '../render/sanitize.js';

export const CHECK_TAIL_LINES = 40;

export interface CheckVerdict {
  readonly passed: boolean;
  readonly feedback: readonly string[];
  readonly expected?: string;
  readonly actual?: string;
  /** The last lines of output (bounded), for reports. */
  readonly lastOutput: readonly string[];
}


export function outputLines(output: string): string[] {
  const lines = stripEscapes(output).replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // A carriage return redraws the line; keep what a terminal would finally show.
  return lines.map((l) => (l.includes('\r') ? l.slice(l.lastIndexOf('\r') + 1) : l));
}

export function judgeCheck(exitCode: number | null, output: string, tailLines = CHECK_TAIL_LINES): CheckVerdict {
  const lines = outputLines(output);
  const feedback: string[] = [];
  let expected: string | undefined;
  let actual: string | undefined;
  let saidDone = false;
  for (const line of lines) {
    const t = line.trim();
    if (t === 'done') saidDone = true;
    const m = /^(FAIL|EXPECTED|ACTUAL):\s?(.*)$/.exec(t);
    if (!m) continue;
    if (m[1] === 'FAIL') feedback.push(m[2]!);
    else if (m[1] === 'EXPECTED') expected = m[2]!;
    else actual = m[2]!;
  }
  const passed = exitCode === 0 || saidDone;
  return {
    passed,
    feedback: passed ? [] : feedback,
    ...(expected !== undefined && !passed ? {expected} : {}),
    ...(actual !== undefined && !passed ? {actual} : {}),
    lastOutput: lines.slice(-tailLines),
  };
}
