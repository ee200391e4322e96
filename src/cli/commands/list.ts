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
  --lang xx            the language of the table's own words (default: the locale)
  -h, --help           show this help
`;

const OPTIONS = {
  format: {type: 'string'},
  lang: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

const COLUMNS = ['id', 'title', 'difficulty', 'time', 'steps', 'languages', 'from'] as const;
const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
type Difficulty = (typeof DIFFICULTIES)[number];

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}


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
  // The table's own words in the user's language (loaded only for the table: JSON has none).
  const {translator, uiLanguage} = await import('../../render/i18n.js');
  const t = translator(uiLanguage(values.lang));
  if (scenarios.length === 0) {
    process.stdout.write(`${t('cli.list.none')}\n`);
    return ExitCode.ok;
  }
  const difficulty = (d: string | undefined) => (d === undefined ? '—' : DIFFICULTIES.includes(d as Difficulty) ? t(`difficulty.${d as Difficulty}`) : d);
  const time = (s: ScenarioSummary) => (s.timeMinutes !== undefined ? t('cli.list.minutes', {n: String(Math.round(s.timeMinutes))}) : (s.time ?? '—'));
  const rows = [
    COLUMNS.map((c) => t(`cli.list.column.${c}`)),
    ...scenarios.map((s) => [s.id, s.problem ? t('cli.list.unreadable', {title: s.title}) : s.title, difficulty(s.difficulty), time(s), String(s.steps), s.languages.join(', '), s.origin === 'bundled' ? t('cli.list.bundled') : relative(process.cwd(), s.dir) || '.']),
  ];
  // Titles come from the scenarios: the sanitiser before the terminal.
  process.stdout.write(`${sanitizeText(table(rows))}\n`);
  return ExitCode.ok;
}
