import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkScript} from '../../src/cli/commands/validate.js';
import {CrdSet} from '../../src/scenario/crd-schema.js';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {scenarioScripts, validateScenario} from '../../src/scenario/validate.js';
import {fixture, repoRoot} from './fixtures.js';

const ISTIO_CRDS = resolve(repoRoot, 'assets', 'istio-egress', 'crds', 'istio-1.30.3-networking-crds.yaml');
const readText = (f: string) => readFileSync(f, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'katarun-validate-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

async function validate(dir: string, crds?: CrdSet) {
  const s = await loadScenario(dir);
  const r = await validateScenario(s, {checkScript, readText, ...(crds ? {crds} : {})});
  return {s, r, found: r.diagnostics.map((d) => [d.code, d.file.slice(dir.length + 1), d.line, d.column])};
}

describe('script and YAML checks', () => {
  it('reports bash, node and YAML syntax errors at their lines (real bash -n and node --check)', async () => {
    const {found, r} = await validate(fixture('bad-scripts'));
    expect(found).toEqual([
      ['yaml/syntax', 'assets/broken.yaml', 4, 1],
      ['script/syntax', 'assets/tool.sh', 2, undefined],
      ['script/syntax', 'solve1.mjs', 1, undefined],
      ['yaml/syntax', 'step1.md', 4, 15],
      ['script/syntax', 'verify1.sh', 5, undefined],
    ]);
    expect(r.diagnostics.find((d) => d.file.endsWith('step1.md'))?.severity).toBe('warning');
    // An asset's YAML too when no CRD schemas are asked for: the platforms copied it unparsed and ran the scenario.
    expect(r.diagnostics.find((d) => d.file.endsWith('broken.yaml'))?.severity).toBe('warning');
    // verify2.js uses top-level await, as zx scripts do; it parses.
    expect(r.scriptsChecked).toBe(4);
  });

  it('lists every script of a scenario once, including shell assets', async () => {
    const s = await loadScenario(fixture('katacoda-classic'));
    expect(scenarioScripts(s).map((x) => x.path.slice(fixture('katacoda-classic').length + 1)).sort()).toEqual([
      'assets/wait.sh', 'env-init.sh', 'step1-verify.sh', 'step2-background.sh', 'step2-foreground.sh',
    ]);
  });

  it('passes the bundled scenarios', async () => {
    for (const id of ['basics']) {
      const {r, s} = await validate(join(repoRoot, 'scenarios', id));
      expect([...s.diagnostics, ...r.diagnostics].filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});

// The Istio CRDs the istio-egress scenario ships (Istio 1.30.3's networking kinds).
describe('CRD validation against Istio 1.30 CRDs', () => {
  let crds: CrdSet;
  beforeAll(async () => {
    const loaded = await CrdSet.load([ISTIO_CRDS], {cacheDir: join(tmp, 'cache')});
    expect(loaded.diagnostics).toEqual([]);
    crds = loaded.set;
  });

  it('accepts the corrected manifests, in the assets and in the ```yaml block', async () => {
    const {r} = await validate(fixture('istio-corrected'), crds);
    expect(r.diagnostics).toEqual([]);
    expect(r.manifestsChecked).toBe(5);
  });

  it('rejects seed 000 as printed, with a line for every broken list item', async () => {
    const {r} = await validate(fixture('istio-seed'), crds);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.line)).toEqual([7, 9, 12, 25, 27, 28, 33, 43, 45, 46, 51]);
    expect(errors[0]!.hint).toContain("'-' (a hyphen)");
  });

  it('with the dashes fixed, reports each schema mistake at its YAML node', async () => {
    const dir = join(tmp, 'seed-hyphens');
    cpSync(fixture('istio-seed'), dir, {recursive: true});
    for (const f of ['assets/egress-wikipedia.yaml', 'step1.md']) writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replace(/–/g, '-'));
    const {r} = await validate(dir, crds);
    const asset = r.diagnostics.filter((d) => d.file.endsWith('.yaml')).map((d) => [d.code, d.line, d.column, d.message.replace(/^VirtualService 'egress-wikipedia-org': /, '')]);
    expect(asset).toEqual([
      ['crd/schema', 12, 7, "unknown field 'ports' in spec.tls[0].match[0]"],
      ['crd/schema', 16, 7, 'spec.tls[0].route[0].destination must be a mapping but is empty (null)'],
      ['crd/schema', 17, 7, "unknown field 'host' in spec.tls[0].route[0]"],
      // The third manifest still over-indents `name:` under `- number: 443`.
      ['yaml/syntax', 45, 13, expect.stringContaining('YAML does not parse')],
      ['yaml/syntax', 46, 13, expect.stringContaining('YAML does not parse')],
    ]);
    expect(r.diagnostics.find((d) => d.line === 12)?.hint).toBe("did you mean 'port'?");
    // The same VirtualService in the step's ```yaml block, at the markdown's lines.
    expect(r.diagnostics.filter((d) => d.file.endsWith('step1.md')).map((d) => d.line)).toEqual([17, 21, 22]);
  });

  it('reports wrong types, enums, missing required fields, unknown kinds and versions', async () => {
    const dir = join(tmp, 'typos');
    cpSync(fixture('istio-corrected'), dir, {recursive: true});
    writeFileSync(join(dir, 'assets', 'egress-wikipedia.yaml'), [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      'metadata:',
      '  name: Bad_Name',
      'spec:',
      '  hosts: wikipedia.org',
      '  ports:',
      '  - number: "443"',
      '    name: tls',
      '    protocol: TLS',
      '  resolution: dns',
      '---',
      'apiVersion: networking.istio.io/v1',
      'kind: DestinationRule',
      'metadata:',
      '  name: dr',
      'spec:',
      '  trafficPolicy: {}',
      '---',
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualServce',
      'metadata: {name: vs}',
      '---',
      'apiVersion: networking.istio.io/v2',
      'kind: Gateway',
      'metadata: {name: gw}',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: not-checked}',
      'spec: {whatever: true}',
      '',
    ].join('\n'));
    const {r} = await validate(dir, crds);
    const asset = r.diagnostics.filter((d) => d.file.endsWith('.yaml')).map((d) => [d.code, d.line, d.message.replace(/^\w+ '[^']*': /, ''), d.hint]);
    expect(asset).toEqual([
      ['crd/schema', 4, expect.stringContaining('metadata.name "Bad_Name" does not match'), "use lower-case letters, digits, '-' and '.'"],
      ['crd/schema', 6, 'spec.hosts must be a list but is the string "wikipedia.org"', undefined],
      ['crd/schema', 8, 'spec.ports[0].number must be a whole number but is the string "443"', undefined],
      ['crd/schema', 11, expect.stringMatching(/^spec.resolution must be one of NONE, STATIC, DNS, DNS_ROUND_ROBIN.* but is "dns"$/), "did you mean 'DNS'?"],
      ['crd/schema', 17, "spec is missing the required field 'host'", 'add host: under spec'],
      ['crd/kind', 21, "no CRD of networking.istio.io defines kind 'VirtualServce'", "did you mean 'VirtualService'?"],
      ['crd/kind', 25, 'Gateway is not served as networking.istio.io/v2', expect.stringContaining('networking.istio.io/v1')],
    ]);
  });

  it('compiles a validator once and reuses it', () => {
    const a = crds.lookup('networking.istio.io/v1', 'Gateway');
    const b = crds.lookup('networking.istio.io/v1', 'Gateway');
    expect(a.found && b.found && a.validate === b.validate).toBe(true);
    expect(crds.lookup('apps/v1', 'Deployment')).toEqual({found: false, unknownGroup: true});
  });
});

describe('CRD sources', () => {
  it('reports a missing path and a file without CRDs', async () => {
    const r = await CrdSet.load([join(tmp, 'missing.yaml'), fixture('killercoda-k8s/assets/manifests/svc.yaml')]);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'crd/missing'], ['warning', 'crd/none']]);
    expect(r.set.size).toBe(0);
  });
});
