// The learner's client over a connection the server had just closed (its keep-alive ran out as
// the learner reused it): it sends again at once on a new connection, without showing "offline"
// and without the back-off that a server really gone gets (a failure that is not a reset).
import {describe, expect, it} from 'vitest';
import {ClassClient} from '../../src/class/client.js';
import type {ClassEvent} from '../../src/class/protocol.js';
import {tempDir, waitFor} from './helpers.js';

describe('class client', () => {
  it('resends at once after a reset kept-alive connection, without going offline', async () => {
    const posted: ClassEvent[] = [];
    const attempts: number[] = [];
    let resets = 1;
    const client = new ClassClient({
      target: {base: 'http://127.0.0.1:9', code: 'ABC234'},
      name: 'Ada',
      scenario: {id: 'demo', title: 'Demo'},
      steps: [{title: 'One'}],
      dir: tempDir(),
      heartbeatMs: 60_000,
      request: async (_m, url, body) => {
        if (!url.endsWith('/events')) return {status: 200, body: {pace: {step: 0, past: 0, total: 1}}};
        attempts.push(Date.now());
        if (resets-- > 0) throw Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'});
        posted.push(...(body as {events: ClassEvent[]}).events);
        return {status: 200, body: {}};
      },
    });
    const statuses: string[] = [];
    client.subscribe(() => statuses.push(client.getSnapshot().status));
    client.start();
    client.send({type: 'step', step: 0, status: 'active'});
    await waitFor(() => (posted.length === 1 ? true : undefined), 10_000, 'the event to arrive');
    expect(statuses).not.toContain('offline');
    // A first attempt that failed, then the one that went through; the event once.
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(posted.map((e) => e.type)).toEqual(['step']);
    await client.close();
  });
});
