// A fake Engine over the real store, for component tests: it follows the Engine contract
// (src/engine/types.ts) closely enough for the UI, and records what the UI asked of it.
// Commands "run" without a shell; a test can hold them running and release them.

import type {ActionState, CheckState, Engine, EngineEvent, EngineState, StepState, TerminalState} from '../../src/engine/types.js';
import {createStore} from '../../src/engine/store.js';
import {firstUnanswered, isCorrect, type QuizAnswer} from '../../src/engine/quiz-answer.js';
import {enterPlan, mayLeave, REFUSAL_MESSAGES} from '../../src/engine/step-rules.js';
import {message} from '../../src/render/i18n.js';
import type {Action, Hint, Scenario, Step} from '../../src/scenario/model.js';
import type {ShellSession} from '../../src/shell/types.js';

const src = (file = '/s/step.md', line = 1) => ({file, line});

export function exec(id: number, text: string, terminal: `T${number}` = 'T1', interrupt = false): Action {
  return {id, text, kind: 'exec', terminal, interrupt, ctrlSeq: false, noNewline: false, source: src(), context: 'body', block: false};
}
export function copy(id: number, text: string): Action {
  return {id, text, kind: 'copy', source: src(), context: 'body', block: false};
}

export function step(index: number, title: string, body: string, actions: Action[], extra: Partial<Step> = {}): Step {
  return {kind: 'step', index, title, body, textFile: `/s/step${index + 1}.md`, actions, quizzes: [], images: [], hints: [], ...extra};
}

export function scenario(steps: Step[], extra: Partial<Scenario> = {}): Scenario {
  return {
    id: 'demo',
    title: 'Demo tutorial',
    description: 'A scenario for tests.',
    difficulty: 'beginner',
    time: '5 minutes',
    lang: 'en',
    languages: ['en', 'ru'],
    dir: '/s',
    indexFile: '/s/index.json',
    intro: {kind: 'intro', title: 'Intro', body: 'Welcome to **the demo**.', textFile: '/s/intro.md', actions: [], quizzes: [], images: []},
    steps,
    finish: {kind: 'finish', title: 'Finish', body: 'All done, well played.', textFile: '/s/finish.md', actions: [], quizzes: [], images: []},
    assets: [],
    environment: {kind: 'bash', tools: [], terminals: []},
    contentHash: 'x',
    diagnostics: [],
    ...extra,
  };
}

export const hint = (text: string): Hint => ({text, source: src()});

function checkState(step: Step): CheckState {
  return {status: step.check ? 'idle' : 'none', attempts: 0, feedback: [], lastOutput: []};
}

export class FakeEngine implements Engine {
  readonly store;
  readonly calls: string[] = [];
  /** When true, exec actions stay running until release(). */
  hold = false;
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private pending: Array<() => void> = [];
  readonly shell: FakeShell = new FakeShell();

  constructor(readonly scenario: Scenario) {
    const steps: StepState[] = scenario.steps.map((s) => ({
      index: s.index,
      status: 'pending',
      elapsedMs: 0,
      actions: s.actions.map((a) => ({id: a.id, status: 'idle'})),
      check: checkState(s),
      hintsShown: 0,
      solutionShown: false,
      quizAnswered: s.quizzes.map(() => false),
    }));
    this.store = createStore<EngineState>({phase: 'intro', stepIndex: 0, steps, terminals: {}, setup: {status: 'idle', lines: []}, notices: [], startedAt: 1000});
  }

  private set(update: (s: EngineState) => EngineState) {
    this.store.update(update);
  }
  private emit(e: EngineEvent) {
    for (const l of [...this.listeners]) l(e);
  }
  private patchStep(index: number, patch: (s: StepState) => StepState) {
    this.set((s) => ({...s, steps: s.steps.map((st) => (st.index === index ? patch(st) : st))}));
  }
  private patchAction(index: number, id: number, patch: Partial<ActionState>) {
    this.patchStep(index, (st) => ({...st, actions: st.actions.map((a) => (a.id === id ? {...a, ...patch} : a))}));
  }
  private setTerminal(id: string, patch: Partial<TerminalState>) {
    this.set((s) => ({...s, terminals: {...s.terminals, [id]: {id, started: true, tail: [], lineCount: 0, ...s.terminals[id], ...patch} as TerminalState}}));
  }

