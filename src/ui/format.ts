// Small pure formatters for the screens: the step progress bar, fitting text.

import type {StringKey, Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';


/** `▰▰▱▱` — done steps filled, the current one included. */
export function progressBar(current: number, total: number, width = Math.min(total, 20)): string {
  if (total <= 0) return '';
  const filled = Math.round((Math.min(current, total) / total) * width);
  return '▰'.repeat(filled) + '▱'.repeat(Math.max(0, width - filled));
}

// The estimate is the scenario's (the class board needs it too, without the UI).
export {stepEstimateMinutes} from '../scenario/step-estimate.js';

/** Word-wrap plain text to `width` columns (a word longer than a line is cut); at least one line. */
export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = Array.from(word);
    if (line && Array.from(line).length + 1 + rest.length <= w) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    while (rest.length > w) {
      lines.push(rest.slice(0, w).join(''));
      rest = rest.slice(w);
    }
    line = rest.join('');
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

const DIFFICULTY: Readonly<Record<string, StringKey>> = {
  beginner: 'difficulty.beginner',
  easy: 'difficulty.beginner',
  intermediate: 'difficulty.intermediate',
  medium: 'difficulty.intermediate',
  advanced: 'difficulty.advanced',
  hard: 'difficulty.advanced',
  expert: 'difficulty.advanced',
};

/** Katacoda and Killercoda wrote difficulty as English words; the common ones speak the UI's
 * language, anything else is shown as the author wrote it. */
export function difficultyLabel(difficulty: string, t: Translate): string {
  const key = DIFFICULTY[difficulty.trim().toLowerCase()];
  return key ? t(key) : difficulty;
}

/**
 * Names the scenario gave its terminals (`environment.terminals`: T2, T3…), for the actions that
 * run there: a step may say "in the Stats terminal". Katacoda's default "Terminal N" says
 * nothing more than T<N> and is left out.
 */
export function terminalNames(terminals: ReadonlyArray<{readonly name: string}>): Readonly<Record<string, string>> {
  const names: Record<string, string> = {};
  terminals.forEach((terminal, i) => {
    // Scenario text: it must not drive the terminal, and it sits on one row.
    const name = sanitizeText(terminal.name).replace(/\s+/g, ' ').trim();
    if (name && !/^terminal\s*\d+$/i.test(name)) names[`T${i + 2}`] = name;
  });
  return names;
}

/** `T2`, or `T2 Stats` when the scenario named it. */
export function terminalLabel(terminal: string, names: Readonly<Record<string, string>>): string {
  const name = names[terminal];
  return name ? `${terminal} ${name}` : terminal;
}
