// The board page's data: the instructor's token (from the URL's #token=, then kept in this tab's
// sessionStorage and taken out of the address bar so a projector never shows it) and the live
// stream (/api/stream, server-sent events read through fetch so the token goes in a header).

import type {BoardView, LearnerView, ScenarioSummary} from '../board-view.js';

export function takeToken(): string | undefined {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    sessionStorage.setItem('katarun.token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem('katarun.token') ?? undefined;
}

interface Update {
  readonly now: number;
  readonly learners: readonly LearnerView[];
  readonly scenarios: readonly ScenarioSummary[];
}

/** Merge changed learners into the board, keeping the server's "needs help" order. */
export function merge(board: BoardView, update: Update): BoardView {
  const byId = new Map(board.learners.map((l) => [l.id, l]));
  for (const l of update.learners) byId.set(l.id, l);
  const learners = [...byId.values()].sort((a, b) => a.urgency - b.urgency || a.currentStep - b.currentStep || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {...board, now: update.now, learners, scenarios: update.scenarios};
}

/** Follow the stream until `signal` aborts; reconnects after a drop. */
export async function follow(token: string, onBoard: (b: BoardView) => void, onUpdate: (u: Update) => void, onState: (s: 'live' | 'offline' | 'denied') => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const res = await fetch('/api/stream', {headers: {authorization: `Bearer ${token}`}, signal, cache: 'no-store'});
      if (res.status === 401) {
        onState('denied');
        return;
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      onState('live');
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (\w+)$/m.exec(frame)?.[1];
          const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          if (event === 'board') onBoard(JSON.parse(data) as BoardView);
          else if (event === 'update') onUpdate(JSON.parse(data) as Update);
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    onState('offline');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Download an export with the token (a plain link could not send it). */
export async function download(token: string, kind: 'csv' | 'json', code: string): Promise<void> {
  const res = await fetch(`/api/export.${kind}`, {headers: {authorization: `Bearer ${token}`}});
  if (!res.ok) throw new Error(`export failed: HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `class-${code}.${kind}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
