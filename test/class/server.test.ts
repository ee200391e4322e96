// The class server over real HTTP on loopback: joining, events counted once, the board and its
// summaries, the pace a learner is told, a restart on the same state, and the security rules
// (join code, per-learner secrets, the instructor's token, schemas and sizes, other origins).
import {afterEach, describe, expect, it} from 'vitest';
import {call, joinBody, server, tempDir} from './helpers.js';
import type {ClassServer} from '../../src/class/server.js';
import Database from 'better-sqlite3';
import {join} from 'node:path';

const open: ClassServer[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function started(stateDir?: string) {
  const r = await server(stateDir);
  open.push(r.s);
  return {...r, code: r.s.store.identity.joinCode, token: r.s.store.identity.token};
}

/** A learner row of `GET /api/board`, as far as the restart test compares it. */
type BoardRow = {id: string; steps: {status: string}[]; events: number};

const auth = (secret: string) => ({authorization: `Bearer ${secret}`});
let seq = 0;
const ev = (body: Record<string, unknown>) => ({id: `r1.${++seq}`, at: Date.now(), ...body});

describe('class server', () => {
  it('folds joins and events into the board, counts a resent event once, and tells the pace', async () => {
    const {base, code, token} = await started();
    const a = joinBody(code, {name: 'Ada'});
    const b = joinBody(code, {name: 'Bo'});
    expect((await call('POST', `${base}/api/join`, a)).status).toBe(200);
    expect((await call('POST', `${base}/api/join`, b)).status).toBe(200);
    const batch = [ev({type: 'step', step: 0, status: 'active'}), ev({type: 'step', step: 0, status: 'passed'}), ev({type: 'step', step: 1, status: 'active'}), ev({type: 'check', step: 1, passed: false, fail: ['pod is not Ready'], expected: 'Running', actual: 'Pending'})];
    const first = await call('POST', `${base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events: batch}, auth(a.secret));
    expect(first.status).toBe(200);
    expect(first.json.added).toBe(4);
    // The same events again (a retry after a lost answer): nothing new.
    const again = await call('POST', `${base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events: batch}, auth(a.secret));
    expect(again.json.added).toBe(0);
    // Bo fails step 1 with the same line; so the step's most common FAIL line counts 2.
    await call('POST', `${base}/api/learners/${b.learner}/events`, {sentAt: Date.now(), events: [ev({type: 'step', step: 0, status: 'active'}), ev({type: 'check', step: 0, passed: false, fail: ['pod is not Ready']}), ev({type: 'hand', step: 0, up: true, fail: 'pod is not Ready'})]}, auth(b.secret));

    const board = await call('GET', `${base}/api/board`, undefined, auth(token));
    expect(board.status).toBe(200);
    const ada = board.json.learners.find((l: {name: string}) => l.name === 'Ada');
    expect(ada.currentStep).toBe(1);
    expect(ada.steps[0].status).toBe('passed');
    expect(ada.steps[1]).toMatchObject({status: 'active', lastFail: 'pod is not Ready', expected: 'Running', actual: 'Pending', attempts: 1});
    expect(ada.events).toBe(4);
    // The raised hand sorts Bo first.
    expect(board.json.learners[0].name).toBe('Bo');
    expect(board.json.learners[0].hand).toMatchObject({step: 0, fail: 'pod is not Ready'});
    const steps = board.json.scenarios[0].steps;
    expect(steps[0]).toMatchObject({passed: 1, on: 1, failing: 1, topFails: [{line: 'pod is not Ready', count: 1}]});
    expect(steps[1]).toMatchObject({passed: 0, on: 1, topFails: [{line: 'pod is not Ready', count: 1}]});
    // Ada is on step 2; of the 2 learners, 0 are past it. Bo (on step 1) hears 1 of 2 past step 1.
    const paceBo = await call('POST', `${base}/api/learners/${b.learner}/events`, {sentAt: Date.now(), events: []}, auth(b.secret));
    expect(paceBo.json.pace).toEqual({step: 0, past: 1, total: 2});
  });

  it('keeps the class through a restart on the same state: same code, same token, same board', async () => {
    const stateDir = tempDir();
    const one = await started(stateDir);
    const a = joinBody(one.code);
    await call('POST', `${one.base}/api/join`, a);
    await call('POST', `${one.base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events: [ev({type: 'step', step: 0, status: 'active'}), ev({type: 'step', step: 0, status: 'passed'})]}, auth(a.secret));
    const before = (await call('GET', `${one.base}/api/board`, undefined, auth(one.token))).json;
    await open.pop()!.close();
    const two = await started(stateDir);
    expect(two.code).toBe(one.code);
    expect(two.token).toBe(one.token);
    const after = (await call('GET', `${two.base}/api/board`, undefined, auth(two.token))).json;
    expect(after.learners.map((l: BoardRow) => [l.id, l.steps.map((s) => s.status), l.events])).toEqual(before.learners.map((l: BoardRow) => [l.id, l.steps.map((s) => s.status), l.events]));
    // The learner's secret still works after the restart.
    expect((await call('POST', `${two.base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events: []}, auth(a.secret))).status).toBe(200);
  });
});

