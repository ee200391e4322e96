// `katarun run <scenario>`: open a scenario in the terminal UI. Loads and checks the scenario
// (errors → compiler-style diagnostics, exit 2, nothing mounted), prepares what the intro
// shows (saved progress, the machine's preflight), and hands the UI a session whose engine is
// created only when the learner starts. `open.ts` reuses the pieces for `katarun [<scenario>]`.

import {parseChoice, parseCommandArgs, parseDuration} from '../args.js';
import {plainEnv} from '../../engine/script-env.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message} from '../../render/message.js';
import {traceStartup} from '../trace.js';
import {shq} from '../../shell/bash-quote.js';
import type {Scenario} from '../../scenario/model.js';
import type {PreflightReport} from '../../engine/environment/types.js';
import type {PickerSource, ScenarioSession} from '../../ui/session.js';
import type {ClassroomLinkHandle} from '../../class/classroom-link.js';

const HELP = `Usage: katarun run <scenario> [options]

Open a scenario in the terminal UI. <scenario> is a folder with an index.json, or the id of
a bundled scenario (basics, istio-egress).

Options:
  --lang xx                  the scenario's language (its _xx/ translation) and the UI's
  --shell pty|pipe           the kind of shell the steps run in (default: pty when available)
  --context NAME             use this kube context instead of a kind cluster
  --sandbox auto|bwrap|none  run the scenario's processes in a bubblewrap sandbox (default
                             auto: where bwrap works; none runs them as you, on your files)
  --create-cluster           create the kind cluster without asking
  --use-existing-cluster     use a kind cluster of the scenario's name katarun did not create
  --check-timeout DURATION   give every check this long (e.g. 30s, 5m)
  --join URL                 report to an instructor's class board (katarun class serve)
  --name NAME                your name on the class board (default: your user name)
  --share-terminal           in a class, also share your terminal's recent output (T in a step turns it on or off)
  -h, --help                 show this help

Keys: Enter next · 1–99 action · c copy · n/p step · s shell (Ctrl-] back) · h hint ·
a solution · r check · ! raise a hand, T share the terminal (--join) · ? help · q quit · Ctrl-C interrupt (twice: quit)
`;

export const SANDBOX_MODES = ['auto', 'bwrap', 'none'] as const;

export const TUI_OPTIONS = {
  lang: {type: 'string'},
  shell: {type: 'string'},
  context: {type: 'string'},
  sandbox: {type: 'string'},
  'use-existing-cluster': {type: 'boolean'},
  'create-cluster': {type: 'boolean'},
  'check-timeout': {type: 'string'},
  join: {type: 'string'},
  name: {type: 'string'},
  'share-terminal': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
} as const;

export interface TuiFlags {
  readonly lang?: string;
  readonly shell?: 'pty' | 'pipe';
  readonly context?: string;
  readonly sandbox?: 'auto' | 'bwrap' | 'none';
  readonly useExistingCluster?: boolean;
  readonly createCluster: boolean;
  readonly checkTimeoutMs?: number;
  readonly join?: string;
  readonly name?: string;
  readonly shareTerminal?: boolean;
}

export function readFlags(values: {lang?: string; shell?: string; context?: string; sandbox?: string; 'use-existing-cluster'?: boolean; 'create-cluster'?: boolean; 'check-timeout'?: string; join?: string; name?: string; 'share-terminal'?: boolean}): TuiFlags {
  return {
    useExistingCluster: values['use-existing-cluster'] ?? false,
    join: values.join,
    name: values.name,
    ...(values['share-terminal'] ? {shareTerminal: true} : {}),
    lang: values.lang,
    shell: parseChoice(values.shell, ['pty', 'pipe'], '--shell', 'shellKind'),
    sandbox: parseChoice(values.sandbox, SANDBOX_MODES, '--sandbox', 'sandboxMode'),
    context: values.context,
    createCluster: values['create-cluster'] ?? false,
    checkTimeoutMs: values['check-timeout'] !== undefined ? parseDuration(values['check-timeout'], '--check-timeout') : undefined,
  };
}

/** The learner's environment as katarun found it: the shells and checks get this one, not the
 * NODE_ENV the TUI sets for React below. */
const userEnv: Readonly<Record<string, string>> = plainEnv(process.env);

let tuiModules: Promise<[typeof import('../../ui/tui.js'), typeof import('../../render/i18n.js'), typeof import('../../render/clipboard.js')]> | undefined;

/**
 * Start loading the TUI while the scenario loads: Ink, React and marked are most of the time
 * to the first frame. React runs its production build unless the user chose otherwise (the
 * development build checks every render and is markedly slower to start).
 */
