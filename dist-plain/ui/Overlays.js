import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
// The help overlay (`?`) and the yes/no dialogs (quit while running, show the solution,
// create the cluster). They replace the live region while open, within its row budget.
import { Box, Text } from 'ink';
/** A key as typed, or (a StringKey) a word for a situation rather than a key, translated. */
const HELP = [
    ['Enter', 'help.enter'],
    ['1–9', 'help.digits'],
    ['c', 'help.c'],
    ['n / →', 'help.n'],
    ['p / ←', 'help.p'],
    ['s', 'help.s'],
    ['h', 'help.h'],
    ['a', 'help.a'],
    ['r', 'help.r'],
    [{ word: 'help.quizKey' }, 'help.quiz'],
    ['q', 'help.q'],
    ['Ctrl-C', 'help.ctrlc'],
];
export function HelpOverlay({ rows, t }) {
    const room = Math.max(0, rows - 1 - 2);
    return (_jsxs(Box, { flexDirection: "column", children: [_jsx(Text, { bold: true, wrap: "truncate-end", children: t('help.title') }), HELP.slice(0, room).map(([key, text]) => {
                const label = typeof key === 'string' ? key : t(key.word);
                return (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { color: "cyan", children: label.padEnd(8) }), t(text)] }, text));
            }), _jsx(Text, { dimColor: true, wrap: "truncate-end", children: t('help.close') })] }));
}
const QUESTIONS = {
    'confirm-quit': 'quit.ask',
    'confirm-solution': 'solution.ask',
    'confirm-cluster': 'cluster.ask',
};
export function ConfirmDialog({ overlay, cluster, t }) {
    const key = QUESTIONS[overlay];
    if (!key)
        return null;
    return (_jsxs(Box, { flexDirection: "column", children: [_jsxs(Text, { wrap: "truncate-end", color: "yellow", bold: true, children: ["? ", t(key, { name: cluster ?? '' })] }), _jsx(Text, { wrap: "truncate-end", dimColor: true, children: t('confirm.yesNo') })] }));
}
//# sourceMappingURL=Overlays.js.map