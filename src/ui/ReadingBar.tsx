// The live region while the steps are read without running them: that nothing runs and why,
// the step on screen (its text is in the transcript above), the message line and the keys.

import {Box, Text} from 'ink';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {KeyHints, MessageLine} from './KeyHints.js';
import type {ScenarioSession} from './session.js';
import type {Reading, UiMessage} from './ui-state.js';

export interface ReadingBarProps {
  readonly session: ScenarioSession;
  readonly reading: Reading;
  readonly message?: UiMessage;
  readonly t: Translate;
}

export function ReadingBar({session, reading, message, t}: ReadingBarProps) {
  const review = reading.mode === 'review';
  const step = session.scenario.steps[reading.step];
  return (
    <Box flexDirection="column">
      {/* Wrapped: the names of the failed checks are the reason, and must not be cut off. */}
      <Text wrap="wrap" color={review ? 'green' : 'yellow'} bold>
        {review ? t('reading.review') : t('reading.notReady', {checks: reading.checks ?? ''})}
      </Text>
      <Text wrap="truncate-end">
        {t('step.title', {k: reading.step + 1, n: session.scenario.steps.length})} · {sanitizeText(step?.title ?? '')}
      </Text>
      <MessageLine message={message} />
      <KeyHints text={review ? t('reading.keysReview') : t('reading.keys')} />
    </Box>
  );
}
