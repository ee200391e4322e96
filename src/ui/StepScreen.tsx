// The live part of a step (its markdown is already in <Static>): header, actions, the running
// command's tail, the check, the quiz's progress and the key hints — sized by the layout budget so the whole
// region always stays shorter than the terminal.

import {Box} from 'ink';
import {useSyncExternalStore} from 'react';
import type {Translate} from '../render/i18n.js';
import {ActionList} from './ActionList.js';
import {CheckLine, checkRows} from './CheckLine.js';
import {KeyHints, MessageLine} from './KeyHints.js';
import {LiveTail} from './LiveTail.js';
import {QuizLine} from './QuizPrompt.js';
import {StatusBar} from './StatusBar.js';
import {stepEstimateMinutes, terminalNames} from './format.js';
import {runningTerminal, waitingTerminal} from './controller.js';
import {sanitizeText} from '../render/sanitize.js';
import {stepLayout} from './layout.js';
import {enterPlan, type EnterPlan} from '../engine/step-rules.js';
import {useEngine, useEngineState} from './use-engine.js';
import type {TerminalSize} from './use-terminal-size.js';
import type {UiMessage} from './ui-state.js';
import type {ClassroomLink} from './session.js';

export interface StepScreenProps {
  readonly size: TerminalSize;
  readonly message?: UiMessage;
  /** The keys line while a question is asked (its y/n), instead of the step's own. */
  readonly keys?: string;
  readonly target?: string;
  readonly classroom?: ClassroomLink;
  readonly t: Translate;
}

/** What Enter will do, in the footer's words: run or write which action, answer, move on — or nothing yet. */
export function enterKey(plan: EnterPlan, last: boolean, t: Translate): string {
  if (plan.kind === 'run') return plan.action.kind === 'file' ? t('enter.keyWrite', {n: plan.action.id, file: sanitizeText(plan.action.path)}) : t('enter.keyRun', {n: plan.action.id});
  if (plan.kind === 'quiz') return t('enter.keyQuiz');
  if (plan.kind === 'refused') return t('enter.keyWait');
  return last ? t('enter.keyFinish') : t('enter.keyNext');
}

const noClass = {subscribe: () => () => undefined, status: () => ''};

export function StepScreen({size, message, keys: asked, target, classroom, t}: StepScreenProps) {
  const engine = useEngine();
  const link = classroom ?? noClass;
  const classStatus = useSyncExternalStore(link.subscribe, link.status);
  const stepIndex = useEngineState((s) => s.stepIndex);
  const stepState = useEngineState((s) => s.steps[s.stepIndex]);
  const terminals = useEngineState((s) => s.terminals);
  const step = engine.scenario.steps[stepIndex];
  if (!step || !stepState) return null;

  const runningId = runningTerminal(terminals);
  // An action waits for a terminal the learner keeps busy: say so, and how to get out of it.
  const waiting = waitingTerminal(terminals);
  const revisit = useEngineState((s) => s.revisit);
  const shownMessage: UiMessage | undefined =
    message ??
    (waiting?.waiting
      ? {level: 'warning', text: t('busy.waiting', {id: waiting.id, command: sanitizeText(waiting.waiting.busyWith || '…').slice(0, 60)})}
      : revisit !== undefined && revisit !== stepIndex
        ? {level: 'warning', text: t('revisit.offer', {n: revisit + 1})}
        : undefined);
  // The tail of the running terminal, or of the one that ran last in this step.
  const shown = runningId ? terminals[runningId] : undefined;
  const layout = stepLayout({
    rows: size.rows,
    actions: step.actions.length,
    checkLines: checkRows(stepState.check),
    notice: shownMessage !== undefined,
    output: shown !== undefined,
    quiz: step.quizzes.length > 0,
  });
  const plan = enterPlan(step, stepState);
  const last = stepIndex + 1 >= engine.scenario.steps.length;
  const enter = enterKey(plan, last, t);
  const full = t('keys.step', {enter});
  const keys = asked ?? (size.columns >= full.length ? full : t('keys.stepShort', {enter}));
  return (
    <Box flexDirection="column">
      {layout.header > 0 ? (
        <StatusBar
          title={engine.scenario.title}
          index={stepIndex}
          total={engine.scenario.steps.length}
          startedAt={stepState.startedAt}
          estimateMinutes={stepEstimateMinutes(engine.scenario, stepIndex)}
          target={target}
          classStatus={classStatus || undefined}
          t={t}
        />
      ) : null}
      <ActionList actions={step.actions} states={stepState.actions} {...(plan.kind === 'run' ? {nextId: plan.action.id} : {})} rows={layout.actions} t={t} terminalNames={terminalNames(engine.scenario.environment.terminals)} />
      {shown ? <LiveTail lines={shown.tail} rows={layout.tail} command={shown.running?.command} terminal={shown.id} cwd={shown.cwd} startedAt={shown.running?.startedAt} columns={size.columns} /> : null}
      <CheckLine check={stepState.check} rows={layout.check} t={t} enterLeaves={plan.kind === 'leave'} />
      {layout.quiz > 0 ? <QuizLine answered={stepState.quizAnswered} t={t} /> : null}
      {layout.notice > 0 ? <MessageLine message={shownMessage} /> : null}
      {layout.keys > 0 ? <KeyHints text={keys} ask={asked !== undefined} /> : null}
    </Box>
  );
}
