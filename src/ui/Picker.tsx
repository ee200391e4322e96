// The scenario picker: bundled and local scenarios with title, difficulty, time, languages and
// saved progress. The list scrolls within the rows it is given.

import {Box, Text} from 'ink';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {KeyHints, MessageLine} from './KeyHints.js';
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
  // Title, keys, message: the rest is for entries, two rows each.
  const perEntry = 2;
  const room = Math.max(1, Math.floor((rows - 1 - 2 - (message ? 1 : 0)) / perEntry));
  const start = Math.max(0, Math.min(index - Math.floor(room / 2), entries.length - room));
  return (
    <Box flexDirection="column">
      <Text bold color="magenta" wrap="truncate-end">
        {t('picker.title')}
      </Text>
      {entries.length === 0 ? <Text wrap="truncate-end">{t('picker.empty')}</Text> : null}
      {entries.slice(start, start + room).map((entry, i) => {
        const selected = start + i === index;
        const meta = [
          entry.id,
          entry.difficulty,
          entry.time,
          t('meta.steps', {n: entry.steps}),
          entry.languages.join('/'),
          entry.saved ? t('picker.saved', {step: entry.saved.step, total: entry.saved.total}) : undefined,
        ].filter(Boolean);
        return (
          <Box key={entry.dir} flexDirection="column">
            <Text wrap="truncate-end" color={selected ? 'cyan' : undefined} bold={selected}>
              {selected ? '› ' : '  '}
              {sanitizeText(entry.title)}
            </Text>
            <Text wrap="truncate-end" dimColor>
              {'    '}
              {sanitizeText(meta.join(' · '))}
            </Text>
          </Box>
        );
      })}
      <KeyHints text={opening ? t('picker.opening', {title: entries[index]?.title ?? ''}) : t('picker.keys')} />
      <MessageLine message={message} />
    </Box>
  );
}
