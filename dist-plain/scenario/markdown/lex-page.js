// lexPage: one page of step markdown → tokens plus everything the engine needs from it
// (actions numbered in document order, quizzes, images, hints, code blocks), each with
// its file:line. The render layer lexes through here too, so its action ids are these.
import { DiagnosticSink } from '../diagnostics.js';
import { LineIndex } from '../source/line-index.js';
import { actionFromFile, actionFromMarker } from './build-action.js';
import { lexingMarked } from './extensions.js';
import { parseAttributes, tagNames } from './html-text.js';
import { findPlaceholders } from './placeholders.js';
// Shown as text in a terminal or harmless; anything else among HTML tags gets a warning.
const QUIET_TAGS = new Set(['a', 'b', 'i', 'u', 's', 'em', 'strong', 'code', 'kbd', 'samp', 'var', 'br', 'p', 'span', 'div', 'center', 'small', 'big', 'sup', 'sub', 'mark', 'hr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'details', 'summary', 'font', 'strike', 'del', 'ins', 'abbr', 'cite', 'q', 'section', 'article', 'header', 'footer', 'nav', 'figure', 'figcaption', 'tt', 'wbr', 'picture', 'source']);
class PageWalker {
    src;
    file;
    sink = new DiagnosticSink();
    actions = [];
    quizzes = [];
    images = [];
    hints = [];
    codeBlocks = [];
    lines;
    hostWarned = new Set();
    constructor(src, file) {
        this.src = src;
        this.file = file;
        this.lines = new LineIndex(src);
    }
    ref(offset) {
        const p = this.lines.position(offset);
        return { file: this.file, line: p.line, column: p.column };
    }
    /** Where a token starts: right at the cursor when its raw text is there, else its first line searched forward. */
    locate(raw, cursor) {
        if (this.src.startsWith(raw, cursor))
            return { offset: cursor, end: cursor + raw.length };
        const probe = raw.split('\n').map((l) => l.trim()).find((l) => l !== '')?.slice(0, 120);
        if (!probe)
            return { offset: cursor, end: cursor };
        const at = this.src.indexOf(probe, cursor);
        return at < 0 ? { offset: cursor, end: cursor } : { offset: at, end: at + probe.length };
    }
    walk(tokens, from, context) {
        let cursor = from;
        for (const token of tokens) {
            const { offset, end } = this.locate(token.raw ?? '', cursor);
            this.visit(token, offset, context);
            cursor = Math.max(cursor, end);
        }
    }
    site(offset, context) {
        return { id: this.actions.length + 1, source: this.ref(offset), context, sink: this.sink, hostWarned: this.hostWarned };
    }
    visit(token, offset, context) {
        switch (token.type) {
            case 'katarunAction':
            case 'katarunBlock': {
                const t = token;
                const action = actionFromMarker(t, this.site(offset, context));
                if (action)
                    this.addAction(t, action);
                if (t.type === 'katarunBlock')
                    this.codeBlocks.push({ lang: t.lang, text: t.text, line: this.lines.line(offset), ...(action ? { actionId: action.id } : {}) });
                return;
            }
            case 'katarunFile': {
                const t = token;
                const action = actionFromFile(t, this.site(offset, context));
                if (action)
                    this.addAction(t, action);
                else
                    this.codeBlocks.push({ lang: '', text: t.text, line: this.lines.line(offset) });
                return;
            }
            case 'katarunQuiz':
                return this.addQuiz(token, offset);
            case 'katarunDetails': {
                const t = token;
                if (t.unclosed) {
                    this.sink.warn('markdown/unclosed-details', this.file, this.ref(offset), '<details> is never closed; it runs to the end of the page', 'close it with </details>');
                }
                if (t.role === 'hint')
                    this.hints.push({ text: t.body.trim(), source: this.ref(offset) });
                const inner = t.role === 'other' ? context : t.role;
                return this.walk(t.tokens, offset, inner);
            }
            case 'code':
                this.checkFenceClosed(token.raw, offset);
                this.codeBlocks.push({ lang: (token.lang ?? '').split(/\s+/)[0].replace(/\{[^}]*\}$/, ''), text: token.text, line: this.lines.line(offset) });
                return;
            case 'image': {
                const img = token;
                this.images.push({ alt: img.text, src: img.href, source: this.ref(offset) });
                return;
            }
            case 'html':
                this.checkHtml(token.raw, offset);
                break;
            case 'text':
                if (!token.tokens)
                    this.checkStrayMarker(token.raw, offset);
                break;
            case 'list':
                for (const item of token.items)
                    this.walk([item], offset, context);
                return;
            case 'table': {
                const table = token;
                for (const cell of [...table.header, ...table.rows.flat()])
                    this.walk(cell.tokens, offset, context);
                return;
            }
            default:
                break;
        }
        const children = token.tokens;
        if (children)
            this.walk(children, offset, context);
    }
    addAction(token, action) {
        this.actions.push(action);
        Object.assign(token, { action, actionId: action.id });
    }
    addQuiz(t, offset) {
        const source = this.ref(offset);
        const id = t.label ?? `Q${this.quizzes.length + 1}`;
        if (t.kind === 'empty') {
            this.sink.warn('markdown/quiz', this.file, source, `quiz ${id} has no answer lines; it is shown as text and not asked`, 'add lines such as "=== answer", "(*) right" or "[ ] wrong" right below it');
            return;
        }
        const kind = t.optionKinds[0];
        if (t.kind === 'mixed') {
            this.sink.warn('markdown/quiz', this.file, source, `quiz ${id} mixes answer styles; katarun asks it as '${kind}'`, 'use one style per question');
        }
        if ((kind === 'single' || kind === 'multiple') && t.correct.length === 0) {
            this.sink.warn('markdown/quiz', this.file, source, `quiz ${id} marks no option as correct`, 'mark the right option with (*) or [*]');
        }
        const quiz = { id, question: t.question, kind, options: t.options, correct: t.correct, source };
        this.quizzes.push(quiz);
        t.quiz = quiz;
    }
    /**
     * A code fence that is never closed runs to the end of the page: everything after it shows
     * as code and its actions are lost. Seen when a command was written on the opening fence's
     * line ("```insert into users …" with the closing ``` at the end of the next line).
     */
    checkFenceClosed(raw, offset) {
        const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
        if (!open)
            return;
        const fence = open[1];
        const lines = raw.replace(/\s+$/, '').split('\n');
        const last = lines.length > 1 ? lines[lines.length - 1] : '';
        const closed = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(last);
        if (!closed) {
            this.sink.warn('markdown/unclosed-fence', this.file, this.ref(offset), `this ${fence} code block is never closed, so the rest of the page shows as code and its actions are lost`, `close it with ${fence} on a line of its own (a command belongs on the line after the opening ${fence})`);
        }
    }
    /**
     * A `{{execute}}` left in plain text follows no code span (often a span whose backtick runs
     * do not match, so it never closed): it would be shown as text and run nothing. Real
     * scenarios have these; say so at its line rather than drop the action silently.
     */
    checkStrayMarker(text, offset) {
        for (const m of text.matchAll(/\{\{\s*(execute|exec|copy|open)\b[^}]*\}\}/g)) {
            const marker = m[0];
            this.sink.warn('markdown/stray-marker', this.file, this.ref(offset + m.index), `${marker} follows no code span, so it is no action and shows as text`, `put the command right before it in backticks, with matching runs: \`command\`${marker}`);
        }
    }
    checkHtml(html, offset) {
        const at = this.ref(offset);
        for (const m of html.matchAll(/<img\b([^>]*)>/gi)) {
            const attrs = parseAttributes(m[1]);
            if (attrs.src)
                this.images.push({ alt: attrs.alt ?? '', src: attrs.src, source: this.ref(offset + m.index) });
        }
        const tags = tagNames(html);
        if (tags.includes('details')) {
            this.sink.warn('markdown/unclosed-details', this.file, at, '<details> inside another HTML block is never closed; its content is shown as HTML and its commands are not actions', 'close it with </details>');
        }
        if (/<pre\b[^>]*class\s*=\s*["']?[^"'>]*\bfile\b/i.test(html)) {
            this.sink.warn('markdown/file-block', this.file, at, '<pre class="file"> is never closed; it is not an action', 'close it with </pre>');
        }
        const odd = [...new Set(tags.filter((n) => !QUIET_TAGS.has(n)))];
        if (odd.length > 0) {
            this.sink.warn('markdown/unsupported-html', this.file, at, `HTML ${odd.map((n) => `<${n}>`).join(', ')} cannot be shown in a terminal; it appears as text`, 'link to the page instead, or describe it in words');
        }
    }
}
/** Lex one page. Deterministic: the same markdown always gives the same tokens and action ids. */
export function lexPage(markdown, file) {
    const src = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const walker = new PageWalker(src, file);
    let tokens = [];
    try {
        tokens = lexingMarked().lexer(src);
    }
    catch (err) {
        // marked should not throw on any input; if it does, the page is reported, not fatal.
        walker.sink.error('markdown/lex-failed', file, { line: 1, column: 1 }, `markdown could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
    walker.walk(tokens, 0, 'body');
    const lines = new LineIndex(src);
    const placeholders = new Set();
    for (const hit of findPlaceholders(src)) {
        if (hit.known)
            placeholders.add(hit.text.replace(/\s+/g, ''));
        else
            walker.sink.warn('markdown/unknown-placeholder', file, lines.position(hit.offset), `unknown placeholder ${hit.text} is shown as written`, 'katarun knows [[HOST_IP]], [[HOSTn_IP]], [[HOST_SUBDOMAIN]], [[KATACODA_HOST]], {{TRAFFIC_HOSTn_PORT}} and {{TRAFFIC_SELECTOR}}');
    }
    return {
        tokens,
        actions: walker.actions,
        quizzes: walker.quizzes,
        images: walker.images,
        hints: walker.hints,
        codeBlocks: walker.codeBlocks,
        placeholders: [...placeholders],
        diagnostics: walker.sink.items,
    };
}
//# sourceMappingURL=lex-page.js.map