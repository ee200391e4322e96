// Whether a command is a server: one of its processes holds a TCP socket in the LISTEN state.
// Linux only, read from /proc without guessing by the command's form: the socket inodes among
// each process's open files (`/proc/<pid>/fd` links `socket:[inode]`) matched against the
// listening sockets of its network namespace (`/proc/<pid>/net/tcp` and `tcp6`, state 0A).
// Where /proc cannot be read (another OS, another user's process), nothing is a server.

import {readdirSync, readFileSync, readlinkSync} from 'node:fs';

const LISTEN = '0A';

function socketInodes(pid: number): string[] {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) out.push(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** The inodes of the listening TCP sockets (IPv4 and IPv6) of `pid`'s network namespace. */
function listeningInodes(pid: number): Set<string> {
  const found = new Set<string>();
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[3] === LISTEN && f[9] !== undefined) found.add(f[9]);
    }
  }
  return found;
}

/** True when one of `pids` holds a listening TCP socket. */
export function holdsListeningSocket(pids: readonly number[]): boolean {
  const byNamespace = new Map<string, Set<string>>();
  for (const pid of pids) {
    const mine = socketInodes(pid);
    if (mine.length === 0) continue;
    let ns: string;
    try {
      ns = readlinkSync(`/proc/${pid}/ns/net`);
    } catch {
      ns = `pid:${pid}`;
    }
    let listening = byNamespace.get(ns);
    if (!listening) byNamespace.set(ns, (listening = listeningInodes(pid)));
    if (mine.some((i) => listening.has(i))) return true;
  }
  return false;
}
