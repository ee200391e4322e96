// How katarun's own markdown constructs look in a terminal: the renderers for the token types
// the scenario layer's tokenizers produce (actions, fenced action blocks, file blocks, quizzes),
// and collapsed <details> hint/solution blocks. The render layer knows these tokens only by
// their shape, so it does not depend on the scenario layer.
export const englishLabels = {
    run: 'run',
    copy: 'copy',
    open: 'open',
    write: 'write',
    hint: 'Hint — press h',
    solution: 'Solution — press a',
    image: 'image',
};
// A no-break space: marked-terminal's reflow breaks lines only at ordinary spaces, so a label
// joined with it never ends up alone at the start of the next line.
export const NBSP = '\u00a0';
/** `[1 ▶ run]`, `[2 ⧉ copy]`, `[3 ▶ run · T2]` — joined by NBSPs so reflow keeps it whole. */
export function actionLabel(token, labels) {
    const action = token.action;
    const id = token.actionId ?? action?.id;
    const kind = action?.kind ?? token.kind ?? token.verb ?? 'exec';
    if (id === undefined || kind === 'none' || kind === 'unknown')
        return undefined;
    const verb = kind === 'copy' ? `⧉ ${labels.copy}` : kind === 'open' ? `↗ ${labels.open}` : kind === 'file' ? `✎ ${labels.write}` : `▶ ${labels.run}`;
    const terminal = action?.terminal ?? token.terminal;
    const name = terminal ? labels.terminalNames?.[terminal] : undefined;
    const where = kind === 'exec' && terminal && terminal !== 'T1' ? ` · ${terminal}${name ? ` ${name}` : ''}` : '';
    const interrupt = kind === 'exec' && (action?.interrupt ?? token.interrupt) ? ' · ^C' : '';
    return `[${id} ${verb}${where}${interrupt}]`.replace(/ /g, NBSP);
}
function indent(text, by) {
    return text
        .split('\n')
        .map((line) => (line === '' ? line : by + line))
        .join('\n');
}
export function katarunRenderers(labels, styles) {
    const inlineAction = {
        name: 'katarunAction',
        renderer(token) {
            const t = token;
            const label = actionLabel(t, labels);
            const code = styles.code(t.text ?? '');
            return label ? `${code}${NBSP}${styles.label(label)}` : code;
        },
    };
    const block = (name) => ({
        name,
        renderer(token) {
            const t = token;
            const lang = t.lang?.trim() || (name === 'katarunFile' ? undefined : 'bash');
            const code = this.parser.renderer.code({ type: 'code', raw: t.text ?? '', text: (t.text ?? '').replace(/\n$/, ''), lang });
            const label = actionLabel(t, labels);
            const path = t.action?.path ?? t.filename;
            const mode = t.action?.mode ?? (name === 'katarunFile' ? t.target : undefined);
            const file = path ? ` ${styles.dim(`→ ${path}${mode ? ` (${mode})` : ''}`)}` : '';
            return label ? `${code.replace(/\n+$/, '\n')}  ${styles.label(label)}${file}\n\n` : code;
        },
    });
    const quiz = {
        name: 'katarunQuiz',
        renderer(token) {
            const t = token;
            const lines = [`? ${t.question ?? ''}`];
            if (t.kind === 'single' || t.kind === 'multiple') {
                for (const option of t.options ?? [])
                    lines.push(`  ${t.kind === 'single' ? '○' : '☐'} ${option}`);
            }
            else {
                lines.push('  > ____');
            }
            return `${lines.join('\n')}\n\n`;
        },
    };
    const collapsed = {
        name: 'katarunCollapsed',
        renderer(token) {
            const t = token;
            return collapsedLine(t.kind === 'solution' ? 'solution' : 'hint', t.summary);
        },
    };
    // A collapsed hint or solution keeps the author's own title when it has one ("Tip 2").
    const collapsedLine = (role, summary) => {
        const label = role === 'solution' ? labels.solution : labels.hint;
        const title = (summary ?? '').replace(/<[^>]*>/g, '').trim();
        const own = title !== '' && !label.toLowerCase().startsWith(title.toLowerCase());
        return `${styles.dim(`▸ ${own ? `${title} (${label})` : label}`)}\n\n`;
    };
    // The scenario layer's <details> token: hints and solutions stay collapsed (h and a open
    // them); any other <details> is shown open, because its commands are part of the step.
    const details = {
        name: 'katarunDetails',
        renderer(token) {
            const t = token;
            if (t.role === 'hint' || t.role === 'solution')
                return collapsedLine(t.role, t.summary);
            const summary = t.summary ? `▾ ${t.summary.replace(/<[^>]*>/g, '').trim()}\n\n` : '';
            return summary + this.parser.parse(t.tokens ?? []);
        },
    };
    return [inlineAction, block('katarunBlock'), block('katarunFile'), quiz, collapsed, details];
}
const SOLUTION_SUMMARY = /solution|answer|решени|ответ/i;
/**
 * `<details>` blocks (hints and solutions) are shown collapsed: a block-level html token that
 * opens one swallows every token up to the one that closes it, replaced by one marker token.
 */
export function collapseDetails(tokens) {
    const out = [];
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token.type !== 'html' || !/<details[\s>]/i.test(token.raw)) {
            out.push(token);
            continue;
        }
        let j = i;
        while (j < tokens.length && !/<\/details>/i.test(tokens[j].raw))
            j++;
        const raw = tokens.slice(i, j + 1).map((t) => t.raw).join('');
        const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(raw)?.[1] ?? '';
        const kind = SOLUTION_SUMMARY.test(summary) ? 'solution' : 'hint';
        out.push({ type: 'katarunCollapsed', raw: '', kind, summary });
        i = Math.min(j, tokens.length - 1);
    }
    return out;
}
//# sourceMappingURL=markdown-tokens.js.map