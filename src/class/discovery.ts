// Finding a class by its bare join code on the room's network (`--join K7QX-42` without
// KATARUN_CLASS_SERVER). The learner's runner broadcasts a one-line UDP query carrying the code;
// the instructor's `class serve` answers only a query with its own code, with the port of its
// HTTP server. The runner takes nothing from the answer but that port: it contacts the address
// the answer came from, over the same HTTP API as with a join URL, and every byte of the answer
// is checked (size, JSON shape, the code it asked for) before that. An answer is never run,
// shown or followed anywhere else.

import {createSocket, type RemoteInfo, type Socket} from 'node:dgram';
import {networkInterfaces} from 'node:os';

/** UDP port for discovery (KATARUN_CLASS_DISCOVERY_PORT changes it on both sides; 0: any free port, i.e. not findable). */
export const DISCOVERY_PORT = 8642;
const QUERY_PREFIX = 'katarun-class? ';
const MAX_DATAGRAM = 512;

export function discoveryPort(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env.KATARUN_CLASS_DISCOVERY_PORT;
  const n = text !== undefined && /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return n >= 0 && n < 65536 ? n : DISCOVERY_PORT;
}

/** A code as typed ("k7qx-42", "K7QX 42") as the server spells it, or undefined when it is none. */
export function normalizeCode(text: string): string | undefined {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{4,12}$/.test(code) ? code : undefined;
}

export interface Responder {
  close(): Promise<void>;
}

/**
 * The server's side: answer queries for `code` with `{katarun: 'class', code, port}`. On a loopback
 * bind it answers this machine only; otherwise on every interface (a broadcast reaches only a
 * socket bound to all). At most `perSecond` answers a second, so a flood of queries cannot make
 * it a traffic amplifier.
 */
export async function startResponder(o: {code: string; httpPort: number; loopbackOnly: boolean; port?: number; perSecond?: number}): Promise<Responder> {
  const socket = createSocket({type: 'udp4', reuseAddr: true});
  const answer = Buffer.from(JSON.stringify({katarun: 'class', code: o.code, port: o.httpPort}));
  const limit = o.perSecond ?? 50;
  let second = 0;
  let answered = 0;
  socket.on('message', (msg: Buffer, from: RemoteInfo) => {
    if (msg.length > 64) return;
    const text = msg.toString('latin1');
    if (!text.startsWith(QUERY_PREFIX) || normalizeCode(text.slice(QUERY_PREFIX.length)) !== o.code) return;
    const now = Math.floor(Date.now() / 1000);
    if (now !== second) [second, answered] = [now, 0];
    if (++answered > limit) return;
    socket.send(answer, from.port, from.address);
  });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(o.port ?? discoveryPort(), o.loopbackOnly ? '127.0.0.1' : '0.0.0.0', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.unref();
  return {close: () => new Promise<void>((resolve) => socket.close(() => resolve()))};
}

/** Where a query goes: this machine, the limited broadcast, and each IPv4 interface's broadcast address. */
export function queryAddresses(): string[] {
  const out = new Set(['127.0.0.1', '255.255.255.255']);
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family !== 'IPv4' || a.internal) continue;
      const ip = a.address.split('.').map(Number);
      const mask = a.netmask.split('.').map(Number);
      out.add(ip.map((b, i) => (b | (~mask[i]! & 255)) & 255).join('.'));
    }
  }
  return [...out];
}

/** Checks an answer to our query; the port it names, or undefined for anything else. */
export function answerPort(msg: Buffer, code: string): number | undefined {
  if (msg.length > MAX_DATAGRAM) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(msg.toString('utf8'));
  } catch {
    return undefined;
  }
  const a = body as {katarun?: unknown; code?: unknown; port?: unknown} | null;
  if (!a || typeof a !== 'object' || a.katarun !== 'class' || a.code !== code) return undefined;
  return typeof a.port === 'number' && Number.isInteger(a.port) && a.port > 0 && a.port < 65536 ? a.port : undefined;
}

/**
 * The learner's side: ask the network for the class with this code, again every 500 ms, for up to
 * `waitMs`. Resolves to the join URL (http://<the answering address>:<port>/j/<code>) or undefined.
 */
export async function discoverClass(code: string, o: {waitMs?: number; port?: number; addresses?: readonly string[]} = {}): Promise<string | undefined> {
  const socket: Socket = createSocket('udp4');
  const port = o.port ?? discoveryPort();
  const addresses = o.addresses ?? queryAddresses();
  const query = Buffer.from(`${QUERY_PREFIX}${code}\n`, 'latin1');
  try {
    return await new Promise<string | undefined>((resolve) => {
      const done = (url: string | undefined) => {
        clearInterval(again);
        clearTimeout(giveUp);
        resolve(url);
      };
      const ask = () => {
        for (const a of addresses) socket.send(query, port, a, () => undefined);
      };
      socket.on('message', (msg, from) => {
        const httpPort = answerPort(msg, code);
        if (httpPort === undefined || from.family !== 'IPv4') return;
        done(`http://${from.address}:${httpPort}/j/${code}`);
      });
      // A network without a broadcast route (or a send refused) is not fatal: the wait just runs out.
      socket.on('error', () => undefined);
      socket.bind(0, () => {
        socket.setBroadcast(true);
        ask();
      });
      const again = setInterval(ask, 500);
      const giveUp = setTimeout(() => done(undefined), o.waitMs ?? 3000);
    });
  } finally {
    socket.close();
  }
}
