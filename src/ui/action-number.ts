// Action numbers past 9 (Katacoda's markdown-extensions example has 17 on one step): on a step
// with ten or more actions, a digit that can start a two-digit number waits for a second one
// (typing `1` then `7` runs action 17); Enter runs the single digit at once, and so does a short
// pause, so `1` alone still runs action 1. On a step with fewer than ten actions every digit runs
// at once, as before. Pure: the controller owns the timer and the message line.

export type DigitOutcome =
  | {readonly run: number}
  /** Wait for a second digit: the numbers it can complete are `from`–`to`. */
  | {readonly pending: number; readonly from: number; readonly to: number};

/** `digit`: what was typed (two digits arrive as one number); `count`: the step's highest action number; `pending`: a first digit waiting for its second. */
export function typeDigit(digit: number, count: number, pending: number | undefined): DigitOutcome {
  // Both digits in one read: the number whole.
  if (digit >= 10) return {run: digit};
  if (pending !== undefined) return {run: pending * 10 + digit};
  if (digit > 0 && count >= digit * 10) return {pending: digit, from: digit * 10, to: Math.min(count, digit * 10 + 9)};
  return {run: digit};
}

/** How long a lone first digit waits before it runs as itself. */
export const SECOND_DIGIT_MS = 1500;
