// The help overlay (`?`) and the yes/no questions (quit while running, show the solution,
// create the cluster, use a cluster katarun did not create, open a second copy). Help replaces
// the live region while open, within its row budget; a question that fits a row takes the place
// of the screen's keys line, the screen staying as it was; a longer one replaces the region.

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
  'confirm-share': 'class.share.ask',
};

/** The yes/no question an overlay asks, or undefined when it asks none. */
export function confirmQuestion(overlay: Overlay, cluster: string | undefined, elsewhere: string | undefined, t: Translate): string | undefined {
  const key = QUESTIONS[overlay];
  return key ? `? ${t(key, {name: cluster ?? '', pid: elsewhere ?? ''})}` : undefined;
}

/** Where no screen stays under it (the picker, setup) or the question is longer than a row: the question, wrapped, and its keys. */
export function ConfirmDialog({overlay, cluster, elsewhere, t}: {readonly overlay: Overlay; readonly cluster?: string; readonly elsewhere?: string; readonly t: Translate}) {
  const question = confirmQuestion(overlay, cluster, elsewhere, t);
  if (!question) return null;
  return (
    <Box flexDirection="column">
      <Text wrap="wrap" color="yellow" bold>
        {question}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {t('confirm.yesNo')}
      </Text>
    </Box>
  );
}
