// The parent-death watchdog: one tiny detached bash per katarun process that kills every
// registered process group and session once katarun is gone — even after SIGKILL, when no
// handler of ours can run. katarun tells it what to kill over its stdin pipe; when katarun
// dies, the kernel closes that pipe, `read` sees EOF at once, and the watchdog cleans up.
// No polling, no pid files, nothing left to reuse a stale pid list.

import {spawn, type ChildProcess} from 'node:child_process';

// Plain strings instead of associative arrays: macOS still ships bash 3.2.
const WATCHDOG_SCRIPT = [
  'trap \'\' INT HUP TERM',
  'g=\' \' s=\' \'',
  'while read -r op kind id; do',
  '  case "$op$kind" in',
  '    +g) g="$g$id " ;;',
  '    -g) g=${g/ $id / } ;;',
  '    +s) s="$s$id " ;;',
  '    -s) s=${s/ $id / } ;;',
  '  esac',
  'done',
  'sweep() {',
  '  for id in $g; do kill -"$1" -- -"$id" 2>/dev/null; done',
  '  [ "$s" = \' \' ] && return',
  '  for f in /proc/[0-9]*/stat; do',
  '    read -r line < "$f" 2>/dev/null || continue',
  '    read -r _st _pp _pg sess _rest <<< "${line##*) }"',
  '    case "$s" in *" $sess "*) kill -"$1" "${f//[^0-9]/}" 2>/dev/null ;; esac',
  '  done',
  '}',
  'sweep TERM',
  'sleep 0.5',
  'sweep KILL',
].join('\n');

let child: ChildProcess | undefined;
let failed = false;

function ensure(): ChildProcess | undefined {
  if (child || failed) return child;
  try {
    const c = spawn('bash', ['--noprofile', '--norc', '-c', WATCHDOG_SCRIPT], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: {PATH: process.env.PATH ?? '/usr/bin:/bin'},
    });
    c.on('error', () => {
      failed = true;
      child = undefined;
    });
    c.on('exit', () => {
      if (child === c) child = undefined;
    });
    c.stdin?.on('error', () => undefined);
    // The watchdog must never keep katarun's event loop alive.
    c.unref();
    (c.stdin as unknown as {unref?: () => void} | null)?.unref?.();
    child = c;
  } catch {
    failed = true;
  }
  return child;
}

function send(line: string): void {
  const c = ensure();
  if (c?.stdin && !c.stdin.destroyed) c.stdin.write(line + '\n');
}

export function watchGroup(pgid: number): void {
  send(`+ g ${pgid}`);
}

export function unwatchGroup(pgid: number): void {
  if (child) send(`- g ${pgid}`);
}

export function watchSession(sid: number): void {
  send(`+ s ${sid}`);
}

export function unwatchSession(sid: number): void {
  if (child) send(`- s ${sid}`);
}
