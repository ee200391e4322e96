// Fenced blocks whose closing fence carries the action (```` ```{{exec}} ````). CommonMark
// allows nothing after a closing fence, so without this marked would run the block on to
// the end of the page. Blocks closed by a plain fence are left to marked.
import { parseMarker } from './action-modifiers.js';
const OPEN = /^( {0,3})(`{3,}|~{3,})([^\n]*)(?:\n|$)/;
export const fencedActionExtension = {
    name: 'katarunBlock',
    level: 'block',
    tokenizer(src) {
        const open = OPEN.exec(src);
        if (!open)
            return undefined;
        const [, indent, fence, info] = open;
        if (fence[0] === '`' && info.includes('`'))
            return undefined; // not a fence in CommonMark
        const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}(.*)$`);
        const lines = [];
        let pos = open[0].length;
        while (pos < src.length) {
            const nl = src.indexOf('\n', pos);
            const end = nl < 0 ? src.length : nl;
            const line = src.slice(pos, end);
            const next = nl < 0 ? src.length : nl + 1;
            const c = close.exec(line);
            if (c) {
                const rest = c[1].trim();
                if (rest === '')
                    return undefined; // an ordinary fence: marked's own rule handles it
                const braces = /^(\{\{([^{}]*)\}\})$/.exec(rest);
                if (braces) {
                    const marker = parseMarker(braces[2]) ?? { verb: 'unknown', modifiers: [] };
                    return {
                        type: 'katarunBlock',
                        raw: src.slice(0, next),
                        lang: info.trim().split(/\s+/)[0].replace(/\{[^}]*\}$/, ''),
                        text: lines.map((l) => stripIndent(l, indent.length)).join('\n'),
                        verb: marker.verb,
                        modifiers: marker.modifiers,
                        marker: braces[1],
                    };
                }
            }
            lines.push(line);
            pos = next;
        }
        return undefined; // never closed: let marked treat it as code to the end, as CommonMark says
    },
};
const stripIndent = (line, n) => line.replace(new RegExp(`^ {0,${n}}`), '');
//# sourceMappingURL=fenced-action.js.map