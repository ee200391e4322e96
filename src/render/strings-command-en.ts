// The command line's own words: usage errors and their hints (src/cli, src/class/join-target.ts),
// translated where main.ts prints them. Russian in strings-command-ru.ts.
export const cliEn = {
  'cli.usage.main': `Usage: katarun [command] [options]

Commands:
  katarun                        open the scenario picker (on a terminal)
  katarun <scenario>             open a scenario (headless test when not on a terminal or under CI)
  katarun run <scenario>         open a scenario in the terminal UI
  katarun test <scenario>        run a scenario headless and report (human|json|junit|tap)
  katarun validate <dir>...      check scenarios without running them
  katarun list [dir]             list bundled and local scenarios
  katarun doctor [scenario]      check that this machine can run a scenario
  katarun down <scenario>        delete the cluster a scenario created
  katarun class serve            run a class: a live board of learners (who is stuck, on what)
  katarun class board <url>      show a class's board in the terminal

Options:
  -h, --help                     show help (katarun <command> --help for a command's options)
  -v, --version                  print the version
`,
  'cli.usage.open': `Usage: katarun <scenario>        open a scenario (headless test here)
       katarun test <scenario>   run it headless and report
       katarun list              show the scenarios
`,
  'cli.noScenario.ci': 'katarun: no scenario given, and {ci}={value} is set, so the terminal UI is not started (unset {ci} to use it).',
  'cli.noScenario.noTerminal': 'katarun: no scenario given, and this is not an interactive terminal.',
  'cli.error': 'katarun: error: {text}',
  'cli.withHint': '{text} — {hint}',
  'cli.in': '{command}: {text}',
  'cli.text': '{text}',
  'cli.example': 'e.g. {command}',
  'cli.usage.hint': "usage: {usage} (see '{help}')",
  'cli.usage.plain': 'usage: {usage}',
  'cli.args.node': '{node}',
  'cli.args.dashed': 'give {flag} its value; a value that starts with a dash is written {flag}=-VALUE',
  'cli.args.help': "see '{command} --help'",
  'cli.args.duration': "{flag}: '{text}' is not a duration",
  'cli.args.duration.hint': 'write it like 90s, 5m, 1500ms or 2m30s',
  'cli.args.tooLong': "{flag}: '{text}' is longer than katarun can wait",
  'cli.args.tooLong.hint': 'give at most 24 days (e.g. 24h or 10m)',
  'cli.args.zero': "{flag}: '{text}' is no time at all",
  'cli.args.zero.hint': 'give a duration above 0, like 30s',
  'cli.args.choice': "{flag}: '{value}' is not a {noun}",
  'cli.args.choice.hint': 'use one of {allowed}',
  'cli.noun.shellKind': 'shell kind',
  'cli.noun.sandboxMode': 'sandbox mode',
  'cli.noun.format': 'format',
  'cli.noun.reporter': 'reporter',
  'cli.scenario.none': "no scenario '{arg}'",
  'cli.scenario.near': "did you mean '{id}'? (see 'katarun list')",
  'cli.scenario.noneHint': "give a folder with an index.json, or a scenario id such as 'basics' (see 'katarun list')",
  'cli.oneScenario': 'give one scenario',
  'cli.whichScenario': 'which scenario?',
  'cli.atMostOneScenario': 'give at most one scenario',
  'cli.run.invalid': {one: "'{id}' has {n} error", other: "'{id}' has {n} errors"},
  'cli.run.invalid.hint': "fix them, then check with 'katarun validate {dir}'",
  'cli.run.needsTerminal': 'the terminal UI needs a terminal (and no CI)',
  'cli.run.needsTerminal.hint': "use 'katarun test {scenario}' to run it without a screen",
  'cli.open.joinAlone': '--join needs a scenario',
  'cli.list.oneFolder': 'give at most one folder',
  'cli.list.noFolder': '{dir}: no such folder',
  'cli.list.noFolder.hint': 'name a folder of scenarios',
  'cli.list.none': 'No scenarios found.',
  'cli.list.column.id': 'ID',
  'cli.list.column.title': 'TITLE',
  'cli.list.column.difficulty': 'DIFFICULTY',
  'cli.list.column.time': 'TIME',
  'cli.list.column.steps': 'STEPS',
  'cli.list.column.languages': 'LANGUAGES',
  'cli.list.column.from': 'FROM',
  'cli.list.minutes': '{n} min',
  'cli.list.unreadable': '{title} (cannot read: run katarun validate)',
  'cli.list.bundled': 'bundled',
  'cli.validate.none': 'name at least one scenario folder',
  'cli.validate.crds': '--crds {file}: {detail}',
  'cli.test.step': "{flag}: '{text}' is not a step number",
  'cli.test.step.hint': 'steps count from 1',
  'cli.test.range': {one: '--from/--to: the scenario has {n} step', other: '--from/--to: the scenario has {n} steps'},
  'cli.test.range.hint': 'choose steps between 1 and {n}, --from not after --to',
  'cli.test.output': '--output: cannot write {file}: {reason}',
  'cli.test.output.hint': 'choose a file in a folder you can write to',
  'cli.io.ENOSPC': 'no space left on the device',
  'cli.io.EACCES': 'permission denied',
  'cli.io.EROFS': 'read-only file system',
  'cli.io.ENOTDIR': 'a part of the path is not a folder',
  'cli.io.EISDIR': 'it is a folder',
  'cli.io.ENOENT': 'the folder does not exist',
  'cli.class.port': "--port: '{text}' is not a port",
  'cli.class.port.hint': 'use a number from 0 to 65535 (0 picks a free one)',
  'cli.class.portInUse': 'port {port} is in use',
  'cli.class.portInUse.hint': 'choose another with --port (0 picks a free one)',
  'cli.class.notAddress': '{bind} is not an address of this machine',
  'cli.class.notAddress.hint': "use 127.0.0.1, 0.0.0.0 or one of this machine's addresses",
  'cli.class.state': 'cannot open the state in {dir}',
  'cli.class.state.hint': 'choose a folder you can write with --state',
  'cli.class.sqlite': "SQLite's native addon (better-sqlite3) is not built for this node",
  'cli.class.sqlite.hint': "run 'npm rebuild better-sqlite3' in katarun's folder (it needs g++, make and python3)",
  'cli.class.whichBoard': 'which board?',
  'cli.class.boardUrl.hint': "give the board URL 'katarun class serve' printed",
  'cli.class.tokenHint': "use the board URL with its #token= that 'katarun class serve' printed",
  'cli.class.serverHint': 'is the class server running?',
  'cli.class.notCommand': "'{sub}' is not a class command",
  'cli.class.notCommand.hint': 'use katarun class serve or katarun class board',
  'cli.join.codeNoServer': "--join: '{given}' is a code without a server",
  'cli.join.codeNoServer.hint': "use the join URL the instructor's 'katarun class serve' shows, e.g. {example} (or set KATARUN_CLASS_SERVER=HOST:PORT)",
  'cli.join.notUrl': "--join: '{given}' is not a join URL",
  'cli.join.notHttp': "--join: '{protocol}' is not http",
  'cli.join.noCode': "--join: '{given}' has no join code",
  'cli.join.hint': "use the join URL the instructor's 'katarun class serve' shows, e.g. {example}",
  'cli.board.notUrl': "'{text}' is not a URL",
  'cli.board.noToken': 'no token',
  'cli.board.noToken.hint': "give the board URL with its #token=… as printed by 'katarun class serve', or --token",
} as const;
