// `katarun validate` (the built CLI) accepts the istio-egress scenario in English and Russian,
// with its manifests checked against Istio 1.30.3's CRD schemas.
import {resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runProcess} from '../../src/shell/index.js';
import {crdFile, repoRoot} from './crd-validate.js';

const validate = (...args: string[]) =>
  runProcess(process.execPath, [resolve(repoRoot, 'dist/cli/main.js'), 'validate', 'scenarios/istio-egress', '--crds', crdFile, ...args], {
    cwd: repoRoot,
    env: {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? repoRoot},
    timeoutMs: 60_000,
  });

describe('katarun validate scenarios/istio-egress --crds …', () => {
  it.each([[[] as string[], 'istio-egress (en)'], [['--lang', 'ru'], 'istio-egress (ru)']])('passes %j', async (args, label) => {
    const r = await validate(...args);
    expect(r.output).toContain(`${label.replace(' (en)', '')}`);
    expect(r.output).toMatch(/valid — 0 errors, 0 warnings/);
    expect(r.exitCode).toBe(0);
  });
});
