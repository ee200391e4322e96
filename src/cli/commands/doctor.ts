// `katarun doctor [scenario]`: can this machine run a scenario? Runs the environment
// provider's preflight (Docker, tools and versions, memory, CPUs, ports, kube context) and
// prints each check with what was found and how to fix it. Exit 0 ready, 3 not ready.

import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseChoice, parseCommandArgs} from '../args.js';
import {plainEnv} from '../../engine/script-env.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message} from '../../render/message.js';
import type {Scenario} from '../../scenario/model.js';
import type {PreflightReport} from '../../engine/environment/types.js';
import {say, type Translate} from '../../render/i18n.js';
import {sanitizeText} from '../../render/sanitize.js';

const HELP = `Usage: katarun doctor [scenario] [options]

Check that this machine can run a scenario: the Docker daemon, kind, kubectl and istioctl
and their versions, free memory and CPUs, the host ports a cluster maps, the current kube
context. Each problem comes with a fix for your operating system. Nothing is created or
changed. A kind cluster that does not exist yet is fine: it will be created on first run.

Without a scenario, every bundled scenario is checked (basics needs bash only;
istio-egress needs Docker and kind), and the machine is ready when all of them are.

Options:
  --format human|json   output format (default human)
  --context NAME        check an existing kube context instead of a kind cluster
  --lang xx             the scenario's language (its _xx/ translation) and that of the
                        checks' words (default from the locale)
  --join URL            also report the result to an instructor's class board (the day
                        before a class: who will be ready at minute zero)
  --name NAME           your name on the class board (default: your user name)
  -h, --help            show this help

Exit codes: 0 ready, 2 usage or invalid scenario, 3 not ready.
`;

