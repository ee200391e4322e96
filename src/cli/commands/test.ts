// `katarun test <scenario>`: run a scenario headless and report. Exit 0 all passed, 1 a step
// failed, 2 invalid scenario or usage, 3 environment not ready, 130 interrupted. `open`
// calls runTestCommand when stdout is not a terminal or CI is set.

import {readFileSync} from 'node:fs';
import {access, constants, mkdir, stat, writeFile} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {parseChoice, parseCommandArgs, parseDuration} from '../args.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message, type Text} from '../../render/message.js';
import {resolveScenarioDir} from '../scenario-arg.js';
import {langFallbackLine, wantedLanguage} from '../lang-notice.js';
import type {Diagnostic, Scenario} from '../../scenario/model.js';

const HELP = `Usage: katarun test <scenario> [options]

Run a scenario without a screen, step by step, and report. <scenario> is a folder with an
index.json, or the id of a bundled scenario (e.g. basics).

Options:
  --reporter human|json|junit|tap   report format (default human)
  --output FILE                     write the report to FILE (progress and a summary go to stderr)
  --from N, --to N                  run only steps N..M (1-based); the others are reported as skipped
  --check-timeout DURATION          give every check this long (e.g. 30s, 5m)
  --setup-timeout DURATION          stop the scenario's setup script after this long and fail
                                    the run, its report still written (default 30m)
  --settle DURATION                 how long a long-running command runs before its Ctrl-C (default 3s)
  --command-timeout DURATION        stop a command that runs longer than this (default 10m), so a
                                    prompt nobody answers cannot hang a CI job
  --keep-going                      run the steps after a failing one too
  --strict                          fail a step whose check passed although its commands failed,
                                    and the run when a page's background/foreground script failed
  --progress DURATION               while a step runs, a line this often (default 15s; 0 = never)
  --solve                           also run each step's solution after its actions (by default
                                    a step passes on what a learner would run: its commands, file
                                    writes and quiz; only a step with nothing to run uses its
                                    solution, reported "passed by its solution")
  --lang xx                         the scenario's language (its _xx/ translation) and katarun's
                                    (the report, the machine checks; default from the locale)
  --shell pipe|pty                  the kind of shell (default pipe; pty for a scenario that types
                                    into a program: ctrl-seq, no-newline, or a line for a REPL,
                                    an editor or cat that an earlier action or a page's
                                    foreground script started)
  --create-cluster                  create the kind cluster a scenario needs when it is missing
  --context NAME                    use this kube context instead of a kind cluster
  --use-existing-cluster            use a kind cluster of the scenario's name that katarun did
                                    not create (refused otherwise: it may be yours)
  --sandbox auto|bwrap|none         run the scenario's processes in a bubblewrap sandbox
                                    (default auto: where bwrap works; bwrap: or fail)
  --join URL                        report to an instructor's class board (katarun class serve)
  --name NAME                       your name on the class board (default: your user name)
  --share-terminal                  in a class, also share the recent output of the commands run
  --join-wait DURATION              at the end, wait this long for the class server (default 10s);
                                    what is not delivered is kept and sent by the next run
  -h, --help                        show this help

The scenario is validated first (as 'katarun validate' does): an invalid one exits 2 and
nothing is run. With --output or a machine reporter the report is written for exit 2 and 3
too, with the reason as an error test case.

Exit codes: 0 all steps passed, 1 a step failed, 2 invalid scenario or usage,
3 the environment is not ready, 130 interrupted.
`;

const OPTIONS = {
  reporter: {type: 'string'},
  output: {type: 'string'},
  from: {type: 'string'},
  to: {type: 'string'},
  'check-timeout': {type: 'string'},
  'setup-timeout': {type: 'string'},
  settle: {type: 'string'},
  'command-timeout': {type: 'string'},
  'keep-going': {type: 'boolean'},
  strict: {type: 'boolean'},
  progress: {type: 'string'},
  solve: {type: 'boolean'},
  lang: {type: 'string'},
  shell: {type: 'string'},
  'create-cluster': {type: 'boolean'},
  context: {type: 'string'},
  sandbox: {type: 'string'},
  'use-existing-cluster': {type: 'boolean'},
  join: {type: 'string'},
  name: {type: 'string'},
  'share-terminal': {type: 'boolean'},
  'join-wait': {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

export interface TestIO {
  readonly stdout: {write(text: string): unknown};
  readonly stderr: {write(text: string): unknown};
}

function stepNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UserError(message('cli.test.step', {flag, text}), ExitCode.invalid, message('cli.test.step.hint'));
  return Number(text);
}

/** A folder path, or the id of a scenario bundled with katarun. */
export async function run(argv: string[]): Promise<number> {
  return runTestCommand(argv);
}

/** `katarun test … | head`: a reader that goes away must not crash the run or change its exit code. */
function ignoreEpipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
}