describe('class server security', () => {
  it('a learner cannot post for another learner, nor without its secret', async () => {
    const {base, code, token} = await started();
    const a = joinBody(code);
    const b = joinBody(code);
    await call('POST', `${base}/api/join`, a);
    await call('POST', `${base}/api/join`, b);
    const forged = await call('POST', `${base}/api/learners/${b.learner}/events`, {sentAt: Date.now(), events: [ev({type: 'hand', step: 0, up: true})]}, auth(a.secret));
    expect(forged.status).toBe(401);
    expect(forged.json.error).toMatch(/only its own events/);
    expect(forged.json.code).toBe('unknownLearner');
    expect((await call('POST', `${base}/api/learners/${b.learner}/events`, {sentAt: Date.now(), events: []})).status).toBe(401);
    // Taking over an existing learner id with another secret is refused.
    const takeover = await call('POST', `${base}/api/join`, {...b, secret: a.secret});
    expect(takeover.status).toBe(409);
    expect(takeover.json.code).toBe('taken');
    const board = (await call('GET', `${base}/api/board`, undefined, auth(token))).json;
    expect(board.learners.every((l: {hand?: unknown}) => l.hand === undefined)).toBe(true);
  });

  it("the board, its stream and the exports need the instructor's token; the join code is not it", async () => {
    const {base, code, token} = await started();
    for (const path of ['/api/board', '/api/stream', '/api/export.csv', '/api/export.json']) {
      const none = await call('GET', `${base}${path}`);
      expect(none.status, path).toBe(401);
      expect(none.json.error).toMatch(/instructor's token/);
      expect(none.json.code).toBe('token');
      expect((await call('GET', `${base}${path}`, undefined, auth(code))).status, path).toBe(401);
      expect((await call('GET', `${base}${path}`, undefined, auth(`${token}x`))).status, path).toBe(401);
    }
    const wrong = await call('POST', `${base}/api/join`, joinBody('WRONG1'));
    expect(wrong.status).toBe(403);
    // The English text for older clients and curl; the code for a client to word in its learner's language.
    expect(wrong.json).toEqual({error: 'wrong join code', code: 'wrongCode'});
  });

  it('refuses malformed, oversized and unknown events with a clear error', async () => {
    const {base, code} = await started();
    const a = joinBody(code);
    await call('POST', `${base}/api/join`, a);
    const url = `${base}/api/learners/${a.learner}/events`;
    const notJson = await call('POST', url, '{"sentAt": 1, "events": [', auth(a.secret));
    expect(notJson.status).toBe(400);
    expect(notJson.json).toEqual({error: 'the body is not JSON', code: 'notJson'});
    const unknown = await call('POST', url, {sentAt: 1, events: [ev({type: 'shell', command: 'rm -rf /'})]}, auth(a.secret));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/events\/0\/type 'shell' is not an event type/);
    expect(unknown.json.code).toBe('invalid');
    const extra = await call('POST', url, {sentAt: 1, events: [ev({type: 'hint', step: 0, output: 'secret'})]}, auth(a.secret));
    expect(extra.status).toBe(400);
    expect(extra.json.error).toMatch(/must NOT have additional properties 'output'/);
    const longLine = await call('POST', url, {sentAt: 1, events: [ev({type: 'check', step: 0, passed: false, fail: ['x'.repeat(301)]})]}, auth(a.secret));
    expect(longLine.status).toBe(400);
    expect(longLine.json.error).toMatch(/fail\/0 must NOT have more than 300 characters/);
    const tooMany = await call('POST', url, {sentAt: 1, events: Array.from({length: 201}, () => ev({type: 'hint', step: 0}))}, auth(a.secret));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error).toMatch(/more than 200 items/);
    const huge = await call('POST', url, {sentAt: 1, events: [], pad: 'x'.repeat(300 * 1024)}, auth(a.secret));
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({error: expect.stringMatching(/over 262144 bytes/), code: 'tooLarge', limit: 262144});
    const form = await call('POST', url, 'a=1', {...auth(a.secret), 'content-type': 'application/x-www-form-urlencoded'});
    expect(form.status).toBe(415);
    expect(form.json.code).toBe('notJsonType');
    const badJoin = await call('POST', `${base}/api/join`, {...joinBody(code), name: ''});
    expect(badJoin.status).toBe(400);
    expect(badJoin.json.error).toMatch(/join\/name must NOT have fewer than 1 characters/);
  });

  it('refuses browser requests from other sites and other host names', async () => {
    const {base, code, token} = await started();
    const evil = await call('POST', `${base}/api/join`, joinBody(code), {origin: 'http://evil.example'});
    expect(evil.status).toBe(403);
    expect((await call('GET', `${base}/api/board`, undefined, {...auth(token), 'sec-fetch-site': 'cross-site'})).status).toBe(403);
    // The board's own page may.
    expect((await call('GET', `${base}/api/board`, undefined, {...auth(token), origin: base, 'sec-fetch-site': 'same-origin'})).status).toBe(200);
  });

  it('limits the rate of one learner', async () => {
    const {base, code} = await started();
    const a = joinBody(code);
    await call('POST', `${base}/api/join`, a);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await call('POST', `${base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events: []}, auth(a.secret))).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
  });

  it('stores names and FAIL lines as one line of text: terminal escapes and controls removed, HTML left as text', async () => {
    const {base, code, token} = await started();
    const a = joinBody(code, {name: '<script>alert(1)</script>\u001b]52;c;aGk=\u0007\u001b[2J'});
    await call('POST', `${base}/api/join`, a);
    await call('POST', `${base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events: [ev({type: 'check', step: 0, passed: false, fail: ['bad\u001b[31m red\nnext <img src=x onerror=alert(1)>']})]}, auth(a.secret));
    const l = (await call('GET', `${base}/api/board`, undefined, auth(token))).json.learners[0];
    expect(l.name).toBe('<script>alert(1)</script>');
    expect(l.steps[0].lastFail).toBe('bad red next <img src=x onerror=alert(1)>');
    const csv = (await call('GET', `${base}/api/export.csv`, undefined, auth(token))).text;
    expect(csv.split('\r\n')[0]).toBe('name,learner,scenario,step,title,status,seconds,estimate_min,attempts,hints,solution,last_fail,finished');
    expect(csv).toContain('<script>alert(1)</script>');
  });
});

