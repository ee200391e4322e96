// The board page (served by `katarun class serve` at /board, bundled by scripts/bundle.mjs into
// dist/class/board/board.js): the live board, a projector view, and the exports.

import {useEffect, useState} from 'react';
import {createRoot} from 'react-dom/client';
import type {BoardView} from '../board-view.js';
import {download, follow, merge, takeToken} from './stream.js';
import {LearnerTable, Projector, StepSummaries} from './parts.js';
import {languageChoices, pickLanguage, rememberLanguage, translator, TranslateContext, useT} from './lang.js';

function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

function App({token}: {token: string | undefined}) {
  const [lang, setLang] = useState(pickLanguage);
  const t = translator(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('class.page.title');
  }, [lang]);
  const chooseLang = (next: string) => {
    rememberLanguage(next);
    setLang(next);
  };
  return (
    <TranslateContext.Provider value={t}>
      <Board token={token} lang={lang} chooseLang={chooseLang} />
    </TranslateContext.Provider>
  );
}

function Board({token, lang, chooseLang}: {token: string | undefined; lang: string; chooseLang: (lang: string) => void}) {
  const t = useT();
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
    return <div className="message">{t('class.page.denied')}</div>;
  }
  if (!board) return <div className="message">{t('class.page.connecting')}</div>;
  const elapsed = Math.max(0, now - received);
  const steps = Math.max(0, ...board.learners.map((l) => l.steps.length));
  const hands = board.learners.filter((l) => l.hand).length;
  const exportAs = (kind: 'csv' | 'json') => download(token!, kind, board.joinCode).catch((e: Error) => setError(e.message));
  return (
    <div className={projector ? 'page projector-mode' : 'page'}>
      <header>
        <h1>
          {t('class.page.heading')} <span className="code">{board.joinCode}</span>
        </h1>
        <div className="summary">
          <span>{t('class.page.learners', {n: board.learners.length})}</span>
          {hands ? <span className="badge hand">{t('class.page.handsUp', {n: hands})}</span> : null}
          <span className={`conn ${state}`}>{t(state === 'live' ? 'class.page.live' : state === 'offline' ? 'class.page.reconnecting' : 'class.page.connectingShort')}</span>
        </div>
        <div className="buttons">
          <button onClick={() => setProjector(!projector)}>{t(projector ? 'class.page.detailView' : 'class.page.projectorView')}</button>
          <button onClick={() => void exportAs('csv')}>{t('class.page.exportCsv')}</button>
          <button onClick={() => void exportAs('json')}>{t('class.page.exportJson')}</button>
          <select aria-label={t('class.page.language')} title={t('class.page.language')} value={lang} onChange={(e) => chooseLang(e.target.value)}>
            {languageChoices().map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </header>
      {error ? <div className="error">{error}</div> : null}
      {board.learners.length === 0 ? <div className="message">{t('class.page.noLearners', {url: `${location.origin}/j/${board.joinCode}`})}</div> : null}
      {projector ? (
        <Projector scenarios={board.scenarios} learners={board.learners} joinUrl={`${location.origin}/j/${board.joinCode}`} />
      ) : (
        <>
          {board.scenarios.map((s) => (
            <section key={s.id}>
              <h2>
                {s.title || s.id} <span className="muted">({s.id}) · {t('class.page.learners', {n: s.learners})} · {t('class.page.finished', {n: s.finished})}{s.notReady ? ` · ${t('class.page.notReady', {n: s.notReady})}` : ''}</span>
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