/**
 * `as` is the command the learner typed: `katarun <scenario>` off a terminal runs here too, and
 * its usage errors must not speak of a `test` command nobody typed.
 */
export async function runTestCommand(argv: string[], io: TestIO = {stdout: process.stdout, stderr: process.stderr}, as: 'test' | 'katarun' = 'test'): Promise<number> {
  ignoreEpipe();
  const {values: v, positionals} = parseCommandArgs(as, argv, OPTIONS);
  if (v.help) {
    io.stdout.write(HELP);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) {
    const said = message(positionals.length ? 'cli.oneScenario' : 'cli.whichScenario');
    const command = as === 'test' ? 'katarun test' : 'katarun';
    throw new UserError(as === 'test' ? message('cli.in', {command: 'test', text: said}) : said, ExitCode.invalid, message('cli.usage.hint', {usage: `${command} <scenario>`, help: `${command} --help`}));
  }
  const {REPORTERS, formatReport, humanStepLines, humanSummary} = await import('../../headless/reporters/index.js');
  const reporter = parseChoice(v.reporter, REPORTERS, '--reporter', 'reporter', 'human');
  const shell = parseChoice(v.shell, ['pipe', 'pty'], '--shell', 'shellKind');
  const sandbox = parseChoice(v.sandbox, ['auto', 'bwrap', 'none'], '--sandbox', 'sandboxMode', 'auto');
  const from = stepNumber(v.from, '--from');
  const to = stepNumber(v.to, '--to');
  const checkTimeoutMs = v['check-timeout'] !== undefined ? parseDuration(v['check-timeout'], '--check-timeout') : undefined;
  const setupTimeoutMs = v['setup-timeout'] !== undefined ? parseDuration(v['setup-timeout'], '--setup-timeout') : undefined;
  const settleMs = v.settle !== undefined ? parseDuration(v.settle, '--settle') : undefined;
  const commandTimeoutMs = v['command-timeout'] !== undefined ? parseDuration(v['command-timeout'], '--command-timeout') : undefined;

  const progressMs = v.progress !== undefined ? (v.progress.trim() === '0' ? 0 : Math.max(1000, parseDuration(v.progress, '--progress'))) : undefined;
  // A report that cannot be written is known before a long run, not after it.
  if (v.output !== undefined) await checkWritable(v.output);

  const dir = resolveScenarioDir(positionals[0]!);
  const {loadScenario} = await import('../../scenario/load-scenario.js');
  // The content's language: --lang, else the locale's when the scenario has that translation.
  const wanted = wantedLanguage(v.lang);
  const scenario: Scenario = await loadScenario(dir, wanted !== undefined ? {lang: wanted} : {});
  const {printDiagnostics} = await import('../../headless/print-diagnostics.js');
  const {say, translator, uiLanguage} = await import('../../render/i18n.js');
  // The same language choice as the TUI's: --lang, else the locale.
  const uiLang = uiLanguage(v.lang);
  const t = translator(uiLang);
  const fallback = langFallbackLine(scenario, wanted, t);
  if (fallback) io.stderr.write(fallback);
  const {errorReport} = await import('../../headless/error-report.js');
  /** The report of a run that did not start, written where it was asked for; the exit code. */
  const refuse = async (kind: 'invalid' | 'environment', message: string, details: string[]): Promise<number> => {
    const report = errorReport(scenario, kind, message, details);
    if (v.output !== undefined || reporter !== 'human') await deliver(report);
    return report.exitCode;
  };
  const deliver = async (report: Parameters<typeof formatReport.human>[0]): Promise<boolean> => {
    const text = formatReport[reporter](report, t);
    if (v.output === undefined) {
      if (reporter !== 'human') io.stdout.write(text);
      return true;
    }
    try {
      await writeFile(resolve(v.output), text);
      return true;
    } catch (err) {
      io.stderr.write(`katarun: ${t('report.writeFailed', {file: v.output, reason: ioReason(err)})}\n`);
      return false;
    }
  };

  // Validate first, as `katarun validate` would: scripts that do not parse never start.
  const {validateScenario} = await import('../../scenario/validate.js');
  const {checkScript} = await import('./validate.js');
  const extra = await validateScenario(scenario, {checkScript, readText: (f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch {
      return undefined;
    }
  }});
  const diagnostics = [...scenario.diagnostics, ...extra.diagnostics];
  if (printDiagnostics(diagnostics, io.stderr)) {
    const {formatDiagnostic} = await import('../../scenario/diagnostics.js');
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, process.cwd()));
    return refuse('invalid', t('report.invalid'), errors);
  }
  const n = scenario.steps.length;
  if ((from ?? 1) > n || (to ?? n) > n || (from ?? 1) > (to ?? n)) {
    throw new UserError(message('cli.test.range', {n}), ExitCode.invalid, message('cli.test.range.hint', {n}));
  }

  const {runHeadless, EnvironmentNotReadyError, ScenarioInvalidError, TerminalFailedError} = await import('../../headless/run-headless.js');
  const {installInterruptHandlers} = await import('../../headless/interrupts.js');
  const {startProgress, DEFAULT_PROGRESS_MS} = await import('../../headless/progress-ticker.js');
  const live = v.output !== undefined ? io.stderr : reporter === 'human' ? io.stdout : undefined;
  // Progress goes where the live step lines go, or to stderr when stdout carries a machine report.
  const progressOut = live ?? io.stderr;
  const {defaultDirs, newRunId} = await import('../../engine/dirs.js');
  const {SandboxUnavailableError} = await import('../../engine/scenario-world.js');
  const {pruneRuns} = await import('../../engine/prune-runs.js');
  const dirs = defaultDirs();
  // Every run has its own workspace and logs: runs of the same (or a same-named) scenario
  // can go on at once, and none touches the learner's workspace.
  const runId = newRunId();
  const {sandboxCapability} = await import('../../engine/scenario-world.js');
  if (sandbox === 'auto') {
    // The one-line notice: what is not protected, and how to get bwrap.
    const cap = sandboxCapability('auto');
    if (!cap.sandboxed) io.stderr.write(`${t('notice.noSandbox', {why: t(`sandbox.why.${cap.reason ?? 'failed'}`)})}\n`);
  }
  // A class learner: told what is shared, then the engine's events go to the board as a reporter's would.
  const classSession = v.join !== undefined ? await import('../../class/learner-session.js') : undefined;
  const joinWaitMs = v['join-wait'] !== undefined ? parseDuration(v['join-wait'], '--join-wait') : 10_000;
  const joinUrl = v.join !== undefined ? await (await import('../../class/join-target.js')).resolveJoin(v.join, t, io.stderr) : undefined;
  const classClient = classSession?.openClassSession({join: joinUrl!, name: v.name, scenario, stateDir: dirs.state, t, out: io.stderr, shareTerminal: v['share-terminal'] === true});
  const terminalShare = classClient && v['share-terminal'] ? new (await import('../../class/terminal-share.js')).TerminalShare(classClient) : undefined;
  terminalShare?.set(true);
  const interrupts = installInterruptHandlers();
  let stopProgress = () => {};
  try {
    const report = await runHeadless(scenario, {
      ...(shell ? {shell} : {}),
      sandbox,
      runId,
      dirs,
      signal: interrupts.signal,
      keepGoing: v['keep-going'] ?? false,
      strict: v.strict ?? false,
      solve: v.solve ?? false,
      createCluster: v['create-cluster'] ?? false,
      ...(v['use-existing-cluster'] ? {useExistingCluster: true} : {}),
      t,
      ...(v.context !== undefined ? {context: v.context} : {}),
      ...(from !== undefined ? {from} : {}),
      ...(to !== undefined ? {to} : {}),
      ...(checkTimeoutMs !== undefined ? {checkTimeoutMs} : {}),
      ...(setupTimeoutMs !== undefined ? {setupTimeoutMs} : {}),
      ...(settleMs !== undefined ? {settleMs} : {}),
      ...(commandTimeoutMs !== undefined ? {commandTimeoutMs} : {}),
      onEngine: (engine) => {
        // A class learner's board gets the engine's events as a reporter does.
        if (classClient) void classSession!.shareEngine(engine, classClient);
        terminalShare?.follow(engine);
        const every = progressMs ?? DEFAULT_PROGRESS_MS;
        if (every > 0) stopProgress = startProgress(engine, t, (line) => progressOut.write(line), every);
      },
      onStep: (step, total) => live?.write(`${humanStepLines(step, total, t).join('\n')}\n`),
    });
    stopProgress();
    const {humanPreambleLines, humanScriptLines} = await import('../../headless/reporters/human.js');
    // What the live step lines did not show: why setup failed, page scripts that failed.
    const after = [...humanPreambleLines(report, t), ...(report.scripts ?? []).flatMap((x) => humanScriptLines(x, t))];
    if (after.length && live) live.write(`${after.join('\n')}\n`);
    let written = true;
    if (v.output !== undefined) {
      written = await deliver(report);
      io.stderr.write(`${humanSummary(report, t)}${written ? ` — ${t('report.written', {file: v.output})}` : ''}\n`);
    } else if (reporter === 'human') {
      // The live lines cover the steps; a failed setup's reason came with `after` above.
      io.stdout.write(`${humanSummary(report, t)}\n${report.exitCode !== 0 ? `${t('report.logs', {dir: report.logDir})}\n` : ''}`);
    } else {
      await deliver(report);
      io.stderr.write(`${humanSummary(report, t)}\n`);
    }
    return written || report.exitCode !== 0 ? report.exitCode : ExitCode.invalid;
  } catch (err) {
    if (err instanceof SandboxUnavailableError) {
      const why = `${t('error.sandboxUnavailable', {why: t(`sandbox.why.${err.capability.reason ?? 'failed'}`)})}${err.capability.detail ? ` (${err.capability.detail})` : ''}`;
      io.stderr.write(`${why}\n  ${t('doctor.sandboxFix')}\n`);
      return refuse('environment', why, [t('doctor.sandboxFix')]);
    }
    if (err instanceof ScenarioInvalidError) {
      printDiagnostics(err.diagnostics as Diagnostic[], io.stderr);
      const {formatDiagnostic} = await import('../../scenario/diagnostics.js');
      return refuse('invalid', t('report.invalid'), (err.diagnostics as Diagnostic[]).map((d) => formatDiagnostic(d, process.cwd())));
    }
    if (err instanceof TerminalFailedError) {
      // The machine could not start a terminal's shell: nothing it was sent ran, so no step is judged.
      const why = t('error.terminalFailed', {id: err.terminal, message: err.reason});
      io.stderr.write(`katarun: ${why}\n  ${t('error.terminalFailedFix')}\n`);
      return refuse('environment', why, [t('error.terminalFailedFix')]);
    }
    if (err instanceof EnvironmentNotReadyError) {
      if (classClient) classClient.send((await import('../../class/readiness.js')).readinessEvent(err.report, t));
      io.stderr.write(`${t('preflight.notReadyFor', {id: scenario.id})}\n`);
      const lines = err.report.checks.filter((x) => !x.ok).map((c) => `${c.severity === 'error' ? '✘' : `! ${t('preflight.warning')}`} ${c.id}: ${say(t, c.detail)}${c.fix ? ` — ${say(t, c.fix)}` : ''}`);
      for (const l of lines) io.stderr.write(`  ${l}\n`);
      return refuse('environment', t('preflight.notReadyFor', {id: scenario.id}).replace(/^katarun: /, '').replace(/:$/, ''), lines);
    }
    throw err;
  } finally {
    stopProgress();
    terminalShare?.finish();
    if (classClient) await classSession!.closeClassSession(classClient, joinWaitMs, t, io.stderr, classSession!.parseJoinTarget(joinUrl!).base);
    pruneRuns(dirs, scenario, runId);
    await interrupts.dispose();
    if (interrupts.signal.aborted) process.exitCode = ExitCode.interrupted;
  }
}

