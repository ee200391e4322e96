// Chooses what the live (dynamic) region shows: an overlay when one is open, else the
// current screen. Everything here is budgeted to fewer rows than the terminal has.

import {Box, Text} from 'ink';
import {say, type Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {Intro} from './Intro.js';
import {KeyHints, MessageLine} from './KeyHints.js';
import {ConfirmDialog, confirmQuestion, HelpOverlay} from './Overlays.js';
import {Picker} from './Picker.js';
import {QuizPrompt} from './QuizPrompt.js';
import {ReadingBar} from './ReadingBar.js';
import {StepScreen} from './StepScreen.js';
import type {Screen} from './keymap.js';
import type {AppProps, ScenarioSession} from './session.js';
import {useEngineState} from './use-engine.js';
import type {TerminalSize} from './use-terminal-size.js';
import type {UiState} from './ui-state.js';

export interface LiveRegionProps {
  readonly screen: Screen;
  readonly ui: UiState;
  readonly size: TerminalSize;
  readonly session?: ScenarioSession;
  readonly picker?: AppProps['picker'];
  readonly t: Translate;
}

function SetupView({rows, t}: {readonly rows: number; readonly t: Translate}) {
  const setup = useEngineState((s) => s.setup);
  const lines = setup.lines.slice(-Math.max(0, rows - 1 - 2));
  return (
    <Box flexDirection="column">
      <Text color={setup.status === 'failed' ? 'red' : 'yellow'} wrap="truncate-end">
        {setup.status === 'failed' ? `✘ ${t('setup.failed')}` : `… ${t('setup.running')}`}
      </Text>
      {lines.map((line, i) => (
        <Text key={i} dimColor wrap="truncate-end">
          {sanitizeText(say(t, line)) || ' '}
        </Text>
      ))}
      <KeyHints text={t('keys.setup')} />
    </Box>
  );
}

/** One blank row separates the live region from the text above it; the screens get the rest. */
export function LiveRegion(props: LiveRegionProps) {
  const size = {columns: props.size.columns, rows: props.size.rows - 1};
  return (
    <Box flexDirection="column" marginTop={1}>
      <Screen {...props} size={size} />
    </Box>
  );
}

function Screen({screen, ui, size, session, picker, t}: LiveRegionProps) {
  if (ui.overlay === 'help') return <HelpOverlay rows={size.rows} t={t} />;
  if (ui.overlay === 'quiz') return ui.quiz && screen === 'step' ? <QuizPrompt prompt={ui.quiz} size={size} message={ui.message} t={t} /> : null;
  // A yes/no question that fits a row takes the keys line's place (it names its keys, y/n): the
  // screen stays as it was, its height too, so no blank rows are left behind when it is answered.
  const elsewhere = session?.openElsewhere?.pid;
  const cluster = ui.overlay === 'confirm-restart' ? session?.scenario.id : (ui.cluster ?? session?.clusterToCreate);
  const question = confirmQuestion(ui.overlay, cluster, elsewhere, t);
  const inFooter = question !== undefined && Array.from(question).length < size.columns && screen !== 'picker' && screen !== 'setup' && screen !== 'reading';
  if (ui.overlay !== 'none' && !inFooter) return <ConfirmDialog overlay={ui.overlay} cluster={cluster} elsewhere={elsewhere} t={t} />;
  const message = ui.message;
  const keys = question;
  switch (screen) {
    case 'picker':
      return <Picker entries={picker?.entries ?? []} index={ui.pickerIndex} rows={size.rows} opening={ui.starting} message={ui.message} t={t} />;
    case 'intro':
      return session ? <Intro session={session} rows={size.rows} columns={size.columns} starting={ui.starting} message={message} keys={keys} t={t} /> : null;
    case 'setup':
      return <SetupView rows={size.rows} t={t} />;
    case 'reading':
      return session && ui.reading ? <ReadingBar session={session} reading={ui.reading} message={ui.message} t={t} /> : null;
    case 'step':
      return <StepScreen size={size} message={message} keys={keys} target={session?.target} classroom={session?.classroom} t={t} />;
    case 'finish':
      return (
        <Box flexDirection="column">
          <MessageLine message={message} />
          <KeyHints text={keys ?? t('keys.finish')} ask={keys !== undefined} />
        </Box>
      );
  }
}
