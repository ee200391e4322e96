// Слова командной строки по-русски. Ключи те же, что в strings-command-en.ts.
import type {cliEn} from './strings-command-en.js';
import type {Template} from './strings-en.js';

export const cliRu: Record<keyof typeof cliEn, Template> = {
  'cli.usage.main': `Запуск: katarun [команда] [параметры]

Команды:
  katarun                        выбор сценария (в терминале)
  katarun <scenario>             открыть сценарий (без терминала или под CI — проверка без экрана)
  katarun run <scenario>         открыть сценарий в терминальном интерфейсе
  katarun test <scenario>        пройти сценарий без экрана и выдать отчёт (human|json|junit|tap)
  katarun validate <dir>...      проверить сценарии, не запуская их
  katarun list [dir]             встроенные и локальные сценарии
  katarun doctor [scenario]      готова ли эта машина к сценарию
  katarun down <scenario>        удалить кластер, созданный сценарием
  katarun class serve            провести занятие: живая доска учеников (кто застрял и на чём)
  katarun class board <url>      доска класса в терминале

Параметры:
  -h, --help                     справка (katarun <команда> --help — параметры команды)
  -v, --version                  версия
`,
  'cli.usage.open': `Запуск: katarun <scenario>        открыть сценарий (здесь — проверка без экрана)
        katarun test <scenario>   пройти его без экрана и выдать отчёт
        katarun list              список сценариев
`,
  'cli.noScenario.ci': 'katarun: сценарий не указан, и задана переменная {ci}={value}, поэтому терминальный интерфейс не запущен (уберите {ci}, чтобы им пользоваться).',
  'cli.noScenario.noTerminal': 'katarun: сценарий не указан, а это не интерактивный терминал.',
  'cli.error': 'katarun: ошибка: {text}',
  'cli.withHint': '{text}; {hint}',
  'cli.in': '{command}: {text}',
  'cli.text': '{text}',
  'cli.example': 'например: {command}',
  'cli.usage.hint': "запуск: {usage} (см. '{help}')",
  'cli.usage.plain': 'запуск: {usage}',
  'cli.args.node': 'неверные аргументы ({node})',
  'cli.args.dashed': 'укажите значение {flag}; значение, начинающееся с дефиса, пишется так: {flag}=-ЗНАЧЕНИЕ',
  'cli.args.help': "см. '{command} --help'",
  'cli.args.duration': "{flag}: '{text}' — не длительность",
  'cli.args.duration.hint': 'пишите так: 90s, 5m, 1500ms или 2m30s',
  'cli.args.tooLong': "{flag}: '{text}' — дольше, чем katarun может ждать",
  'cli.args.tooLong.hint': 'не больше 24 дней (например, 24h или 10m)',
  'cli.args.zero': "{flag}: '{text}' — это нулевое время",
  'cli.args.zero.hint': 'укажите длительность больше нуля, например 30s',
  'cli.args.choice': "{flag}: '{value}' — неизвестный {noun}",
  'cli.args.choice.hint': 'допустимо: {allowed}',
  'cli.noun.shellKind': 'вид оболочки',
  'cli.noun.sandboxMode': 'режим песочницы',
  'cli.noun.format': 'формат',
  'cli.noun.reporter': 'формат отчёта',
  'cli.scenario.none': "сценария '{arg}' нет",
  'cli.scenario.near': "может быть, '{id}'? (см. 'katarun list')",
  'cli.scenario.noneHint': "укажите папку с index.json или id сценария, например 'basics' (см. 'katarun list')",
  'cli.oneScenario': 'укажите один сценарий',
  'cli.whichScenario': 'какой сценарий?',
  'cli.atMostOneScenario': 'укажите не больше одного сценария',
  'cli.run.invalid': {one: "в '{id}' {n} ошибка", few: "в '{id}' {n} ошибки", many: "в '{id}' {n} ошибок", other: "в '{id}' {n} ошибки"},
  'cli.run.invalid.hint': "исправьте их и проверьте: 'katarun validate {dir}'",
  'cli.run.needsTerminal': 'интерфейсу нужен терминал (и без CI)',
  'cli.run.needsTerminal.hint': "без экрана сценарий проходит 'katarun test {scenario}'",
  'cli.open.joinAlone': '--join нужен сценарий',
  'cli.list.oneFolder': 'укажите не больше одной папки',
  'cli.list.noFolder': '{dir}: такой папки нет',
  'cli.list.noFolder.hint': 'укажите папку со сценариями',
  'cli.list.none': 'Сценарии не найдены.',
  'cli.list.column.id': 'ID',
  'cli.list.column.title': 'НАЗВАНИЕ',
  'cli.list.column.difficulty': 'СЛОЖНОСТЬ',
  'cli.list.column.time': 'ВРЕМЯ',
  'cli.list.column.steps': 'ШАГИ',
  'cli.list.column.languages': 'ЯЗЫКИ',
  'cli.list.column.from': 'ОТКУДА',
  'cli.list.minutes': '{n} мин',
  'cli.list.unreadable': '{title} (не читается: запустите katarun validate)',
  'cli.list.bundled': 'встроенный',
  'cli.validate.none': 'укажите хотя бы одну папку сценария',
  'cli.validate.crds': '--crds {file}: {detail}',
  'cli.test.step': "{flag}: '{text}' — не номер шага",
  'cli.test.step.hint': 'шаги считаются с 1',
  'cli.test.range': {one: '--from/--to: в сценарии {n} шаг', few: '--from/--to: в сценарии {n} шага', many: '--from/--to: в сценарии {n} шагов', other: '--from/--to: в сценарии {n} шага'},
  'cli.test.range.hint': 'выберите шаги от 1 до {n}, --from не позже --to',
  'cli.test.output': '--output: не удаётся записать {file}: {reason}',
  'cli.test.output.hint': 'выберите файл в папке, куда можно писать',
  'cli.io.ENOSPC': 'на устройстве нет места',
  'cli.io.EACCES': 'нет доступа',
  'cli.io.EROFS': 'файловая система только для чтения',
  'cli.io.ENOTDIR': 'часть пути — не папка',
  'cli.io.EISDIR': 'это папка',
  'cli.io.ENOENT': 'папки нет',
  'cli.class.port': "--port: '{text}' — не порт",
  'cli.class.port.hint': 'число от 0 до 65535 (0 — любой свободный)',
  'cli.class.portInUse': 'порт {port} занят',
  'cli.class.portInUse.hint': 'выберите другой: --port (0 — любой свободный)',
  'cli.class.notAddress': '{bind} — не адрес этой машины',
  'cli.class.notAddress.hint': 'укажите 127.0.0.1, 0.0.0.0 или один из адресов этой машины',
  'cli.class.state': 'не удаётся открыть состояние в {dir}',
  'cli.class.state.hint': 'выберите доступную для записи папку: --state',
  'cli.class.sqlite': 'модуль SQLite (better-sqlite3) не собран для этой версии node',
  'cli.class.sqlite.hint': "выполните 'npm rebuild better-sqlite3' в папке katarun (нужны g++, make и python3)",
  'cli.class.whichBoard': 'какая доска?',
  'cli.class.boardUrl.hint': "укажите адрес доски, который напечатал 'katarun class serve'",
  'cli.class.tokenHint': "укажите адрес доски с #token=, который напечатал 'katarun class serve'",
  'cli.class.serverHint': 'сервер класса запущен?',
  'cli.class.notCommand': "'{sub}' — не команда class",
  'cli.class.notCommand.hint': 'есть katarun class serve и katarun class board',
  'cli.join.codeNoServer': "--join: '{given}' — код без сервера",
  'cli.join.codeNoServer.hint': "укажите адрес подключения, который показывает 'katarun class serve' преподавателя, например {example} (или задайте KATARUN_CLASS_SERVER=ХОСТ:ПОРТ)",
  'cli.join.notUrl': "--join: '{given}' — не адрес подключения",
  'cli.join.notHttp': "--join: '{protocol}' — не http",
  'cli.join.noCode': "--join: в '{given}' нет кода подключения",
  'cli.join.hint': "укажите адрес подключения, который показывает 'katarun class serve' преподавателя, например {example}",
  'cli.board.notUrl': "'{text}' — не адрес",
  'cli.board.noToken': 'нет токена',
  'cli.board.noToken.hint': "укажите адрес доски с #token=…, который напечатал 'katarun class serve', или --token",
};
