// The scenario picker: bundled and local scenarios with title, difficulty, time, languages and
// saved progress. The list scrolls within the rows it is given.

import {Box, Text} from 'ink';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {KeyHints, MessageLine} from './KeyHints.js';
import {difficultyLabel} from './format.js';
import type {PickerEntry} from './session.js';
import type {UiMessage} from './ui-state.js';

export interface PickerProps {
  readonly entries: readonly PickerEntry[];
  readonly index: number;
  readonly rows: number;
  readonly opening: boolean;
  readonly message?: UiMessage;
  readonly t: Translate;
}

export function Picker({entries, index, rows, opening, message, t}: PickerProps) {
  // Keys and message first, then the title; the rest is for entries — two rows each, or one
  // (the title alone) when the terminal is small.
  let available = rows - 1 - 1 - (message ? 1 : 0);
  const showTitle = available >= 2;
  if (showTitle) available -= 1;
  const perEntry = available >= 6 ? 2 : 1;
  const room = Math.max(0, Math.floor(available / perEntry));
  const start = Math.max(0, Math.min(index - Math.floor(room / 2), entries.length - room));
  return (
    <Box flexDirection="column">
      {showTitle ? (
        <Text bold color="magenta" wrap="truncate-end">
          {t('picker.title')}
        </Text>
      ) : null}
      {entries.length === 0 && available > 0 ? <Text wrap="truncate-end">{t('picker.empty')}</Text> : null}
      {entries.slice(start, start + room).map((entry, i) => {
        const selected = start + i === index;
        const meta = [
          entry.id,
          entry.difficulty && difficultyLabel(entry.difficulty, t),
          entry.time,
          t('meta.steps', {n: entry.steps}),
          entry.languages.join('/'),
          entry.saved ? (entry.saved.finished ? t('picker.finished') : t('picker.saved', {step: entry.saved.step, total: entry.saved.total})) : undefined,
        ].filter(Boolean);
        return (
          <Box key={entry.dir} flexDirection="column">
            <Text wrap="truncate-end" color={selected ? 'cyan' : undefined} bold={selected}>
              {selected ? '› ' : '  '}
              {sanitizeText(entry.title)}
            </Text>
            {perEntry === 2 ? (
              <Text wrap="truncate-end" dimColor>
                {'    '}
                {sanitizeText(meta.join(' · '))}
              </Text>
            ) : null}
          </Box>
        );
      })}
      <KeyHints text={opening ? t('picker.opening', {title: sanitizeText(entries[index]?.title ?? '')}) : t('picker.keys')} />
      <MessageLine message={message} />
    </Box>
  );
}
