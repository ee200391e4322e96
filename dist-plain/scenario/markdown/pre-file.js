// `<pre class="file" data-filename="app.js" data-target="replace|prepend|append|insert|clipboard"
// data-marker="#TODO">…</pre>`: Katacoda's "copy this into the editor file" block. Without
// class="file" a <pre> is ordinary HTML and left to marked.
import { decodeEntities, parseAttributes } from './html-text.js';
// Attributes one by one, so that a quoted value may hold `>`: authors mark the insertion point
// with an HTML comment, data-marker="<!-- TODO: add the dependency here -->".
const PRE = /^ {0,3}<pre((?:\s+[^\s"'>=/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>([\s\S]*?)<\/pre>[^\n]*(?:\n|$)/i;
export const preFileExtension = {
    name: 'katarunFile',
    level: 'block',
    tokenizer(src) {
        const m = PRE.exec(src);
        if (!m)
            return undefined;
        const attrs = parseAttributes(m[1] ?? '');
        if (!(attrs.class ?? '').split(/\s+/).includes('file'))
            return undefined;
        // The content starts on the line after <pre …> by convention; that first line break is not content.
        const text = decodeEntities(m[2].replace(/^\r?\n/, ''));
        return {
            type: 'katarunFile',
            raw: m[0],
            text,
            target: (attrs['data-target'] ?? 'replace').trim().toLowerCase(),
            ...(attrs['data-filename'] !== undefined ? { filename: attrs['data-filename'] } : {}),
            ...(attrs['data-marker'] !== undefined ? { marker: attrs['data-marker'] } : {}),
        };
    },
};
//# sourceMappingURL=pre-file.js.map