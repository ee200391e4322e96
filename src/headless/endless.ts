// Commands that run until somebody stops them, by their form: `watch …`, `top`, `tail -f`,
// `kubectl get … -w`, `… logs -f`, `ping` without a count. On Katacoda the learner watches
// them for a moment and presses Ctrl-C; headless does the same (runs it for the settle period,
// then Ctrl-C, reported as stopped on purpose) instead of waiting for the command limit.
// Only the last command of a line decides (`kubectl apply -f x && kubectl get pods -w`); a
// server (`python3 -m http.server`) is not recognised by form: the step runner sees it listen
// on a port (shell/listening.ts) and keeps it running instead.

const FOLLOW = /^(?:-[a-zA-Z]*[fF][a-zA-Z]*|--follow(?:=\S*)?)$/;
const WATCH = /^(?:-w|--watch(?:-only)?(?:=\S*)?)$/;

function words(segment: string): string[] {
  return segment.trim().split(/\s+/).filter(Boolean);
}

/** The program word of a simple command, past `sudo`, `env X=1`, `timeout`-free assignments. */
function program(ws: string[]): {name: string; rest: string[]} | undefined {
  let i = 0;
  while (i < ws.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(ws[i]!) || ws[i] === 'sudo' || ws[i] === 'env' || ws[i] === 'exec')) i++;
  const name = ws[i]?.split('/').pop();
  return name === undefined ? undefined : {name, rest: ws.slice(i + 1)};
}

function endlessSimple(segment: string): boolean {
  const p = program(words(segment));
  if (!p) return false;
  const {name, rest} = p;
  if (name === 'watch' || name === 'top' || name === 'htop') return true;
  if (name === 'tail' || name === 'journalctl') return rest.some((w) => FOLLOW.test(w));
  if (name === 'ping') return !rest.some((w) => /^-[a-zA-Z]*c/.test(w) || w.startsWith('--count'));
  if (name === 'kubectl' || name === 'oc') {
    if (rest.some((w) => WATCH.test(w))) return true;
    return rest.includes('logs') && rest.some((w) => FOLLOW.test(w));
  }
  if (name === 'docker' || name === 'podman') return rest.includes('logs') && rest.some((w) => FOLLOW.test(w));
  return false;
}

/** True when the command's last part runs until it is stopped. Multi-line text: its last line. */
export function runsUntilStopped(command: string): boolean {
  const line = command.trim().split('\n').pop() ?? '';
  // A command put in the background (`… &`) does not hold the terminal.
  if (/&\s*$/.test(line) && !/&&\s*$/.test(line)) return false;
  const last = line.split(/&&|\|\||;/).pop() ?? '';
  return last.split('|').some(endlessSimple);
}
