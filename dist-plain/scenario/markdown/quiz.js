// Katacoda quizzes: `>>Q1: question<<` followed by answer lines — `=== exact`, `=~= contains`,
// `[*]`/`[ ]` multiple choice, `(*)`/`( )` single choice. Without this, `>>` is a blockquote.
const HEAD = /^ {0,3}>>\s*(?:(Q[\w.-]*)\s*:\s*)?(.*?)\s*<<[ \t]*(?:\n|$)/;
const ANSWER = /^ {0,3}(===|=~=|\[[ xX*]\]|\([ xX*]\))[ \t]*(.*?)[ \t]*(?:\n|$)/;
const kindOf = (mark) => mark === '===' ? 'exact' : mark === '=~=' ? 'contains' : mark.startsWith('[') ? 'multiple' : 'single';
export const quizExtension = {
    name: 'katarunQuiz',
    level: 'block',
    tokenizer(src) {
        const head = HEAD.exec(src);
        if (!head || head[2] === '' && head[1] === undefined)
            return undefined;
        let pos = head[0].length;
        const options = [];
        const correct = [];
        const kinds = new Set();
        const optionKinds = [];
        for (let m = ANSWER.exec(src.slice(pos)); m; m = ANSWER.exec(src.slice(pos))) {
            const kind = kindOf(m[1]);
            kinds.add(kind);
            optionKinds.push(kind);
            const isCorrect = kind === 'exact' || kind === 'contains' || /[xX*]/.test(m[1]);
            if (isCorrect)
                correct.push(options.length);
            options.push(m[2]);
            pos += m[0].length;
            if (m[0].length === 0)
                break;
        }
        const kind = kinds.size === 0 ? 'empty' : kinds.size > 1 ? 'mixed' : [...kinds][0];
        return {
            type: 'katarunQuiz',
            raw: src.slice(0, pos),
            ...(head[1] !== undefined ? { label: head[1] } : {}),
            question: head[2],
            kind,
            options,
            optionKinds,
            correct,
        };
    },
};
//# sourceMappingURL=quiz.js.map