// What `--join` accepts: the join URL the instructor's `class serve` prints
// (http://HOST:PORT/j/CODE), the same without http:// (HOST:PORT/CODE), or a bare CODE when
// KATARUN_CLASS_SERVER names the server (HOST:PORT) — a room can set it once for everyone.

import {ExitCode, UserError} from '../cli/exit-codes.js';

export interface JoinTarget {
  /** http://host:port, no trailing slash. */
  readonly base: string;
  readonly code: string;
}

const CODE = /^[A-Za-z0-9]{4,12}$/;
const HINT = "use the join URL the instructor's 'katarun class serve' shows, e.g. http://192.168.1.20:8642/j/ABC234";

export function parseJoinTarget(text: string, env: Readonly<Record<string, string | undefined>> = process.env): JoinTarget {
  const given = text.trim();
  if (CODE.test(given)) {
    const server = env.KATARUN_CLASS_SERVER;
    if (!server) throw new UserError(`--join: '${given}' is a code without a server`, ExitCode.invalid, `${HINT} (or set KATARUN_CLASS_SERVER=HOST:PORT)`);
    return parseJoinTarget(`${server.replace(/\/+$/, '')}/j/${given}`, {});
  }
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(given) ? given : `http://${given}`);
  } catch {
    throw new UserError(`--join: '${given}' is not a join URL`, ExitCode.invalid, HINT);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`--join: '${url.protocol}' is not http`, ExitCode.invalid, HINT);
  const parts = url.pathname.split('/').filter(Boolean);
  const code = parts[parts.length - 1] ?? '';
  if (!CODE.test(code) || parts.length > 2 || (parts.length === 2 && parts[0] !== 'j')) {
    throw new UserError(`--join: '${given}' has no join code`, ExitCode.invalid, HINT);
  }
  return {base: `${url.protocol}//${url.host}`, code: code.toUpperCase()};
}

/** The board's URL (`…/board#token=…`) or a base URL with --token: where and with what to read the board. */
export function parseBoardUrl(text: string, token: string | undefined): {base: string; token: string} {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new UserError(`class board: '${text}' is not a URL`, ExitCode.invalid, "give the board URL 'katarun class serve' printed");
  }
  const fromHash = new URLSearchParams(url.hash.replace(/^#/, '')).get('token') ?? undefined;
  const t = token ?? fromHash;
  if (!t) throw new UserError('class board: no token', ExitCode.invalid, "give the board URL with its #token=… as printed by 'katarun class serve', or --token");
  return {base: `${url.protocol}//${url.host}`, token: t};
}
