import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
// The step header: scenario, step k/N with a progress bar, time on the step against its
// estimate, and the cluster or context the step touches. One row.
import { Text } from 'ink';
import { clockDuration } from '../render/duration.js';
import { progressBar } from './format.js';
import { useNow } from './use-now.js';
import { sanitizeText } from '../render/sanitize.js';
export function StatusBar({ title, index, total, startedAt, estimateMinutes, target, t }) {
    const now = useNow(1000, startedAt !== undefined);
    const elapsed = startedAt === undefined ? '' : clockDuration(now - startedAt);
    const time = estimateMinutes ? t('step.time', { elapsed, minutes: estimateMinutes }) : elapsed;
    return (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { bold: true, children: sanitizeText(title) }), _jsx(Text, { dimColor: true, children: " \u00B7 " }), _jsx(Text, { color: "cyan", children: t('step.title', { k: index + 1, n: total }) }), " ", _jsx(Text, { color: "cyan", children: progressBar(index + 1, total) }), time ? _jsxs(Text, { dimColor: true, children: [" \u00B7 \u23F1 ", time] }) : null, target ? _jsxs(Text, { color: "yellow", children: [" \u00B7 ", t('step.target', { target })] }) : null] }));
}
//# sourceMappingURL=StatusBar.js.map