export function preloadTui(): typeof tuiModules {
  // Through a local name: the bundle replaces `process.env.NODE_ENV` reads with a constant, and
  // an assignment to that exact expression would be a build warning (the bundle needs none).
  const env = process.env;
  env.NODE_ENV ??= 'production';
  if (!tuiModules) {
    traceStartup('tui import starts');
    tuiModules = Promise.all([import('../../ui/tui.js'), import('../../render/i18n.js'), import('../../render/clipboard.js')]).then(async (modules) => {
      // In the bundle, Ink's layout engine (yoga's wasm) is ready a little after its module
      // ran (scripts/bundle.mjs); unbundled, yoga's own module waited for it.
      await (globalThis as Record<symbol, unknown>)[Symbol.for('katarun.layoutReady')];
      return modules;
    });
    void tuiModules.then(() => traceStartup('tui modules evaluated'));
  }
  return tuiModules;
}

/** A terminal on both ends and no CI: the only case where Ink is mounted. */
export function interactiveTerminal(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI ?? env.CONTINUOUS_INTEGRATION;
  const inCi = ci !== undefined && ci !== '0' && ci.toLowerCase() !== 'false';
  return process.stdout.isTTY === true && process.stdin.isTTY === true && !inCi;
}

/**
 * Load a scenario in the language asked for (--lang, else the locale's when the scenario has
 * that translation) and refuse one with errors. `quiet` leaves out the fallback notice (the
 * picker loads every scenario; its list shows their languages).
 */
export async function loadChecked(dir: string, lang: string | undefined, quiet = false): Promise<Scenario> {
  const [{loadScenario}, {langFallbackLine, wantedLanguage}] = await Promise.all([import('../../scenario/load-scenario.js'), import('../lang-notice.js')]);
  traceStartup('loader starts');
  const wanted = wantedLanguage(lang);
  const scenario = await loadScenario(dir, wanted !== undefined ? {lang: wanted} : {});
  traceStartup('scenario loaded');
  const {printDiagnostics} = await import('../../headless/print-diagnostics.js');
  const errors = scenario.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(errors, process.stderr);
    throw new UserError(message('cli.run.invalid', {id: scenario.id, n: errors.length}), ExitCode.invalid, message('cli.run.invalid.hint', {dir}));
  }
  if (!quiet) {
    const {translator, uiLanguage} = await import('../../render/i18n.js');
    process.stderr.write(langFallbackLine(scenario, wanted, translator(uiLanguage(lang))) ?? '');
  }
  return scenario;
}

/** The command line that opens a scenario again (`arg` as the learner gave it, or its id), told on quitting. */
export function reopenCommand(arg: string, flags: TuiFlags): string {
  const word = (s: string) => (/^[A-Za-z0-9._\/:=@%+-]+$/.test(s) ? s : shq(s));
  return ['katarun', word(arg), ...(flags.lang !== undefined ? ['--lang', word(flags.lang)] : [])].join(' ');
}

/** Everything the UI needs to show and start one scenario; `arg` names it on the command line (see reopenCommand). */
export async function scenarioSession(scenario: Scenario, flags: TuiFlags, arg: string, classroom?: ClassroomLinkHandle): Promise<ScenarioSession> {
  // Only what the intro needs before its first frame; the engine and the environment checks
  // are loaded when they are first used.
  const [{defaultDirs, environmentStateDir, workspaceDir}, {resumeInfo}, {lockWorkspace}] = await Promise.all([
    import('../../engine/dirs.js'),
    import('../../engine/progress-store.js'),
    import('../../engine/workspace-lock.js'),
  ]);
  const dirs = defaultDirs();
  // One katarun per scenario workspace: a second one is told who has it and asks (src/ui/controller.ts).
  const lock = lockWorkspace(workspaceDir(dirs, scenario));
  const resume = await resumeInfo(scenario, dirs).catch(() => undefined);
  const kind = scenario.environment.kind === 'kind';
  let report: Promise<PreflightReport> | undefined;
  const preflight = () =>
    (report ??= import('../../engine/environment/index.js').then(async ({environmentProvider}) =>
      (await environmentProvider(scenario.environment)).preflight(scenario, {
        createCluster: flags.createCluster,
        stateDir: environmentStateDir(dirs, scenario.id),
        cacheDir: dirs.cache,
        env: userEnv,
        log: () => undefined,
        ...(flags.context !== undefined ? {context: flags.context} : {}),
      }),
    ));
  // In a class, the machine's checks go to the board as soon as they are known.
  if (classroom) void preflight().then((r) => classroom.ready(r), () => undefined);
  // For a kind scenario, a missing cluster makes starting ask first (the intro's preflight
  // result, which is usually in by then, tells).
  const missingCluster =
    kind && !flags.context && !flags.createCluster
      ? async () => {
          const r = await preflight();
          // A cluster that exists but is not katarun's is the other question (foreignCluster).
          return r.foreignCluster === undefined && r.checks.some((c) => c.id === 'cluster' && !c.ok) ? (scenario.environment.cluster?.name ?? 'kind') : undefined;
        }
      : undefined;
  // An existing cluster katarun did not create is used only with the learner's yes (or the flag).
  const foreignCluster = kind && !flags.context && !flags.useExistingCluster ? async () => (await preflight()).foreignCluster : undefined;
  const columns = process.stdout.columns || 80;
  const rows = process.stdout.rows || 24;
  traceStartup('session ready');
  return {
    scenario,
    ...(resume && !resume.finished ? {resumeStep: resume.step} : {}),
    ...(resume?.finished ? {finished: true} : {}),
    reopen: reopenCommand(arg, flags),
    preflight,
    ...(missingCluster ? {missingCluster} : {}),
    ...(foreignCluster ? {foreignCluster} : {}),
    ...(lock.ok ? {} : {openElsewhere: {pid: String(lock.owner.pid), since: lock.owner.at}}),
    ...(flags.context ? {target: flags.context} : kind && scenario.environment.cluster ? {target: `kind-${scenario.environment.cluster.name}`} : {}),
    ...(classroom ? {classroom} : {}),
    createEngine: async ({createCluster, useExistingCluster, separate}) => {
      const [{createEngine}, {newRunId}] = await Promise.all([import('../../engine/create-engine.js'), import('../../engine/dirs.js')]);
      const engine = createEngine(scenario, {
        shell: flags.shell ?? 'auto',
        env: userEnv,
        createCluster: createCluster || flags.createCluster,
        dirs,
        ...(flags.sandbox ? {sandbox: flags.sandbox} : {}),
        ...(flags.useExistingCluster || useExistingCluster ? {useExistingCluster: true} : {}),
        // A separate copy (the scenario is open in another katarun): a run workspace of its own, nothing saved.
        ...(separate ? {runId: newRunId(), progress: false} : {}),
        size: {cols: columns, rows},
        ...(flags.context !== undefined ? {context: flags.context} : {}),
        ...(flags.checkTimeoutMs !== undefined ? {checkTimeoutMs: flags.checkTimeoutMs} : {}),
      });
      classroom?.attach(engine);
      return engine;
    },
  };
}

