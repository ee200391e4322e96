#!/usr/bin/env node
// Compatibility measurement over a corpus of public scenarios (a folder of repository checkouts,
// kept outside the repository): runs `katarun validate --format json` over every scenario folder
// (one holding index.json or index.yaml) and prints
//   - the validate rate: loaded clean, errors only because a named file is absent (a partial
//     checkout, or a step file the repository itself names and lacks), other errors, crashed (no JSON, an unexpected
//     exit code or a stack trace);
//   - warnings and errors by diagnostic code;
//   - action markers in the markdown (`{{execute}}`, `{{copy}}`, …, outside HTML comments)
//     against the actions the loader made of them, page by page: of a page's lost markers
//     (markers − actions), each diagnostic that names one marker (marker-in-code, -code-span,
//     stray-marker, marker-in-html, empty-action) accounts for one,
//     a block that swallows the rest of the page (unclosed-fence, unclosed-details) for all;
//     the remainder is "lost without a word";
//   - the repositories (first path segment) and scenarios per repository.
// Scenarios are validated in batches, one process per batch (startup is paid once per batch); a
// batch that crashes is re-run one scenario per process, so a crash cannot hide its neighbours.
//
// Usage: npm run build && node scripts/compat-report.mjs <corpus-folder> [--list] [--batch N]
//   --list   also print one line per scenario with its outcome
//   --json F write the per-scenario outcomes to F (scripts/compat-headless.mjs reads it)

import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {scenarioDirs} from './scenario-dirs.mjs';

const MISSING = new Set(['index/missing-file', 'index/asset-glob']);
// Diagnostics that name one lost marker each, and those that account for the rest of a page.
const MARKER_LOSS = new Set(['markdown/marker-in-code', 'markdown/marker-in-code-span', 'markdown/stray-marker', 'markdown/marker-in-html', 'markdown/empty-action']);
const BLOCK_LOSS = new Set(['markdown/unclosed-fence', 'markdown/unclosed-details', 'markdown/lex-failed']);
const MARKER = /\{\{\s*(execute|exec|copy|open)\b[^}]*\}\}/g;
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');

const args = process.argv.slice(2);
const list = args.includes('--list');
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const batch = Number(opt('--batch') ?? 40);
const jsonOut = opt('--json');
const root = args.find((a, i) => !a.startsWith('--') && !['--batch', '--json'].includes(args[i - 1]));
if (!root || !existsSync(root)) {
  console.error('usage: node scripts/compat-report.mjs <folder-of-scenarios> [--list] [--batch N] [--json FILE]');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error('dist/cli/main.js is missing — run `npm run build` first');
  process.exit(2);
}

const stackTrace = (text) => /\n\s+at .+\(.+:\d+:\d+\)/.test(text ?? '');

/** validate --format json over `dirs` in one process: the reports, or undefined when it crashed. */
function validateBatch(dirs) {
  const r = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', ...dirs], {encoding: 'utf8', maxBuffer: 512 << 20});
  let parsed;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    parsed = undefined;
  }
  const reports = Array.isArray(parsed) ? parsed : Array.isArray(parsed?.scenarios) ? parsed.scenarios : undefined;
  if (!reports || (r.status !== 0 && r.status !== 2) || stackTrace(r.stderr)) {
    return {crash: `exit ${r.status}${r.signal ? ` (${r.signal})` : ''} ${(r.stderr || r.stdout || '').trim().split('\n').slice(0, 3).join(' | ')}`};
  }
  return {reports};
}

/** Markers written in a page file, outside HTML comments (which the platforms never showed). */
function markersIn(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 0;
  }
  return (text.replace(/<!--[\s\S]*?-->/g, '').match(MARKER) ?? []).length;
}

const base = resolve(root);
const scenarios = scenarioDirs(base);
const results = new Map(); // dir → {label, errors, warnings, other, markers, actions, silent}
const byCode = new Map();
const withOtherErrors = [];
const crashes = [];
const perRepo = new Map();
const markerTotals = {markers: 0, actions: 0, silent: 0, reported: 0};
const silentPages = [];
const t0 = performance.now();

