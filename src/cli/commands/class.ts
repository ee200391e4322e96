// `katarun class serve|board`: the instructor's side of a class. `serve` runs the class server
// (its state in SQLite under --state, so a restart keeps the class: the same code and token);
// `board` shows the board in a terminal.

import {networkInterfaces} from 'node:os';
import {resolve} from 'node:path';
import {parseCommandArgs} from '../args.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message} from '../../render/message.js';

const HELP = `Usage: katarun class serve [scenario...] [options]
       katarun class board <board-url> [--token TOKEN] [--once]

serve: run the class server for an instructor-led class. Learners join with
  katarun <scenario> --join <join-url> [--name NAME]
and the board (a web page, or 'katarun class board') shows who is on which step, who is
stuck and on what, raised hands, the most common FAIL lines, and exports the results.

Options (serve):
  --port N        the port (default 8642; 0 picks a free one)
  --bind ADDR     the address to listen on (default 127.0.0.1: this machine only;
                  0.0.0.0 or this machine's address for a room)
  --state DIR     where the class is kept (default: katarun's state folder/class);
                  start again with the same --state to keep the class
  --json          print one JSON line first: {"joinUrl", "boardUrl", "token", ...}
Options (board):
  --token TOKEN   the instructor's token (else taken from the URL's #token=)
  --once          print the board once and exit
  --interval D    refresh period (default 2s)
  -h, --help      show this help
`;

const OPTIONS = {
  port: {type: 'string'},
  bind: {type: 'string'},
  state: {type: 'string'},
  json: {type: 'boolean'},
  token: {type: 'string'},
  once: {type: 'boolean'},
  interval: {type: 'string'},
  lang: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

/** The address learners in the room use: the bind address, or this machine's first LAN IPv4 when bound to all. */
function publicHost(bind: string): string {
  if (bind !== '0.0.0.0' && bind !== '::') return bind.includes(':') ? `[${bind}]` : bind;
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 8642;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UserError(message('cli.class.port', {text}), ExitCode.invalid, message('cli.class.port.hint'));
  return Number(text);
}

async function serve(positionals: string[], v: {port?: string; bind?: string; state?: string; json?: boolean; lang?: string}): Promise<number> {
  const [{startClassServer}, {defaultDirs}, {translator, uiLanguage}, QR] = await Promise.all([
    import('../../class/server.js'),
    import('../../engine/dirs.js'),
    import('../../render/i18n.js'),
    import('qrcode'),
  ]);
  const t = translator(uiLanguage(v.lang));
  const titles: string[] = [];
  if (positionals.length > 0) {
    const [{resolveScenarioDir}, {loadChecked}] = await Promise.all([import('../scenario-arg.js'), import('./run.js')]);
    for (const p of positionals) titles.push((await loadChecked(resolveScenarioDir(p), v.lang)).id);
  }
  const bind = v.bind ?? '127.0.0.1';
  const stateDir = resolve(v.state ?? `${defaultDirs().state}/class`);
  const server = await startClassServer({stateDir, port: parsePort(v.port), host: bind}).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new UserError(message('cli.in', {command: 'class serve', text: message('cli.class.portInUse', {port: String(v.port ?? 8642)})}), ExitCode.invalid, message('cli.class.portInUse.hint'));
    if (err.code === 'EADDRNOTAVAIL') throw new UserError(message('cli.in', {command: 'class serve', text: message('cli.class.notAddress', {bind})}), ExitCode.invalid, message('cli.class.notAddress.hint'));
    if (err.code === 'SQLITE_CANTOPEN' || err.code === 'EACCES') throw new UserError(message('cli.in', {command: 'class serve', text: message('cli.class.state', {dir: stateDir})}), ExitCode.invalid, message('cli.class.state.hint'));
    // better-sqlite3's addon is built at install time; an install that skipped its script has none.
    if (/bindings file|better_sqlite3\.node|NODE_MODULE_VERSION/.test(err.message)) throw new UserError(message('cli.in', {command: 'class serve', text: message('cli.class.sqlite')}), ExitCode.envNotReady, message('cli.class.sqlite.hint'));
    throw err;
  });
  const origin = `http://${publicHost(bind)}:${server.port}`;
  const {joinCode, token} = server.store.identity;
  const loopbackOnly = bind === '127.0.0.1' || bind === 'localhost' || bind === '::1';
  // Answers a runner's `--join CODE` on the room's network; a port taken by another program only costs that.
  const {startResponder, discoveryPort} = await import('../../class/discovery.js');
  const responder = await startResponder({code: joinCode, httpPort: server.port, loopbackOnly}).catch((err: Error) => {
    process.stderr.write(`${t('class.serve.noDiscovery', {port: discoveryPort(), error: err.message})}\n`);
    return undefined;
  });
  const joinUrl = `${origin}/j/${joinCode}`;
  const boardUrl = `${origin}/board#token=${token}`;
  const out = v.json ? process.stderr : process.stdout;
  if (v.json) process.stdout.write(`${JSON.stringify({joinUrl, boardUrl, token, joinCode, port: server.port, stateDir})}\n`);
  const qr = await QR.toString(joinUrl, {type: 'terminal', small: true, errorCorrectionLevel: 'L'});
  out.write(
    [
      t('class.serve.title', {scenarios: titles.join(', ') || t('class.serve.anyScenario')}),
      '',
      qr.trimEnd(),
      '',
      t('class.serve.code', {code: joinCode}),
      t('class.serve.join', {url: joinUrl}),
      ...(responder ? [t('class.serve.joinCode', {code: joinCode})] : []),
      t('class.serve.board', {url: boardUrl}),
      t('class.serve.terminalBoard', {url: boardUrl}),
      t('class.serve.state', {dir: stateDir}),
      ...(loopbackOnly ? [t('class.serve.loopback')] : []),
      t('class.serve.stop'),
      '',
    ].join('\n'),
  );
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await responder?.close();
  await server.close();
  return ExitCode.ok;
}

