// `katarun validate <dir>… [--format text|json] [--crds PATH]… [--lang xx]`: load each
// scenario (every translation unless --lang picks one), check its scripts, YAML and —
// given CRDs — its Kubernetes manifests, and print compiler-style diagnostics.
// Exit 0 when every scenario is valid (warnings allowed), 2 otherwise.

import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {defaultDirs} from '../../engine/dirs.js';
import {diagnostic, formatDiagnostic, sortDiagnostics} from '../../scenario/diagnostics.js';
import {scenarioDirsIn} from '../../scenario/discover.js';
import {locateScenario} from '../../scenario/languages.js';
import {loadScenario} from '../../scenario/load-scenario.js';
import type {Diagnostic, Scenario} from '../../scenario/model.js';
import {scenarioJson, diagnosticJson} from '../../scenario/scenario-json.js';
import {validateScenario, type ScriptProblem} from '../../scenario/validate.js';
import {runProcess} from '../../shell/index.js';
import {parseChoice, parseCommandArgs} from '../args.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message} from '../../render/message.js';
import {resolveScenarioDir} from '../scenario-arg.js';

const HELP = `Usage: katarun validate <scenario-dir>... [options]

Check scenarios without running them: the index and every file it names, the step
markdown, script syntax (bash -n, node --check), YAML assets, and every Kubernetes
manifest against its CustomResourceDefinition schema: the CRDs a scenario ships in its
assets folder's crds/ (the ones of the version it pins), plus any given with --crds.

A folder that holds scenarios (like ./scenarios) checks each of them. Without --lang,
every translation (_<lang>/ mirror) is checked too.

Options:
  --format text|json   compiler-style lines (default) or one JSON object per scenario
  --crds PATH          a CRD YAML file or a folder of them (repeatable)
  --lang LANG          check only this translation (e.g. ru)
  -h, --help           show this help

Exit status: 0 valid (warnings allowed), 2 invalid or a usage error.
`;

