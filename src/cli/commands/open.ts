// The default command. `katarun` alone opens the picker on a terminal (else prints usage,
// exit 2); `katarun <scenario>` opens it in the TUI on a terminal, and runs it headless like
// `katarun test` when stdout is not a terminal or CI is set — Ink is never mounted then.

import {existsSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseCommandArgs} from '../args.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message, type Message} from '../../render/message.js';
import type {PickerEntry, PickerSource} from '../../ui/session.js';
import {TUI_OPTIONS, interactiveTerminal, loadChecked, preloadTui, readFlags, scenarioSession, startTui, withClassroom, type TuiFlags} from './run.js';

/** Why the TUI is not started: the first line of the usage text. */
function notInteractiveLine(env: NodeJS.ProcessEnv = process.env): Message {
  const ci = env.CI !== undefined ? 'CI' : 'CONTINUOUS_INTEGRATION';
  // On a real terminal the reason is the CI variable, not the terminal ("this is not an
  // interactive terminal" was false there, and hid the fix).
  if (process.stdout.isTTY === true && process.stdin.isTTY === true) return message('cli.noScenario.ci', {ci, value: env[ci] ?? ''});
  return message('cli.noScenario.noTerminal');
}

/** Folders holding scenarios: the bundled ones, and ./scenarios of the current folder. */
function scenarioRoots(): Array<{dir: string; bundled: boolean}> {
  const bundled = fileURLToPath(new URL('../../../scenarios', import.meta.url));
  const local = resolve('scenarios');
  const roots = [{dir: bundled, bundled: true}];
  if (local !== bundled && existsSync(local)) roots.push({dir: local, bundled: false});
  return roots;
}

async function pickerSource(flags: TuiFlags): Promise<PickerSource> {
  const [{defaultDirs}, {resumeInfo}] = await Promise.all([import('../../engine/dirs.js'), import('../../engine/progress-store.js')]);
  const dirs = defaultDirs();
  const entries: PickerEntry[] = [];
  for (const root of scenarioRoots()) {
    for (const name of readdirSync(root.dir).sort()) {
      const dir = join(root.dir, name);
      // `_xx/` folders are translations of the scenarios beside them, not scenarios.
      if (name.startsWith('_') || !(existsSync(join(dir, 'index.json')) || existsSync(join(dir, 'index.yaml')))) continue;
      try {
        const scenario = await loadChecked(dir, flags.lang, true);
        const resume = await resumeInfo(scenario, dirs).catch(() => undefined);
        entries.push({
          id: scenario.id,
          title: scenario.title,
          difficulty: scenario.difficulty,
          time: scenario.time,
          languages: scenario.languages,
          steps: scenario.steps.length,
          bundled: root.bundled,
          dir,
          ...(resume ? {saved: {step: resume.step + 1, total: scenario.steps.length, ...(resume.finished ? {finished: true} : {})}} : {}),
        });
      } catch {
        // A broken scenario is left out of the picker; `katarun validate` explains it.
      }
    }
  }
  // Bundled and ./scenarios ids both open with `katarun <id>` (see scenario-arg.ts).
  return {entries, open: async (entry) => scenarioSession(await loadChecked(entry.dir, flags.lang, true), flags, entry.id)};
}

export async function run(argv: string[]): Promise<number> {
  if (!interactiveTerminal()) {
    if (argv.length === 0) {
      const {translator, uiLanguage} = await import('../../render/i18n.js');
      const t = translator(uiLanguage(undefined));
      process.stderr.write(`${t(notInteractiveLine())}\n${t('cli.usage.open')}`);
      return ExitCode.invalid;
    }
    // Headless: `katarun <scenario> [test options]` is `katarun test`.
    const {runTestCommand} = await import('./test.js');
    return runTestCommand(argv, undefined, 'katarun');
  }
  const {values, positionals} = parseCommandArgs('katarun', argv, TUI_OPTIONS);
  void preloadTui();
  if (positionals.length === 0) {
    const flags = readFlags(values);
    if (flags.join !== undefined) throw new UserError(message('cli.open.joinAlone'), ExitCode.invalid, message('cli.usage.plain', {usage: 'katarun <scenario> --join <url>'}));
    return startTui({picker: await pickerSource(flags)}, flags.lang);
  }
  if (positionals.length !== 1) throw new UserError(message('cli.oneScenario'), ExitCode.invalid, message('cli.usage.hint', {usage: 'katarun <scenario>', help: 'katarun --help'}));
  const flags = readFlags(values);
  const {resolveScenarioDir} = await import('../scenario-arg.js');
  const scenario = await loadChecked(resolveScenarioDir(positionals[0]!), flags.lang);
  return withClassroom(scenario, flags, async (classroom) => startTui({session: await scenarioSession(scenario, flags, positionals[0]!, classroom)}, flags.lang));
}
