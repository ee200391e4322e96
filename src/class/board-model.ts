// The board as data: each learner's row folded from their events, the per-step summary (passed,
// stuck, the most common FAIL lines), the "needs help" order and the pace a learner is told.
// Pure: the server feeds it events with times on its own clock; the page, the terminal board
// and the export all read the same JSON (`BoardView`).

import type {ClassEvent, JoinRequest, Pace, ReadinessCheck, StepInfo} from './protocol.js';

export type CellStatus = 'pending' | 'active' | 'passed' | 'failed' | 'not-run';

export interface StepCell {
  status: CellStatus;
  /** Time on the step before the current visit (ms). */
  elapsedMs: number;
  /** Server time when the current visit began. */
  enteredAt?: number;
  attempts: number;
  lastFail?: string;
  expected?: string;
  actual?: string;
  hints: number;
  solution: boolean;
}

export interface LearnerRow {
  readonly id: string;
  name: string;
  scenario: {id: string; title: string};
  steps: StepInfo[];
  cells: StepCell[];
  /** The step the learner is on (0-based), -1 before the first. */
  current: number;
  joinedAt: number;
  lastSeen: number;
  lastFail?: {step: number; line: string; at: number};
  hand?: {step: number; fail?: string; at: number};
  ready?: {ready: boolean; missing: string[]; at: number};
  finished: boolean;
  events: number;
  /** The terminal's recent output, only while the learner shares it. */
  terminal?: {lines: string[]; at: number};
}

/** A step over twice its estimate is "stuck"; a step without one gets this estimate. */
export const DEFAULT_ESTIMATE_MIN = 5;
/** A learner not heard from for this long shows as away (their runner sends every few seconds). */
export const AWAY_MS = 30_000;

const emptyCell = (): StepCell => ({status: 'pending', elapsedMs: 0, attempts: 0, hints: 0, solution: false});

export function newLearner(join: JoinRequest, at: number): LearnerRow {
  return {
    id: join.learner,
    name: join.name,
    scenario: {...join.scenario},
    steps: join.steps.map((s) => ({...s})),
    cells: join.steps.map(emptyCell),
    current: -1,
    joinedAt: at,
    lastSeen: at,
    finished: false,
    events: 0,
  };
}

/** A re-join (a new run of the same learner) may rename them; the steps stay as first announced. */
export function rejoin(row: LearnerRow, join: JoinRequest, at: number): void {
  row.name = join.name;
  row.lastSeen = Math.max(row.lastSeen, at);
}

function leave(cell: StepCell, at: number): void {
  if (cell.enteredAt !== undefined) cell.elapsedMs += Math.max(0, at - cell.enteredAt);
  cell.enteredAt = undefined;
}

/** Fold one event (its time already on the server's clock) into the learner's row. */
export function applyEvent(row: LearnerRow, e: ClassEvent, at: number): void {
  row.events++;
  row.lastSeen = Math.max(row.lastSeen, at);
  if (e.type === 'ready') {
    row.ready = {ready: e.ready, missing: e.checks.filter((c: ReadinessCheck) => !c.ok && c.severity === 'error').map((c) => c.id), at};
    return;
  }
  if (e.type === 'terminal') {
    row.terminal = e.sharing ? {lines: [...e.lines], at} : undefined;
    return;
  }
  if (e.type === 'finish') {
    if (row.current >= 0 && row.cells[row.current]) leave(row.cells[row.current]!, at);
    row.finished = true;
    row.hand = undefined;
    return;
  }
  const cell = row.cells[e.step];
  if (!cell) return;
  switch (e.type) {
    case 'step':
      if (e.status === 'active') {
        if (row.current >= 0 && row.current !== e.step && row.cells[row.current]) leave(row.cells[row.current]!, at);
        row.current = e.step;
        if (cell.enteredAt === undefined) cell.enteredAt = at;
        if (cell.status !== 'passed') cell.status = 'active';
      } else {
        leave(cell, at);
        cell.status = e.status;
        if (e.status === 'passed' && row.hand?.step === e.step) row.hand = undefined;
      }
      return;
    case 'check':
      cell.attempts++;
      if (e.passed) {
        cell.lastFail = cell.expected = cell.actual = undefined;
      } else {
        cell.lastFail = e.fail[e.fail.length - 1] ?? cell.lastFail;
        cell.expected = e.expected;
        cell.actual = e.actual;
        if (cell.lastFail !== undefined) row.lastFail = {step: e.step, line: cell.lastFail, at};
      }
      return;
    case 'hint':
      cell.hints++;
      return;
    case 'solution':
      cell.solution = true;
      return;
    case 'hand':
      row.hand = e.up ? {step: e.step, ...(e.fail !== undefined ? {fail: e.fail} : {}), at} : undefined;
      return;
  }
}

export function onStepMs(cell: StepCell, now: number): number {
  return cell.elapsedMs + (cell.enteredAt !== undefined ? Math.max(0, now - cell.enteredAt) : 0);
}

function estimateMs(step: StepInfo | undefined): number {
  return (step?.estimateMin || DEFAULT_ESTIMATE_MIN) * 60_000;
}

export function isStuck(row: LearnerRow, now: number): boolean {
  const cell = row.cells[row.current];
  return !row.finished && cell !== undefined && cell.status !== 'passed' && onStepMs(cell, now) > 2 * estimateMs(row.steps[row.current]);
}

/** Lower is more urgent: a raised hand, then stuck, then a failing check, then not ready, then the rest. */
export function urgency(row: LearnerRow, now: number): number {
  if (row.hand) return 0;
  if (isStuck(row, now)) return 1;
  const cell = row.cells[row.current];
  if (cell && cell.status !== 'passed' && cell.lastFail !== undefined) return 2;
  if (row.ready && !row.ready.ready) return 3;
  return row.finished ? 5 : 4;
}

export function passedStep(row: LearnerRow, step: number): boolean {
  return row.cells[step]?.status === 'passed' || row.current > step || row.finished;
}

/** "class: 12 of 18 past step 3": of the learners on the same scenario, how many are past `step`. */
export function paceFor(rows: Iterable<LearnerRow>, scenarioId: string, step: number): Pace {
  let total = 0;
  let past = 0;
  for (const r of rows) {
    if (r.scenario.id !== scenarioId) continue;
    total++;
    if (step >= 0 && passedStep(r, step)) past++;
  }
  return {step, past, total};
}
