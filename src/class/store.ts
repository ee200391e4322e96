// The class's state on disk: one SQLite file (better-sqlite3, WAL) holding the join code, the
// instructor's token, each learner's join (with a hash of their secret) and every event they
// sent, each stored once (learner + event id is unique) — but of a shared terminal only the
// latest lines, and none once the learner stopped sharing. A write returns only once committed,
// so an event the server acknowledged survives a SIGKILL; reopening replays the events into
// the rows the board shows.

import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {chmodSync, existsSync, mkdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';
import {Worker} from 'node:worker_threads';
import Database from 'better-sqlite3';
import {applyEvent, newLearner, rejoin, type LearnerRow} from './board-model.js';
import type {ClassEvent, JoinRequest} from './protocol.js';

export interface ClassIdentity {
  readonly joinCode: string;
  readonly token: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS learners (id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, join_json TEXT NOT NULL, joined_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  learner TEXT NOT NULL REFERENCES learners(id),
  id TEXT NOT NULL,
  at INTEGER NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (learner, id)
);
`;

// No 0/O, 1/I/L: a code read off a projector is typed right the first time.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(): string {
  const bytes = randomBytes(6);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');


export class ClassStore {
  readonly identity: ClassIdentity;
  readonly rows = new Map<string, LearnerRow>();
  private readonly db: Database.Database;
  private readonly secrets = new Map<string, string>();
  private readonly insertEvent: Database.Statement;
  private readonly insertLearner: Database.Statement;
  private readonly updateJoin: Database.Statement;
  private readonly forgetTerminal: Database.Statement;
  private readonly checkpointer: Worker | undefined;

  constructor(dir: string) {
    mkdirSync(dir, {recursive: true, mode: 0o700});
    const file = join(dir, 'class.sqlite');
    this.db = new Database(file);
    // The token is in this file: only the instructor reads it.
    chmodSync(file, 0o600);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives the process being killed (only a
    // power cut may lose the last ones), at a fraction of FULL's fsyncs.
    this.db.pragma('synchronous = NORMAL');
    this.checkpointer = this.startCheckpointer(file);
    this.db.exec(SCHEMA);
    this.identity = this.loadIdentity();
    this.insertEvent = this.db.prepare('INSERT OR IGNORE INTO events (learner, id, at, body) VALUES (?, ?, ?, ?)');
    this.insertLearner = this.db.prepare('INSERT INTO learners (id, secret_hash, join_json, joined_at) VALUES (?, ?, ?, ?)');
    this.updateJoin = this.db.prepare('UPDATE learners SET join_json = ? WHERE id = ?');
    // A shared terminal is kept as its latest lines only; turning sharing off leaves none on disk.
    this.forgetTerminal = this.db.prepare(
      "UPDATE events SET body = json_set(body, '$.lines', json('[]')) WHERE learner = ? AND seq < ? AND json_extract(body, '$.type') = 'terminal' AND json_array_length(body, '$.lines') > 0",
    );
    this.replay();
  }

  /** Checkpoints (and their fsyncs) on a worker thread (checkpointer.ts), not inside a learner's request. */
  private startCheckpointer(file: string): Worker | undefined {
    const script = new URL('./checkpointer.js', import.meta.url);
    // Run from the TypeScript sources (the unit tests) there is no compiled worker: SQLite's own checkpoints then.
    if (!existsSync(fileURLToPath(script))) return undefined;
    this.db.pragma('wal_autocheckpoint = 0');
    const worker = new Worker(script, {workerData: {file, everyMs: 1000}});
    worker.on('error', (err) => {
      process.stderr.write(`katarun class: the checkpoint thread stopped (${err.message}); SQLite checkpoints by itself again\n`);
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    });
    worker.unref();
    return worker;
  }

  private loadIdentity(): ClassIdentity {
    const get = this.db.prepare('SELECT value FROM meta WHERE key = ?');
    const set = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const value = (key: string, make: () => string): string => {
      const row = get.get(key) as {value: string} | undefined;
      if (row) return row.value;
      const v = make();
      set.run(key, v);
      return v;
    };
    return this.db.transaction(() => ({joinCode: value('join_code', newJoinCode), token: value('token', () => randomBytes(24).toString('base64url'))}))();
  }

  private replay(): void {
    for (const l of this.db.prepare('SELECT id, secret_hash, join_json, joined_at FROM learners').all() as {id: string; secret_hash: string; join_json: string; joined_at: number}[]) {
      this.secrets.set(l.id, l.secret_hash);
      this.rows.set(l.id, newLearner(JSON.parse(l.join_json) as JoinRequest, l.joined_at));
    }
    for (const e of this.db.prepare('SELECT learner, at, body FROM events ORDER BY seq').iterate() as Iterable<{learner: string; at: number; body: string}>) {
      const row = this.rows.get(e.learner);
      if (row) applyEvent(row, JSON.parse(e.body) as ClassEvent, e.at);
    }
  }

  /** 'new' or 'again' (same learner, same secret), or 'taken' (someone else's id). */
  join(request: JoinRequest, at: number): 'new' | 'again' | 'taken' {
    const known = this.secrets.get(request.learner);
    const stored: JoinRequest = {...request, secret: ''};
    if (known !== undefined) {
      if (!timingSafeEqual(Buffer.from(known, 'hex'), Buffer.from(hash(request.secret), 'hex'))) return 'taken';
      this.updateJoin.run(JSON.stringify(stored), request.learner);
      rejoin(this.rows.get(request.learner)!, request, at);
      return 'again';
    }
    this.insertLearner.run(request.learner, hash(request.secret), JSON.stringify(stored), at);
    this.secrets.set(request.learner, hash(request.secret));
    this.rows.set(request.learner, newLearner(request, at));
    return 'new';
  }

  /** The learner whose secret this is, if any. */
  learnerFor(id: string, secret: string): LearnerRow | undefined {
    const known = this.secrets.get(id);
    if (known === undefined) return undefined;
    return timingSafeEqual(Buffer.from(known, 'hex'), Buffer.from(hash(secret), 'hex')) ? this.rows.get(id) : undefined;
  }

  /** Store the events in one transaction; the ones seen before are skipped. Returns how many were new. */
  addEvents(row: LearnerRow, events: readonly {event: ClassEvent; at: number}[]): number {
    return this.addBatches([{row, events}])[0]!;
  }

  /**
   * Several learners' batches in one transaction (one commit: the server gathers the requests that
   * arrived together); how many events of each were new.
   */
  addBatches(batches: readonly {row: LearnerRow; events: readonly {event: ClassEvent; at: number}[]}[]): number[] {
    return this.db.transaction(() => batches.map(({row, events}) => this.insert(row, events)))();
  }

  private insert(row: LearnerRow, events: readonly {event: ClassEvent; at: number}[]): number {
    let added = 0;
    for (const {event, at} of events) {
      const result = this.insertEvent.run(row.id, event.id, at, JSON.stringify(event));
      if (result.changes === 1) {
        if (event.type === 'terminal') this.forgetTerminal.run(row.id, result.lastInsertRowid);
        applyEvent(row, event, at);
        added++;
      }
    }
    return added;
  }

  close(): void {
    this.checkpointer?.postMessage('stop');
    if (this.db.open) this.db.close();
  }
}
