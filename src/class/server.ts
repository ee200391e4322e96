// `katarun class serve`'s server: node:http, no framework. Learners join with the join code
// and then post their own events with their own secret; the board page, its live stream (SSE)
// and the exports need the instructor's token. State lives in ClassStore (SQLite).
//
//   POST /api/join                  {code, learner, secret, name, scenario, steps} → {pace}
//   POST /api/learners/:id/events   Bearer <learner secret>, {sentAt, events} → {added, pace}
//   GET  /api/board                 Bearer <token> → BoardView
//   GET  /api/stream                Bearer <token> → text/event-stream: `board` then `update`s
//   GET  /api/export.csv|.json      Bearer <token>
//   GET  /board, /board.js          the page (it reads the token from the URL's #fragment)

import {readFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {timingSafeEqual} from 'node:crypto';
import {boardCsv, boardView, learnerView, summarize, type BoardView} from './board-view.js';
import {paceFor, type LearnerRow} from './board-model.js';
import {bearer, checkOrigin, HttpError, RateLimiter, readJson} from './http-guard.js';
import {checkBatch, checkJoin, LIMITS, type ClassEvent, type Pace} from './protocol.js';
import {cleanJoin, cleanEvent} from './clean.js';
import {ClassStore} from './store.js';
import {languageFromHeader} from './page-lang.js';
import {translator} from '../render/i18n.js';

export interface ClassServerOptions {
  readonly stateDir: string;
  readonly port?: number;
  readonly host?: string;
  /** How often the live stream sends what changed (ms). */
  readonly streamIntervalMs?: number;
  readonly now?: () => number;
}

export interface ClassServer {
  readonly store: ClassStore;
  readonly port: number;
  readonly host: string;
  board(): BoardView;
  close(): Promise<void>;
}

const MAX_LEARNERS = 2000;
const PACE_MS = 500;
const ASSET_TYPES: Record<string, string> = {'board.js': 'text/javascript; charset=utf-8', 'board.css': 'text/css; charset=utf-8'};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The page's first language is the browser's (Accept-Language); its own switch may change it.
const page = (lang: string) => `<!doctype html>
<html lang="${lang}" data-lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(translator(lang)('class.page.title'))}</title><link rel="stylesheet" href="/board.css"></head>
<body><div id="root"></div><script src="/board.js"></script></body></html>
`;

// The page loads only its own script and style, and talks only to this server.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {'content-type': type, 'content-length': Buffer.byteLength(text), ...PAGE_HEADERS});
  res.end(text);
}

