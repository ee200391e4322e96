// The step's actions, one row each: number, ▶ run / ⧉ copy, the terminal, the command, and
// how it went. The next action Enter would run is marked. Bounded to `rows`.

import {Text} from 'ink';
import type {ActionState} from '../engine/types.js';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {Action} from '../scenario/model.js';
import {terminalLabel} from './format.js';

export interface ActionListProps {
  readonly actions: readonly Action[];
  readonly states: readonly ActionState[];
  /** The action Enter runs next (marked `›`). */
  readonly nextId?: number;
  readonly rows: number;
  readonly t: Translate;
  /** The scenario's names for its terminals ("T2" → "Stats"). */
  readonly terminalNames?: Readonly<Record<string, string>>;
}

function statusLabel(state: ActionState | undefined, t: Translate): {text: string; color?: string} {
  switch (state?.status) {
    case 'running':
      return {text: `… ${t('action.running')}`, color: 'yellow'};
    case 'queued':
      return {text: t('action.queued'), color: 'yellow'};
    case 'passed':
    case 'done':
      return {text: `✔ ${t('action.ok')}`, color: 'green'};
    case 'failed':
      return {text: `✘ ${t('action.failed', {code: state.exitCode ?? '?'})}`, color: 'red'};
    case 'interrupted':
      return {text: `■ ${t('action.interrupted')}`, color: 'yellow'};
    case 'timed-out':
      return {text: `✘ ${t('action.timedOut')}`, color: 'red'};
    default:
      return {text: ''};
  }
}

const verb = (action: Action) => (action.kind === 'copy' ? '⧉' : action.kind === 'open' ? '↗' : action.kind === 'file' ? '✎' : '▶');

/** Which actions to show when there are more than fit: start near the next one (`nextId`, from the engine's step rules). */
export function visibleActions(actions: readonly Action[], nextId: number | undefined, rows: number): {start: number; next: number} {
  const next = nextId === undefined ? -1 : actions.findIndex((a) => a.id === nextId);
  if (actions.length <= rows) return {start: 0, next};
  const anchor = next < 0 ? actions.length - 1 : next;
  return {start: Math.max(0, Math.min(anchor - 1, actions.length - rows)), next};
}

export function ActionList({actions, states, nextId, rows, t, terminalNames = {}}: ActionListProps) {
  if (rows <= 0 || actions.length === 0) return null;
  const {start, next} = visibleActions(actions, nextId, rows);
  const shown = actions.slice(start, start + rows);
  return (
    <>
      {shown.map((action, i) => {
        const state = states.find((s) => s.id === action.id);
        const status = statusLabel(state, t);
        const isNext = start + i === next;
        const terminal = (action.kind === 'exec' && action.terminal !== 'T1' ? ` ${terminalLabel(action.terminal, terminalNames)}` : '') + (action.kind === 'exec' && action.interrupt ? ' ^C' : '');
        // A file write shows which file first; its text follows as far as the row allows.
        const body = sanitizeText(action.text).replace(/\s*\n\s*/g, ' ⏎ ');
        const text = action.kind === 'file' ? `${sanitizeText(action.path)} ← ${body}` : body;
        return (
          <Text key={action.id} wrap="truncate-end">
            <Text color={isNext ? 'cyan' : undefined} bold={isNext}>
              {isNext ? '› ' : '  '}
              {actions.length > 9 && action.id < 10 ? ' ' : ''}
              {action.id} {verb(action)}
              {terminal}
            </Text>{' '}
            {status.text ? <Text color={status.color}>{status.text} </Text> : null}
            <Text dimColor={!isNext}>{text}</Text>
          </Text>
        );
      })}
    </>
  );
}
