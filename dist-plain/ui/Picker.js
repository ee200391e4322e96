import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
// The scenario picker: bundled and local scenarios with title, difficulty, time, languages and
// saved progress. The list scrolls within the rows it is given.
import { Box, Text } from 'ink';
import { sanitizeText } from '../render/sanitize.js';
import { KeyHints, MessageLine } from './KeyHints.js';
import { difficultyLabel } from './format.js';
export function Picker({ entries, index, rows, opening, message, t }) {
    // Keys and message first, then the title; the rest is for entries — two rows each, or one
    // (the title alone) when the terminal is small.
    let available = rows - 1 - 1 - (message ? 1 : 0);
    const showTitle = available >= 2;
    if (showTitle)
        available -= 1;
    const perEntry = available >= 6 ? 2 : 1;
    const room = Math.max(0, Math.floor(available / perEntry));
    const start = Math.max(0, Math.min(index - Math.floor(room / 2), entries.length - room));
    return (_jsxs(Box, { flexDirection: "column", children: [showTitle ? (_jsx(Text, { bold: true, color: "magenta", wrap: "truncate-end", children: t('picker.title') })) : null, entries.length === 0 && available > 0 ? _jsx(Text, { wrap: "truncate-end", children: t('picker.empty') }) : null, entries.slice(start, start + room).map((entry, i) => {
                const selected = start + i === index;
                const meta = [
                    entry.id,
                    entry.difficulty && difficultyLabel(entry.difficulty, t),
                    entry.time,
                    t('meta.steps', { n: entry.steps }),
                    entry.languages.join('/'),
                    entry.saved ? t('picker.saved', { step: entry.saved.step, total: entry.saved.total }) : undefined,
                ].filter(Boolean);
                return (_jsxs(Box, { flexDirection: "column", children: [_jsxs(Text, { wrap: "truncate-end", color: selected ? 'cyan' : undefined, bold: selected, children: [selected ? '› ' : '  ', sanitizeText(entry.title)] }), perEntry === 2 ? (_jsxs(Text, { wrap: "truncate-end", dimColor: true, children: ['    ', sanitizeText(meta.join(' · '))] })) : null] }, entry.dir));
            }), _jsx(KeyHints, { text: opening ? t('picker.opening', { title: sanitizeText(entries[index]?.title ?? '') }) : t('picker.keys') }), _jsx(MessageLine, { message: message })] }));
}
//# sourceMappingURL=Picker.js.map