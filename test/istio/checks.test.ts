// The istio-egress zx checks, run through katarun's real runScript (zx CLI) against the
// STAND-IN kubectl/curl of test/fixtures/standin-bin, which answer from a scripted cluster
// state built from the scenario's own manifests. Asserts pass/fail and the FAIL: lines
// (English and Russian). This proves the checks' logic, not a real mesh.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {parseAllDocuments} from 'yaml';
import {afterAll, describe, expect, it} from 'vitest';
import {runScript} from '../../src/shell/index.js';

const root = resolve(import.meta.dirname, '../..');
const standinBin = resolve(root, 'test/fixtures/standin-bin');
const scenario = resolve(root, 'scenarios/istio-egress');
const egress = resolve(root, 'assets/istio-egress/egress');
const tmp = mkdtempSync(join(tmpdir(), 'katarun-istio-checks-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

type Obj = {kind: string; metadata: {name: string; namespace?: string}; spec: Record<string, unknown>};
const manifests = (file: string): Obj[] => parseAllDocuments(readFileSync(join(egress, file), 'utf8')).map((d) => d.toJS() as Obj);
const resources = (...objs: Obj[]) => Object.fromEntries(objs.map((o) => [`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`, o]));

/** The stand-in cluster as it is after the learner finished step `n` of the lab. */
function labAfter(n: number, patch: Record<string, unknown> = {}) {
  const objs: Obj[] = [];
  if (n >= 3) objs.push(...manifests('worldtime-serviceentry.yaml'));
  if (n >= 4) objs.push(...manifests('egress-gateway.yaml'));
  if (n >= 5) objs.push(...manifests('worldtime-through-egress-vs.yaml'));
  if (n >= 7) objs.push(...manifests('tls-passthrough.yaml'));
  return {
    clusters: ['katarun-istio-egress'],
    mesh: {installed: true, registryOnly: true, accessLog: true, discoverySelectors: true, egress: n >= 2, nodePort: 30080},
    resources: resources(...objs),
    counters: {},
    serviceACalls: 0,
    outsideWorldUp: true,
    ...patch,
  };
}

let seq = 0;
async function check(step: number, state: object, lang = 'en'): Promise<{code: number | null; output: string}> {
  const stateFile = join(tmp, `state-${++seq}.json`);
  writeFileSync(stateFile, JSON.stringify(state));
  const res = await runScript(join(scenario, `step${step}/verify.mjs`), 'zx', {
    cwd: tmp,
    env: {
      PATH: `${standinBin}${delimiter}${process.env.PATH}`,
      HOME: tmp,
      KATARUN_STANDIN_STATE: stateFile,
      KATARUN_LANG: lang,
      GATEWAY_URL: '127.0.0.1:18080',
    },
    timeoutMs: 30_000,
  });
  return {code: res.exitCode, output: res.output};
}

describe.concurrent('istio-egress checks against the stand-in cluster', () => {
  it('step 1 passes when REGISTRY_ONLY blocks ServiceC', async () => {
    const r = await check(1, labAfter(1));
    expect(r.output).not.toContain('FAIL:');
    expect(r.code).toBe(0);
  });

  it('step 1 fails when the mesh allows any host, naming the install', async () => {
    const r = await check(1, labAfter(1, {mesh: {installed: true, registryOnly: false, accessLog: true, egress: false, nodePort: 30080}}));
    expect(r.code).toBe(1);
    expect(r.output).toContain('FAIL: the mesh is not REGISTRY_ONLY');
  });

  it('step 1 fails when egress is already open (a leftover ServiceEntry)', async () => {
    const r = await check(1, labAfter(3));
    expect(r.output).toContain('FAIL: ServiceC already reaches the outside world');
  });

  it('step 2 fails before the egress gateway exists', async () => {
    const r = await check(2, labAfter(1));
    expect(r.output).toContain('FAIL: there is no istio-egressgateway Deployment in istio-system yet');
  });

  it("step 2 fails when the reinstall lost REGISTRY_ONLY (the seed's command), in Russian too", async () => {
    const lost = {mesh: {installed: true, registryOnly: false, accessLog: false, egress: true, nodePort: 31544}};
    const en = await check(2, labAfter(2, lost));
    expect(en.output).toContain('FAIL: REGISTRY_ONLY is gone: istioctl install ran without -f istio-install.yaml');
    const ru = await check(2, labAfter(2, lost), 'ru');
    expect(ru.output).toContain('FAIL: REGISTRY_ONLY пропал: istioctl install запустили без -f istio-install.yaml');
  });

  // Review defect 7: what a reinstall without -f loses that matters is discoverySelectors.
  it('step 2 fails when the discoverySelectors are gone (outside-world joins the registry), in Russian too', async () => {
    const lost = {mesh: {installed: true, registryOnly: true, accessLog: true, discoverySelectors: false, egress: true, nodePort: 30080}};
    const en = await check(2, labAfter(2, lost));
    expect(en.output).toContain('FAIL: discoverySelectors are gone: Istio now watches the outside-world namespace too');
    expect(en.code).toBe(1);
    const ru = await check(2, labAfter(2, lost), 'ru');
    expect(ru.output).toContain('FAIL: discoverySelectors пропали');
  });

  it('step 2 passes when the gateway runs and the settings survived', async () => {
    expect((await check(2, labAfter(2))).code).toBe(0);
  });

  it('step 3 fails without a ServiceEntry for the host, naming the file to apply', async () => {
    const r = await check(3, labAfter(2));
    expect(r.output).toContain('FAIL: no ServiceEntry in dev-service-mesh lists api.worldtime.example — kubectl apply -f egress/worldtime-serviceentry.yaml');
  });

  it('step 3 fails with resolution NONE (the egress gateway would loop)', async () => {
    const [se] = manifests('worldtime-serviceentry.yaml');
    const none = {...se!, spec: {...se!.spec, resolution: 'NONE'}};
    const r = await check(3, labAfter(2, {resources: resources(none)}));
    expect(r.output).toContain('resolution NONE; it must be DNS');
  });

  it('step 3 passes with the lab ServiceEntry', async () => {
    expect((await check(3, labAfter(3))).code).toBe(0);
  });

  it('step 4 fails without the egress Gateway, passes with Gateway and DestinationRule', async () => {
    expect((await check(4, labAfter(3))).output).toContain('FAIL: no Gateway in dev-service-mesh selects the egress gateway');
    expect((await check(4, labAfter(4))).code).toBe(0);
  });

  it('step 5 fails when the VirtualService routes to a subset no DestinationRule defines', async () => {
    const gw = manifests('egress-gateway.yaml').filter((o) => o.kind === 'Gateway');
    const state = labAfter(5);
    state.resources = resources(...manifests('worldtime-serviceentry.yaml'), ...gw, ...manifests('worldtime-through-egress-vs.yaml'));
    const r = await check(5, state);
    expect(r.output).toContain('uses subset "worldtime", which no DestinationRule defines');
  });

  it('step 5 passes with the lab VirtualService', async () => {
    expect((await check(5, labAfter(5))).code).toBe(0);
  });

  it('step 6 passes when ServiceC gets out and the egress gateway counted it', async () => {
    const r = await check(6, labAfter(6));
    expect(r.output).toContain("the egress gateway forwarded ServiceC's calls");
    expect(r.code).toBe(0);
  });

  it('step 6 fails when ServiceC still leaves directly (no VirtualService yet)', async () => {
    const r = await check(6, labAfter(4));
    expect(r.output).toContain('FAIL: ServiceC reached the host directly, not through the egress gateway');
  });

  it('step 6 names the ServiceEntry when ServiceC gets the 502', async () => {
    const r = await check(6, labAfter(2));
    expect(r.output).toContain('FAIL: ServiceC still gets 502 from its sidecar: the host is not in the registry — the ServiceEntry (step 3) is missing');
  });

  it('step 6 tells a dead external host from a wrong configuration', async () => {
    const r = await check(6, labAfter(6, {outsideWorldUp: false}));
    expect(r.output).toContain('FAIL: the external host itself is down');
    expect(r.output).toContain('not your configuration');
  });

  // Review defect 4: an unreadable counter used to be -1, and -1 -> 0 passed.
  it.each([6, 7])('step %i fails, with the reason, when the egress gateway\'s counters cannot be read (en, ru)', async (step) => {
    const en = await check(step, labAfter(step, {execFails: true}));
    expect(en.code).toBe(1);
    expect(en.output).toContain("FAIL: cannot read the egress gateway's counters, so there is no telling whether the call went through it: error: unable to upgrade connection");
    const ru = await check(step, labAfter(step, {execFails: true}), 'ru');
    expect(ru.output).toContain('FAIL: не удалось прочитать счётчики выходного шлюза');
  });

  it.each([6, 7])('step %i reads the counters when the addresses are IPv6 (they hold the "::" separator)', async (step) => {
    const r = await check(step, labAfter(step, {ipv6: true}));
    expect(r.output).not.toContain('FAIL:');
    expect(r.code).toBe(0);
  });

  // Review defect 3: a /secure call that reuses a kept-alive TLS connection opens no new one.
  it('step 7 passes when the call reused a kept-alive connection through the gateway (cx_active), fails when nothing is open', async () => {
    const c = 'outbound|443||secure.worldtime.example';
    const reused = await check(7, labAfter(7, {keptAlive: {[c]: 1}}));
    expect(reused.output).not.toContain('FAIL:');
    expect(reused.code).toBe(0);
    const bypass = await check(7, labAfter(7, {secureDirect: true}));
    expect(bypass.output).toContain('FAIL: the TLS call worked but bypassed the egress gateway');
    expect(bypass.code).toBe(1);
  });

  it('step 7 fails before the TLS resources, passes after', async () => {
    expect((await check(7, labAfter(6))).output).toContain('FAIL: no ServiceEntry lists secure.worldtime.example');
    expect((await check(7, labAfter(7))).code).toBe(0);
  });
});
