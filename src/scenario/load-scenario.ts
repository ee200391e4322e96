// loadScenario: a scenario folder (Katacoda/Killercoda layout, optionally translated) → the
// immutable Scenario model. Never throws for anything in the folder: every problem is a
// Diagnostic with file:line:col, and the scenario is as complete as the files allow.

import {DiagnosticSink, sortDiagnostics} from './diagnostics.js';
import {FileStore} from './file-store.js';
import {parseMinutes} from './index/durations.js';
import {describePath} from './index/index-reader.js';
import {DETAILS_KEYS, KATARUN_KEYS, TOP_KEYS, TOP_UNSUPPORTED} from './index/known-keys.js';
import {locateScenario, type ScenarioLocation} from './languages.js';
import {existsSync, realpathSync} from 'node:fs';
import {isAbsolute, relative, resolve} from 'node:path';
import {assetDirs, readAssets} from './loader/assets.js';
import {scriptRef, type LoadContext} from './loader/context.js';
import {readEnvironment} from './loader/environment.js';
import {readPlainPage} from './loader/pages.js';
import {readIndex} from './loader/read-index.js';
import {durationAt, readStep} from './loader/steps.js';
import type {Scenario, Step} from './model.js';

export interface LoadOptions {
  /** Language to load (`ru`, `pt-br`); the base copy when there is no such translation. */
  readonly lang?: string;
}

/** Check defaults when the scenario does not set them: a cluster needs longer than a shell. */
export const DEFAULT_CHECK = {
  bash: {timeoutMs: 60_000, intervalMs: 1_000},
  kind: {timeoutMs: 300_000, intervalMs: 2_000},
} as const;

function emptyScenario(loc: ScenarioLocation, indexFile: string, sink: DiagnosticSink, store: FileStore): Scenario {
  return {
    id: loc.id,
    title: loc.id,
    description: '',
    lang: loc.lang,
    languages: loc.languages,
    dir: loc.dir,
    indexFile,
    steps: [],
    assets: [],
    environment: {kind: 'bash', tools: [], terminals: []},
    contentHash: store.contentHash(loc.baseDir),
    diagnostics: sortDiagnostics(sink.items),
  };
}

