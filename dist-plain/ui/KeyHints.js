import { jsx as _jsx } from "react/jsx-runtime";
// The key-hint line at the bottom of the live region, and the transient message line above it.
import { Text } from 'ink';
export function KeyHints({ text }) {
    return (_jsx(Text, { wrap: "truncate-end", dimColor: true, children: text }));
}
export function MessageLine({ message }) {
    if (!message)
        return null;
    const color = message.level === 'error' ? 'red' : message.level === 'warning' ? 'yellow' : 'blue';
    return (_jsx(Text, { wrap: "truncate-end", color: color, children: message.text }));
}
//# sourceMappingURL=KeyHints.js.map