/** `--join` on a terminal: the learner agrees to what is shared, the TUI gets the class's link. */
export async function withClassroom(scenario: Scenario, flags: TuiFlags, open: (classroom?: ClassroomLinkHandle) => Promise<number>): Promise<number> {
  if (flags.join === undefined) return open();
  const {joinFromTui, JoinCancelled} = await import('../../class/tui-join.js');
  const joined = await joinFromTui({join: flags.join, scenario, ...(flags.name !== undefined ? {name: flags.name} : {}), ...(flags.lang !== undefined ? {lang: flags.lang} : {}), ...(flags.shareTerminal ? {shareTerminal: true} : {})}).catch((err: unknown) => {
    if (err instanceof JoinCancelled) return undefined;
    throw err;
  });
  if (!joined) return ExitCode.interrupted;
  try {
    return await open(joined.link);
  } finally {
    await joined.close();
  }
}

/** The clipboard's helper programs (tmux, xclip…) run through the shell layer, like every process. */
async function runClipboardTool(command: string, args: readonly string[], input: string): Promise<boolean> {
  const {runProcess} = await import('../../shell/process.js');
  const result = await runProcess(command, args, {cwd: process.cwd(), env: userEnv, timeoutMs: 3000, input});
  return result.exitCode === 0;
}

/** Mount the TUI on a session or a picker; resolves with the exit code once it is closed. */
export async function startTui(source: {session?: ScenarioSession; picker?: PickerSource}, lang: string | undefined): Promise<number> {
  const [{runTui}, {uiLanguage}, {copyText}] = (await preloadTui())!;
  traceStartup('mounting');
  const running = runTui({
    ...source,
    lang: uiLanguage(lang),
    copy: (text) =>
      copyText(text, {
        env: userEnv,
        platform: process.platform,
        run: runClipboardTool,
        writeTty: process.stdout.isTTY ? (data) => process.stdout.write(data) : undefined,
      }),
  });
  // runTui renders the first frame before its first await.
  traceStartup('first frame written');
  const code = await running;
  // A handle someone forgot must not keep a finished TUI alive; unref'd, so a clean exit is not delayed.
  setTimeout(() => process.exit(code), 2000).unref();
  return code;
}

export async function run(argv: string[]): Promise<number> {
  const {values, positionals} = parseCommandArgs('run', argv, TUI_OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) throw new UserError(message('cli.in', {command: 'run', text: message(positionals.length ? 'cli.oneScenario' : 'cli.whichScenario')}), ExitCode.invalid, message('cli.usage.hint', {usage: 'katarun run <scenario>', help: 'katarun run --help'}));
  const flags = readFlags(values);
  const interactive = interactiveTerminal();
  if (interactive) void preloadTui();
  const {resolveScenarioDir} = await import('../scenario-arg.js');
  const scenario = await loadChecked(resolveScenarioDir(positionals[0]!), flags.lang);
  if (!interactive) {
    throw new UserError(message('cli.in', {command: 'run', text: message('cli.run.needsTerminal')}), ExitCode.invalid, message('cli.run.needsTerminal.hint', {scenario: positionals[0]!}));
  }
  return withClassroom(scenario, flags, async (classroom) => startTui({session: await scenarioSession(scenario, flags, positionals[0]!, classroom)}, flags.lang));
}
