// The live-region budget. Every line of the dynamic (non-<Static>) area is exactly one
// terminal row (each is truncated, never wrapped), so its height is a sum we can control:
// it must stay below the terminal's rows on every frame, or the terminal scrolls and Ink
// can no longer erase the previous frame. The sections give way in order of importance.

export interface StepLayoutInput {
  readonly rows: number;
  /** Actions of the step. */
  readonly actions: number;
  /** Lines the check wants (status + feedback + expected/actual). */
  readonly checkLines: number;
  /** A transient message line is shown. */
  readonly notice: boolean;
  /** A command is running (or ran), so the output tail is worth showing. */
  readonly output: boolean;
  /** The step has quiz questions: one row says how many are answered. */
  readonly quiz?: boolean;
}

export interface StepLayout {
  readonly header: number;
  readonly actions: number;
  readonly tail: number;
  readonly check: number;
  readonly quiz: number;
  readonly notice: number;
  readonly keys: number;
  readonly total: number;
}

const MAX_ACTIONS = 6;
const MAX_TAIL = 12;

/**
 * Hands out a terminal's rows in the order asked, each request getting what is left of it.
 * One row stays free: Ink ends every frame with a newline. `left()` says what is still free.
 */
function rowBudget(rows: number): {take: (want: number) => number; left: () => number} {
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

export function stepLayout(input: StepLayoutInput): StepLayout {
  const {take, left} = rowBudget(input.rows);
  const keys = take(1);
  const header = take(1);
  const check = take(Math.max(1, input.checkLines));
  const quiz = take(input.quiz ? 1 : 0);
  const notice = take(input.notice ? 1 : 0);
  // Keep at least three rows of output before giving the action list more than two.
  const actions = take(Math.min(input.actions, left() > 8 ? MAX_ACTIONS : 2));
  const tail = input.output ? take(MAX_TAIL) : 0;
  return {header, actions, tail, check, quiz, notice, keys, total: header + actions + tail + check + quiz + notice + keys};
}

export interface QuizLayoutInput {
  readonly rows: number;
  /** The question, wrapped to the width. */
  readonly questionLines: number;
  readonly options: number;
  /** A text question: one input row. */
  readonly input: boolean;
  readonly feedback: boolean;
  readonly message: boolean;
}

export interface QuizLayout {
  readonly header: number;
  readonly question: number;
  readonly options: number;
  readonly input: number;
  readonly feedback: number;
  readonly message: number;
  readonly keys: number;
  readonly total: number;
}

const MAX_QUESTION_LINES = 4;

/** The quiz prompt's rows: what to do, the question's first line and where to answer come first. */
export function quizLayout(q: QuizLayoutInput): QuizLayout {
  const {take} = rowBudget(q.rows);
  const keys = take(1);
  const header = take(1);
  const firstLine = take(Math.min(1, q.questionLines));
  const input = take(q.input ? 1 : 0);
  const firstOption = take(Math.min(1, q.options));
  const feedback = take(q.feedback ? 1 : 0);
  const options = firstOption + take(q.options - firstOption);
  const question = firstLine + take(Math.min(q.questionLines, MAX_QUESTION_LINES) - firstLine);
  const message = take(q.message ? 1 : 0);
  return {header, question, options, input, feedback, message, keys, total: header + question + options + input + feedback + message + keys};
}
