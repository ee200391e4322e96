// The help overlay (`?`) and the yes/no dialogs (quit while running, show the solution,
// create the cluster, use a cluster katarun did not create, open a second copy). They replace the live region while open, within its row budget.

import {Box, Text} from 'ink';
import type {StringKey, Translate} from '../render/i18n.js';
import type {Overlay} from './keymap.js';

/** A key as typed, or (a StringKey) a word for a situation rather than a key, translated. */
const HELP: ReadonlyArray<[string | {readonly word: StringKey}, StringKey]> = [
  ['Enter', 'help.enter'],
  ['1–99', 'help.digits'],
  ['c', 'help.c'],
  ['n / →', 'help.n'],
  ['p / ←', 'help.p'],
  ['s', 'help.s'],
  ['h', 'help.h'],
  ['a', 'help.a'],
  ['r', 'help.r'],
  ['b', 'help.b'],
  ['Esc', 'help.esc'],
  [{word: 'help.quizKey'}, 'help.quiz'],
  ['q', 'help.q'],
  ['Ctrl-C', 'help.ctrlc'],
];

export function HelpOverlay({rows, t}: {readonly rows: number; readonly t: Translate}) {
  const room = Math.max(0, rows - 1 - 2);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {t('help.title')}
      </Text>
      {HELP.slice(0, room).map(([key, text]) => {
        const label = typeof key === 'string' ? key : t(key.word);
        return (
          <Text key={text} wrap="truncate-end">
            <Text color="cyan">{label.padEnd(8)}</Text>
            {t(text)}
          </Text>
        );
      })}
      <Text dimColor wrap="truncate-end">
        {t('help.close')}
      </Text>
    </Box>
  );
}

const QUESTIONS: Partial<Record<Overlay, StringKey>> = {
  'confirm-quit': 'quit.ask',
  'confirm-solution': 'solution.ask',
  'confirm-cluster': 'cluster.ask',
  'confirm-foreign-cluster': 'foreignCluster.ask',
  'confirm-separate': 'separate.ask',
  'confirm-restart': 'restart.ask',
};

export function ConfirmDialog({overlay, cluster, elsewhere, t}: {readonly overlay: Overlay; readonly cluster?: string; readonly elsewhere?: string; readonly t: Translate}) {
  const key = QUESTIONS[overlay];
  if (!key) return null;
  return (
    <Box flexDirection="column">
      <Text wrap="wrap" color="yellow" bold>
        ? {t(key, {name: cluster ?? '', pid: elsewhere ?? ''})}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {t('confirm.yesNo')}
      </Text>
    </Box>
  );
}
