// The run of one scenario: intro → setup → steps → finish, over persistent terminals. It
// owns the state (through the store) and the lifecycle of everything it starts; it never
// writes to stdout and knows nothing of React. Pieces with one job each live beside it:
// terminals, actions, checks, background scripts, workspace, progress.

import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Action, Hint, Page, Scenario, Script, TerminalId} from '../scenario/model.js';
import {endSandbox} from '../shell/index.js';
import type {ShellSession} from '../shell/types.js';
import {runAction, terminalFor, type ActionContext} from './action-runner.js';
import {BackgroundScripts} from './background-scripts.js';
import {CheckController} from './check-controller.js';
import {defaultDirs, environmentStateDir, newRunId, runLogDir, runWorkspaceDir, workspaceDir, type EngineDirs} from './dirs.js';
import type {EngineOptions, RunEngine} from './engine-options.js';
import {environmentProvider} from './environment/index.js';
import type {EnvironmentOptions} from './environment/types.js';
import {EngineLifecycle} from './engine-lifecycle.js';
import {quizzesDone} from './quiz-answer.js';
import {enterPlan} from './step-rules.js';
import {initialState, reduce, stepElapsed, type EngineMsg} from './reducer.js';
import {checkEnv, katarunVars, plainEnv, scriptEnv} from './script-env.js';
import {createStore} from './store.js';
import {TerminalPool} from './terminals.js';
import {message, type Message, type Text} from '../render/i18n.js';
import type {EngineEvent, EngineState, NextResult, RevealedHint} from './types.js';
import {defaultPathMapper} from './path-mapper.js';
import {scenarioWorld} from './scenario-world.js';
import {defaultShellPort} from './shell-port-default.js';
import {mapInto} from './workspace.js';

