// The board page's pieces: the per-step summary of a scenario, the learners × steps table and
// the projector view. Every learner-sent string is rendered as a React text child (escaped),
// never as HTML.

import type {CellView, LearnerView, ScenarioSummary} from '../board-view.js';
import {clockDuration} from '../../render/duration.js';
import {useT} from './lang.js';

/** A cell's time now: the server's figure plus what passed since, while the learner is on it. */
export function liveTime(c: CellView, l: LearnerView, step: number, elapsed: number): number {
  return c.status === 'active' && l.currentStep === step && !l.finished ? c.timeMs + elapsed : c.timeMs;
}

export function StepSummaries({s}: {s: ScenarioSummary}) {
  const t = useT();
  return (
    <div className="steps">
      {s.steps.map((st) => (
        <div key={st.step} className={`step-card${st.stuck > 0 ? ' has-stuck' : ''}`} data-step={st.step + 1}>
          <div className="step-title">
            {st.step + 1}. {st.title}
            {st.estimateMin ? <span className="muted"> · {t('class.page.estimate', {n: st.estimateMin})}</span> : null}
          </div>
          <div className="bar" aria-label={t('class.page.passedOf', {passed: st.passed, n: s.learners})}>
            <div className="bar-fill" style={{width: `${s.learners ? (100 * st.passed) / s.learners : 0}%`}} />
          </div>
          <div className="counts">
            <span className="passed">{t('class.page.passed', {n: st.passed})}</span> · <span>{t('class.page.onIt', {n: st.on})}</span> · <span className={st.stuck ? 'stuck' : ''}>{t('class.page.stuck', {n: st.stuck})}</span>
          </div>
          {st.topFails.map((f) => (
            <div key={f.line} className="top-fail">
              <b>{f.count}×</b> FAIL: {f.line}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function Badges({l}: {l: LearnerView}) {
  const t = useT();
  return (
    <>
      {l.hand ? <span className="badge hand">{t('class.page.handStep', {step: l.hand.step + 1})}</span> : null}
      {l.stuck ? <span className="badge stuck">{t('class.board.stuck')}</span> : null}
      {l.ready && !l.ready.ready ? <span className="badge not-ready">{t('class.board.notReady', {missing: l.ready.missing.join(', ')})}</span> : null}
      {l.ready?.ready && l.currentStep < 0 ? <span className="badge ready">{t('class.board.ready')}</span> : null}
      {l.finished ? <span className="badge done">{t('class.board.finished')}</span> : null}
      {l.away && !l.finished ? <span className="badge away">{t('class.board.away')}</span> : null}
    </>
  );
}

function Cell({c, l, step, elapsed}: {c: CellView; l: LearnerView; step: number; elapsed: number}) {
  const t = useT();
  const failing = c.status !== 'passed' && c.lastFail !== undefined;
  const cls = c.status === 'passed' ? 'passed' : c.status === 'failed' || failing ? 'failing' : c.status === 'active' ? 'active' : c.status === 'not-run' ? 'not-run' : 'pending';
  const time = liveTime(c, l, step, elapsed);
  const shown = c.status === 'pending' && time === 0 ? '' : clockDuration(time);
  const over = c.estimateMin !== undefined && time > 2 * c.estimateMin * 60_000 && c.status !== 'passed';
  const title = [c.lastFail ? `FAIL: ${c.lastFail}` : '', c.expected ? `EXPECTED: ${c.expected}` : '', c.actual ? `ACTUAL: ${c.actual}` : '', c.hints ? t('class.page.hints', {n: c.hints}) : '', c.solution ? t('class.page.solution') : ''].filter(Boolean).join('\n');
  return (
    <td className={`cell ${cls}${over ? ' over' : ''}${l.currentStep === step && !l.finished ? ' current' : ''}`} title={title}>
      {shown}
      {c.estimateMin && l.currentStep === step && c.status !== 'passed' ? <span className="muted">{t('class.page.ofEstimate', {n: c.estimateMin})}</span> : null}
      {c.hints ? <span className="mark" title={t('class.page.hints', {n: c.hints})}>h{c.hints}</span> : null}
      {c.solution ? <span className="mark" title={t('class.page.solution')}>s</span> : null}
    </td>
  );
}

export function LearnerTable({learners, steps, elapsed}: {learners: readonly LearnerView[]; steps: number; elapsed: number}) {
  const t = useT();
  return (
    <table className="learners">
      <thead>
        <tr>
          <th>{t('class.page.learner')}</th>
          <th>{t('class.page.status')}</th>
          {Array.from({length: steps}, (_, k) => (
            <th key={k}>{k + 1}</th>
          ))}
          <th>{t('class.page.latestFail')}</th>
        </tr>
      </thead>
      <tbody>
        {learners.map((l) => {
          const fail = l.hand?.fail ?? l.steps[l.currentStep]?.lastFail;
          const row = (
            <tr key={l.id} data-learner={l.id} className={l.hand ? 'row-hand' : l.stuck ? 'row-stuck' : ''}>
              <td className="name">{l.name}</td>
              <td className="status">
                <Badges l={l} />
              </td>
              {Array.from({length: steps}, (_, k) => (l.steps[k] ? <Cell key={k} c={l.steps[k]!} l={l} step={k} elapsed={elapsed} /> : <td key={k} />))}
              <td className="fail">{fail ? `FAIL: ${fail}` : ''}</td>
            </tr>
          );
          if (!l.terminal) return row;
          // Only a learner who turned sharing on has this: their terminal's latest lines, as text.
          return [
            row,
            <tr key={`${l.id}-terminal`} className="terminal-row" data-terminal={l.id}>
              <td colSpan={steps + 3}>
                <details open>
                  <summary>
                    {l.name} · {t('class.page.terminal')}
                  </summary>
                  <pre>{l.terminal.lines.join('\n')}</pre>
                </details>
              </td>
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}

/** For the front of the room: big step bars, hands and stuck learners by first name, the top FAIL lines. No token, no details. */
export function Projector({scenarios, learners, joinUrl}: {scenarios: readonly ScenarioSummary[]; learners: readonly LearnerView[]; joinUrl: string}) {
  const t = useT();
  const hands = learners.filter((l) => l.hand);
  const stuck = learners.filter((l) => !l.hand && l.stuck);
  return (
    <div className="projector">
      <div className="p-join">
        {t('class.page.join')} <code>katarun &lt;scenario&gt; --join {joinUrl}</code>
      </div>
      {scenarios.map((s) => (
        <section key={s.id}>
          <h2>
            {s.title || s.id} <span className="muted">· {t('class.page.learners', {n: s.learners})} · {t('class.page.finished', {n: s.finished})}</span>
          </h2>
          {s.steps.map((st) => (
            <div key={st.step} className="p-step">
              <div className="p-label">
                {st.step + 1}. {st.title}
              </div>
              <div className="p-bar">
                <div className="bar-fill" style={{width: `${s.learners ? (100 * st.passed) / s.learners : 0}%`}} />
                <span className="p-count">
                  {st.passed}/{s.learners}
                </span>
              </div>
              {st.topFails[0] ? <div className="p-fail">FAIL ({st.topFails[0].count}×): {st.topFails[0].line}</div> : null}
            </div>
          ))}
        </section>
      ))}
      <div className="p-help">
        <div>
          <h3 className="hands">{t('class.page.handsList', {n: hands.length})}</h3>
          {hands.map((l) => (
            <div key={l.id} className="p-person">
              {l.name} <span className="muted">· {t('class.page.atStep', {step: l.hand!.step + 1})}</span>
            </div>
          ))}
        </div>
        <div>
          <h3>{t('class.page.stuckList', {n: stuck.length})}</h3>
          {stuck.map((l) => (
            <div key={l.id} className="p-person">
              {l.name} <span className="muted">· {t('class.page.atStep', {step: l.currentStep + 1})}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
