// The live-region budget. Every line of the dynamic (non-<Static>) area is exactly one
// terminal row (each is truncated, never wrapped), so its height is a sum we can control:
// it must stay below the terminal's rows on every frame, or the terminal scrolls and Ink
// can no longer erase the previous frame. The sections give way in order of importance.
const MAX_ACTIONS = 6;
const MAX_TAIL = 12;
/**
 * Hands out a terminal's rows in the order asked, each request getting what is left of it.
 * One row stays free: Ink ends every frame with a newline. `left()` says what is still free.
 */
function rowBudget(rows) {
    let free = Math.max(0, rows - 1);
    return {
        take(want) {
            const got = Math.max(0, Math.min(want, free));
            free -= got;
            return got;
        },
        left: () => free,
    };
}
export function stepLayout(input) {
    const { take, left } = rowBudget(input.rows);
    const keys = take(1);
    const header = take(1);
    const check = take(Math.max(1, input.checkLines));
    const quiz = take(input.quiz ? 1 : 0);
    const notice = take(input.notice ? 1 : 0);
    // Keep at least three rows of output before giving the action list more than two.
    const actions = take(Math.min(input.actions, left() > 8 ? MAX_ACTIONS : 2));
    const tail = input.output ? take(MAX_TAIL) : 0;
    return { header, actions, tail, check, quiz, notice, keys, total: header + actions + tail + check + quiz + notice + keys };
}
const MAX_QUESTION_LINES = 4;
/** The quiz prompt's rows: what to do, the question's first line and where to answer come first. */
export function quizLayout(q) {
    const { take } = rowBudget(q.rows);
    const keys = take(1);
    const header = take(1);
    const firstLine = take(Math.min(1, q.questionLines));
    const input = take(q.input ? 1 : 0);
    const firstOption = take(Math.min(1, q.options));
    const feedback = take(q.feedback ? 1 : 0);
    const options = firstOption + take(q.options - firstOption);
    const question = firstLine + take(Math.min(q.questionLines, MAX_QUESTION_LINES) - firstLine);
    const message = take(q.message ? 1 : 0);
    return { header, question, options, input, feedback, message, keys, total: header + question + options + input + feedback + message + keys };
}
//# sourceMappingURL=layout.js.map