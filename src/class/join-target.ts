// What `--join` accepts: the join URL the instructor's `class serve` prints
// (http://HOST:PORT/j/CODE), the same without http:// (HOST:PORT/CODE), or a bare CODE: with
// KATARUN_CLASS_SERVER naming the server (HOST:PORT) — a room can set it once for everyone —
// or else found on the local network (discovery.ts) by `resolveJoin`.

import {ExitCode, UserError} from '../cli/exit-codes.js';
import type {Translate} from '../render/i18n.js';
import {message} from '../render/message.js';
import {discoverClass, normalizeCode} from './discovery.js';

export interface JoinTarget {
  /** http://host:port, no trailing slash. */
  readonly base: string;
  readonly code: string;
}

const CODE = /^[A-Za-z0-9]{4,12}$/;
const EXAMPLE = 'http://192.168.1.20:8642/j/ABC234';
const HINT = message('cli.join.hint', {example: EXAMPLE});

/** A bare code as typed ("K7QX-42", "k7qx42"), spelled as the server does; undefined for a URL. */
export function bareCode(text: string): string | undefined {
  const given = text.trim();
  return /^[A-Za-z0-9][A-Za-z0-9 -]{2,14}[A-Za-z0-9]$/.test(given) ? normalizeCode(given) : undefined;
}

export function parseJoinTarget(text: string, env: Readonly<Record<string, string | undefined>> = process.env): JoinTarget {
  const given = text.trim();
  const bare = bareCode(given);
  if (bare !== undefined) {
    const server = env.KATARUN_CLASS_SERVER;
    if (!server) throw new UserError(message('cli.join.codeNoServer', {given}), ExitCode.invalid, message('cli.join.codeNoServer.hint', {example: EXAMPLE}));
    return parseJoinTarget(`${server.replace(/\/+$/, '')}/j/${bare}`, {});
  }
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(given) ? given : `http://${given}`);
  } catch {
    throw new UserError(message('cli.join.notUrl', {given}), ExitCode.invalid, HINT);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(message('cli.join.notHttp', {protocol: url.protocol}), ExitCode.invalid, HINT);
  const parts = url.pathname.split('/').filter(Boolean);
  const code = parts[parts.length - 1] ?? '';
  if (!CODE.test(code) || parts.length > 2 || (parts.length === 2 && parts[0] !== 'j')) {
    throw new UserError(message('cli.join.noCode', {given}), ExitCode.invalid, HINT);
  }
  return {base: `${url.protocol}//${url.host}`, code: code.toUpperCase()};
}

/** The board's URL (`…/board#token=…`) or a base URL with --token: where and with what to read the board. */
export function parseBoardUrl(text: string, token: string | undefined): {base: string; token: string} {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new UserError(message('cli.in', {command: 'class board', text: message('cli.board.notUrl', {text})}), ExitCode.invalid, message('cli.class.boardUrl.hint'));
  }
  const fromHash = new URLSearchParams(url.hash.replace(/^#/, '')).get('token') ?? undefined;
  const t = token ?? fromHash;
  if (!t) throw new UserError(message('cli.in', {command: 'class board', text: message('cli.board.noToken')}), ExitCode.invalid, message('cli.board.noToken.hint'));
  return {base: `${url.protocol}//${url.host}`, token: t};
}

/**
 * `--join` as a URL the rest of katarun takes: a bare code without KATARUN_CLASS_SERVER is looked
 * for on the local network for `waitMs` first (the learner is told so on `out`); not found, a
 * clear error says how to join by URL.
 */
export async function resolveJoin(text: string, t: Translate, out: {write(text: string): unknown}, o: {env?: Readonly<Record<string, string | undefined>>; waitMs?: number; discover?: typeof discoverClass} = {}): Promise<string> {
  const env = o.env ?? process.env;
  const code = bareCode(text);
  if (code === undefined || env.KATARUN_CLASS_SERVER) {
    parseJoinTarget(text, env);
    return text;
  }
  const waitMs = o.waitMs ?? 3000;
  const seconds = Math.max(1, Math.round(waitMs / 1000));
  out.write(`${t('class.discover.looking', {code, n: seconds})}\n`);
  const found = await (o.discover ?? discoverClass)(code, {waitMs});
  if (found === undefined) throw new UserError(message('class.discover.none', {code, n: seconds}), ExitCode.envNotReady, message('class.discover.hint', {code}));
  out.write(`${t('class.discover.found', {url: found})}\n`);
  return found;
}
