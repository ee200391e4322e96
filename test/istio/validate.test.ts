// `katarun validate` (the built CLI) accepts the istio-egress scenario in English and Russian,
// with its manifests checked against the Istio 1.30.3 CRD schemas the scenario ships in
// assets/istio-egress/crds/ — no --crds needed, nothing outside the repository read.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runProcess} from '../../src/shell/index.js';
import {repoRoot} from './crd-validate.js';

const tmp = mkdtempSync(join(tmpdir(), 'katarun-istio-validate-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

const validate = (dir: string, ...args: string[]) =>
  runProcess(process.execPath, [resolve(repoRoot, 'dist/cli/main.js'), 'validate', dir, ...args], {
    cwd: repoRoot,
    env: {PATH: process.env.PATH ?? '', HOME: tmp, XDG_CACHE_HOME: join(tmp, 'cache')},
    timeoutMs: 60_000,
  });

describe('katarun validate scenarios/istio-egress (CRDs from the scenario itself)', () => {
  it.each([[[] as string[], 'istio-egress (en)'], [['--lang', 'ru'], 'istio-egress (ru)']])('passes %j', async (args, label) => {
    const r = await validate('scenarios/istio-egress', ...args);
    expect(r.output).toContain(`${label.replace(' (en)', '')}`);
    expect(r.output).toMatch(/valid — 0 errors, 0 warnings/);
    expect(r.exitCode).toBe(0);
  });

  it('uses the shipped CRDs without --crds: a misspelt ServiceEntry field is an error at its line', async () => {
    const copy = join(tmp, 'copy');
    cpSync(resolve(repoRoot, 'scenarios/istio-egress'), join(copy, 'scenarios/istio-egress'), {recursive: true});
    cpSync(resolve(repoRoot, 'assets/istio-egress'), join(copy, 'assets/istio-egress'), {recursive: true});
    const se = join(copy, 'assets/istio-egress/egress/worldtime-serviceentry.yaml');
    const text = readFileSync(se, 'utf8');
    expect(text).toMatch(/^ {2}resolution: DNS$/m);
    writeFileSync(se, text.replace(/^ {2}resolution: DNS$/m, '  resolutoin: DNS'));
    const line = text.split('\n').findIndex((l) => l === '  resolution: DNS') + 1;
    const r = await validate(join(copy, 'scenarios/istio-egress'), '--lang', 'en');
    expect(r.output).toContain(`worldtime-serviceentry.yaml:${line}:3: error: ServiceEntry`);
    expect(r.output).toContain("unknown field 'resolutoin' in spec — did you mean 'resolution'?");
    expect(r.exitCode).toBe(2);
  });
});
