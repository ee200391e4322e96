import { jsxs as _jsxs, jsx as _jsx, Fragment as _Fragment } from "react/jsx-runtime";
// The live part of the intro (title, description and intro text are in <Static>): what the
// scenario needs and whether this machine has it, the resume offer, and the keys.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { sanitizeText } from '../render/sanitize.js';
import { KeyHints, MessageLine } from './KeyHints.js';
function usePreflight(session) {
    const [report, setReport] = useState(session.preflight ? 'checking' : undefined);
    useEffect(() => {
        let live = true;
        session.preflight?.().then((r) => live && setReport(r), () => live && setReport(undefined));
        return () => {
            live = false;
        };
    }, [session]);
    return report;
}
export function Intro({ session, rows, starting, message, t }) {
    const report = usePreflight(session);
    const env = session.scenario.environment;
    const needs = env.kind === 'kind' ? t('intro.kind', { name: env.cluster?.name ?? 'kind' }) : t('intro.bashOnly');
    const tools = env.tools.map((tool) => `${tool.name}${tool.range ? ` ${tool.range}` : ''}`).join(', ');
    const failed = report && report !== 'checking' ? report.checks.filter((c) => !c.ok) : [];
    // Rows: needs, status, resume (2), keys, message; failed checks get what is left.
    const fixed = 3 + (tools ? 1 : 0) + (session.resumeStep ? 2 : 0) + (message ? 1 : 0);
    const room = Math.max(0, rows - 1 - fixed);
    const status = report === 'checking' ? (_jsxs(Text, { dimColor: true, children: ["\u2026 ", t('intro.checking')] })) : report ? (report.ready ? _jsxs(Text, { color: "green", children: ["\u2714 ", t('intro.ready')] }) : _jsxs(Text, { color: "red", children: ["\u2718 ", t('intro.notReady')] })) : null;
    return (_jsxs(Box, { flexDirection: "column", children: [_jsxs(Text, { wrap: "truncate-end", children: [_jsxs(Text, { bold: true, children: [t('intro.needs'), ":"] }), " ", needs, status ? ' · ' : '', status] }), tools ? (_jsxs(Text, { wrap: "truncate-end", dimColor: true, children: ['  ', tools] })) : null, failed.slice(0, room).map((check) => (_jsxs(Text, { wrap: "truncate-end", color: check.severity === 'error' ? 'red' : 'yellow', children: ['  ', check.severity === 'error' ? '✘' : '!', " ", sanitizeText(check.id), ": ", sanitizeText(check.detail), check.fix ? _jsxs(Text, { dimColor: true, children: [" \u2014 ", sanitizeText(check.fix)] }) : null] }, check.id))), session.resumeStep ? (_jsxs(_Fragment, { children: [_jsxs(Text, { wrap: "truncate-end", color: "cyan", children: [t('resume.ask', { step: session.resumeStep + 1, total: session.scenario.steps.length }), " ", t('resume.continue', { step: session.resumeStep + 1 })] }), _jsx(Text, { wrap: "truncate-end", color: "cyan", children: t('resume.over') })] })) : null, starting ? _jsxs(Text, { dimColor: true, children: ["\u2026 ", t('intro.starting')] }) : _jsx(KeyHints, { text: t('intro.keys') }), _jsx(MessageLine, { message: message })] }));
}
//# sourceMappingURL=Intro.js.map