const OPTIONS = {
  format: {type: 'string'},
  context: {type: 'string'},
  lang: {type: 'string'},
  join: {type: 'string'},
  name: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

export interface ScenarioDoctorResult {
  readonly id: string;
  readonly title: string;
  readonly environment: 'bash' | 'kind';
  readonly report: PreflightReport;
}

export function bundledScenarioDirs(): string[] {
  const root = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
  return readdirSync(root, {withFileTypes: true})
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .map((d) => join(root, d.name))
    .sort();
}

async function check(scenario: Scenario, context: string | undefined): Promise<ScenarioDoctorResult> {
  const [{environmentProvider}, {defaultDirs, environmentStateDir}] = await Promise.all([import('../../engine/environment/index.js'), import('../../engine/dirs.js')]);
  const dirs = defaultDirs();
  const provider = await environmentProvider(scenario.environment);
  const env = plainEnv(process.env);
  const report = await provider.preflight(scenario, {
    // The doctor asks "can it run", and a missing cluster is created on first run.
    createCluster: true,
    stateDir: environmentStateDir(dirs, scenario.id),
    cacheDir: dirs.cache,
    env,
    log: () => undefined,
    ...(context !== undefined ? {context} : {}),
  });
  return {id: scenario.id, title: scenario.title, environment: scenario.environment.kind, report};
}

/** The checks' messages as sentences in the language of `t` (for the JSON output). */
function reportText(report: PreflightReport, t: Translate) {
  return {...report, checks: report.checks.map((c) => ({...c, detail: say(t, c.detail), ...(c.fix !== undefined ? {fix: say(t, c.fix)} : {})}))};
}

export function formatHuman(results: readonly ScenarioDoctorResult[], t: Translate): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.id} — ${r.title} (${r.environment})`);
    const width = Math.max(...r.report.checks.map((c) => c.id.length), 8);
    for (const c of r.report.checks) {
      const mark = c.ok ? '✔' : c.severity === 'warning' ? '!' : '✖';
      out.push(`  ${mark} ${c.id.padEnd(width)}  ${say(t, c.detail)}`);
      if (!c.ok && c.fix) out.push(`    ${' '.repeat(width)}  ${t('doctor.fix')} ${say(t, c.fix)}`);
    }
    const problems = r.report.checks.filter((c) => !c.ok && c.severity === 'error').length;
    out.push(`  ${r.report.ready ? t('doctor.ready') : t('doctor.notReady', {n: problems})}`, '');
  }
  // Scenario ids, titles and what the checks found may hold anything: the sanitiser before the terminal.
  return `${sanitizeText(out.join('\n'))}\n`;
}

/** The sandbox's line: on (bwrap's path) or off (why, and how to get it). The ✔/! marks match the checks'. */
export function sandboxLine(cap: {readonly sandboxed: boolean; readonly bwrap?: string; readonly reason?: string; readonly detail?: string}, t: Translate): string {
  if (cap.sandboxed) return `✔ ${t('doctor.sandboxOn', {path: cap.bwrap ?? 'bwrap'})}`;
  const why = t(`sandbox.why.${(cap.reason ?? 'failed') as 'failed'}`) + (cap.detail ? `: ${sanitizeText(cap.detail)}` : '');
  return `! ${t('doctor.sandboxOff', {why})}\n  ${t('doctor.fix')} ${t('doctor.sandboxFix')}`;
}

export async function run(argv: string[]): Promise<number> {
  const {values: v, positionals} = parseCommandArgs('doctor', argv, OPTIONS);
  if (v.help) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  const format = parseChoice(v.format, ['human', 'json'], '--format', 'format', 'human');
  if (positionals.length > 1) throw new UserError(message('cli.in', {command: 'doctor', text: message('cli.atMostOneScenario')}), ExitCode.invalid, message('cli.usage.hint', {usage: 'katarun doctor [scenario]', help: 'katarun doctor --help'}));

  const [{resolveScenarioDir}, {loadScenario}, {printDiagnostics}, {translator, uiLanguage}] = await Promise.all([
    import('../scenario-arg.js'),
    import('../../scenario/load-scenario.js'),
    import('../../headless/print-diagnostics.js'),
    import('../../render/i18n.js'),
  ]);
  // The same language choice as the TUI's: --lang, else the locale.
  const uiLang = uiLanguage(v.lang);
  const t = translator(uiLang);
  const dirs = positionals.length === 1 ? [resolveScenarioDir(positionals[0]!)] : bundledScenarioDirs();
  const results: ScenarioDoctorResult[] = [];
  const scenarios: Scenario[] = [];
  // --join checks the link before the (slow) checks, so a bad URL fails at once.
  const joinUrl = v.join !== undefined ? await (await import('../../class/join-target.js')).resolveJoin(v.join, t, process.stderr) : undefined;
  for (const dir of dirs) {
    const scenario = await loadScenario(dir, v.lang !== undefined ? {lang: v.lang} : {});
    if (printDiagnostics(scenario.diagnostics.filter((d) => d.severity === 'error'), process.stderr)) return ExitCode.invalid;
    scenarios.push(scenario);
    results.push(await check(scenario, v.context));
  }
  if (joinUrl !== undefined) {
    const {reportReadiness} = await import('../../class/readiness.js');
    await reportReadiness(joinUrl, v.name, results, scenarios, t);
  }
  const ready = results.every((r) => r.report.ready);
  const {sandboxCapability} = await import('../../engine/scenario-world.js');
  const sandbox = sandboxCapability('auto');
  if (format === 'json') process.stdout.write(`${JSON.stringify({ready, sandbox, scenarios: results.map((r) => ({...r, report: reportText(r.report, t)}))}, null, 2)}\n`);
  else {
    process.stdout.write(`${sandboxLine(sandbox, t)}\n\n`);
    const readyIds = results.filter((r) => r.report.ready).map((r) => r.id).join(', ') || t('doctor.noneReady');
    process.stdout.write(formatHuman(results, t) + (results.length > 1 ? `${ready ? t('doctor.allReady') : t('doctor.readyFor', {ids: readyIds})}\n` : ''));
  }
  return ready ? ExitCode.ok : ExitCode.envNotReady;
}