export function createEngine(scenario: Scenario, options: EngineOptions = {}): RunEngine {
  const now = options.now ?? Date.now;
  const dirs: EngineDirs = options.dirs ?? defaultDirs();
  const map = options.mapPath ?? defaultPathMapper;
  // A headless run gets a workspace and logs of its own; the TUI's workspace is the scenario's.
  const runId = options.runId ?? newRunId(now());
  const workspace = options.runId !== undefined ? runWorkspaceDir(dirs, scenario, runId) : workspaceDir(dirs, scenario);
  const logDir = runLogDir(dirs, scenario, runId);
  const shellEnvFile = join(logDir, 'shell-env.sh');
  const store = createStore<EngineState>(initialState(scenario, now()));
  const listeners = new Set<(e: EngineEvent) => void>();
  const userEnv = plainEnv(options.env ?? process.env);
  const world = scenarioWorld({
    scenario,
    workspace,
    userEnv,
    mode: options.sandbox ?? 'auto',
    // A kind scenario's setup downloads its tools (istioctl) into katarun's cache.
    writable: [logDir, environmentStateDir(dirs, scenario.id), ...(scenario.environment.kind === 'kind' ? [dirs.cache] : [])],
  });
  const port = world.port(options.port ?? defaultShellPort());
  const base = world.env;
  const vars = katarunVars(scenario, dirs, {workspace: world.homeSeen, shellEnvFile});
  let prepared: Readonly<Record<string, string>> = {};
  let noticeId = 0;

  const dispatch = (msg: EngineMsg) => store.update((s) => reduce(s, msg));
  const emit = (e: EngineEvent) => {
    for (const l of [...listeners]) l(e);
  };
  const notice = (level: 'info' | 'warning' | 'error', said: Message) => {
    const n = {id: ++noticeId, level, message: said, at: now()};
    dispatch({type: 'notice', notice: n});
    emit({type: 'notice', notice: n});
  };
  const shellEnv = () => scriptEnv(base, prepared, vars);
  // Its output is the hint; it arrives as a notice, since the script may take a moment.
  const runHintScript = async (script: Script, seconds: number) => {
    const r = await port.runScript(script, {cwd: workspace, env: shellEnv(), timeoutMs: 10_000, args: [String(seconds)]});
    const text = r.output.trim();
    if (r.exitCode !== 0) notice('warning', message('notice.hintFailed', {code: String(r.exitCode ?? r.signal), line: text.split('\n').at(-1) ?? ''}));
    else notice('info', text ? message('notice.hint', {text}) : message('notice.noHintYet', {seconds}));
  };

  const terminals = new TerminalPool({
    port,
    kind: options.shell ?? 'auto',
    cwd: workspace,
    env: shellEnv,
    logDir,
    shellEnvFile,
    pinned: () => prepared,
    batchMs: options.outputBatchMs ?? 75,
    dispatch,
    notice,
    ...(options.size ? {size: options.size} : {}),
  });
  const background = new BackgroundScripts(port, logDir);
  const t1Snapshot = async () => {
    if (!terminals.has('T1')) return undefined;
    const s = await terminals.session('T1').catch(() => undefined);
    return s ? {envFile: s.envFile, cwdFile: s.cwdFile} : undefined;
  };
  const checks = new CheckController({
    scenario,
    context: {port, snapshot: t1Snapshot, env: (learner) => checkEnv(base, learner, prepared, vars), workspace, logFile: join(logDir, 'checks.log')},
    dispatch,
    emit,
    now,
    ...(options.checkTimeoutMs !== undefined ? {timeoutOverrideMs: options.checkTimeoutMs} : {}),
    onPassed: (step) => {
      const st = store.getSnapshot().steps[step];
      // A step with quiz questions still open is not done yet; the last right answer finishes it.
      if (st && st.status !== 'passed' && quizzesDone(scenario.steps[step]!, st)) life.finishStep(step, 'passed');
    },
  });
  const actionCtx: ActionContext = {
    port,
    terminals,
    dispatch,
    emit,
    notice,
    mapPath: (p) => mapInto(map, p, workspace),
    workspace,
    ...(options.commandTimeoutMs ? {commandTimeoutMs: options.commandTimeoutMs} : {}),
  };
  const envOptions = (log: (line: Text) => void): EnvironmentOptions => ({
    createCluster: options.createCluster ?? false,
    ...(options.useExistingCluster ? {useExistingCluster: true} : {}),
    ...(options.context ? {context: options.context} : {}),
    stateDir: environmentStateDir(dirs, scenario.id),
    cacheDir: dirs.cache,
    env: userEnv,
    log,
  });

  const life = new EngineLifecycle({
    scenario, dirs, workspace, logDir, map, store, dispatch, emit, notice, now, terminals, background, checks, port, shellEnv,
    progress: options.progress ?? true,
    autoCheck: options.autoCheck ?? true,
    ...(options.freshWorkspace !== undefined ? {freshWorkspace: options.freshWorkspace} : {}),
    ...(options.setupTimeoutMs !== undefined ? {setupTimeoutMs: options.setupTimeoutMs} : {}),
    prepare: async (log) => {
      const provider = await environmentProvider(scenario.environment);
      prepared = (await provider.prepare(scenario, envOptions(log))).env;
      mkdirSync(logDir, {recursive: true, mode: 0o700});
      writeFileSync(shellEnvFile, '', {flag: 'a', mode: 0o600});
    },
  });

  const currentPage = (): {page: Page | undefined; step: number} => {
    const s = store.getSnapshot();
    if (s.phase === 'step') return {page: scenario.steps[s.stepIndex], step: s.stepIndex};
    return {page: s.phase === 'finish' ? scenario.finish : scenario.intro, step: -1};
  };

  if (world.notice) notice('warning', message('notice.noSandbox', {why: message(`sandbox.why.${world.capability.reason ?? 'failed'}`)}));
  const engine: RunEngine = {
    scenario,
    store,
    workspace,
    logDir,
    sandbox: world.capability,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    problems: () => life.problems(),
    async preflight() {
      const provider = await environmentProvider(scenario.environment);
      return provider.preflight(scenario, envOptions(() => {}));
    },
    start: (from = 0) => life.start(from),
    async runAction(id) {
      const {page, step} = currentPage();
      const action: Action | undefined = page?.actions.find((a) => a.id === id);
      if (!action) return {};
      const out = await runAction(actionCtx, step, action);
      if ((action.kind === 'exec' || action.kind === 'file') && step >= 0) life.maybeAutoPoll(step);
      return out.copied !== undefined ? {copied: out.copied} : {};
    },
    async enter() {
      const s = store.getSnapshot();
      if (s.phase === 'intro') {
        await life.start(0);
        return 'advanced';
      }
      if (s.phase === 'finish' || s.phase === 'closed') return 'finished';
      if (s.phase !== 'step') return 'refused';
      const plan = enterPlan(scenario.steps[s.stepIndex]!, s.steps[s.stepIndex]!);
      if (plan.kind === 'run') {
        await engine.runAction(plan.action.id);
        return 'ran';
      }
      if (plan.kind === 'quiz') return 'quiz';
      const r = engine.next();
      if (!r.ok) return 'refused';
      return store.getSnapshot().phase === 'finish' ? 'finished' : 'advanced';
    },
    next: (): NextResult => life.next(),
    revisit: () => life.revisit(),
    answerQuiz: (question, answer) => life.answerQuiz(question, answer),
    prev: (): NextResult => life.prev(),
    interrupt(terminal?: TerminalId) {
      void terminals.interrupt(terminal ?? 'T1');
    },
    cancel(terminal?: TerminalId) {
      const ids = terminal ? [terminal] : (Object.keys(store.getSnapshot().terminals) as TerminalId[]);
      return ids.map((id) => terminals.cancel(id)).some(Boolean);
    },
    async recheck() {
      const s = store.getSnapshot();
      if (s.phase === 'step') await checks.once(s.stepIndex);
    },
    revealHint(): RevealedHint | undefined {
      const s = store.getSnapshot();
      if (s.phase !== 'step') return undefined;
      const hints = scenario.steps[s.stepIndex]!.hints;
      const st = s.steps[s.stepIndex]!;
      let hint: Hint | undefined = hints[st.hintsShown];
      if (hint) dispatch({type: 'hint-shown', step: s.stepIndex});
      // A Katacoda challenge hint script says more the longer the learner has been on the
      // step, so once every hint was shown, asking again re-runs the last one if it is a script.
      else if (hints.at(-1)?.script) hint = hints.at(-1);
      if (!hint?.script) return hint;
      const seconds = Math.floor(stepElapsed(st, now()) / 1000);
      void runHintScript(hint.script, seconds);
      return hint.text ? hint : {...hint, asking: message('hint.asking', {n: seconds})};
    },
    solution() {
      const s = store.getSnapshot();
      const step = s.phase === 'step' ? scenario.steps[s.stepIndex] : undefined;
      if (!step || (!step.answer && !step.solution)) return undefined;
      dispatch({type: 'solution-shown', step: s.stepIndex});
      let script: string | undefined;
      try {
        script = step.solution ? readFileSync(step.solution.path, 'utf8') : undefined;
      } catch {
        script = undefined;
      }
      return {...(step.answer ? {markdown: step.answer.body} : {}), ...(script !== undefined ? {script} : {})};
    },
    terminal: (id?: TerminalId): Promise<ShellSession> => terminals.session(id ?? 'T1'),
    resize: (cols, rows) => terminals.resize(cols, rows),
    // The run's sandbox namespace goes last, with whatever the scenario left running in it.
    dispose: () => life.dispose().finally(() => endSandbox(world.spec)),
    goTo: (i) => life.enterStep(i),
    pageReady: () => life.pageReady(),
    runSolution: (step) => life.runSolution(step),
    settleTerminal: (id, ended, signal) => terminals.settle(id, ended, signal),
    serving: (id) => terminals.serving(id),
    awaitsInput: (id) => terminals.awaitsInput(id),
    foregroundPrograms: (id) => terminals.foregroundPrograms(id),
    typeKeys: (id, keys) => terminals.type(id, keys),
    checkToEnd: async (step) => checks.poll(step),
    finishStep: (step, status) => life.finishStep(step, status),
    finish: () => life.enterFinish(),
  };
  return engine;
}

export {terminalFor};