describe('sharing the terminal', () => {
  /** Every event body the server keeps on disk for the class. */
  const stored = (stateDir: string): string[] => {
    const db = new Database(join(stateDir, 'class.sqlite'), {readonly: true, fileMustExist: true});
    try {
      return (db.prepare('SELECT body FROM events ORDER BY seq').all() as {body: string}[]).map((r) => r.body);
    } finally {
      db.close();
    }
  };

  it('keeps only the latest shared lines, forgets them when the learner stops, and never exports them', async () => {
    const {base, code, token, stateDir} = await started();
    const a = joinBody(code, {name: 'Ada'});
    await call('POST', `${base}/api/join`, a);
    const post = (events: unknown[]) => call('POST', `${base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events}, auth(a.secret));
    expect((await post([ev({type: 'step', step: 0, status: 'active'})])).status).toBe(200);
    // Not shared: nothing of a terminal is on the board or on disk.
    expect((await call('GET', `${base}/api/board`, undefined, auth(token))).json.learners[0].terminal).toBeUndefined();
    expect(stored(stateDir).some((b) => b.includes('"terminal"'))).toBe(false);

    expect((await post([ev({type: 'terminal', sharing: true, lines: ['$ kubectl get pods', 'web-1 \u001b[31mCrashLoopBackOff\u001b[0m']})])).status).toBe(200);
    expect((await post([ev({type: 'terminal', sharing: true, lines: ['$ kubectl logs web-1', 'listen tcp :8080: bind: address already in use']})])).status).toBe(200);
    const shared = (await call('GET', `${base}/api/board`, undefined, auth(token))).json.learners[0].terminal;
    expect(shared.lines).toEqual(['$ kubectl logs web-1', 'listen tcp :8080: bind: address already in use']);
    // On disk: the latest lines only (the first snapshot's text is gone), escapes removed.
    const disk = stored(stateDir).join('\n');
    expect(disk).toContain('address already in use');
    expect(disk).not.toContain('CrashLoopBackOff');
    // The exports are the class's results, not anyone's terminal.
    expect((await call('GET', `${base}/api/export.json`, undefined, auth(token))).text).not.toContain('address already in use');
    expect((await call('GET', `${base}/api/export.csv`, undefined, auth(token))).text).not.toContain('address already in use');

    // The learner stops: the board and the disk forget it.
    expect((await post([ev({type: 'terminal', sharing: false, lines: []})])).status).toBe(200);
    expect((await call('GET', `${base}/api/board`, undefined, auth(token))).json.learners[0].terminal).toBeUndefined();
    expect(stored(stateDir).join('\n')).not.toContain('address already in use');
  });

  it('refuses more lines than the limit, and over-long lines', async () => {
    const {base, code} = await started();
    const a = joinBody(code);
    await call('POST', `${base}/api/join`, a);
    const post = (events: unknown[]) => call('POST', `${base}/api/learners/${a.learner}/events`, {sentAt: Date.now(), events}, auth(a.secret));
    const many = await post([ev({type: 'terminal', sharing: true, lines: Array.from({length: 41}, (_, i) => `line ${i}`)})]);
    expect(many.status).toBe(400);
    expect(many.json.error).toMatch(/^batch\/events\/0\/lines must NOT have more than 40 items/);
    expect((await post([ev({type: 'terminal', sharing: true, lines: ['x'.repeat(301)]})])).status).toBe(400);
  });
});
