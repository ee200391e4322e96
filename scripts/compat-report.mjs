#!/usr/bin/env node
// Compatibility measurement: runs `katarun validate --format json` over every scenario folder
// (a folder holding index.json or index.yaml) under the folder given, one process per scenario
// so a crash in one cannot hide the others, and prints the counts:
//   - loaded clean (no error), loaded with errors only because a named file is absent,
//     loaded with other errors, crashed (no JSON, an unexpected exit code or a stack trace);
//   - warnings and errors by diagnostic code.
// "Missing file" errors are kept apart because a partial checkout of someone's scenarios
// (no binary assets, files an index names but the repository never had) is common and says
// nothing about the loader.
//
// Usage: npm run build && node scripts/compat-report.mjs <folder-of-scenarios> [--list]
//   --list   also print one line per scenario with its outcome

import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const MISSING = new Set(['index/missing-file', 'index/asset-glob']);
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');

const args = process.argv.slice(2);
const list = args.includes('--list');
const root = args.find((a) => !a.startsWith('--'));
if (!root || !existsSync(root)) {
  console.error('usage: node scripts/compat-report.mjs <folder-of-scenarios> [--list]');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error('dist/cli/main.js is missing — run `npm run build` first');
  process.exit(2);
}

/** Scenario folders: those with an index; `_<lang>` mirrors are translations, loaded with their base. */
function findScenarios(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, {withFileTypes: true});
  } catch {
    return out;
  }
  if (entries.some((e) => e.isFile() && /^index\.(json|ya?ml)$/.test(e.name))) out.push(dir);
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && !/^_[a-z]{2}(-[A-Za-z]+)?$/.test(e.name)) {
      findScenarios(join(dir, e.name), out);
    }
  }
  return out;
}

const scenarios = findScenarios(resolve(root)).sort();
const outcome = {clean: 0, missingOnly: 0, errors: 0, crashed: 0};
const byCode = new Map(); // "severity code" → count
const withOtherErrors = [];
const crashes = [];
const repos = new Set();

for (const dir of scenarios) {
  const rel = relative(resolve(root), dir) || '.';
  repos.add(rel.split(/[\\/]/)[0]);
  const r = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', dir], {encoding: 'utf8', maxBuffer: 64 << 20});
  let reports;
  try {
    reports = JSON.parse(r.stdout);
  } catch {
    reports = undefined;
  }
  const stack = /\n\s+at .+\(.+:\d+:\d+\)/.test(r.stderr ?? '');
  if (!Array.isArray(reports) || (r.status !== 0 && r.status !== 2) || stack) {
    outcome.crashed++;
    crashes.push(`${rel}: exit ${r.status}${r.signal ? ` (${r.signal})` : ''} ${(r.stderr || r.stdout || '').trim().split('\n').slice(0, 3).join(' | ')}`);
    if (list) console.log(`CRASH   ${rel}`);
    continue;
  }
  const diags = reports.flatMap((s) => s.diagnostics ?? []);
  for (const d of diags) byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  const errors = diags.filter((d) => d.severity === 'error');
  const other = errors.filter((d) => !MISSING.has(d.code));
  let label;
  if (errors.length === 0) {
    outcome.clean++;
    label = 'OK';
  } else if (other.length === 0) {
    outcome.missingOnly++;
    label = 'MISSING';
  } else {
    outcome.errors++;
    label = 'ERROR';
    withOtherErrors.push(`${rel}: ${other.map((d) => `${d.code} (${d.file ? relative(dir, d.file) : ''}:${d.line ?? ''}) ${d.message}`).join('; ')}`);
  }
  if (list) console.log(`${label.padEnd(7)} ${rel}  ${errors.length} errors, ${diags.length - errors.length} warnings`);
}

const n = scenarios.length;
const pct = (k) => (n ? ((100 * k) / n).toFixed(1) : '0.0');
console.log(`\n${n} scenarios from ${repos.size} top-level folders`);
console.log(`  loaded without error:               ${outcome.clean} (${pct(outcome.clean)}%)`);
console.log(`  errors only for absent files:       ${outcome.missingOnly} (${pct(outcome.missingOnly)}%)`);
console.log(`  other errors:                       ${outcome.errors} (${pct(outcome.errors)}%)`);
console.log(`  crashed:                            ${outcome.crashed}`);
console.log(`  loaded (no error but absent files): ${outcome.clean + outcome.missingOnly} (${pct(outcome.clean + outcome.missingOnly)}%)`);
console.log('\ndiagnostics by code:');
for (const [k, v] of [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(v).padStart(5)}  ${k}`);
if (withOtherErrors.length) console.log(`\nother errors:\n  ${withOtherErrors.join('\n  ')}`);
if (crashes.length) console.log(`\ncrashes:\n  ${crashes.join('\n  ')}`);
process.exit(outcome.crashed > 0 ? 1 : 0);
