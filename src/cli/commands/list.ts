// `katarun list [dir] [--format text|json]`: the bundled scenarios plus those under
// ./scenarios (or the folder given), one line each: id, title, difficulty, time, steps,
// languages. Reads only each index, so it stays quick with many scenarios.

import {sanitizeText} from '../../render/sanitize.js';
import {existsSync} from 'node:fs';
import {relative, resolve} from 'node:path';
import {bundledScenariosDir} from '../../scenario/bundled.js';
import {discoverScenarios, type ScenarioSummary} from '../../scenario/discover.js';
import {parseChoice, parseCommandArgs} from '../args.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message} from '../../render/message.js';

const HELP = `Usage: katarun list [dir] [options]

List the bundled scenarios and those in ./scenarios (or in dir): id, title,
difficulty, time, number of steps and languages.

Options:
  --format text|json   a table (default) or a JSON array
  -h, --help           show this help
`;

const OPTIONS = {
  format: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

const timeText = (s: ScenarioSummary): string => (s.timeMinutes !== undefined ? `${Math.round(s.timeMinutes)} min` : (s.time ?? '—'));

export async function run(argv: string[]): Promise<number> {
  const {values, positionals} = parseCommandArgs('list', argv, OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  const format = parseChoice(values.format, ['text', 'json'], '--format', 'format', 'text');
  if (positionals.length > 1) throw new UserError(message('cli.in', {command: 'list', text: message('cli.list.oneFolder')}), ExitCode.invalid, message('cli.example', {command: 'katarun list ./my-scenarios'}));
  const given = positionals[0];
  if (given !== undefined && !existsSync(given)) throw new UserError(message('cli.in', {command: 'list', text: message('cli.list.noFolder', {dir: given})}), ExitCode.invalid, message('cli.list.noFolder.hint'));
  const local = resolve(given ?? 'scenarios');
  const scenarios = await discoverScenarios([bundledScenariosDir(), ...(existsSync(local) ? [local] : [])]);

  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(scenarios, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (scenarios.length === 0) {
    process.stdout.write('No scenarios found.\n');
    return ExitCode.ok;
  }
  const rows = [
    ['ID', 'TITLE', 'DIFFICULTY', 'TIME', 'STEPS', 'LANGUAGES', 'FROM'],
    ...scenarios.map((s) => [s.id, s.problem ? `${s.title} (cannot read: run katarun validate)` : s.title, s.difficulty ?? '—', timeText(s), String(s.steps), s.languages.join(', '), s.origin === 'bundled' ? 'bundled' : relative(process.cwd(), s.dir) || '.']),
  ];
  // Titles come from the scenarios: the sanitiser before the terminal.
  process.stdout.write(`${sanitizeText(table(rows))}\n`);
  return ExitCode.ok;
}
