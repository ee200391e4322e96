// `<details><summary>Hint</summary> … </details>` — the Killercoda convention for hints and
// solutions. marked would treat it as one HTML block (ending at the first blank line) and
// lose the commands inside; here the inside is lexed as markdown, so its actions count.
import { stripTags } from './html-text.js';
const OPEN = /^ {0,3}<details(\s[^>]*)?>/i;
const TAG = /<(\/?)details\b[^>]*>/gi;
const SUMMARY = /^\s*<summary(?:\s[^>]*)?>([\s\S]*?)<\/summary>[ \t]*\n?/i;
/** Which role a summary names. Authors write it in their own language, so a few are known. */
export function summaryRole(summary) {
    if (/hint|tip|clue|подсказ|pista|dica|indice|hinweis|提示/i.test(summary))
        return 'hint';
    if (/solution|answer|solve|решени|ответ|soluci|lösung|solução|解/i.test(summary))
        return 'solution';
    return 'other';
}
export const detailsExtension = {
    name: 'katarunDetails',
    level: 'block',
    tokenizer(src) {
        const open = OPEN.exec(src);
        if (!open)
            return undefined;
        TAG.lastIndex = open[0].length;
        let depth = 1;
        let closeStart = -1;
        let closeEnd = -1;
        for (let m = TAG.exec(src); m; m = TAG.exec(src)) {
            depth += m[1] ? -1 : 1;
            if (depth === 0) {
                closeStart = m.index;
                closeEnd = TAG.lastIndex;
                break;
            }
        }
        // Never closed: a browser (and so Katacoda) closes it at the end of the page, so it runs to
        // the end of what is left here; lexPage warns about it.
        const unclosed = closeStart < 0;
        if (unclosed)
            closeStart = closeEnd = src.length;
        const lineEnd = src.indexOf('\n', closeEnd);
        const raw = src.slice(0, lineEnd < 0 ? src.length : lineEnd + 1);
        let inner = src.slice(open[0].length, closeStart);
        const summaryMatch = SUMMARY.exec(inner);
        const summary = summaryMatch ? stripTags(summaryMatch[1]) : '';
        if (summaryMatch)
            inner = inner.slice(summaryMatch[0].length);
        const body = inner.replace(/^[ \t]*\n/, '');
        const tokens = [];
        const top = this.lexer.state.top;
        this.lexer.state.top = true; // paragraphs inside are real paragraphs
        this.lexer.blockTokens(body, tokens);
        this.lexer.state.top = top;
        return {
            type: 'katarunDetails',
            raw,
            summary,
            role: summaryRole(summary),
            body,
            open: /\sopen\b/i.test(open[1] ?? ''),
            ...(unclosed ? { unclosed } : {}),
            tokens,
        };
    },
};
//# sourceMappingURL=details.js.map