// The board's JSON (GET /api/board, the page, `katarun class board`, the JSON export) and the
// CSV export, computed from the learners' rows at a moment `now` on the server's clock.

import {AWAY_MS, isStuck, onStepMs, passedStep, urgency, type CellStatus, type LearnerRow} from './board-model.js';

export interface CellView {
  readonly status: CellStatus;
  readonly timeMs: number;
  readonly estimateMin?: number;
  readonly attempts: number;
  readonly lastFail?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly hints: number;
  readonly solution: boolean;
}

export interface LearnerView {
  readonly id: string;
  readonly name: string;
  readonly scenario: {readonly id: string; readonly title: string};
  /** 0-based; -1 before the first step. */
  readonly currentStep: number;
  readonly steps: readonly CellView[];
  readonly lastFail?: {readonly step: number; readonly line: string; readonly at: number};
  readonly hand?: {readonly step: number; readonly fail?: string; readonly at: number};
  readonly ready?: {readonly ready: boolean; readonly missing: readonly string[]; readonly at: number};
  readonly stuck: boolean;
  readonly finished: boolean;
  readonly away: boolean;
  readonly urgency: number;
  readonly joinedAt: number;
  readonly lastSeen: number;
  readonly events: number;
  /** The terminal's recent output: only while this learner shares it. */
  readonly terminal?: {readonly lines: readonly string[]; readonly at: number};
}

export interface StepSummary {
  readonly step: number;
  readonly title: string;
  readonly estimateMin?: number;
  readonly passed: number;
  readonly on: number;
  readonly stuck: number;
  readonly failing: number;
  readonly topFails: readonly {readonly line: string; readonly count: number}[];
}

export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly learners: number;
  readonly finished: number;
  readonly ready: number;
  readonly notReady: number;
  readonly hands: number;
  readonly steps: readonly StepSummary[];
}

export interface BoardView {
  readonly now: number;
  readonly joinCode: string;
  readonly learners: readonly LearnerView[];
  readonly scenarios: readonly ScenarioSummary[];
}

export function learnerView(r: LearnerRow, now: number): LearnerView {
  return {
    id: r.id,
    name: r.name,
    scenario: r.scenario,
    currentStep: r.current,
    steps: r.cells.map((c, i) => ({
      status: c.status,
      timeMs: onStepMs(c, now),
      ...(r.steps[i]?.estimateMin !== undefined ? {estimateMin: r.steps[i]!.estimateMin} : {}),
      attempts: c.attempts,
      ...(c.lastFail !== undefined ? {lastFail: c.lastFail} : {}),
      ...(c.expected !== undefined ? {expected: c.expected} : {}),
      ...(c.actual !== undefined ? {actual: c.actual} : {}),
      hints: c.hints,
      solution: c.solution,
    })),
    ...(r.lastFail ? {lastFail: r.lastFail} : {}),
    ...(r.hand ? {hand: r.hand} : {}),
    ...(r.ready ? {ready: r.ready} : {}),
    stuck: isStuck(r, now),
    finished: r.finished,
    away: now - r.lastSeen > AWAY_MS,
    urgency: urgency(r, now),
    joinedAt: r.joinedAt,
    lastSeen: r.lastSeen,
    events: r.events,
    ...(r.terminal ? {terminal: r.terminal} : {}),
  };
}

/** Per scenario: how many passed each step, are on it, stuck on it, and its most common FAIL lines. */
export function summarize(rows: readonly LearnerRow[], now: number): ScenarioSummary[] {
  const byScenario = new Map<string, LearnerRow[]>();
  for (const r of rows) {
    const list = byScenario.get(r.scenario.id);
    if (list) list.push(r);
    else byScenario.set(r.scenario.id, [r]);
  }
  return [...byScenario.entries()].map(([id, list]) => {
    // The longest announced step list is the scenario's (every learner of it sends the same).
    const steps = list.reduce((a, r) => (r.steps.length > a.length ? r.steps : a), list[0]!.steps);
    return {
      id,
      title: list[0]!.scenario.title,
      learners: list.length,
      finished: list.filter((r) => r.finished).length,
      ready: list.filter((r) => r.ready?.ready).length,
      notReady: list.filter((r) => r.ready && !r.ready.ready).length,
      hands: list.filter((r) => r.hand).length,
      steps: steps.map((s, k) => {
        const fails = new Map<string, number>();
        let on = 0;
        let stuck = 0;
        let failing = 0;
        for (const r of list) {
          const cell = r.cells[k];
          if (r.current === k && !r.finished) {
            on++;
            if (isStuck(r, now)) stuck++;
          }
          if (cell && cell.status !== 'passed' && cell.lastFail !== undefined) {
            failing++;
            fails.set(cell.lastFail, (fails.get(cell.lastFail) ?? 0) + 1);
          }
        }
        const topFails = [...fails.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([line, count]) => ({line, count}));
        return {step: k, title: s.title, ...(s.estimateMin !== undefined ? {estimateMin: s.estimateMin} : {}), passed: list.filter((r) => passedStep(r, k)).length, on, stuck, failing, topFails};
      }),
    };
  });
}

/** Everyone, most in need of help first (then by progress, behind first, then by name). */
export function boardView(rows: Iterable<LearnerRow>, joinCode: string, now: number): BoardView {
  const list = [...rows];
  const learners = list
    .map((r) => learnerView(r, now))
    .sort((a, b) => a.urgency - b.urgency || a.currentStep - b.currentStep || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {now, joinCode, learners, scenarios: summarize(list, now)};
}

const csvCell = (v: string | number | boolean | undefined) => {
  const s = v === undefined ? '' : String(v);
  // A leading = + - @ would be a formula to a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One row per learner and step: the class's results for a spreadsheet. */
export function boardCsv(view: BoardView): string {
  const header = ['name', 'learner', 'scenario', 'step', 'title', 'status', 'seconds', 'estimate_min', 'attempts', 'hints', 'solution', 'last_fail', 'finished'];
  const lines = [header.join(',')];
  for (const l of view.learners) {
    const scenario = view.scenarios.find((s) => s.id === l.scenario.id);
    l.steps.forEach((c, k) => {
      lines.push(
        [l.name, l.id, l.scenario.id, k + 1, scenario?.steps[k]?.title, c.status, Math.round(c.timeMs / 1000), c.estimateMin, c.attempts, c.hints, c.solution, c.lastFail, l.finished]
          .map(csvCell)
          .join(','),
      );
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}
