// Progress per scenario in the XDG state dir (progress/<id>.json). Written atomically (a
// temporary file renamed over the old one) so a crash never leaves half a file; a file that
// cannot be read is moved aside and reported, never fatal — losing a bookmark must not stop
// a learner.

import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {dirname} from 'node:path';
import type {Scenario} from '../scenario/model.js';
import {progressFile, type EngineDirs} from './dirs.js';
import type {SavedShell} from './terminals.js';
import type {EngineState, StepStatus} from './types.js';
import {errorParam, message, type Message} from '../render/i18n.js';

export interface SavedStep {
  readonly index: number;
  readonly status: StepStatus;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  readonly elapsedMs: number;
  /** Quiz questions of the step answered right (0-based, document order). */
  readonly quizzes?: readonly number[];
}

export interface SavedProgress {
  readonly version: 1;
  readonly id: string;
  readonly contentHash: string;
  readonly lang: string;
  /** The step the learner was on (0-based). */
  readonly currentStep: number;
  readonly savedAt: number;
  readonly steps: readonly SavedStep[];
  /**
   * Each terminal's shell when progress was saved: the exports that differ from a new shell's
   * and the folder, restored into the new terminals on resume.
   */
  readonly terminals?: Readonly<Record<string, SavedShell>>;
  /** Saved on the finish page: the next open offers a review or a fresh start, not "continue". */
  readonly finished?: boolean;
}

export type LoadResult =
  | {readonly kind: 'none'}
  | {readonly kind: 'ok'; readonly progress: SavedProgress}
  | {readonly kind: 'corrupt'; readonly movedTo: string; readonly reason: Message};

function validShells(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  return Object.entries(v as Record<string, unknown>).every(([id, sh]) => {
    if (!/^T\d+$/.test(id) || !sh || typeof sh !== 'object') return false;
    const {env, cwd} = sh as Record<string, unknown>;
    return !!env && typeof env === 'object' && Object.values(env as object).every((x) => typeof x === 'string') && (cwd === undefined || typeof cwd === 'string');
  });
}

function isProgress(v: unknown): v is SavedProgress {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return (
    p.version === 1 &&
    typeof p.id === 'string' &&
    typeof p.contentHash === 'string' &&
    Number.isInteger(p.currentStep) &&
    (p.currentStep as number) >= 0 &&
    typeof p.savedAt === 'number' &&
    Array.isArray(p.steps) &&
    p.steps.every((s: unknown) => !!s && typeof s === 'object' && Number.isInteger((s as SavedStep).index) && typeof (s as SavedStep).status === 'string') &&
    (p.terminals === undefined || validShells(p.terminals))
  );
}

/** Read saved progress; a corrupt file is renamed aside (unless `moveCorrupt` is false, for read-only callers). */
export async function loadProgress(dirs: EngineDirs, id: string, now: () => number = Date.now, moveCorrupt = true): Promise<LoadResult> {
  const file = progressFile(dirs, id);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'none'};
    return setAside(file, message('progress.unreadable', {message: errorParam(err)}), now, moveCorrupt);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isProgress(parsed)) return {kind: 'ok', progress: parsed};
    return setAside(file, message('progress.badShape'), now, moveCorrupt);
  } catch {
    return setAside(file, message('progress.badJson'), now, moveCorrupt);
  }
}

async function setAside(file: string, reason: Message, now: () => number, move: boolean): Promise<LoadResult> {
  const movedTo = `${file}.corrupt-${now()}`;
  if (!move) return {kind: 'corrupt', movedTo: file, reason};
  try {
    await rename(file, movedTo);
  } catch {
    // If even the rename fails, the next save overwrites the file; still not fatal.
  }
  return {kind: 'corrupt', movedTo, reason};
}

export function progressFromState(scenario: Scenario, state: EngineState, savedAt: number, terminals?: Readonly<Record<string, SavedShell>>): SavedProgress {
  return {
    version: 1,
    id: scenario.id,
    contentHash: scenario.contentHash,
    lang: scenario.lang,
    currentStep: state.stepIndex,
    savedAt,
    steps: state.steps.map((s) => ({
      index: s.index,
      status: s.status,
      elapsedMs: s.elapsedMs,
      ...(s.startedAt !== undefined ? {startedAt: s.startedAt} : {}),
      ...(s.finishedAt !== undefined ? {finishedAt: s.finishedAt} : {}),
      ...(s.quizAnswered.some(Boolean) ? {quizzes: s.quizAnswered.flatMap((ok, i) => (ok ? [i] : []))} : {}),
    })),
    ...(terminals && Object.keys(terminals).length ? {terminals} : {}),
    ...(state.phase === 'finish' ? {finished: true} : {}),
  };
}

let tmpCounter = 0;

export async function saveProgress(dirs: EngineDirs, progress: SavedProgress): Promise<void> {
  const file = progressFile(dirs, progress.id);
  await mkdir(dirname(file), {recursive: true});
  const tmp = `${file}.tmp-${process.pid}-${++tmpCounter}`;
  await writeFile(tmp, `${JSON.stringify(progress, null, 2)}\n`, {mode: 0o600});
  await rename(tmp, file);
}

/**
 * What the TUI offers: "continue at step k", or for a finished scenario (saved on its finish
 * page, or every step passed) a review or a fresh start. Undefined when there is nothing to
 * offer or the scenario changed.
 */
export async function resumeInfo(scenario: Scenario, dirs: EngineDirs): Promise<{step: number; savedAt: number; finished?: boolean} | undefined> {
  const loaded = await loadProgress(dirs, scenario.id, Date.now, false);
  if (loaded.kind !== 'ok') return undefined;
  const p = loaded.progress;
  if (p.contentHash !== scenario.contentHash || p.currentStep >= scenario.steps.length) return undefined;
  const allPassed = scenario.steps.length > 0 && scenario.steps.every((s) => p.steps[s.index]?.status === 'passed');
  if (p.finished === true || allPassed) return {step: p.currentStep, savedAt: p.savedAt, finished: true};
  if (p.currentStep <= 0) return undefined;
  return {step: p.currentStep, savedAt: p.savedAt};
}
