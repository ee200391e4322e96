// The REAL end-to-end run of istio-egress: a kind cluster, Istio 1.30, Envoy, the services
// on node:22-alpine — `katarun test scenarios/istio-egress --create-cluster`, then
// `katarun down`. Needs Docker, kind, kubectl, internet for the images and istioctl, and
// about 10 minutes, so it runs only when KATARUN_E2E_KIND=1 (the kind-e2e GitHub workflow
// sets it). It has NOT been run on the machines this project is developed on: they have no
// Docker daemon and no internet.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runProcess} from '../../src/shell/index.js';

const enabled = process.env.KATARUN_E2E_KIND === '1';
const root = resolve(import.meta.dirname, '../..');
const cli = resolve(root, 'dist/cli/main.js');
const home = mkdtempSync(join(tmpdir(), 'katarun-kind-e2e-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));

const env = {
  ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
  CI: '1',
  XDG_STATE_HOME: join(home, 'state'),
  XDG_DATA_HOME: join(home, 'data'),
  XDG_CACHE_HOME: join(home, 'cache'),
};
const katarun = (args: string[], timeoutMs: number) =>
  runProcess(process.execPath, [cli, ...args], {cwd: root, env, timeoutMs, maxOutputBytes: 4 * 1024 * 1024, onOutput: (s) => process.stderr.write(s)});

// Skipped unless KATARUN_E2E_KIND=1: it needs a Docker daemon, kind and internet access, which
// the development machines and the default CI container do not have (see .github/workflows/kind-e2e.yml).
describe.skipIf(!enabled)('istio-egress on a real kind cluster (KATARUN_E2E_KIND=1)', () => {
  it('doctor says the machine is ready', async () => {
    const r = await katarun(['doctor', 'istio-egress'], 120_000);
    expect(r.output).toContain('ready');
    expect(r.exitCode).toBe(0);
  }, 130_000);

  it('runs all seven steps headless on a fresh cluster and passes every check', async () => {
    const r = await katarun(['test', 'istio-egress', '--create-cluster', '--reporter', 'human'], 30 * 60_000);
    expect(r.output).toContain('7 passed of 7 steps');
    expect(r.exitCode).toBe(0);
  }, 31 * 60_000);

  it('runs the Russian copy against the same (reused) cluster', async () => {
    const r = await katarun(['test', 'istio-egress', '--lang', 'ru'], 20 * 60_000);
    expect(r.exitCode).toBe(0);
  }, 21 * 60_000);

  it('down deletes the cluster, and says so when there is nothing left', async () => {
    expect((await katarun(['down', 'istio-egress'], 5 * 60_000)).exitCode).toBe(0);
    const again = await katarun(['down', 'istio-egress'], 60_000);
    expect(again.output).toContain('nothing to delete');
    expect(again.exitCode).toBe(0);
  }, 7 * 60_000);
});
