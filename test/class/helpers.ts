// Shared by the class tests: a server on a temp state folder (loopback, port 0), join bodies,
// and a plain HTTP call that returns status and JSON without throwing.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomBytes} from 'node:crypto';
import {startClassServer, type ClassServer} from '../../src/class/server.js';
import type {JoinRequest} from '../../src/class/protocol.js';

export function tempDir(prefix = 'katarun-class-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function server(stateDir = tempDir(), streamIntervalMs?: number): Promise<{s: ClassServer; base: string; stateDir: string}> {
  const s = await startClassServer({stateDir, port: 0, host: '127.0.0.1', ...(streamIntervalMs ? {streamIntervalMs} : {})});
  return {s, base: `http://127.0.0.1:${s.port}`, stateDir};
}

export function joinBody(code: string, over: Partial<JoinRequest> = {}): JoinRequest {
  return {
    code,
    learner: randomBytes(10).toString('hex'),
    secret: randomBytes(32).toString('base64url'),
    name: 'Ada',
    scenario: {id: 'basics', title: 'katarun basics'},
    steps: [{title: 'One', estimateMin: 1}, {title: 'Two', estimateMin: 2}, {title: 'Three'}],
    ...over,
  };
}

export async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{status: number; json: any; text: string}> {
  const res = await fetch(url, {
    method,
    headers: {...(body !== undefined ? {'content-type': 'application/json'} : {}), ...headers},
    ...(body !== undefined ? {body: typeof body === 'string' ? body : JSON.stringify(body)} : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {status: res.status, json, text};
}

/** The one waiting helper (test/wait.ts), in its form that returns what it waited for. */
export {waitForValue as waitFor} from '../wait.js';