const IO_CODES = ['ENOSPC', 'EACCES', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENOENT'] as const;

/** Why a file cannot be written: in words for the usual causes, else Node's own first line. */
function ioReason(err: unknown): Text {
  const e = err as NodeJS.ErrnoException;
  const known = IO_CODES.find((c) => c === e.code);
  return known ? message(`cli.io.${known}`) : (e.message ?? String(err)).split('\n')[0]!;
}

/**
 * `mkdir -p`, one folder at a time: Node's recursive mkdir never returns for a path under
 * /proc (`--output /proc/nope/r.xml` hung), so the missing folders are found with stat and
 * made one by one, and the first refusal is the error.
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (!(await stat(d)).isDirectory()) throw Object.assign(new Error(`${d} is not a folder`), {code: 'ENOTDIR'});
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(d) === d) throw err;
      missing.push(d);
    }
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}

/** The report's folder exists (or is made) and can be written; else a one-line usage error. */
async function checkWritable(output: string): Promise<void> {
  const file = resolve(output);
  try {
    await makeFolders(dirname(file));
    await access(dirname(file), constants.W_OK);
  } catch (err) {
    throw new UserError(message('cli.test.output', {file: output, reason: ioReason(err)}), ExitCode.invalid, message('cli.test.output.hint'));
  }
}
