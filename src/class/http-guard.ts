// The checks every request to the class server passes before a route sees it: a browser page
// of another origin is refused (Origin / Sec-Fetch-Site), a Host that is not an address of
// this server is refused (DNS rebinding), bodies are bounded and must be JSON, and each
// client key (a learner, an address) gets a bounded rate.

import type {IncomingMessage} from 'node:http';
import {isIP} from 'node:net';
import {hostname} from 'node:os';
import type {ClassErrorCode} from './error-codes.js';

/** A refusal: its HTTP status, English text (the reply's `error`) and code (the reply's `code`, worded by the client). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ClassErrorCode,
    /** A number the client's sentence names (the class's size, a body's limit). */
    readonly limit?: number,
  ) {
    super(message);
  }
}

function hostOnly(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon >= 0 ? host.slice(0, colon) : host;
}

/** Names this server answers to: IP literals, localhost, this machine's name (and its .local). */
export function hostAllowed(host: string | undefined): boolean {
  if (!host) return false;
  const name = hostOnly(host).toLowerCase();
  const own = hostname().toLowerCase();
  return isIP(name) !== 0 || name === 'localhost' || name === own || name === `${own}.local`;
}

/** A browser tells where a request comes from; only the board's own page may call the API. */
export function checkOrigin(req: IncomingMessage): void {
  if (!hostAllowed(req.headers.host)) throw new HttpError(421, `host '${String(req.headers.host)}' is not this server: use its address`, 'wrongHost');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && origin !== `http://${req.headers.host}`) throw new HttpError(403, 'requests from other sites are refused', 'crossSite');
  if (origin === 'null') throw new HttpError(403, 'requests from other sites are refused', 'crossSite');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'requests from other sites are refused', 'crossSite');
}

/** The body as JSON, at most `limit` bytes; a clear 4xx otherwise. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the body as application/json', 'notJsonType');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `the body is over ${limit} bytes`, 'tooLarge', limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is over ${limit} bytes`, 'tooLarge', limit);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'the body is not JSON', 'notJson');
  }
}

export function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_\-.~+/=]+)$/.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/** A token bucket per key: `burst` requests at once, refilled at `perSecond`. Bounded in keys. */
export class RateLimiter {
  private readonly buckets = new Map<string, {tokens: number; at: number}>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, now = Date.now()): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      b = {tokens: this.burst, at: now};
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
