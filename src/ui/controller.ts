// Turns intents (from the key map) into engine calls and UI changes. Plain TypeScript, so
// the key contract's behaviour is testable against the engine (over a scripted shell port) without rendering.

import type {Engine, EngineState} from '../engine/types.js';
import type {CopyResult} from '../render/clipboard.js';
import {errorParam, type Translate} from '../render/i18n.js';
import type {Intent, Screen} from './keymap.js';
import type {EngineChoice, ScenarioSession} from './session.js';
import {handleQuizIntent, openQuiz} from './quiz-controller.js';
import {SECOND_DIGIT_MS, typeDigit} from './action-number.js';
import {createReading} from './reading-controller.js';
import type {PreflightReport} from '../engine/environment/types.js';
import {copiedText, hintText, solutionText, type RenderContext} from './transcript.js';
import type {UiEvent, UiState} from './ui-state.js';

export interface ControllerDeps {
  readonly screen: () => Screen;
  readonly engine: () => Engine | undefined;
  readonly session: () => ScenarioSession | undefined;
  readonly ui: () => UiState;
  readonly dispatch: (event: UiEvent) => void;
  /** Print finished text into the transcript (<Static>). */
  readonly print: (text: string) => void;
  readonly copy: (text: string) => Promise<CopyResult>;
  readonly exit: (code: number) => void;
  /** Create the engine (asking nothing more) and start it at step `from`. */
  readonly start: (from: number, choice: EngineChoice) => void;
  /** Open the entry under the picker's cursor. */
  readonly pick: () => void;
  readonly pickerCount: () => number;
  /** Hand the terminal to the shell. */
  readonly shell: () => void;
  readonly render: () => RenderContext;
  readonly t: Translate;
}

/** The terminal with a command running (or an action waiting for it), if any. */
export function runningTerminal(terminals: EngineState['terminals']): string | undefined {
  return Object.values(terminals).find((term) => term.running ?? term.waiting)?.id;
}

/** The terminal an action waits for, busy with something the learner started there. */
export function waitingTerminal(terminals: EngineState['terminals']): EngineState['terminals'][string] | undefined {
  return Object.values(terminals).find((term) => term.waiting);
}