const OPTIONS = {
  format: {type: 'string'},
  crds: {type: 'string', multiple: true},
  lang: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

/** Parse one script without running it, through the shell layer (the only place that spawns). */
export async function checkScript(file: string, language: 'bash' | 'zx'): Promise<ScriptProblem[]> {
  const args = language === 'bash' ? ['-n', file] : [...(file.endsWith('.js') ? ['--experimental-default-type=module'] : []), '--check', file];
  const result = await runProcess(language === 'bash' ? 'bash' : process.execPath, args, {
    cwd: dirname(file),
    env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', LC_ALL: 'C', NODE_NO_WARNINGS: '1'},
    timeoutMs: 10_000,
  });
  if (result.exitCode === 0) return [];
  if (result.exitCode === 127) return [{message: `cannot check the script: ${result.output.trim() || 'bash not found'}`}];
  const out = result.output;
  if (language === 'bash') {
    const m = /: line (\d+): (.+)/.exec(out);
    return [m ? {line: Number(m[1]), message: m[2]!.trim()} : {message: out.trim().split('\n')[0] ?? 'bash -n failed'}];
  }
  const line = /:(\d+)\r?\n/.exec(out);
  const message = /^(\w*Error: .*)$/m.exec(out)?.[1] ?? out.trim().split('\n')[0] ?? 'node --check failed';
  return [{...(line ? {line: Number(line[1])} : {}), message}];
}

interface Target {
  readonly dir: string;
  readonly lang?: string;
}

/** The scenario copies to check: each scenario in each argument, in each language asked for. */
function idFolder(id: string): string | undefined {
  try {
    return resolveScenarioDir(id);
  } catch {
    return undefined;
  }
}

function targets(args: readonly string[], lang: string | undefined): {targets: Target[]; problems: Diagnostic[]} {
  const out: Target[] = [];
  const problems: Diagnostic[] = [];
  for (const given of args) {
    // A scenario id (`basics`, or one of ./scenarios as `katarun list` shows it) names its folder.
    const arg = existsSync(given) ? given : idFolder(given) ?? given;
    const dirs = scenarioDirsIn(arg);
    // Nothing scenario-like here: load it anyway, so the loader says precisely what is missing.
    if (dirs.length === 0) out.push({dir: arg, ...(lang ? {lang} : {})});
    for (const dir of dirs) {
      const loc = locateScenario(dir, lang);
      if (lang) {
        if (loc.missingLang) problems.push(diagnostic('warning', 'validate/lang', dir, undefined, `no '${lang}' translation of ${loc.id}; the ${loc.lang} copy is checked`, `available: ${loc.languages.join(', ')}`));
        out.push({dir, lang});
      } else {
        // A mirror given directly is checked in its own language only.
        const langs = dir === loc.baseDir ? loc.languages : [loc.lang];
        for (const l of langs) out.push({dir: loc.baseDir, lang: l});
      }
    }
  }
  return {targets: out, problems};
}

export async function run(argv: string[]): Promise<number> {
  const {values, positionals} = parseCommandArgs('validate', argv, OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  const format = parseChoice(values.format, ['text', 'json'], '--format', 'format', 'text');
  if (positionals.length === 0) throw new UserError(message('cli.in', {command: 'validate', text: message('cli.validate.none')}), ExitCode.invalid, message('cli.example', {command: 'katarun validate scenarios/basics'}));

  const cwd = process.cwd();
  const crdPaths = values.crds ?? [];
  // CRD support (ajv, a large parse) is loaded only when --crds or a scenario's crds/ asks for it.
  const loadCrds = async (paths: string[]) => (await import('../../scenario/crd-schema.js')).CrdSet.load(paths, {cacheDir: join(defaultDirs().cache, 'crds')});
  const crds = crdPaths.length ? await loadCrds(crdPaths) : undefined;
  const crdErrors = crds?.diagnostics.filter((d) => d.severity === 'error') ?? [];
  if (crdErrors.length > 0) {
    const d = crdErrors[0]!;
    // The diagnostic itself is for authors, in English (CONTRIBUTING.md); the frame is ours.
    throw new UserError(message('cli.in', {command: 'validate', text: message('cli.validate.crds', {file: d.file, detail: d.message})}), ExitCode.invalid, d.hint !== undefined ? message('cli.text', {text: d.hint}) : undefined);
  }

  const {targets: list, problems} = targets(positionals, values.lang);
  const results: {scenario: Scenario; diagnostics: Diagnostic[]}[] = [];
  for (const t of list) {
    const scenario = await loadScenario(t.dir, t.lang ? {lang: t.lang} : {});
    // A scenario that pins a product ships that product's CRDs in <assets>/crds/.
    const shipped = join(scenario.assetsDir ?? join(scenario.dir, 'assets'), 'crds');
    const own = existsSync(shipped) ? await loadCrds([...crdPaths, shipped]) : undefined;
    for (const d of own?.diagnostics ?? []) if (d.file.startsWith(shipped) && !problems.some((p) => p.file === d.file && p.message === d.message)) problems.push(d);
    const extra = await validateScenario(scenario, {
      ...(own ? {crds: own.set} : crds ? {crds: crds.set} : {}),
      checkScript,
      readText: (f) => {
        try {
          return readFileSync(f, 'utf8');
        } catch {
          return undefined;
        }
      },
    });
    results.push({scenario, diagnostics: sortDiagnostics([...scenario.diagnostics, ...extra.diagnostics])});
  }
  const general = [...(crds?.diagnostics ?? []), ...problems];
  const invalid = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error'));

  if (format === 'json') {
    const body = results.map((r) => scenarioJson(r.scenario, r.diagnostics, cwd));
    process.stdout.write(`${JSON.stringify(general.length ? {scenarios: body, diagnostics: general.map((d) => diagnosticJson(d, cwd))} : body, null, 2)}\n`);
  } else {
    for (const d of general) process.stdout.write(`${formatDiagnostic(d, cwd)}\n`);
    let errors = 0;
    let warnings = 0;
    // A file shared by several translations (a verify script) would report the same line per copy: say it once.
    const printed = new Set<string>();
    for (const r of results) {
      for (const d of r.diagnostics) {
        const line = formatDiagnostic(d, cwd);
        if (printed.has(line)) continue;
        printed.add(line);
        process.stdout.write(`${line}\n`);
        if (d.severity === 'error') errors++;
        else warnings++;
      }
    }
    // Which rule each check is judged by (exit status, or Katacoda's `done` line): said once per
    // scenario — its translations (other folders) usually say the very same line.
    const ruled = new Set<string>();
    for (const r of results) {
      const line = checkRulesLine(r.scenario);
      if (!line || ruled.has(line)) continue;
      ruled.add(line);
      process.stdout.write(`${line}\n`);
    }
    const names = results.map((r) => `${r.scenario.id}${r.scenario.languages.length > 1 ? ` (${r.scenario.lang})` : ''}`);
    const verdict = invalid.length === 0 ? 'valid' : results.length === 1 ? 'invalid' : `${invalid.length} of ${results.length} invalid`;
    const who = results.length <= 3 ? names.join(', ') : `${results.length} scenarios`;
    process.stdout.write(`${who}: ${verdict} — ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return invalid.length > 0 ? ExitCode.invalid : ExitCode.ok;
}

/** `basics: checks pass on exit status 0 (steps 2, 3); on a line reading 'done', Katacoda's rule (step 1)`. */
export function checkRulesLine(s: Scenario): string | undefined {
  const steps = (rule: 'done' | 'exit') => s.steps.filter((st) => st.check?.rule === rule).map((st) => st.index + 1);
  const exit = steps('exit');
  const done = steps('done');
  if (exit.length + done.length === 0) return undefined;
  const list = (n: number[]) => `step${n.length > 1 ? 's' : ''} ${n.join(', ')}`;
  const parts = [...(exit.length ? [`on exit status 0 (${list(exit)})`] : []), ...(done.length ? [`on a line reading 'done', Katacoda's rule (${list(done)})`] : [])];
  return `${s.id}: checks pass ${parts.join('; ')}`;
}