async function board(positionals: string[], v: {token?: string; once?: boolean; interval?: string; lang?: string}): Promise<number> {
  if (positionals.length !== 1) throw new UserError(message('cli.in', {command: 'class board', text: message('cli.class.whichBoard')}), ExitCode.invalid, message('cli.class.boardUrl.hint'));
  const [{parseBoardUrl}, {requestJson, refusal}, {formatBoard}, {translator, uiLanguage}, {parseDuration}] = await Promise.all([
    import('../../class/join-target.js'),
    import('../../class/http-json.js'),
    import('../../class/terminal-board.js'),
    import('../../render/i18n.js'),
    import('../args.js'),
  ]);
  const t = translator(uiLanguage(v.lang));
  const {base, token} = parseBoardUrl(positionals[0]!, v.token);
  const every = v.interval !== undefined ? parseDuration(v.interval, '--interval') : 2000;
  const live = !v.once && process.stdout.isTTY === true;
  let stopped = false;
  process.once('SIGINT', () => {
    stopped = true;
  });
  for (;;) {
    const r = await requestJson('GET', `${base}/api/board`, undefined, {authorization: `Bearer ${token}`}).catch((err: Error) => ({status: 0, body: {error: err.message}}));
    if (r.status !== 200) {
      const unreachable = message('class.board.unreachable', {server: base, error: refusal(r)});
      if (!live) throw new UserError(unreachable, ExitCode.envNotReady, message(r.status === 401 ? 'cli.class.tokenHint' : 'cli.class.serverHint'));
      process.stdout.write(`\u001b[2J\u001b[H${t(unreachable)}\n`);
    } else {
      const lines = formatBoard(r.body as Parameters<typeof formatBoard>[0], t, process.stdout.columns || 100);
      process.stdout.write(`${live ? '\u001b[2J\u001b[H' : ''}${lines.join('\n')}\n`);
    }
    if (!live || stopped) return ExitCode.ok;
    await new Promise((done) => setTimeout(done, every));
    if (stopped) return ExitCode.ok;
  }
}

export async function run(argv: string[]): Promise<number> {
  const {values: v, positionals} = parseCommandArgs('class', argv, OPTIONS);
  const [sub, ...rest] = positionals;
  if (v.help || sub === undefined) {
    process.stdout.write(HELP);
    return v.help ? ExitCode.ok : ExitCode.invalid;
  }
  if (sub === 'serve') return serve(rest, v);
  if (sub === 'board') return board(rest, v);
  throw new UserError(message('cli.in', {command: 'class', text: message('cli.class.notCommand', {sub})}), ExitCode.invalid, message('cli.class.notCommand.hint'));
}