export async function loadScenario(dir: string, options: LoadOptions = {}): Promise<Scenario> {
  const loc = locateScenario(dir, options.lang);
  const sink = new DiagnosticSink();
  const dirs = loc.dir === loc.baseDir ? [loc.dir] : [loc.dir, loc.baseDir];
  const store = new FileStore(dirs);
  const index = await readIndex(loc.dir, store, sink);
  if (!index.reader) return emptyScenario(loc, index.file, sink, store);
  const reader = index.reader;
  const ctx: LoadContext = {reader, store, sink, loc, dirs};

  reader.checkKeys([], TOP_KEYS, TOP_UNSUPPORTED);
  reader.object(['details']);
  reader.checkKeys(['details'], DETAILS_KEYS);
  reader.object(['katarun']);
  reader.checkKeys(['katarun'], KATARUN_KEYS);

  const title = reader.string(['title']);
  if (!title) sink.error('index/title', reader.file, reader.at([]), 'the scenario has no "title"', 'add "title": "…" at the top level');

  const assetsIn = assetDirs(ctx);
  const environment = readEnvironment(ctx, assetsIn);
  const defaults = {
    timeoutMs: durationAt(ctx, ['katarun', 'checkTimeout']) ?? DEFAULT_CHECK[environment.kind].timeoutMs,
    intervalMs: durationAt(ctx, ['katarun', 'checkInterval']) ?? DEFAULT_CHECK[environment.kind].intervalMs,
  };

  const hideIntro = reader.boolean(['environment', 'hideintro']) === true;
  const hideFinish = reader.boolean(['environment', 'hidefinish']) === true;
  const stepList = reader.array(['details', 'steps']) ?? [];
  // Killercoda runs a scenario that is only an introduction (text plus foreground/background
  // scripts); katarun needs a step to run, so the introduction becomes the one step.
  const introOnly = stepList.length === 0 && reader.object(['details', 'intro']) !== undefined && reader.has(['details', 'intro', 'text']);
  const intro = hideIntro || introOnly ? undefined : readPlainPage(ctx, 'intro', ['details', 'intro'], 'Introduction')?.page;
  const finish = hideFinish ? undefined : readPlainPage(ctx, 'finish', ['details', 'finish'], 'Finish')?.page;

  if (introOnly) {
    sink.warn('index/intro-only', reader.file, reader.at(['details', 'intro']), 'the scenario has no steps, only an introduction; katarun shows the introduction as its one step', 'add "details": {"steps": [...]} to split it into steps');
  } else if (stepList.length === 0) {
    sink.error('index/steps', reader.file, reader.at(['details']), 'the scenario has no steps', 'add "details": {"steps": [{"title": "…", "text": "step1.md"}]}');
  }
  const steps: Step[] = [];
  if (introOnly) {
    const step = readStep(ctx, 0, defaults, ['details', 'intro']);
    if (step) steps.push(step);
  }
  stepList.forEach((_, i) => {
    const step = readStep(ctx, i, defaults);
    if (step) steps.push({...step, index: steps.length});
    else sink.error('index/type', reader.file, reader.at(['details', 'steps', i]), `${describePath(['details', 'steps', i])} should be an object with "title" and "text"`);
  });

  const assets = readAssets(ctx, assetsIn);
  const setup = reader.has(['katarun', 'setup']) ? scriptRef(ctx, ['katarun', 'setup'], 'setup') : undefined;
  const teardown = reader.has(['katarun', 'teardown']) ? scriptRef(ctx, ['katarun', 'teardown'], 'teardown') : undefined;

  const time = reader.string(['time']);
  const timeMinutes = time !== undefined ? parseMinutes(time) : undefined;
  const difficulty = reader.string(['difficulty']);
  const type = reader.string(['type']);
  if (type !== undefined && !/^challenge@[\d.]+$/.test(type)) {
    sink.warn('index/type-field', reader.file, reader.at(['type']), `scenario type '${type}' is not known; it runs as an ordinary scenario`, 'challenges are written "challenge@0.9"');
  }

  symlinksOut(store, [...dirs, ...assetsIn], sink);
  return {
    id: loc.id,
    title: title ?? loc.id,
    description: reader.string(['description']) ?? '',
    ...(difficulty !== undefined ? {difficulty} : {}),
    ...(time !== undefined ? {time} : {}),
    ...(timeMinutes !== undefined ? {timeMinutes} : {}),
    ...(type !== undefined ? {type} : {}),
    lang: loc.lang,
    languages: loc.languages,
    dir: loc.dir,
    indexFile: reader.file,
    ...(intro ? {intro} : {}),
    steps,
    ...(finish ? {finish} : {}),
    assets,
    assetsDir: assetsIn.find((d) => existsSync(d)) ?? assetsIn[0]!,
    environment,
    ...(setup ? {setup} : {}),
    ...(teardown ? {teardown} : {}),
    contentHash: store.contentHash(loc.baseDir),
    diagnostics: sortDiagnostics(sink.items),
  };
}

/**
 * A step file, script or asset that is a symlink to somewhere outside the scenario would copy
 * or run a file of this machine (`assets/id_rsa -> ~/.ssh/id_rsa`): an error, like a bad path.
 */
function symlinksOut(store: FileStore, roots: readonly string[], sink: DiagnosticSink): void {
  const realRoots = roots.map((r) => ({lexical: resolve(r), real: realOr(r)}));
  for (const file of store.files()) {
    const root = realRoots.find((r) => isWithin(file, r.lexical));
    if (!root) continue;
    const real = realOr(file);
    if (!isWithin(real, root.real)) {
      sink.error('scenario/symlink-out', file, undefined, `${relative(root.lexical, file)} is a symlink to ${real}, outside the scenario`, 'copy the file into the scenario folder instead of linking to it');
    }
  }
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
