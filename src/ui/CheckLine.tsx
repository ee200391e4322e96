// The step's check: waiting with a spinner, passed, or not yet — with the check's FAIL:
// feedback and expected-vs-actual when it prints them. At most `rows` rows.

import {Text} from 'ink';
import type {CheckState} from '../engine/types.js';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {useNow} from './use-now.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Rows the check would like: status, feedback lines, expected and actual. */
export function checkRows(check: CheckState): number {
  // An idle check that was run (r) and failed shows why, like a polling one.
  if (check.status === 'passed' || check.status === 'none' || (check.status === 'idle' && check.attempts === 0)) return 1;
  return 1 + Math.min(check.feedback.length, 3) + (check.expected !== undefined ? 1 : 0) + (check.actual !== undefined ? 1 : 0);
}

/** `enterLeaves`: Enter moves on now (the engine's step rules); otherwise a passed check does not promise it. */
export function CheckLine({check, rows, t, enterLeaves = true}: {readonly check: CheckState; readonly rows: number; readonly t: Translate; readonly enterLeaves?: boolean}) {
  const polling = check.status === 'polling';
  const now = useNow(120, polling);
  if (rows <= 0) return null;
  let head;
  if (check.status === 'passed') head = <Text color="green">✔ {t('check.passed')}{enterLeaves ? ' — Enter' : ''}</Text>;
  else if (check.status === 'none') head = <Text dimColor>{t('check.none')}</Text>;
  else if (check.status === 'idle' && check.attempts === 0) head = <Text dimColor>{t('check.idle')}</Text>;
  else if (check.status === 'idle') head = <Text color="red">✘ {t('check.failedNow', {code: check.lastExitCode ?? '—'})}</Text>;
  else if (check.status === 'timed-out') head = <Text color="red">✘ {t('check.timedOut')}</Text>;
  else {
    const frame = SPINNER[Math.floor(now / 120) % SPINNER.length];
    const notYet = check.attempts > 0 && check.lastExitCode !== 0 ? <Text color="red"> ✘ {t('check.notYet')}</Text> : null;
    head = (
      <Text>
        <Text color="yellow">{frame}</Text> {t('check.polling', {n: Math.max(1, check.attempts)})}
        {notYet}
      </Text>
    );
  }
  const extra: Array<[string, string]> = [];
  if (check.status !== 'passed') {
    for (const line of check.feedback.slice(0, 3)) extra.push(['red', `  FAIL: ${sanitizeText(line)}`]);
    if (check.expected !== undefined) extra.push(['green', `  ${t('check.expected')}: ${sanitizeText(check.expected)}`]);
    if (check.actual !== undefined) extra.push(['yellow', `  ${t('check.actual')}: ${sanitizeText(check.actual)}`]);
  }
  return (
    <>
      <Text wrap="truncate-end">{head}</Text>
      {extra.slice(0, rows - 1).map(([color, text], i) => (
        <Text key={i} wrap="truncate-end" color={color}>
          {text}
        </Text>
      ))}
    </>
  );
}
