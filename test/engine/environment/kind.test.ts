// The kind environment provider against the STAND-IN toolchain (test/fixtures/standin-bin):
// preflight verdicts, the context guard for --context, create/reuse/teardown. It proves the
// provider's calls and files, not a cluster.
import {mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {kindProvider} from '../../../src/engine/environment/kind.js';
import type {EnvironmentOptions} from '../../../src/engine/environment/types.js';
import type {Scenario} from '../../../src/scenario/model.js';
import {checkWords, rejection, words} from '../../words.js';

const root = resolve(import.meta.dirname, '../../..');
const standinBin = resolve(root, 'test/fixtures/standin-bin');
const tmp = mkdtempSync(join(tmpdir(), 'katarun-kind-provider-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

const scenario = {
  id: 'lab',
  environment: {kind: 'kind', tools: [{name: 'istioctl', range: '1.30.x'}], terminals: [], cluster: {name: 'katarun-lab', hostPorts: []}, minMemoryMiB: 1, minCpus: 1},
} as unknown as Scenario;

let n = 0;
function options(state: object, extra: Partial<EnvironmentOptions> = {}): EnvironmentOptions & {stateFile: string} {
  const dir = join(tmp, `case-${++n}`);
  const stateFile = join(tmp, `state-${n}.json`);
  writeFileSync(stateFile, JSON.stringify(state));
  return {
    createCluster: false,
    stateDir: dir,
    cacheDir: join(tmp, 'cache'),
    env: {PATH: `${standinBin}${delimiter}${process.env.PATH}`, HOME: tmp, KATARUN_STANDIN_STATE: stateFile},
    log: () => undefined,
    stateFile,
    ...extra,
  };
}

describe('kind environment provider (stand-in toolchain)', () => {
  it('preflight: ready with Docker up and tools in range; a missing cluster needs --create-cluster', async () => {
    const without = await kindProvider.preflight(scenario, options({}));
    expect(without.ready).toBe(false);
    expect(checkWords(without.checks.find((c) => c.id === 'cluster')!)).toMatchObject({ok: false, fix: expect.stringContaining('--create-cluster')});
    const withFlag = await kindProvider.preflight(scenario, options({}, {createCluster: true}));
    expect(withFlag.ready).toBe(true);
    expect(withFlag.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['docker', 'tool:kind', 'tool:kubectl', 'tool:istioctl', 'memory', 'cpus', 'kube-context']));
  });

  it('preflight: Docker down is an error with a fix', async () => {
    const r = await kindProvider.preflight(scenario, options({docker: 'down'}, {createCluster: true}));
    expect(r.ready).toBe(false);
    expect(checkWords(r.checks.find((c) => c.id === 'docker')!)).toMatchObject({ok: false, detail: expect.stringContaining('not reachable'), fix: expect.any(String)});
  });

  it('prepare creates the cluster once, then reuses it; the guard kubeconfig holds only that cluster', async () => {
    const o = options({}, {createCluster: true});
    const first = await kindProvider.prepare(scenario, o);
    expect(first.env).toMatchObject({KUBECONFIG: join(o.stateDir, 'kubeconfig'), KATARUN_CLUSTER: 'katarun-lab'});
    expect(first.target).toBe('kind-katarun-lab');
    const text = readFileSync(first.env.KUBECONFIG!, 'utf8');
    expect(text.match(/^- context:/gm)).toHaveLength(1);
    expect(text).toContain('current-context: kind-katarun-lab');
    expect(statSync(first.env.KUBECONFIG!).mode & 0o777).toBe(0o600);
    const lines: string[] = [];
    await kindProvider.prepare(scenario, {...o, log: (l) => lines.push(words(l))});
    expect(lines[0]).toBe('Reusing kind cluster katarun-lab');
    await kindProvider.teardown(scenario, o);
    expect(JSON.parse(readFileSync(o.stateFile, 'utf8')).clusters).toEqual([]);
    expect(existsSync(first.env.KUBECONFIG!)).toBe(false);
  });

  it('prepare refuses to create a cluster without permission, saying how to give it', async () => {
    expect(await rejection(kindProvider.prepare(scenario, options({})))).toMatch(/does not exist — pass --create-cluster/);
  });

  it('--context: the kubeconfig is the minified copy of that one context; an unknown one is refused', async () => {
    const o = options({}, {context: 'prod-cluster'});
    const r = await kindProvider.prepare(scenario, o);
    expect(r.target).toBe('prod-cluster');
    expect(readFileSync(r.env.KUBECONFIG!, 'utf8')).toContain('current-context: prod-cluster');
    expect(r.env.KATARUN_CLUSTER).toBeUndefined();
    expect(await rejection(kindProvider.prepare(scenario, options({}, {context: 'nope'})))).toMatch(/cannot use kube context nope/);
    const pre = await kindProvider.preflight(scenario, options({}, {context: 'nope'}));
    expect(checkWords(pre.checks.find((c) => c.id === 'context')!)).toMatchObject({ok: false, fix: expect.stringContaining('prod-cluster')});
    // Teardown with --context never deletes a cluster.
    await kindProvider.teardown(scenario, o);
    expect(existsSync(r.env.KUBECONFIG!)).toBe(false);
  });
});
