import { jsxs as _jsxs, jsx as _jsx, Fragment as _Fragment } from "react/jsx-runtime";
// The bounded live tail of the command that is running: its last lines as the terminal shows
// them (the engine batches updates), each cut to one row so the live region's height is known.
import { Text } from 'ink';
import { sanitizeAnsiLine, sanitizeText } from '../render/sanitize.js';
import { clockDuration } from '../render/duration.js';
import { useNow } from './use-now.js';
export function LiveTail({ lines, rows, command, terminal, startedAt }) {
    const now = useNow(1000, startedAt !== undefined);
    if (rows <= 0)
        return null;
    const header = command !== undefined ? 1 : 0;
    const body = lines.slice(-(rows - header)).map(sanitizeAnsiLine);
    return (_jsxs(_Fragment, { children: [command !== undefined ? (_jsxs(Text, { wrap: "truncate-end", color: "yellow", children: [terminal, " $ ", sanitizeText(command).replace(/\n/g, ' ⏎ '), startedAt !== undefined ? _jsxs(Text, { dimColor: true, children: [" \u00B7 ", clockDuration(now - startedAt), " \u00B7 Ctrl-C"] }) : null] })) : null, rows - header > 0
                ? body.map((line, i) => (_jsx(Text, { wrap: "truncate-end", children: line || ' ' }, i)))
                : null] }));
}
//# sourceMappingURL=LiveTail.js.map