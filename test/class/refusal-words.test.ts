// Why the class server said no reaches the learner in the learner's language: the server sends a
// code beside its English text, the client keeps it as a message, and the learner's katarun
// words it (the class being full, a wrong code, a server that does not answer). An older
// server without codes still has its text shown as it came.
import {describe, expect, it} from 'vitest';
import {ClassClient} from '../../src/class/client.js';
import {CLASS_ERROR_CODES} from '../../src/class/error-codes.js';
import {refusal} from '../../src/class/http-json.js';
import {closeClassSession, connectionText} from '../../src/class/learner-session.js';
import {en} from '../../src/render/strings-en.js';
import {ru} from '../../src/render/strings-ru.js';
import {translator} from '../../src/render/i18n.js';
import {englishLines, words} from '../words.js';
import {tempDir, waitFor} from './helpers.js';

const russian = translator('ru');
const full = {status: 503, body: {error: 'the class is full (2000 learners)', code: 'full', limit: 2000}};

/** A learner's client with one event to send, once every attempt has failed and it is offline. */
async function turnedAway(request: ConstructorParameters<typeof ClassClient>[0]['request']): Promise<ClassClient> {
  const client = new ClassClient({target: {base: 'http://127.0.0.1:9', code: 'ABC234'}, name: 'Ада', scenario: {id: 'demo', title: 'Demo'}, steps: [{title: 'One'}], dir: tempDir(), heartbeatMs: 60_000, request});
  client.start();
  client.send({type: 'step', step: 0, status: 'active'});
  await waitFor(() => (client.getSnapshot().status === 'offline' ? true : undefined), 10_000, 'the client to be turned away');
  return client;
}

describe('the class server refusing a learner, in the learner language', () => {
  it('a code becomes a message with its number; no code, or one this katarun does not know, stays text', () => {
    expect(words(refusal(full), russian)).toBe('класс заполнен (2\u00a0000 учеников)');
    expect(words(refusal(full))).toBe('the class is full (2,000 learners)');
    expect(words(refusal({status: 403, body: {error: 'wrong join code', code: 'wrongCode'}}), russian)).toBe('неверный код подключения');
    expect(refusal({status: 403, body: {error: 'wrong join code'}})).toBe('wrong join code');
    expect(refusal({status: 418, body: {error: 'a newer reason', code: 'teapot'}})).toBe('a newer reason');
    expect(refusal({status: 502, body: '<html>proxy</html>'})).toBe('HTTP 502');
  });

  it('every protocol code has its own Russian words', () => {
    for (const code of CLASS_ERROR_CODES) {
      const key = `class.error.${code}` as const;
      expect(en[key], key).toBeDefined();
      expect(ru[key], key).toBeDefined();
      expect(JSON.stringify(ru[key]), key).not.toBe(JSON.stringify(en[key]));
    }
  });

  it('a full class: the status bar and the line at the end of the run say so in Russian', async () => {
    const client = await turnedAway(async () => full);
    expect(connectionText(client.getSnapshot(), russian)).toBe('класс: нет связи, в очереди 1');
    let said = '';
    const state = await closeClassSession(client, 200, russian, {write: (s: string) => (said += s)}, 'http://127.0.0.1:9');
    expect(state.queued).toBeGreaterThan(0);
    expect(said).toContain('(класс заполнен (2\u00a0000 учеников))');
    expect(englishLines(said)).toEqual([]);
  });

  it('refused (a wrong code): the reason in Russian in the status bar', () => {
    const line = connectionText({status: 'refused', queued: 0, error: refusal({status: 403, body: {error: 'wrong join code', code: 'wrongCode'}})}, russian);
    expect(line).toBe('класс: отказано — неверный код подключения');
  });

  it('a server that does not answer: the system code inside a Russian sentence, and the status in words when there is no reason', async () => {
    const client = await turnedAway(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {code: 'ECONNREFUSED'});
    });
    let said = '';
    await closeClassSession(client, 200, russian, {write: (s: string) => (said += s)}, 'http://127.0.0.1:9');
    expect(said).toContain('(сервер не отвечает (ECONNREFUSED))');
    expect(englishLines(said)).toEqual([]);
  });
});