export async function startClassServer(options: ClassServerOptions): Promise<ClassServer> {
  const now = options.now ?? Date.now;
  const store = new ClassStore(options.stateDir);
  const assetsDir = new URL('./board/', import.meta.url);
  const joins = new RateLimiter(600, 10);
  const posts = new RateLimiter(40, 4);
  const streams = new Set<ServerResponse>();
  const dirty = new Set<string>();
  const interval = options.streamIntervalMs ?? 50;

  const tokenOk = (req: IncomingMessage) => {
    const given = Buffer.from(bearer(req) ?? '');
    const want = Buffer.from(store.identity.token);
    return given.length === want.length && timingSafeEqual(given, want);
  };
  const needToken = (req: IncomingMessage) => {
    if (!tokenOk(req)) throw new HttpError(401, "the board needs the instructor's token (Authorization: Bearer …)", 'token');
  };
  // The pace a learner is told is a count over the whole class: counted at most every PACE_MS
  // per scenario and step, not once per request (300 learners × 300 rows a second adds up).
  const paces = new Map<string, {pace: Pace; at: number}>();
  const pace = (row: LearnerRow): Pace => {
    const key = `${row.scenario.id}\u0000${row.current}`;
    const t = now();
    const known = paces.get(key);
    if (known && t - known.at < PACE_MS) return known.pace;
    const fresh = paceFor(store.rows.values(), row.scenario.id, row.current);
    paces.set(key, {pace: fresh, at: t});
    return fresh;
  };

  // Group commit: the batches of every request that arrived in the same turn of the event loop go
  // to disk in one transaction, and each answer is sent only once it is committed. Under load
  // (when requests queue up) one commit carries many, instead of one commit each.
  let pending: {row: LearnerRow; events: {event: ClassEvent; at: number}[]; done: (added: number) => void; fail: (err: unknown) => void}[] = [];
  const commitPending = () => {
    const batch = pending;
    pending = [];
    try {
      const added = store.addBatches(batch);
      batch.forEach((b, i) => b.done(added[i]!));
    } catch (err) {
      for (const b of batch) b.fail(err);
    }
  };
  const commit = (row: LearnerRow, events: {event: ClassEvent; at: number}[]) =>
    new Promise<number>((done, fail) => {
      if (pending.length === 0) setImmediate(commitPending);
      pending.push({row, events, done, fail});
    });
  const board = () => boardView(store.rows.values(), store.identity.joinCode, now());

  // The stream sends the changed learners and the per-step summary at most every `interval` ms.
  const flush = () => {
    if (dirty.size === 0 || streams.size === 0) return;
    const t = now();
    const learners = [...dirty].map((id) => store.rows.get(id)).filter((r): r is LearnerRow => r !== undefined).map((r) => learnerView(r, t));
    dirty.clear();
    const frame = `event: update\ndata: ${JSON.stringify({now: t, learners, scenarios: summarize([...store.rows.values()], t)})}\n\n`;
    for (const s of streams) s.write(frame);
  };
  const ticker = setInterval(flush, interval);
  ticker.unref();
  // Comments keep idle streams open through proxies and tell a dead client apart.
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write(`: ${now()}\n\n`);
  }, 15_000);
  keepAlive.unref();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    checkOrigin(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const address = req.socket.remoteAddress ?? '?';
    if (req.method === 'GET' && (path === '/' || path === '/board')) {
      res.setHeader('vary', 'accept-language');
      return send(res, 200, page(languageFromHeader(req.headers['accept-language'])), 'text/html; charset=utf-8');
    }
    if (req.method === 'GET' && /^\/board\.(js|css)$/.test(path)) {
      const name = path.slice(1);
      const text = await readFile(new URL(name, assetsDir), 'utf8').catch(() => undefined);
      if (text === undefined) throw new HttpError(404, `${name} is missing: build katarun ('npm run build')`, 'notFound');
      return send(res, 200, text, ASSET_TYPES[name]);
    }
    if (req.method === 'GET' && path.startsWith('/j/')) {
      return send(res, 200, `This is a katarun class. Join it from a terminal:\n\n  katarun <scenario> --join http://${req.headers.host}${path}\n`, 'text/plain; charset=utf-8');
    }
    if (req.method === 'POST' && path === '/api/join') {
      if (!joins.take(address)) throw new HttpError(429, 'too many joins from this address: wait a minute', 'tooManyJoins');
      const checked = checkJoin(await readJson(req, LIMITS.bodyBytes));
      if (!checked.ok) throw new HttpError(400, checked.error, 'invalid');
      if (checked.value.code.toUpperCase() !== store.identity.joinCode) throw new HttpError(403, 'wrong join code', 'wrongCode');
      if (!store.rows.has(checked.value.learner) && store.rows.size >= MAX_LEARNERS) throw new HttpError(503, `the class is full (${MAX_LEARNERS} learners)`, 'full', MAX_LEARNERS);
      const result = store.join(cleanJoin(checked.value), now());
      if (result === 'taken') throw new HttpError(409, 'this learner id belongs to someone else: start with a fresh id', 'taken');
      dirty.add(checked.value.learner);
      return send(res, 200, {joined: result, pace: pace(store.rows.get(checked.value.learner)!)});
    }
    const events = /^\/api\/learners\/([A-Za-z0-9._:-]{1,80})\/events$/.exec(path);
    if (req.method === 'POST' && events) {
      const row = store.learnerFor(events[1]!, bearer(req) ?? '');
      if (!row) throw new HttpError(401, "unknown learner or wrong secret: a learner posts only its own events", 'unknownLearner');
      if (!posts.take(row.id)) throw new HttpError(429, 'too many requests: slow down', 'tooManyRequests');
      const checked = checkBatch(await readJson(req, LIMITS.bodyBytes));
      if (!checked.ok) throw new HttpError(400, checked.error, 'invalid');
      const t = now();
      // The learner's clock may be off: shift its times by the offset at sending, never into the future.
      const offset = t - checked.value.sentAt;
      const added = await commit(row, checked.value.events.map((e) => ({event: cleanEvent(e), at: Math.min(t, Math.round(e.at + offset))})));
      if (added > 0 || checked.value.events.length === 0) {
        row.lastSeen = t;
        dirty.add(row.id);
      }
      return send(res, 200, {added, pace: pace(row)});
    }
    if (req.method === 'GET' && path === '/api/board') {
      needToken(req);
      return send(res, 200, board());
    }
    if (req.method === 'GET' && (path === '/api/export.csv' || path === '/api/export.json')) {
      needToken(req);
      const csv = path.endsWith('.csv');
      res.setHeader('content-disposition', `attachment; filename="class-${store.identity.joinCode}.${csv ? 'csv' : 'json'}"`);
      // The class's results, not anyone's terminal: shared output stays on the live board only.
      const results = {...board(), learners: board().learners.map(({terminal: _terminal, ...l}) => l)};
      return send(res, 200, csv ? boardCsv(results) : `${JSON.stringify(results, null, 2)}\n`, csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    }
    if (req.method === 'GET' && path === '/api/stream') {
      needToken(req);
      res.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff'});
      res.write(`event: board\ndata: ${JSON.stringify(board())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    throw new HttpError(404, `no ${req.method} ${path} here`, 'notFound');
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof HttpError ? err.message : 'internal error';
      const code = err instanceof HttpError ? err.code : 'internal';
      const limit = err instanceof HttpError ? err.limit : undefined;
      if (!(err instanceof HttpError)) process.stderr.write(`katarun class: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      // The rest of an oversized body is not read: close the connection after answering.
      if (status === 413) res.setHeader('connection', 'close');
      if (!res.headersSent) send(res, status, {error: message, code, ...(limit !== undefined ? {limit} : {})});
      else res.end();
    });
  });
  server.headersTimeout = 10_000;
  // Learners keep one connection each and use it every few seconds (the heartbeat is 3 s): Node's
  // default 5 s idle close raced a learner's next request under load ("socket hang up", then a
  // backed-off retry: seconds of latency for that event).
  server.keepAliveTimeout = 20_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    store,
    port: address.port,
    host: options.host ?? '127.0.0.1',
    board,
    async close() {
      clearInterval(ticker);
      clearInterval(keepAlive);
      for (const s of streams) s.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
