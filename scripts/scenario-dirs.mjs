// The scenario folders under a folder: those holding an index.json or index.yaml, found by a
// walk that skips hidden folders, node_modules and `_<lang>` translation mirrors (loaded with
// their base). One walker for every tool that reads a corpus (scripts/compat-report.mjs,
// scripts/compat-headless.mjs, bench/validate-throughput.bench.mjs), so they count the same
// folders.

import {readdirSync} from 'node:fs';
import {join} from 'node:path';

const INDEX = /^index\.(json|ya?ml)$/;
const TRANSLATION = /^_[a-z]{2}(-[A-Za-z]+)?$/;

/** Every scenario folder under `dir` (sorted), `dir` itself included when it is one. */
export function scenarioDirs(dir) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, {withFileTypes: true});
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && INDEX.test(e.name))) out.push(d);
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && !TRANSLATION.test(e.name)) walk(join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}
