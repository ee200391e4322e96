import { jsxs as _jsxs, jsx as _jsx, Fragment as _Fragment } from "react/jsx-runtime";
// The step's check: waiting with a spinner, passed, or not yet — with the check's FAIL:
// feedback and expected-vs-actual when it prints them. At most `rows` rows.
import { Text } from 'ink';
import { sanitizeText } from '../render/sanitize.js';
import { useNow } from './use-now.js';
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Rows the check would like: status, feedback lines, expected and actual. */
export function checkRows(check) {
    if (check.status === 'passed' || check.status === 'none' || check.status === 'idle')
        return 1;
    return 1 + Math.min(check.feedback.length, 3) + (check.expected !== undefined ? 1 : 0) + (check.actual !== undefined ? 1 : 0);
}
export function CheckLine({ check, rows, t }) {
    const polling = check.status === 'polling';
    const now = useNow(120, polling);
    if (rows <= 0)
        return null;
    let head;
    if (check.status === 'passed')
        head = _jsxs(Text, { color: "green", children: ["\u2714 ", t('check.passed'), " \u2014 Enter"] });
    else if (check.status === 'none')
        head = _jsx(Text, { dimColor: true, children: t('check.none') });
    else if (check.status === 'idle')
        head = _jsx(Text, { dimColor: true, children: t('check.idle') });
    else if (check.status === 'timed-out')
        head = _jsxs(Text, { color: "red", children: ["\u2718 ", t('check.timedOut')] });
    else {
        const frame = SPINNER[Math.floor(now / 120) % SPINNER.length];
        const notYet = check.attempts > 0 && check.lastExitCode !== 0 ? _jsxs(Text, { color: "red", children: [" \u2718 ", t('check.notYet')] }) : null;
        head = (_jsxs(Text, { children: [_jsx(Text, { color: "yellow", children: frame }), " ", t('check.polling', { n: Math.max(1, check.attempts) }), notYet] }));
    }
    const extra = [];
    if (check.status !== 'passed') {
        for (const line of check.feedback.slice(0, 3))
            extra.push(['red', `  FAIL: ${sanitizeText(line)}`]);
        if (check.expected !== undefined)
            extra.push(['green', `  ${t('check.expected')}: ${sanitizeText(check.expected)}`]);
        if (check.actual !== undefined)
            extra.push(['yellow', `  ${t('check.actual')}: ${sanitizeText(check.actual)}`]);
    }
    return (_jsxs(_Fragment, { children: [_jsx(Text, { wrap: "truncate-end", children: head }), extra.slice(0, rows - 1).map(([color, text], i) => (_jsx(Text, { wrap: "truncate-end", color: color, children: text }, i)))] }));
}
//# sourceMappingURL=CheckLine.js.map