// The learner's side of a class: joins with the join code under its own id and secret (made
// here, kept on disk so every run of the same learner is one row on the board), queues every
// event on disk first and sends it when the server can be reached, each with an id so a
// resend is never counted twice. A heartbeat keeps the class's pace fresh for the status bar.

import {randomBytes} from 'node:crypto';
import {appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {JoinTarget} from './join-target.js';
import {errorText, learnerAgent, refusal, requestJson, type JsonResponse} from './http-json.js';
import {message, type Text} from '../render/message.js';
import {LIMITS, type ClassEvent, type ClassEventBody, type Pace, type StepInfo} from './protocol.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  readonly pace?: Pace;
  /** Why the server is not reached or refused us, one line: its code as a message, or the text as it came. */
  readonly error?: Text;
  /** Events not yet acknowledged by the server. */
  readonly queued: number;
}

export interface ClassClientOptions {
  readonly target: JoinTarget;
  readonly name: string;
  readonly scenario: {readonly id: string; readonly title: string};
  readonly steps: readonly StepInfo[];
  /** This learner's folder: its id and secret, and the queue. */
  readonly dir: string;
  readonly now?: () => number;
  /** Time between heartbeats (default 3 s); retries back off from 0.5 s up to this × 3. */
  readonly heartbeatMs?: number;
  readonly request?: typeof requestJson;
}

interface Credentials {
  readonly learner: string;
  readonly secret: string;
}

const BATCH = 100;
const TIMEOUT_MS = 5000;

function loadCredentials(file: string): Credentials {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Partial<Credentials>;
    if (typeof c.learner === 'string' && /^[a-z0-9]{16,40}$/.test(c.learner) && typeof c.secret === 'string' && c.secret.length >= 32) return {learner: c.learner, secret: c.secret};
  } catch {
    // First run for this class (or an unreadable file): a new identity.
  }
  const fresh = {learner: randomBytes(10).toString('hex'), secret: randomBytes(32).toString('base64url')};
  writeFileSync(file, `${JSON.stringify(fresh)}\n`, {mode: 0o600});
  return fresh;
}

function loadQueue(file: string): ClassEvent[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: ClassEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as ClassEvent);
    } catch {
      // A line cut short by a crash mid-write: the event was never acknowledged, nor complete.
    }
  }
  return out;
}

export class ClassClient {
  private readonly creds: Credentials;
  private readonly queueFile: string;
  private readonly queue: ClassEvent[];
  private readonly now: () => number;
  private readonly heartbeatMs: number;
  private readonly request: typeof requestJson;
  private readonly run = randomBytes(4).toString('hex');
  private seq = 0;
  private joined = false;
  private state: ConnectionState;
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  private failures = 0;
  private closed = false;
  private readonly agent = learnerAgent();

  constructor(private readonly o: ClassClientOptions) {
    mkdirSync(o.dir, {recursive: true, mode: 0o700});
    this.creds = loadCredentials(join(o.dir, 'learner.json'));
    this.queueFile = join(o.dir, 'queue.jsonl');
    this.queue = loadQueue(this.queueFile);
    this.now = o.now ?? Date.now;
    this.heartbeatMs = o.heartbeatMs ?? 3000;
    this.request = o.request ?? requestJson;
    this.state = {status: 'connecting', queued: this.queue.length};
  }

  get learnerId(): string {
    return this.creds.learner;
  }

