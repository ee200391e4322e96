import { jsxs as _jsxs, jsx as _jsx, Fragment as _Fragment } from "react/jsx-runtime";
// The step's actions, one row each: number, ▶ run / ⧉ copy, the terminal, the command, and
// how it went. The next action Enter would run is marked. Bounded to `rows`.
import { Text } from 'ink';
import { sanitizeText } from '../render/sanitize.js';
import { terminalLabel } from './format.js';
function statusLabel(state, t) {
    switch (state?.status) {
        case 'running':
            return { text: `… ${t('action.running')}`, color: 'yellow' };
        case 'queued':
            return { text: t('action.queued'), color: 'yellow' };
        case 'passed':
        case 'done':
            return { text: `✔ ${t('action.ok')}`, color: 'green' };
        case 'failed':
            return { text: `✘ ${t('action.failed', { code: state.exitCode ?? '?' })}`, color: 'red' };
        case 'interrupted':
            return { text: `■ ${t('action.interrupted')}`, color: 'yellow' };
        case 'timed-out':
            return { text: `✘ ${t('action.timedOut')}`, color: 'red' };
        default:
            return { text: '' };
    }
}
const verb = (action) => (action.kind === 'copy' ? '⧉' : action.kind === 'open' ? '↗' : action.kind === 'file' ? '✎' : '▶');
/** Which actions to show when there are more than fit: start near the next one not yet run. */
export function visibleActions(actions, states, rows) {
    const next = actions.findIndex((a) => a.kind === 'exec' && (states.find((s) => s.id === a.id)?.status ?? 'idle') === 'idle');
    if (actions.length <= rows)
        return { start: 0, next };
    const anchor = next < 0 ? actions.length - 1 : next;
    return { start: Math.max(0, Math.min(anchor - 1, actions.length - rows)), next };
}
export function ActionList({ actions, states, rows, t, terminalNames = {} }) {
    if (rows <= 0 || actions.length === 0)
        return null;
    const { start, next } = visibleActions(actions, states, rows);
    const shown = actions.slice(start, start + rows);
    return (_jsx(_Fragment, { children: shown.map((action, i) => {
            const state = states.find((s) => s.id === action.id);
            const status = statusLabel(state, t);
            const isNext = start + i === next;
            const terminal = (action.kind === 'exec' && action.terminal !== 'T1' ? ` ${terminalLabel(action.terminal, terminalNames)}` : '') + (action.kind === 'exec' && action.interrupt ? ' ^C' : '');
            const text = sanitizeText(action.text).replace(/\s*\n\s*/g, ' ⏎ ');
            return (_jsxs(Text, { wrap: "truncate-end", children: [_jsxs(Text, { color: isNext ? 'cyan' : undefined, bold: isNext, children: [isNext ? '› ' : '  ', action.id > 9 ? '·' : action.id, " ", verb(action), terminal] }), ' ', status.text ? _jsxs(Text, { color: status.color, children: [status.text, " "] }) : null, _jsx(Text, { dimColor: !isNext, children: text })] }, action.id));
        }) }));
}
//# sourceMappingURL=ActionList.js.map