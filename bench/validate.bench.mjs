// `katarun validate` of a bundled scenario against `node -e 0`, measured in the same run
// (median of several runs each). Target: under 300 ms for a bundled scenario.
// Run alone with `node bench/validate.bench.mjs` after `npm run build`.
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cli, printTable, repoRoot, timeCommand} from './lib.mjs';

if (!existsSync(cli)) {
  process.stderr.write('dist/cli/main.js is missing: run npm run build first\n');
  process.exit(1);
}

const home = mkdtempSync(join(tmpdir(), 'katarun-bench-validate-'));
const env = {...process.env, XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache')};
const runs = Number(process.env.BENCH_RUNS ?? 9);
const crds = join(repoRoot, '..', 'shared', 'reference', 'istio-crds', 'crd-all.gen.yaml');

try {
  const baseline = timeCommand(process.execPath, ['-e', '0'], {runs, env});
  const rows = [
    {name: 'node -e 0', ms: baseline, baseline},
    {name: 'validate basics (en)', ms: timeCommand(process.execPath, [cli, 'validate', '--lang', 'en', 'scenarios/basics'], {runs, env}), baseline, target: '< 300 ms'},
    {name: 'validate basics (all languages)', ms: timeCommand(process.execPath, [cli, 'validate', 'scenarios/basics'], {runs, env}), baseline},
    {name: 'list', ms: timeCommand(process.execPath, [cli, 'list'], {runs, env}), baseline},
  ];
  if (existsSync(crds) && existsSync(join(repoRoot, 'test/fixtures/scenarios/istio-corrected'))) {
    // The first run fills the CRD cache (timeCommand's warm-up); the median is the cached case.
    rows.push({name: 'validate + Istio CRDs (cached)', ms: timeCommand(process.execPath, [cli, 'validate', 'test/fixtures/scenarios/istio-corrected', '--crds', crds], {runs: Math.min(runs, 5), env}), baseline});
  }
  printTable(rows);
} finally {
  rmSync(home, {recursive: true, force: true});
}
