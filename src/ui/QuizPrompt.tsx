// The step screen's quiz line (how many questions are answered), and the quiz prompt in the live region: the question, then numbered options with ( )/(•) or
// [ ]/[x] marks, or a one-line input; the verdict of the last answer and the keys. Sized by
// quizLayout so it always stays shorter than the terminal.

import {Box, Text} from 'ink';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import {MessageLine, KeyHints} from './KeyHints.js';
import {wrapWords} from './format.js';
import {quizLayout} from './layout.js';
import {useEngine} from './use-engine.js';
import type {TerminalSize} from './use-terminal-size.js';
import type {QuizPrompt as PromptState, UiMessage} from './ui-state.js';

export interface QuizPromptProps {
  readonly prompt: PromptState;
  readonly size: TerminalSize;
  readonly message?: UiMessage;
  readonly t: Translate;
}

const VERDICT_COLOR = {wrong: 'yellow', right: 'green', choose: 'blue', type: 'blue'} as const;

export function QuizPrompt({prompt, size, message, t}: QuizPromptProps) {
  const engine = useEngine();
  const step = engine.scenario.steps[prompt.step];
  const quiz = step?.quizzes[prompt.question];
  if (!step || !quiz) return null;
  const choice = quiz.kind === 'single' || quiz.kind === 'multiple';
  const question = wrapWords(sanitizeText(quiz.question), size.columns - 2);
  const layout = quizLayout({
    rows: size.rows,
    questionLines: question.length,
    options: choice ? quiz.options.length : 0,
    input: !choice,
    feedback: prompt.verdict !== undefined,
    message: message !== undefined,
  });
  // The options window follows the cursor when they do not all fit.
  const count = quiz.options.length;
  const start = Math.max(0, Math.min(prompt.cursor - layout.options + 1, count - layout.options));
  const shown = choice ? quiz.options.slice(start, start + layout.options) : [];
  const verdict = prompt.verdict;
  const verdictText =
    verdict === 'wrong' ? `✘ ${t('quiz.wrong')}` : verdict === 'right' ? t('quiz.right') : verdict === 'choose' ? t('quiz.choose', {n: Math.min(9, count)}) : verdict === 'type' ? t('quiz.type') : '';
  const keys = quiz.kind === 'single' ? t('quiz.keysSingle') : quiz.kind === 'multiple' ? t('quiz.keysMultiple') : t('quiz.keysText');
  // The input shows its end when the answer is wider than the screen.
  const typed = Array.from(prompt.text).slice(-Math.max(1, size.columns - 4)).join('');
  return (
    <Box flexDirection="column">
      {layout.feedback > 0 && verdict === 'right' ? (
        <Text wrap="truncate-end" color="green">
          {verdictText}
        </Text>
      ) : null}
      {layout.header > 0 ? (
        <Text bold color="yellow" wrap="truncate-end">
          ? {t('quiz.title', {i: prompt.question + 1, n: step.quizzes.length})}
        </Text>
      ) : null}
      {question.slice(0, layout.question).map((line, i) => (
        <Text key={`q${i}`} bold wrap="truncate-end">
          {'  '}
          {line}
        </Text>
      ))}
      {shown.map((option, k) => {
        const i = start + k;
        const on = prompt.selected.includes(i);
        const mark = quiz.kind === 'single' ? (on ? '(•)' : '( )') : on ? '[x]' : '[ ]';
        const here = i === prompt.cursor;
        return (
          <Text key={`o${i}`} wrap="truncate-end" color={here ? 'cyan' : undefined}>
            {here ? '›' : ' '} {i < 9 ? String(i + 1) : ' '} {mark} {sanitizeText(option)}
          </Text>
        );
      })}
      {layout.input > 0 ? (
        <Text wrap="truncate-end">
          <Text color="cyan">› </Text>
          {typed}
          <Text inverse> </Text>
        </Text>
      ) : null}
      {layout.feedback > 0 && verdict && verdict !== 'right' ? (
        <Text wrap="truncate-end" color={VERDICT_COLOR[verdict]}>
          {verdictText}
        </Text>
      ) : null}
      {layout.message > 0 ? <MessageLine message={message} /> : null}
      {layout.keys > 0 ? <KeyHints text={keys} /> : null}
    </Box>
  );
}

/** One row on the step screen: how many of the step's questions are answered right. */
export function QuizLine({answered, t}: {readonly answered: readonly boolean[]; readonly t: Translate}) {
  const done = answered.filter(Boolean).length;
  const all = done === answered.length;
  return (
    <Text wrap="truncate-end" color={all ? 'green' : 'yellow'}>
      {all ? `✔ ${t('quiz.statusDone', {n: answered.length})}` : `? ${t('quiz.status', {done, n: answered.length})}`}
    </Text>
  );
}