  onEvent(listener: (e: EngineEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  async start(from = 0) {
    this.calls.push(`start:${from}`);
    this.goto(from);
  }
  private goto(index: number) {
    this.set((s) => ({...s, phase: 'step', stepIndex: index}));
    this.patchStep(index, (st) => ({...st, status: 'active', startedAt: Date.now()}));
    this.emit({type: 'step-started', step: index});
  }
  private get current() {
    const s = this.store.getSnapshot();
    return {state: s, step: this.scenario.steps[s.stepIndex]!, st: s.steps[s.stepIndex]!};
  }
  async runAction(id: number) {
    this.calls.push(`action:${id}`);
    const {step, state} = this.current;
    const action = step.actions.find((a) => a.id === id);
    if (!action) return {};
    if (action.kind === 'copy') {
      this.patchAction(state.stepIndex, id, {status: 'done'});
      return {copied: action.text};
    }
    if (action.kind !== 'exec') return {};
    const index = state.stepIndex;
    this.patchAction(index, id, {status: 'running'});
    this.setTerminal(action.terminal, {running: {command: action.text, actionId: id, startedAt: Date.now()}, tail: [`output of ${action.text}`], lineCount: 1});
    this.emit({type: 'action-started', step: index, action, command: action.text});
    const finish = () => {
      this.patchAction(index, id, {status: 'done', exitCode: 0, durationMs: 5});
      this.setTerminal(action.terminal, {running: undefined});
      this.emit({type: 'action-finished', step: index, action, exitCode: 0, durationMs: 5, tail: [`output of ${action.text}`]});
    };
    if (this.hold) this.pending.push(finish);
    else finish();
    return {};
  }
  release() {
    const p = this.pending;
    this.pending = [];
    for (const f of p) f();
  }
  private canLeave(): boolean {
    const {st, step} = this.current;
    return mayLeave(step, st).ok;
  }
  async enter() {
    this.calls.push('enter');
    const {step, st} = this.current;
    // The engine's own step rules decide, so the fake cannot drift from the engine.
    const plan = enterPlan(step, st);
    if (plan.kind === 'run') {
      await this.runAction(plan.action.id);
      return 'ran' as const;
    }
    if (plan.kind === 'quiz') return 'quiz' as const;
    if (plan.kind === 'refused') return 'refused' as const;
    return this.advance();
  }
  answerQuiz(question: number, answer: QuizAnswer) {
    this.calls.push(`answer:${question}:${JSON.stringify(answer)}`);
    const {step, state} = this.current;
    const quiz = step.quizzes[question];
    if (!quiz) return {correct: false, done: false, reason: message('quiz.noQuestion', {n: question + 1})};
    const correct = isCorrect(quiz, answer);
    if (correct) this.patchStep(state.stepIndex, (st) => ({...st, quizAnswered: st.quizAnswered.map((x, i) => x || i === question)}));
    return {correct, done: firstUnanswered(step, this.current.st) < 0};
  }
  private advance(): 'advanced' | 'finished' {
    const {state} = this.current;
    this.patchStep(state.stepIndex, (st) => ({...st, status: 'passed', elapsedMs: 65_000}));
    if (state.stepIndex + 1 >= this.scenario.steps.length) {
      this.set((s) => ({...s, phase: 'finish'}));
      return 'finished';
    }
    this.goto(state.stepIndex + 1);
    return 'advanced';
  }
  next() {
    this.calls.push('next');
    const leave = mayLeave(this.current.step, this.current.st);
    if (!leave.ok) return {ok: false, reason: REFUSAL_MESSAGES[leave.reason], code: leave.reason} as const;
    this.advance();
    return {ok: true} as const;
  }
  prev() {
    this.calls.push('prev');
    const {state} = this.current;
    if (state.stepIndex === 0) return {ok: false, reason: REFUSAL_MESSAGES['first-step'], code: 'first-step'} as const;
    this.goto(state.stepIndex - 1);
    return {ok: true} as const;
  }
  interrupt(terminal?: `T${number}`) {
    this.calls.push(`interrupt:${terminal ?? ''}`);
  }
  revisit() {
    this.calls.push('revisit');
    return false;
  }
  cancel(terminal?: `T${number}`) {
    this.calls.push(`cancel:${terminal ?? ''}`);
    return false;
  }
  async recheck() {
    this.calls.push('recheck');
  }
  revealHint() {
    const {step, st, state} = this.current;
    const h = step.hints[st.hintsShown];
    if (!h) return undefined;
    this.patchStep(state.stepIndex, (x) => ({...x, hintsShown: x.hintsShown + 1}));
    return h;
  }
  solution() {
    const {step} = this.current;
    return step.answer ? {markdown: step.answer.body} : undefined;
  }
  async terminal() {
    this.calls.push('terminal');
    return this.shell as ShellSession;
  }
  resize(cols: number, rows: number) {
    this.calls.push(`resize:${cols}x${rows}`);
  }
  async dispose() {
    this.calls.push('dispose');
  }
  /** Test controls. */
  setCheck(patch: Partial<CheckState>) {
    const {state} = this.current;
    this.patchStep(state.stepIndex, (st) => ({...st, check: {...st.check, ...patch}}));
    if (patch.status === 'passed') this.emit({type: 'check-attempt', step: state.stepIndex, passed: true, feedback: []});
  }
  setTail(terminal: string, lines: string[], running?: string) {
    this.setTerminal(terminal, {tail: lines, lineCount: lines.length, running: running ? {command: running, startedAt: Date.now()} : undefined});
  }
}

export class FakeShell implements Partial<ShellSession> {
  readonly name = 'T1';
  readonly kind = 'pty' as const;
  readonly pid = 1;
  readonly logFile = '/tmp/t1.log';
  readonly envFile = '/tmp/env';
  readonly cwdFile = '/tmp/cwd';
  readonly busy = false;
  written: string[] = [];
  write(data: string) {
    this.written.push(data);
  }
  screen() {
    return '$ ';
  }
  onOutput() {
    return () => undefined;
  }
  onExit() {
    return () => undefined;
  }
  resize() {}
}
