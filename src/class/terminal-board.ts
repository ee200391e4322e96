// `katarun class board`: the board as terminal text — per scenario the step summary with the
// most common FAIL lines, then one line per learner, most in need of help first. Every string a
// learner sent is sanitised again here (the server already cleaned it; the terminal trusts no one).

import {clockDuration} from '../render/duration.js';
import type {Translate} from '../render/i18n.js';
import {sanitizeText} from '../render/sanitize.js';
import type {BoardView, LearnerView} from './board-view.js';

const text = (s: string) => sanitizeText(s).replace(/[\n\t]+/g, ' ');

function fit(s: string, width: number): string {
  const chars = Array.from(s);
  return chars.length <= width ? s : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function learnerLine(l: LearnerView, t: Translate): string {
  const total = l.steps.length;
  const cell = l.steps[l.currentStep];
  const where = l.finished ? t('class.board.finished') : l.currentStep >= 0 ? t('class.board.step', {k: l.currentStep + 1, n: total}) : '—';
  const time = cell && !l.finished ? ` ${clockDuration(cell.timeMs)}${cell.estimateMin ? `/${cell.estimateMin}m` : ''}` : '';
  const marks = [
    l.hand ? `✋ ${t('class.board.hand')}` : '',
    l.stuck ? `⚠ ${t('class.board.stuck')}` : '',
    l.ready ? (l.ready.ready ? t('class.board.ready') : t('class.board.notReady', {missing: l.ready.missing.map(text).join(', ')})) : '',
    l.away && !l.finished ? t('class.board.away') : '',
  ].filter(Boolean);
  const cells = l.steps.map((c) => (c.status === 'passed' ? '●' : c.status === 'failed' ? '✖' : c.status === 'active' ? (c.lastFail ? '✖' : '◐') : '○')).join('');
  const fail = l.hand?.fail ?? (cell && cell.status !== 'passed' ? cell.lastFail : undefined);
  return `${fit(text(l.name), 20).padEnd(20)} ${cells} ${where}${time}${marks.length ? `  ${marks.join(' · ')}` : ''}${fail ? `  FAIL: ${text(fail)}` : ''}`;
}

export function formatBoard(view: BoardView, t: Translate, width = 100): string[] {
  const out = [t('class.board.title', {code: view.joinCode, n: view.learners.length, time: new Date(view.now).toLocaleTimeString()}), ''];
  if (view.learners.length === 0) out.push(t('class.board.none'));
  for (const s of view.scenarios) {
    out.push(`${text(s.title) || text(s.id)} (${text(s.id)})`);
    for (const st of s.steps) {
      out.push(`  ${t('class.board.stepSummary', {k: st.step + 1, title: text(st.title), passed: st.passed, on: st.on, stuck: st.stuck})}`);
      for (const f of st.topFails) out.push(`  ${t('class.board.topFail', {count: f.count, line: text(f.line)})}`);
    }
    out.push('');
  }
  for (const l of view.learners) {
    out.push(learnerLine(l, t));
    // A learner who shares their terminal: its last lines under their row.
    if (l.terminal) for (const line of l.terminal.lines.slice(-3)) out.push(`    │ ${text(line)}`);
  }
  return out.map((line) => fit(line, width));
}
