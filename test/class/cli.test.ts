// End to end with the built CLI, as an instructor and learners use it: `class serve --json`, two
// learners through `katarun test --join` (one passing, one failing), the board API, the server
// killed with SIGKILL and started again on the same state, and a learner whose run happened
// while the server was down delivering its events once it is back.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {createSocket} from 'node:dgram';
import {networkInterfaces} from 'node:os';
import Database from 'better-sqlite3';
import {afterAll, describe, expect, it} from 'vitest';
import {cli, ensureBuilt, repoRoot} from '../cli/commands/built-cli.js';
import {englishLines} from '../words.js';
import {tempDir, waitFor} from './helpers.js';

ensureBuilt();

const failing = join(repoRoot, 'test', 'fixtures', 'class', 'failing');
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function xdg(home: string): NodeJS.ProcessEnv {
  return {...process.env, HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), CI: '1', LANG: 'C'};
}

interface Served {
  readonly proc: ChildProcess;
  readonly info: {joinUrl: string; boardUrl: string; token: string; joinCode: string; port: number};
}

async function serve(state: string, port = 0, env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const proc = spawn(process.execPath, [cli, 'class', 'serve', '--json', '--port', String(port), '--state', state], {env: {...xdg(tempDir()), ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  children.add(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const line = await waitFor(() => (out.includes('\n') ? out.split('\n')[0] : proc.exitCode !== null ? (() => { throw new Error(`class serve exited ${proc.exitCode}: ${err}`); })() : undefined), 20_000, 'the JSON line of class serve');
  return {proc, info: JSON.parse(line!) as Served['info']};
}

async function kill9(s: Served): Promise<void> {
  s.proc.kill('SIGKILL');
  await waitFor(() => (s.proc.exitCode !== null || s.proc.signalCode !== null ? true : undefined), 10_000, 'the server to die');
  children.delete(s.proc);
}

function learner(home: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [cli, 'test', ...args], {env: {...xdg(home), ...env}, encoding: 'utf8', timeout: 120_000});
}

/** A UDP port free on this machine now, for one test's class discovery. */
async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, () => r()));
  const {port} = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Every event body the class server keeps on disk. */
function storedBodies(state: string): string[] {
  const db = new Database(join(state, 'class.sqlite'), {readonly: true, fileMustExist: true});
  try {
    return (db.prepare('SELECT body FROM events ORDER BY seq').all() as {body: string}[]).map((r) => r.body);
  } finally {
    db.close();
  }
}

async function boardOf(s: Served): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${s.info.port}/api/board`, {headers: {authorization: `Bearer ${s.info.token}`}});
  expect(res.status).toBe(200);
  return res.json();
}

const summary = (b: any) => b.learners.map((l: any) => ({name: l.name, step: l.currentStep, statuses: l.steps.map((c: any) => c.status), fail: l.lastFail?.line, events: l.events})).sort((x: any, y: any) => x.name.localeCompare(y.name));

describe('katarun class, end to end', () => {
  it('shows two learners, survives SIGKILL, and takes the events of a run made while it was down', async () => {
    const state = tempDir();
    let server = await serve(state);
    expect(server.info.joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/j\/[A-Z0-9]{6}$/);
    expect(server.info.boardUrl).toBe(`http://127.0.0.1:${server.info.port}/board#token=${server.info.token}`);

    const alice = learner(tempDir(), ['basics', '--join', server.info.joinUrl, '--name', 'Alice']);
    expect(alice.status, alice.stderr).toBe(0);
    expect(alice.stdout + alice.stderr).toContain('Not shared unless you turn on sharing your terminal: command output. Never shared: your environment, your files.');
    expect(alice.stdout + alice.stderr).toContain('class: everything delivered');
    const bob = learner(tempDir(), [failing, '--join', server.info.joinUrl, '--name', 'Bob']);
    expect(bob.status).toBe(1);

    const before = await boardOf(server);
    const rows = summary(before);
    expect(rows).toEqual([
      {name: 'Alice', step: 3, statuses: ['passed', 'passed', 'passed', 'passed'], fail: undefined, events: expect.any(Number)},
      {name: 'Bob', step: 1, statuses: ['passed', 'failed'], fail: 'nginx is not listening on 8080', events: expect.any(Number)},
    ]);
    expect(before.learners.find((l: any) => l.name === 'Alice').finished).toBe(true);
    const bobRow = before.learners.find((l: any) => l.name === 'Bob');
    expect(bobRow.steps[1]).toMatchObject({expected: 'a server on port 8080', actual: 'nothing is listening'});
    // Bob's failing step comes first: he needs help more than Alice, who finished.
    expect(before.learners[0].name).toBe('Bob');

    // SIGKILL mid-class, then the same state: the same class.
    const firstToken = server.info.token;
    await kill9(server);
    const port = server.info.port;
    server = await serve(state, port);
    expect(server.info.joinCode).toBe(before.joinCode);
    expect(server.info.token).toBe(firstToken);
    expect(summary(await boardOf(server))).toEqual(rows);

    // Down again; Carol runs meanwhile: her events wait on disk until the server is back.
    const token = server.info.token;
    await kill9(server);
    const carolHome = tempDir();
    const carol = spawn(process.execPath, [cli, 'test', failing, '--join', server.info.joinUrl, '--name', 'Carol', '--join-wait', '60s'], {env: xdg(carolHome), stdio: ['ignore', 'pipe', 'pipe']});
    children.add(carol);
    let carolOut = '';
    carol.stdout!.on('data', (d: Buffer) => (carolOut += d.toString()));
    carol.stderr!.on('data', (d: Buffer) => (carolOut += d.toString()));
    // Her run is over (the summary line is printed) and her events are queued on disk.
    const queueDir = join(carolHome, 'state', 'katarun', 'class');
    await waitFor(() => (carolOut.includes('failing: FAILED') ? true : undefined), 60_000, "Carol's run to finish");
    const queued = await waitFor(() => {
      if (!existsSync(queueDir)) return undefined;
      const [cls] = readdirSync(queueDir);
      const file = join(queueDir, cls!, 'failing', 'queue.jsonl');
      const n = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
      return n >= 4 ? n : undefined;
    }, 10_000, "Carol's queued events");
    expect(queued).toBeGreaterThanOrEqual(4);
    server = await serve(state, port);
    expect(server.info.token).toBe(token);
    const code = await waitFor(() => carol.exitCode ?? undefined, 60_000, 'Carol to deliver and exit');
    expect(code).toBe(1);
    expect(carolOut).toContain('class: everything delivered');
    const after = summary(await boardOf(server));
    expect(after.find((r: any) => r.name === 'Carol')).toEqual({name: 'Carol', step: 1, statuses: ['passed', 'failed'], fail: 'nginx is not listening on 8080', events: queued});
    expect(after.filter((r: any) => r.name !== 'Carol')).toEqual(rows);

    // A learner whose machine is not ready: the board says so, and what is missing.
    const dan = learner(tempDir(), [join(repoRoot, 'test', 'fixtures', 'engine', 'notready'), '--join', server.info.joinUrl, '--name', 'Dan']);
    expect(dan.status).toBe(3);
    const danRow = (await boardOf(server)).learners.find((l: any) => l.name === 'Dan');
    expect(danRow.ready.ready).toBe(false);
    expect(danRow.ready.missing).toContain('tool:katarun-missing-tool-for-tests');

    // The terminal board shows the same, as text.
    const board = spawnSync(process.execPath, [cli, 'class', 'board', server.info.boardUrl, '--once'], {env: xdg(tempDir()), encoding: 'utf8', timeout: 30_000});
    expect(board.status, board.stderr).toBe(0);
    expect(board.stdout).toContain('2. Start the web server: 0 passed · 2 on it · 0 stuck');
    expect(board.stdout).toMatch(/2× nginx is not listening on 8080/);
    expect(board.stdout).toMatch(/Dan .* not ready: .*tool:katarun-missing-tool-for-tests/);
    const noToken = spawnSync(process.execPath, [cli, 'class', 'board', `http://127.0.0.1:${port}/board`, '--once'], {env: xdg(tempDir()), encoding: 'utf8', timeout: 30_000});
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toContain('class board: no token');

    server.proc.kill('SIGTERM');
    expect(await waitFor(() => server.proc.exitCode ?? undefined, 10_000, 'class serve to stop on SIGTERM')).toBe(0);
  }, 240_000);

  it('refuses a --join that is not a join URL, before running anything', () => {
    const r = learner(tempDir(), ['basics', '--join', 'nonsense/with/too/many/parts']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--join: 'nonsense\/with\/too\/many\/parts' has no join code — use the join URL/);
  });

  it('a bare code finds the class on this network; the terminal is shared only when the learner asks, and stored only then', async () => {
    const discovery = {KATARUN_CLASS_DISCOVERY_PORT: String(await freeUdpPort())};
    const state = tempDir();
    const server = await serve(state, 0, discovery);
    // Bound to 127.0.0.1 (the default): this machine's network address does not reach it.
    const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (lan) await expect(fetch(`http://${lan}:${server.info.port}/board`)).rejects.toThrow();
    // Eve types only the code, the way the instructor reads it out ("K7QX-42").
    const spoken = `${server.info.joinCode.slice(0, 3)}-${server.info.joinCode.slice(3)}`.toLowerCase();
    const eve = learner(tempDir(), ['basics', '--join', spoken, '--name', 'Eve'], discovery);
    expect(eve.status, eve.stderr).toBe(0);
    expect(eve.stderr).toContain(`Looking for the class ${server.info.joinCode} on the local network`);
    expect(eve.stderr).toContain(`Found the class at http://127.0.0.1:${server.info.port}/j/${server.info.joinCode}`);
    expect(eve.stderr).toContain('class: everything delivered');
    // Not shared by default: the server has her steps and no output of her commands.
    const eveRow = (await boardOf(server)).learners.find((l: any) => l.name === 'Eve');
    expect(eveRow.finished).toBe(true);
    expect(eveRow.terminal).toBeUndefined();
    const afterEve = storedBodies(state);
    expect(afterEve.length).toBeGreaterThan(4);
    expect(afterEve.join('\n')).not.toMatch(/Hello from katarun|line 2|"terminal"/);

    // Frank asks for it: he is told, and the server then has his commands and their output.
    const frank = learner(tempDir(), [failing, '--join', server.info.joinUrl, '--name', 'Frank', '--share-terminal'], discovery);
    expect(frank.status).toBe(1);
    expect(frank.stderr).toContain('Also shared, as you asked with --share-terminal: the last 40 lines');
    const frankRow = (await boardOf(server)).learners.find((l: any) => l.name === 'Frank');
    expect(frankRow.terminal.lines).toEqual(expect.arrayContaining(['$ echo hello', 'hello']));
    expect(storedBodies(state).filter((b) => b.includes('"terminal"') && b.includes('echo hello'))).toHaveLength(1);
    // Eve's row still has none.
    expect((await boardOf(server)).learners.find((l: any) => l.name === 'Eve').terminal).toBeUndefined();
    server.proc.kill('SIGTERM');
    await waitFor(() => server.proc.exitCode ?? undefined, 10_000, 'class serve to stop');
  }, 240_000);

  it('a Russian learner the server turns away (a wrong join code): the reason in Russian, no English sentence', async () => {
    const server = await serve(tempDir());
    const wrong = server.info.joinCode === 'WRONG2' ? 'WRONG3' : 'WRONG2';
    const r = learner(tempDir(), ['basics', '--join', `http://127.0.0.1:${server.info.port}/j/${wrong}`, '--lang', 'ru']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/класс: не доставлено — \d+ событи\S* \(неверный код подключения\)/);
    expect(englishLines(r.stderr)).toEqual([]);
    expect(englishLines(r.stdout)).toEqual([]);
    server.proc.kill('SIGTERM');
    await waitFor(() => server.proc.exitCode ?? undefined, 10_000, 'class serve to stop');
  }, 240_000);

  it('a bare code nobody answers: after a few seconds, a clear error says how to join by URL', async () => {
    const bare = learner(tempDir(), ['basics', '--join', 'ABC234'], {KATARUN_CLASS_DISCOVERY_PORT: String(await freeUdpPort())});
    expect(bare.status).toBe(3);
    expect(bare.stderr).toContain('Looking for the class ABC234 on the local network (3 seconds)');
    expect(bare.stderr).toContain('--join: no class with the code ABC234 answered on this network within 3 seconds — ask the instructor for the join URL');
    expect(bare.stderr).toContain('KATARUN_CLASS_SERVER');
    expect(bare.stderr).not.toMatch(/\n\s+at /);
  });
});
