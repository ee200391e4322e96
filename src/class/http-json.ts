// One JSON request to the class server with a deadline, over node:http(s). The answer is
// parsed as data and nothing else: a learner's runner never runs anything it receives.

import {request as httpRequest, Agent as HttpAgent} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {message, type Text} from '../render/message.js';
import {isClassErrorCode} from './error-codes.js';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

const MAX_RESPONSE = 4 * 1024 * 1024;
/** One kept-alive connection for one learner's runner (its requests go one at a time anyway). */
export function learnerAgent(): HttpAgent {
  return new HttpAgent({keepAlive: true, maxSockets: 1});
}

export function requestJson(method: 'GET' | 'POST', url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs = 5000, agent?: HttpAgent): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const secure = u.protocol === 'https:';
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = (secure ? httpsRequest : httpRequest)(
      u,
      {
        method,
        ...(agent && !secure ? {agent} : {}),
        headers: {accept: 'application/json', ...(data ? {'content-type': 'application/json', 'content-length': String(data.length)} : {}), ...headers},
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE) req.destroy(new Error('the answer is too large'));
          else chunks.push(c);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text) as unknown;
          } catch {
            // Not JSON (a proxy's page, say): kept as text for the error message.
          }
          resolve({status: res.statusCode ?? 0, body: parsed});
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), {code: 'ETIMEDOUT'})));
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * Why the server said no, for the learner: its `code` as a message when it sent a known one
 * (worded in the learner's language), else its `error` text as it came.
 */
export function refusal(r: JsonResponse): Text {
  const body = typeof r.body === 'object' && r.body !== null ? (r.body as {code?: unknown; limit?: unknown}) : {};
  if (!isClassErrorCode(body.code)) return errorText(r);
  const limit = typeof body.limit === 'number' && Number.isFinite(body.limit) ? body.limit : undefined;
  if (body.code === 'invalid') return message('class.error.invalid', {detail: errorText(r)});
  return message(`class.error.${body.code}`, limit !== undefined ? {n: limit} : undefined);
}

/** The server's `{error}` text, one line and bounded. */
export function errorText(r: JsonResponse): string {
  const raw = typeof r.body === 'object' && r.body !== null && typeof (r.body as {error?: unknown}).error === 'string' ? (r.body as {error: string}).error : `HTTP ${r.status}`;
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 200);
}
