import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
// The step screen's quiz line (how many questions are answered), and the quiz prompt in the live region: the question, then numbered options with ( )/(•) or
// [ ]/[x] marks, or a one-line input; the verdict of the last answer and the keys. Sized by
// quizLayout so it always stays shorter than the terminal.
import { Box, Text } from 'ink';
import { sanitizeText } from '../render/sanitize.js';
import { MessageLine, KeyHints } from './KeyHints.js';
import { wrapWords } from './format.js';
import { quizLayout } from './layout.js';
import { useEngine } from './use-engine.js';
const VERDICT_COLOR = { wrong: 'yellow', right: 'green', choose: 'blue', type: 'blue' };
export function QuizPrompt({ prompt, size, message, t }) {
    const engine = useEngine();
    const step = engine.scenario.steps[prompt.step];
    const quiz = step?.quizzes[prompt.question];
    if (!step || !quiz)
        return null;
    const choice = quiz.kind === 'single' || quiz.kind === 'multiple';
    const question = wrapWords(sanitizeText(quiz.question), size.columns - 2);
    const layout = quizLayout({
        rows: size.rows,
        questionLines: question.length,
        options: choice ? quiz.options.length : 0,
        input: !choice,
        feedback: prompt.verdict !== undefined,
        message: message !== undefined,
    });
    // The options window follows the cursor when they do not all fit.
    const count = quiz.options.length;
    const start = Math.max(0, Math.min(prompt.cursor - layout.options + 1, count - layout.options));
    const shown = choice ? quiz.options.slice(start, start + layout.options) : [];
    const verdict = prompt.verdict;
    const verdictText = verdict === 'wrong' ? `✘ ${t('quiz.wrong')}` : verdict === 'right' ? t('quiz.right') : verdict === 'choose' ? t('quiz.choose', { n: Math.min(9, count) }) : verdict === 'type' ? t('quiz.type') : '';
    const keys = quiz.kind === 'single' ? t('quiz.keysSingle') : quiz.kind === 'multiple' ? t('quiz.keysMultiple') : t('quiz.keysText');
    // The input shows its end when the answer is wider than the screen.
    const typed = Array.from(prompt.text).slice(-Math.max(1, size.columns - 4)).join('');
    return (_jsxs(Box, { flexDirection: "column", children: [layout.feedback > 0 && verdict === 'right' ? (_jsx(Text, { wrap: "truncate-end", color: "green", children: verdictText })) : null, layout.header > 0 ? (_jsxs(Text, { bold: true, color: "yellow", wrap: "truncate-end", children: ["? ", t('quiz.title', { i: prompt.question + 1, n: step.quizzes.length })] })) : null, question.slice(0, layout.question).map((line, i) => (_jsxs(Text, { bold: true, wrap: "truncate-end", children: ['  ', line] }, `q${i}`))), shown.map((option, k) => {
                const i = start + k;
                const on = prompt.selected.includes(i);
                const mark = quiz.kind === 'single' ? (on ? '(•)' : '( )') : on ? '[x]' : '[ ]';
                const here = i === prompt.cursor;
                return (_jsxs(Text, { wrap: "truncate-end", color: here ? 'cyan' : undefined, children: [here ? '›' : ' ', " ", i < 9 ? String(i + 1) : ' ', " ", mark, " ", sanitizeText(option)] }, `o${i}`));
            }), layout.input > 0 ? (_jsxs(Text, { wrap: "truncate-end", children: [_jsx(Text, { color: "cyan", children: "\u203A " }), typed, _jsx(Text, { inverse: true, children: " " })] })) : null, layout.feedback > 0 && verdict && verdict !== 'right' ? (_jsx(Text, { wrap: "truncate-end", color: VERDICT_COLOR[verdict], children: verdictText })) : null, layout.message > 0 ? _jsx(MessageLine, { message: message }) : null, layout.keys > 0 ? _jsx(KeyHints, { text: keys }) : null] }));
}
/** One row on the step screen: how many of the step's questions are answered right. */
export function QuizLine({ answered, t }) {
    const done = answered.filter(Boolean).length;
    const all = done === answered.length;
    return (_jsx(Text, { wrap: "truncate-end", color: all ? 'green' : 'yellow', children: all ? `✔ ${t('quiz.statusDone', { n: answered.length })}` : `? ${t('quiz.status', { done, n: answered.length })}` }));
}
//# sourceMappingURL=QuizPrompt.js.map