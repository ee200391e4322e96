// The step header: scenario, step k/N with a progress bar, time on the step against its
// estimate, and the cluster or context the step touches. One row.

import {Text} from 'ink';
import {clockDuration} from '../render/duration.js';
import {progressBar} from './format.js';
import type {Translate} from '../render/i18n.js';
import {useNow} from './use-now.js';
import {sanitizeText} from '../render/sanitize.js';

export interface StatusBarProps {
  readonly title: string;
  readonly index: number;
  readonly total: number;
  readonly startedAt?: number;
  readonly estimateMinutes?: number;
  readonly target?: string;
  /** The class's line (--join): connection and pace. */
  readonly classStatus?: string;
  readonly t: Translate;
}

export function StatusBar({title, index, total, startedAt, estimateMinutes, target, classStatus, t}: StatusBarProps) {
  const now = useNow(1000, startedAt !== undefined);
  const elapsed = startedAt === undefined ? '' : clockDuration(now - startedAt);
  const time = estimateMinutes ? t('step.time', {elapsed, minutes: estimateMinutes}) : elapsed;
  return (
    <Text wrap="truncate-end">
      <Text bold>{sanitizeText(title)}</Text>
      <Text dimColor> · </Text>
      <Text color="cyan">{t('step.title', {k: index + 1, n: total})}</Text> <Text color="cyan">{progressBar(index + 1, total)}</Text>
      {time ? <Text dimColor> · ⏱ {time}</Text> : null}
      {target ? <Text color="yellow"> · {t('step.target', {target})}</Text> : null}
      {classStatus ? <Text color="magenta"> · {classStatus}</Text> : null}
    </Text>
  );
}
