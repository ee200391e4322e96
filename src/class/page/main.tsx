// The board page (served by `katarun class serve` at /board, bundled by scripts/bundle.mjs into
// dist/class/board/board.js): the live board, a projector view, and the exports.

import {useEffect, useState} from 'react';
import {createRoot} from 'react-dom/client';
import type {BoardView} from '../board-view.js';
import {download, follow, merge, takeToken} from './stream.js';
import {LearnerTable, plural, Projector, StepSummaries} from './parts.js';

function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

function App({token}: {token: string | undefined}) {
  const [board, setBoard] = useState<BoardView | undefined>();
  const [state, setState] = useState<'connecting' | 'live' | 'offline' | 'denied'>(token ? 'connecting' : 'denied');
  const [received, setReceived] = useState(() => Date.now());
  const [projector, setProjector] = useState(() => new URLSearchParams(location.search).has('projector'));
  const [error, setError] = useState<string | undefined>();
  const now = useTick(1000);

  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    void follow(
      token,
      (b) => {
        setBoard(b);
        setReceived(Date.now());
      },
      (u) => {
        setBoard((b) => (b ? merge(b, u) : b));
        setReceived(Date.now());
      },
      setState,
      abort.signal,
    );
    return () => abort.abort();
  }, [token]);

  if (state === 'denied') {
    return <div className="message">This board needs the instructor's token: open the board URL that <code>katarun class serve</code> printed (it ends in #token=…).</div>;
  }
  if (!board) return <div className="message">Connecting to the class…</div>;
  const elapsed = Math.max(0, now - received);
  const steps = Math.max(0, ...board.learners.map((l) => l.steps.length));
  const hands = board.learners.filter((l) => l.hand).length;
  const exportAs = (kind: 'csv' | 'json') => download(token!, kind, board.joinCode).catch((e: Error) => setError(e.message));
  return (
    <div className={projector ? 'page projector-mode' : 'page'}>
      <header>
        <h1>
          katarun class <span className="code">{board.joinCode}</span>
        </h1>
        <div className="summary">
          <span>{plural(board.learners.length, 'learner')}</span>
          {hands ? <span className="badge hand">{plural(hands, 'hand')} up</span> : null}
          <span className={`conn ${state}`}>{state === 'live' ? '● live' : state === 'offline' ? '○ reconnecting…' : '○ connecting…'}</span>
        </div>
        <div className="buttons">
          <button onClick={() => setProjector(!projector)}>{projector ? 'Detail view' : 'Projector view'}</button>
          <button onClick={() => void exportAs('csv')}>Export CSV</button>
          <button onClick={() => void exportAs('json')}>Export JSON</button>
        </div>
      </header>
      {error ? <div className="error">{error}</div> : null}
      {board.learners.length === 0 ? <div className="message">No learner has joined yet. They join with: katarun &lt;scenario&gt; --join {location.origin}/j/{board.joinCode}</div> : null}
      {projector ? (
        <Projector scenarios={board.scenarios} learners={board.learners} joinUrl={`${location.origin}/j/${board.joinCode}`} />
      ) : (
        <>
          {board.scenarios.map((s) => (
            <section key={s.id}>
              <h2>
                {s.title || s.id} <span className="muted">({s.id}) · {plural(s.learners, 'learner')} · {s.finished} finished{s.notReady ? ` · ${s.notReady} not ready` : ''}</span>
              </h2>
              <StepSummaries s={s} />
            </section>
          ))}
          {board.learners.length ? <LearnerTable learners={board.learners} steps={steps} elapsed={elapsed} /> : null}
        </>
      )}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App token={takeToken()} />);