function account(dir, reports) {
  const rel = relative(base, dir) || '.';
  const diags = reports.flatMap((s) => s.diagnostics ?? []);
  for (const d of diags) byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  const errors = diags.filter((d) => d.severity === 'error');
  const other = errors.filter((d) => !MISSING.has(d.code));
  // Markers against actions, page by page, in the base language's copy.
  const s = reports[0];
  for (const page of [s?.intro, ...(s?.steps ?? []), s?.finish]) {
    if (!page?.textFile) continue;
    const file = resolve(page.textFile);
    const markers = markersIn(file);
    const actions = page.actions?.length ?? 0;
    markerTotals.markers += markers;
    markerTotals.actions += Math.min(actions, markers);
    if (markers <= actions) continue;
    const lost = markers - actions;
    const onPage = diags.filter((d) => d.file && resolve(d.file) === file);
    // A block that swallows the rest of the page accounts for every marker after it; otherwise
    // each lost marker must be named by a diagnostic of its own.
    const wholePage = onPage.some((d) => BLOCK_LOSS.has(d.code));
    const named = onPage.filter((d) => MARKER_LOSS.has(d.code)).length;
    const reported = wholePage ? lost : Math.min(lost, named);
    markerTotals.reported += reported;
    if (reported < lost) {
      markerTotals.silent += lost - reported;
      silentPages.push(`${relative(base, file)}: ${markers} markers, ${actions} actions, ${named} marker diagnostics`);
    }
  }
  const label = errors.length === 0 ? 'OK' : other.length === 0 ? 'MISSING' : 'ERROR';
  if (label === 'ERROR') withOtherErrors.push(`${rel}: ${other.map((d) => `${d.code} (${d.file ?? ''}:${d.line ?? ''}) ${d.message}`).join('; ')}`);
  results.set(dir, {rel, label, errors: errors.length, warnings: diags.length - errors.length, environment: s?.environment?.kind, steps: s?.steps?.length ?? 0});
  if (list) console.log(`${label.padEnd(7)} ${rel}  ${errors.length} errors, ${diags.length - errors.length} warnings`);
}

function crashed(dir, why) {
  const rel = relative(base, dir) || '.';
  crashes.push(`${rel}: ${why}`);
  results.set(dir, {rel, label: 'CRASH'});
  if (list) console.log(`CRASH   ${rel}`);
}

for (let i = 0; i < scenarios.length; i += batch) {
  const dirs = scenarios.slice(i, i + batch);
  const r = validateBatch(dirs);
  if (r.reports) {
    // One report per scenario and language, in the order given; group them back by folder.
    const groups = new Map(dirs.map((d) => [d, []]));
    for (const rep of r.reports) {
      const d = resolve(rep.dir ?? '');
      (groups.get(d) ?? groups.get(dirs.find((x) => d.startsWith(x)) ?? '') ?? []).push(rep);
    }
    for (const [d, reps] of groups) {
      if (reps.length) account(d, reps);
      else crashed(d, 'no report for it in the batch');
    }
    continue;
  }
  for (const d of dirs) {
    const one = validateBatch([d]);
    if (one.reports) account(d, one.reports);
    else crashed(d, one.crash);
  }
}
const seconds = (performance.now() - t0) / 1000;

for (const r of results.values()) {
  const repo = r.rel.split(/[\\/]/)[0];
  const e = perRepo.get(repo) ?? {n: 0, ok: 0};
  e.n++;
  if (r.label === 'OK' || r.label === 'MISSING') e.ok++;
  perRepo.set(repo, e);
}
const count = (l) => [...results.values()].filter((r) => r.label === l).length;
const n = scenarios.length;
const pct = (k, of = n) => (of ? ((100 * k) / of).toFixed(1) : '0.0');
const [clean, missing, errors, crash] = ['OK', 'MISSING', 'ERROR', 'CRASH'].map(count);
console.log(`\n${n} scenarios from ${perRepo.size} repositories, validated in ${seconds.toFixed(1)} s`);
console.log(`  loaded without error:               ${clean} (${pct(clean)}%)`);
console.log(`  errors only for absent files:       ${missing} (${pct(missing)}%)`);
console.log(`  other errors:                       ${errors} (${pct(errors)}%)`);
console.log(`  crashed:                            ${crash}`);
console.log(`  validate rate (no error but absent files): ${clean + missing} (${pct(clean + missing)}%)`);
console.log(`\naction markers: ${markerTotals.markers}; became actions ${markerTotals.actions}; lost with a diagnostic ${markerTotals.reported}; lost without a word ${markerTotals.silent}`);
for (const p of silentPages.slice(0, 30)) console.log(`  ${p}`);
console.log('\nrepositories:');
for (const [k, v] of [...perRepo].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${String(v.n).padStart(5)} ${String(v.ok).padStart(5)} valid  ${k}`);
console.log('\ndiagnostics by code:');
for (const [k, v] of [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(v).padStart(5)}  ${k}`);
if (withOtherErrors.length) console.log(`\nother errors:\n  ${withOtherErrors.join('\n  ')}`);
if (crashes.length) console.log(`\ncrashes:\n  ${crashes.join('\n  ')}`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify([...results.entries()].map(([dir, r]) => ({dir, ...r})), null, 1)}\n`);
process.exit(crash > 0 ? 1 : 0);
