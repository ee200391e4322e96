// One step, headless: its foreground script, then every exec and file action of the body and
// the solution blocks in document order (hints are skipped), the solution script, and then
// its check, polled to the end. A command followed by an `interrupt` action is a watcher:
// it runs for the settle period and is then stopped with Ctrl-C, as a learner would. Quiz
// questions are answered from the scenario's own answer key (nobody is there to answer) and
// reported as such; they never fail the step.
import { terminalFor } from '../engine/action-runner.js';
import { abortableSleep } from '../engine/verify-poller.js';
import { answerKey, answerKeyText } from '../engine/quiz-answer.js';
export const OUTPUT_LINES = 40;
const runnable = (a) => (a.kind === 'exec' || a.kind === 'file') && a.context !== 'hint';
export async function runStep(engine, index, o) {
    const step = engine.scenario.steps[index];
    const started = o.now();
    const commands = [];
    const tails = new Map();
    const watchers = new Set();
    const off = engine.onEvent((e) => {
        if (e.type !== 'action-finished' || e.step !== index || e.action.kind !== 'exec')
            return;
        const a = e.action;
        const st = engine.store.getSnapshot().steps[index]?.actions.find((x) => x.id === a.id);
        tails.set(commands.length, e.tail);
        commands.push({
            text: a.text,
            terminal: terminalFor(a),
            exitCode: e.exitCode,
            durationMs: e.durationMs,
            interrupted: watchers.has(a.id) || st?.status === 'interrupted',
            timedOut: st?.status === 'timed-out',
        });
    });
    try {
        engine.goTo(index);
        await engine.pageReady();
        const actions = step.actions.filter(runnable);
        for (let k = 0; k < actions.length && !o.signal.aborted; k++) {
            const a = actions[k];
            const next = actions[k + 1];
            if (a.kind === 'exec' && next?.kind === 'exec' && next.interrupt) {
                watchers.add(a.id);
                const running = engine.runAction(a.id);
                await abortableSleep(o.settleMs, o.signal);
                engine.interrupt(terminalFor(a));
                await running;
            }
            else {
                await engine.runAction(a.id);
            }
        }
        if (!o.signal.aborted)
            await engine.runSolution(index);
        const quizzes = o.signal.aborted ? [] : step.quizzes.map((q, i) => ({
            id: q.id,
            question: q.question,
            kind: q.kind,
            answer: answerKeyText(q),
            answeredBy: 'answer-key',
            correct: engine.answerQuiz(i, answerKey(q)).correct,
        }));
        const outcome = o.signal.aborted ? undefined : await engine.checkToEnd(index);
        const check = engine.store.getSnapshot().steps[index].check;
        const base = { number: index + 1, title: step.title, commands, file: step.textFile ?? engine.scenario.indexFile, ...(quizzes.length ? { quizzes } : {}) };
        const durationMs = o.now() - started;
        if (outcome) {
            const passed = outcome.status === 'passed';
            return {
                ...base,
                status: passed ? 'passed' : 'failed',
                durationMs,
                check: { attempts: outcome.attempts, passed, timedOut: outcome.status === 'timed-out' },
                feedback: passed ? [] : check.feedback,
                ...(passed ? {} : { message: check.feedback[0] ?? `the check did not pass before its timeout (${outcome.attempts} attempts, last exit status ${check.lastExitCode ?? 'none'})` }),
                ...(passed || check.feedback[0] !== undefined ? {} : { reason: { kind: 'check-timeout', attempts: outcome.attempts, exitCode: check.lastExitCode ?? null } }),
                ...(check.expected !== undefined && !passed ? { expected: check.expected } : {}),
                ...(check.actual !== undefined && !passed ? { actual: check.actual } : {}),
                output: passed ? [] : lastLines(check.lastOutput, tails, commands),
            };
        }
        // No check: the step stands or falls with its commands.
        const bad = commands.findIndex((c) => c.timedOut || (!c.interrupted && c.exitCode !== 0));
        if (bad < 0)
            return { ...base, status: 'passed', durationMs, feedback: [], output: [] };
        const c = commands[bad];
        return {
            ...base,
            status: 'failed',
            durationMs,
            message: c.timedOut ? `\`${oneLine(c.text)}\` did not finish in time` : `\`${oneLine(c.text)}\` exited with status ${c.exitCode}`,
            reason: c.timedOut ? { kind: 'command-timed-out', command: oneLine(c.text) } : { kind: 'command-failed', command: oneLine(c.text), exitCode: c.exitCode },
            feedback: [],
            output: (tails.get(bad) ?? []).slice(-OUTPUT_LINES),
        };
    }
    finally {
        off();
    }
}
function oneLine(text) {
    const first = text.trim().split('\n')[0] ?? '';
    return first.length > 80 || text.trim().includes('\n') ? `${first.slice(0, 77)}…` : first;
}
/** The check's own output, preceded by the last command's when the check printed little. */
function lastLines(checkOut, tails, commands) {
    const last = commands.length > 0 ? (tails.get(commands.length - 1) ?? []) : [];
    if (checkOut.length >= OUTPUT_LINES || last.length === 0)
        return checkOut.slice(-OUTPUT_LINES);
    const room = OUTPUT_LINES - checkOut.length - 1;
    return [...last.slice(-room), '--- check output ---', ...checkOut];
}
//# sourceMappingURL=step-runner.js.map