  getSnapshot = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<ConnectionState>): void {
    const merged = {...this.state, ...next, queued: this.queue.length};
    if (merged.status === this.state.status && JSON.stringify(merged.error) === JSON.stringify(this.state.error) && merged.queued === this.state.queued && JSON.stringify(merged.pace) === JSON.stringify(this.state.pace)) return;
    this.state = merged;
    for (const l of [...this.listeners]) l();
  }

  /** Queue an event (on disk first) and send it soon. */
  send(body: ClassEventBody): void {
    if (this.closed) return;
    const event = {...body, id: `${this.run}.${++this.seq}`, at: this.now()} as ClassEvent;
    this.queue.push(event);
    appendFileSync(this.queueFile, `${JSON.stringify(event)}\n`, {mode: 0o600});
    this.set({});
    this.schedule(0);
  }

  start(): void {
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pump(), ms);
    this.timer.unref();
  }

  /** One send at a time; what arrives meanwhile goes in the next batch. */
  pump(): Promise<void> {
    this.pumping ??= this.sendQueued().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }

  private persistQueue(): void {
    const tmp = `${this.queueFile}.${process.pid}.tmp`;
    writeFileSync(tmp, this.queue.map((e) => `${JSON.stringify(e)}\n`).join(''), {mode: 0o600});
    renameSync(tmp, this.queueFile);
  }

  private fail(r: JsonResponse | Error): void {
    this.failures++;
    const error = r instanceof Error ? unreachable(r) : refusal(r);
    // A kept-alive connection the server had just closed: a new one at once, not a back-off.
    const reset = r instanceof Error && ((r as NodeJS.ErrnoException).code === 'ECONNRESET' || r.message === 'socket hang up');
    if (reset && this.failures === 1) return this.schedule(0);
    this.set({status: 'offline', error});
    this.schedule(Math.min(this.heartbeatMs * 3, 500 * 2 ** Math.min(this.failures, 6)));
  }

  private refuse(r: JsonResponse): void {
    // The server said no to who we are (wrong code, an id that is someone else's): retrying cannot help.
    this.set({status: 'refused', error: refusal(r)});
  }

  private pace(body: unknown): Pace | undefined {
    const p = (body as {pace?: Partial<Pace>} | null)?.pace;
    const int = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= -1 && n < 1e6;
    return p && int(p.step) && int(p.past) && int(p.total) ? {step: p.step!, past: p.past!, total: p.total!} : undefined;
  }

  private async sendQueued(): Promise<void> {
    if (this.closed && this.queue.length === 0) return;
    const {target} = this.o;
    try {
      if (!this.joined) {
        const r = await this.request('POST', `${target.base}/api/join`, {
          code: target.code,
          learner: this.creds.learner,
          secret: this.creds.secret,
          name: this.o.name.slice(0, LIMITS.name),
          scenario: {id: this.o.scenario.id.slice(0, LIMITS.id), title: this.o.scenario.title.slice(0, LIMITS.title)},
          steps: this.o.steps.slice(0, LIMITS.steps).map((s) => ({title: s.title.slice(0, LIMITS.title), ...(s.estimateMin !== undefined ? {estimateMin: s.estimateMin} : {})})),
        }, {}, TIMEOUT_MS, this.agent);
        if (r.status === 400 || r.status === 403 || r.status === 409) return this.refuse(r);
        if (r.status !== 200) return this.fail(r);
        this.joined = true;
        this.set({status: 'online', error: undefined, ...(this.pace(r.body) ? {pace: this.pace(r.body)} : {})});
      }
      const batch = this.queue.slice(0, BATCH);
      const r = await this.request('POST', `${target.base}/api/learners/${this.creds.learner}/events`, {sentAt: this.now(), events: batch}, {authorization: `Bearer ${this.creds.secret}`}, TIMEOUT_MS, this.agent);
      if (r.status === 401) {
        // The server no longer knows us (its state was reset): join again, then resend.
        this.joined = false;
        return this.fail(r);
      }
      if (r.status === 400) {
        // One event the server will never take (an older katarun's, say) must not block the rest.
        const bad = /^batch\/events\/(\d+)/.exec(errorText(r));
        this.queue.splice(bad ? Number(bad[1]) : 0, bad ? 1 : batch.length);
        this.persistQueue();
        this.set({error: refusal(r)});
        return this.schedule(0);
      }
      if (r.status !== 200) return this.fail(r);
      this.failures = 0;
      this.queue.splice(0, batch.length);
      if (batch.length > 0) this.persistQueue();
      const pace = this.pace(r.body);
      this.set({status: 'online', error: undefined, ...(pace ? {pace} : {})});
      this.schedule(this.queue.length > 0 ? 0 : this.heartbeatMs);
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /**
   * Stop: try to deliver what is queued for up to `waitMs`; what is left stays on disk and goes
   * with the next run that joins the same class.
   */
  async close(waitMs = 0): Promise<ConnectionState> {
    const deadline = this.now() + waitMs;
    while (this.queue.length > 0 && this.state.status !== 'refused' && this.now() < deadline) {
      await this.pump();
      if (this.queue.length === 0 || this.getSnapshot().status === 'refused') break;
      await new Promise((r) => setTimeout(r, Math.min(500, Math.max(0, deadline - this.now()))));
    }
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pumping;
    this.agent.destroy();
    return this.state;
  }
}

/** A connection that failed below HTTP: the usual causes in words (with the system's code), else Node's text. */
function unreachable(err: Error): Text {
  const code = (err as NodeJS.ErrnoException).code;
  return code && ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'].includes(code) ? message('class.error.unreachable', {detail: code}) : err.message;
}
