// Katacoda quiz answers: whether a learner's answer is right, which questions of a step are
// still open, and the scenario's own answer key (what `katarun test` answers with). Pure.
/**
 * Forgiving about what a learner cannot see or did not mean: letter case, spaces around the
 * answer and runs of spaces inside it (a double space typed by accident is not a wrong answer).
 * Nothing else is relaxed: `===` still means the whole answer, `=~=` a part of it.
 */
export function normalizeAnswer(text) {
    return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
/** A single-choice question with no `(*)` option cannot be answered right; it must not lock the step. */
export function answerable(quiz) {
    return quiz.kind !== 'single' || quiz.correct.length > 0;
}
export function isCorrect(quiz, answer) {
    if (quiz.kind === 'exact' || quiz.kind === 'contains') {
        if (typeof answer !== 'string')
            return false;
        const typed = normalizeAnswer(answer);
        if (typed === '')
            return false;
        // Several `===` lines are several accepted answers: any one of them will do.
        return quiz.options.some((o) => (quiz.kind === 'exact' ? typed === normalizeAnswer(o) : typed.includes(normalizeAnswer(o))));
    }
    if (typeof answer === 'string')
        return false;
    const chosen = [...new Set(answer)].filter((i) => i >= 0 && i < quiz.options.length);
    if (chosen.length !== answer.length)
        return false;
    if (quiz.kind === 'single')
        return chosen.length === 1 && (!answerable(quiz) || quiz.correct.includes(chosen[0]));
    // Multiple choice: every starred option, and only those.
    return chosen.length === quiz.correct.length && chosen.every((i) => quiz.correct.includes(i));
}
/** The answer the scenario itself marks as right. */
export function answerKey(quiz) {
    if (quiz.kind === 'exact' || quiz.kind === 'contains')
        return quiz.options[0] ?? '';
    if (quiz.kind === 'single')
        return [quiz.correct[0] ?? 0];
    return [...quiz.correct];
}
/** The answer key as text, for reports. */
export function answerKeyText(quiz) {
    const key = answerKey(quiz);
    return typeof key === 'string' ? key : key.map((i) => quiz.options[i] ?? '').join(', ');
}
/** Index of the first question of the step not yet answered right, or -1. */
export function firstUnanswered(step, state) {
    return step.quizzes.findIndex((_, i) => state.quizAnswered[i] !== true);
}
export function quizzesDone(step, state) {
    return firstUnanswered(step, state) < 0;
}
//# sourceMappingURL=quiz-answer.js.map