export function createController(deps: ControllerDeps): (intent: Intent) => void {
  const {t, dispatch} = deps;
  const say = (text: string, level: 'info' | 'warning' | 'error' = 'info') => dispatch({type: 'message', message: {text, level}});
  const fail = (err: unknown) => say(t('error.engine', {message: errorParam(err)}), 'error');
  const guard = (work: Promise<unknown> | undefined) => void work?.catch(fail);

  const currentStep = (engine: Engine) => {
    const state = engine.store.getSnapshot();
    return {state, step: engine.scenario.steps[state.stepIndex]};
  };


  const runAction = (engine: Engine, id: number) => {
    const {step} = currentStep(engine);
    if (!step?.actions.some((a) => a.id === id)) return say(t('action.none', {n: id}), 'warning');
    guard(
      engine.runAction(id).then(async (result) => {
        if (result.copied !== undefined) deps.print(copiedText(await deps.copy(result.copied), t));
      }),
    );
  };

  const copyNext = (engine: Engine) => {
    const {state, step} = currentStep(engine);
    const copies = step?.actions.filter((a) => a.kind === 'copy') ?? [];
    if (copies.length === 0) return say(t('copy.nothing'), 'warning');
    const statuses = state.steps[state.stepIndex]?.actions ?? [];
    const fresh = copies.find((a) => (statuses.find((s) => s.id === a.id)?.status ?? 'idle') === 'idle');
    runAction(engine, (fresh ?? copies[0]!).id);
  };

  const ctrlC = () => {
    const engine = deps.engine();
    const running = engine && runningTerminal(engine.store.getSnapshot().terminals);
    if (engine && running) {
      engine.interrupt(running as `T${number}`);
      dispatch({type: 'arm-ctrl-c', armed: false});
      return say(t('ctrlc.sent'));
    }
    if (deps.ui().ctrlCArmed) return deps.exit(130);
    dispatch({type: 'arm-ctrl-c', armed: true});
    say(t('ctrlc.again'), 'warning');
  };

  // A machine that is not ready (no Docker, a tool missing…) runs nothing: the intro lists the
  // problems, Enter says so, r reads the steps without running them, and quitting exits 3 — the
  // same contract as `katarun test`.
  let notReady = false;
  let failedChecks = '';
  /** Run the session's machine checks (once: the session caches them), then `then` with the verdict. */
  const withPreflight = (session: ScenarioSession, then: (ready: boolean) => void) => {
    if (!session.preflight) return then(true);
    dispatch({type: 'starting', starting: true});
    session
      .preflight()
      .then((report: PreflightReport) => {
        dispatch({type: 'starting', starting: false});
        notReady = !report.ready;
        const failed = report.checks.filter((c) => !c.ok);
        const errors = failed.filter((c) => c.severity === 'error');
        failedChecks = (errors.length > 0 ? errors : failed).map((c) => c.id).join(', ');
        then(report.ready);
      })
      .catch((err: unknown) => {
        dispatch({type: 'starting', starting: false});
        fail(err);
      });
  };
  const introEnter = (fromStart: boolean) => {
    const session = deps.session();
    if (!session || deps.ui().starting) return;
    // A finished scenario is not continued (there is nothing left): Enter reviews it.
    if (session.finished && !fromStart) return reading.open('review');
    withPreflight(session, (ready) => {
      if (!ready) return say(t('intro.refused', {id: session.scenario.id}), 'error');
      introStart(session, fromStart);
    });
  };
  const read = () => {
    const session = deps.session();
    if (!session || deps.ui().starting) return;
    if (session.finished) return reading.open('review');
    withPreflight(session, (ready) => {
      if (!ready) reading.open('not-ready', failedChecks);
    });
  };
  /** o: with progress to lose, only after a yes. */
  const startOver = () => {
    const session = deps.session();
    if (session && (session.finished || session.resumeStep)) return dispatch({type: 'overlay', overlay: 'confirm-restart'});
    introEnter(true);
  };
  // Starting asks, in this order, what the learner must agree to: a separate copy when another
  // katarun has the scenario open, creating a missing cluster, using a cluster katarun did not
  // create. Each yes is remembered in `choice`; the last question starts the engine.
  let pendingFrom = 0;
  let choice: EngineChoice = {createCluster: false};
  const introStart = (session: ScenarioSession, fromStart: boolean) => {
    pendingFrom = fromStart ? 0 : (session.resumeStep ?? 0);
    choice = {createCluster: false};
    if (session.openElsewhere) return dispatch({type: 'overlay', overlay: 'confirm-separate'});
    askCluster(session);
  };
  const askCluster = (session: ScenarioSession) => {
    if (session.clusterToCreate) return dispatch({type: 'ask-cluster', cluster: session.clusterToCreate});
    if (!session.missingCluster && !session.foreignCluster) return deps.start(pendingFrom, choice);
    dispatch({type: 'starting', starting: true});
    const ask = async () => {
      const missing = await session.missingCluster?.();
      if (missing) return dispatch({type: 'ask-cluster', cluster: missing});
      const foreign = await session.foreignCluster?.();
      if (foreign) return dispatch({type: 'ask-cluster', cluster: foreign, overlay: 'confirm-foreign-cluster'});
      deps.start(pendingFrom, choice);
    };
    ask()
      .catch(fail)
      .finally(() => dispatch({type: 'starting', starting: false}));
  };
  const reading = createReading({
    session: deps.session,
    ui: deps.ui,
    dispatch,
    print: deps.print,
    say,
    render: deps.render,
    startOver: () => dispatch({type: 'overlay', overlay: 'confirm-restart'}),
    t,
  });

  // A first digit that may start a two-digit action number waits here (see action-number.ts).
  let pendingDigit: {readonly digit: number; readonly timer: ReturnType<typeof setTimeout>} | undefined;
  const takePending = (): number | undefined => {
    if (!pendingDigit) return undefined;
    clearTimeout(pendingDigit.timer);
    const {digit} = pendingDigit;
    pendingDigit = undefined;
    return digit;
  };
  const typeActionDigit = (engine: Engine, digit: number) => {
    const {step} = currentStep(engine);
    const count = Math.max(0, ...(step?.actions.map((a) => a.id) ?? []));
    const outcome = typeDigit(digit, count, takePending());
    if ('run' in outcome) return runAction(engine, outcome.run);
    const timer = setTimeout(() => {
      const lone = takePending();
      if (lone === undefined) return;
      dispatch({type: 'message', message: undefined});
      runAction(engine, lone);
    }, SECOND_DIGIT_MS);
    timer.unref?.();
    pendingDigit = {digit: outcome.pending, timer};
    say(t('action.pending', {n: outcome.pending, from: outcome.from, to: outcome.to}));
  };

  const answer = (yes: boolean) => {
    const overlay = deps.ui().overlay;
    dispatch({type: 'overlay', overlay: 'none'});
    const session = deps.session();
    if (!yes) {
      if (overlay === 'confirm-separate') return deps.exit(0);
      if (overlay === 'confirm-foreign-cluster') return say(t('foreignCluster.refused', {name: deps.ui().cluster ?? ''}), 'error');
      return;
    }
    const engine = deps.engine();
    if (overlay === 'confirm-quit') return deps.exit(0);
    if (overlay === 'confirm-share') {
      session?.classroom?.shareTerminal(true);
      return say(t('class.share.on'));
    }
    if (overlay === 'confirm-separate' && session) {
      // A fresh workspace has none of the steps done: it starts at the first.
      pendingFrom = 0;
      choice = {...choice, separate: true};
      return askCluster(session);
    }
    if (overlay === 'confirm-cluster') return deps.start(pendingFrom, {...choice, createCluster: true});
    if (overlay === 'confirm-foreign-cluster') return deps.start(pendingFrom, {...choice, useExistingCluster: true});
    if (overlay === 'confirm-restart') {
      dispatch({type: 'reading', reading: undefined});
      return introEnter(true);
    }
    if (overlay === 'confirm-solution' && engine) {
      const solution = engine.solution();
      if (!solution || (!solution.markdown && !solution.script)) return say(t('solution.none'), 'warning');
      const file = engine.scenario.steps[engine.store.getSnapshot().stepIndex]?.textFile ?? engine.scenario.indexFile;
      deps.print(solutionText(solution, file, deps.render()));
    }
  };

  return (intent) => {
    if (intent.type !== 'ctrl-c' && deps.ui().ctrlCArmed) dispatch({type: 'arm-ctrl-c', armed: false});
    if (intent.type !== 'ctrl-c' && deps.ui().message) dispatch({type: 'message', message: undefined});
    const screen = deps.screen();
    const engine = deps.engine();
    // A waiting first digit: a second digit completes it, Enter runs it alone, anything else drops it.
    if (pendingDigit && intent.type !== 'action') {
      const lone = takePending();
      if (intent.type === 'enter' && engine && lone !== undefined) return runAction(engine, lone);
    }
    if (screen === 'reading' && ['enter', 'next', 'prev', 'action', 'start-over', 'cancel'].includes(intent.type)) return reading.handle(intent);
    if (intent.type.startsWith('quiz-')) {
      if (engine) handleQuizIntent(intent, {engine, prompt: deps.ui().quiz, dispatch, say, print: deps.print, t});
      return;
    }
    switch (intent.type) {
      case 'ctrl-c':
        return ctrlC();
      case 'help':
        return dispatch({type: 'overlay', overlay: 'help'});
      case 'close':
        return dispatch({type: 'overlay', overlay: 'none'});
      case 'yes':
      case 'no':
        return answer(intent.type === 'yes');
      case 'quit': {
        const running = engine && runningTerminal(engine.store.getSnapshot().terminals);
        if (running) return dispatch({type: 'overlay', overlay: 'confirm-quit'});
        return deps.exit((screen === 'intro' || screen === 'reading') && notReady ? 3 : 0);
      }
      case 'up':
      case 'down':
        return dispatch({type: 'picker-move', by: intent.type === 'up' ? -1 : 1, count: deps.pickerCount()});
      case 'start-over':
        return startOver();
      case 'read':
        return read();
      case 'enter':
        if (screen === 'picker') return deps.pick();
        if (screen === 'intro') return introEnter(false);
        if (screen === 'finish') return deps.exit(0);
        if (screen === 'step' && engine) {
          guard(
            engine.enter().then((r) => {
              if (r === 'refused') say(t('enter.refused'), 'warning');
              // No command left and a question open: Enter leads to the quiz.
              if (r === 'quiz') openQuiz(engine, dispatch, deps.ui().quiz);
            }),
          );
        }
        return;
      default:
        break;
    }
    if (!engine) return;
    switch (intent.type) {
      case 'action':
        return typeActionDigit(engine, intent.id);
      case 'copy-next':
        return copyNext(engine);
      case 'next':
      case 'prev': {
        const result = intent.type === 'next' ? engine.next() : engine.prev();
        if (!result.ok) say(t(result.reason), 'warning');
        return;
      }
      case 'hint': {
        const hint = engine.revealHint();
        if (!hint) return say(t('hint.none'));
        const {state, step} = currentStep(engine);
        const shown = state.steps[state.stepIndex]?.hintsShown ?? 1;
        return deps.print(hintText(hint.text || (hint.asking ? t(hint.asking) : ''), shown, step?.hints.length ?? shown, hint.source.file, deps.render()));
      }
      case 'solution':
        return dispatch({type: 'overlay', overlay: 'confirm-solution'});
      case 'recheck':
        return guard(engine.recheck());
      case 'revisit':
        if (!engine.revisit()) say(t('revisit.none'));
        return;
      case 'cancel': {
        const waiting = waitingTerminal(engine.store.getSnapshot().terminals);
        if (waiting && engine.cancel(waiting.id)) say(t('busy.cancelled', {id: waiting.id}));
        return;
      }
      case 'hand': {
        const classroom = deps.session()?.classroom;
        if (!classroom) return;
        const hand = classroom.toggleHand();
        return say(hand.up ? t('class.handUp', {step: hand.step + 1}) : t('class.handDown'));
      }
      case 'share': {
        const classroom = deps.session()?.classroom;
        if (!classroom) return;
        if (classroom.sharingTerminal()) {
          classroom.shareTerminal(false);
          return say(t('class.share.off'));
        }
        // What would be shared, in full, before the yes/no: nothing is sent until the yes.
        deps.print(t('class.share.what'));
        return dispatch({type: 'overlay', overlay: 'confirm-share'});
      }
      case 'shell':
        return deps.shell();
      default:
        return;
    }
  };
}
