// The istio-egress manifests against Istio 1.30.3's real CRD schemas (offline, ajv), the
// ConfigMaps against the service files they are generated from, the kind and Istio install
// files' key settings, and the book excerpt's manifests as printed (rejected, with lines).
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {parse, parseAllDocuments} from 'yaml';
import {describe, expect, it} from 'vitest';
import {repoRoot, validateFile} from './crd-validate.js';

const assets = resolve(repoRoot, 'assets/istio-egress');
const yamlIn = (dir: string) => readdirSync(resolve(assets, dir)).filter((f) => f.endsWith('.yaml')).map((f) => resolve(assets, dir, f));

describe('istio-egress manifests', () => {
  const files = [...yamlIn('egress'), ...yamlIn('manifests')];

  // The first file compiles the CRD schemas (CPU-bound, 37 s with a CPU hog beside the suite):
  // the deadline is for a hang, not for speed.
  it.each(files.map((f) => [f.slice(assets.length + 1), f]))('%s passes the Istio CRD schemas', (_name, file) => {
    const {problems} = validateFile(file);
    expect(problems).toEqual([]);
  }, 180_000);

  it('checks every Istio object the learner applies (ServiceEntry, Gateway, DestinationRule, VirtualService)', () => {
    const kinds = yamlIn('egress').flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => (d.toJS() as {kind: string}).kind));
    expect(new Set(kinds)).toEqual(new Set(['ServiceEntry', 'Gateway', 'DestinationRule', 'VirtualService']));
    // 8 objects of steps 3-7 and 3 of the finish page's optional appendix (appendix-real-host.yaml).
    expect(yamlIn('egress').reduce((n, f) => n + validateFile(f).checked, 0)).toBe(11);
  });

  it('uses networking.istio.io/v1 everywhere and full host names for the egress gateway', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/v1alpha3|v1beta1/);
      expect(text, f).not.toMatch(/host: istio-egressgateway\s*$/m);
    }
  });

  it('rejects the book excerpt (seed 000) as printed, naming the line of each error', () => {
    const {problems} = validateFile(resolve(import.meta.dirname, 'fixtures/seed-000-as-printed.yaml'));
    const lines = problems.map((p) => `${p.line}: ${p.message}`);
    // Typographic dashes (U+2013) are no YAML list marker: in each of the three manifests
    // the first "– item" under a key is a broken implicit key, on the line the excerpt has it.
    expect(lines).toContainEqual(expect.stringMatching(/^10: YAML: Implicit map keys need to be followed by map values/)); // VirtualService hosts
    expect(lines).toContainEqual(expect.stringMatching(/^28: YAML: /)); // first ServiceEntry hosts
    expect(lines).toContainEqual(expect.stringMatching(/^46: YAML: /)); // second ServiceEntry hosts
    expect(lines).toContainEqual(expect.stringMatching(/^49: YAML: /)); // the over-indented name: under "– number: 443"
    expect(problems.every((p) => p.line > 3)).toBe(true);
  });

  it('rejects the excerpt once the dashes are fixed too: ports is no field of a TLS match, destination has no host', () => {
    const text = readFileSync(resolve(import.meta.dirname, 'fixtures/seed-000-as-printed.yaml'), 'utf8').replaceAll('–', '-');
    const first = text.split('\n---\n')[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'katarun-seed000-'));
    try {
      writeFileSync(join(dir, 'vs.yaml'), first);
      const messages = validateFile(join(dir, 'vs.yaml')).problems.map((p) => p.message);
      expect(messages).toContainEqual(expect.stringMatching(/must NOT have additional properties 'ports'/));
      expect(messages).toContainEqual(expect.stringMatching(/additional properties 'host'|destination must be object/));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe('istio-egress generated and install files', () => {
  it('the service ConfigMaps hold exactly the service files (run sync-configmaps.mjs after editing them)', () => {
    const docs = parseAllDocuments(readFileSync(resolve(assets, 'manifests/code-configmaps.yaml'), 'utf8')).map((d) => d.toJS() as {data: Record<string, string>});
    const seen: string[] = [];
    for (const d of docs) {
      for (const [file, content] of Object.entries(d.data)) {
        seen.push(file);
        expect(content, file).toBe(readFileSync(resolve(assets, 'services', file), 'utf8'));
      }
    }
    expect(seen.sort()).toEqual(['service-a.mjs', 'service-b.mjs', 'service-c.mjs', 'worldtime.mjs']);
  });

  it('the kind port mapping and the Istio NodePort agree, and the install keeps REGISTRY_ONLY and the access log', () => {
    const kind = parse(readFileSync(resolve(assets, 'kind-config.yaml'), 'utf8'));
    const op = parse(readFileSync(resolve(assets, 'istio-install.yaml'), 'utf8'));
    const mapping = kind.nodes[0].extraPortMappings[0];
    const http2 = op.spec.components.ingressGateways[0].k8s.service.ports.find((p: {name: string}) => p.name === 'http2');
    expect(mapping.containerPort).toBe(http2.nodePort);
    expect(mapping.hostPort).toBe(18080);
    expect(op.spec.meshConfig.outboundTrafficPolicy.mode).toBe('REGISTRY_ONLY');
    expect(op.spec.meshConfig.accessLogFile).toBe('/dev/stdout');
    // The fake internet is hidden from istiod: its namespace label is excluded by discoverySelectors.
    const ns = parseAllDocuments(readFileSync(resolve(assets, 'manifests/namespaces.yaml'), 'utf8')).map((d) => d.toJS());
    const outside = ns.find((n: {metadata: {name: string}}) => n.metadata.name === 'outside-world');
    const sel = op.spec.meshConfig.discoverySelectors[0].matchExpressions[0];
    expect(sel.operator).toBe('DoesNotExist');
    expect(outside.metadata.labels).toHaveProperty(sel.key);
  });

  it('every container is the official multi-arch node image, never built and never re-pulled', () => {
    for (const f of yamlIn('manifests')) {
      for (const m of readFileSync(f, 'utf8').matchAll(/image: (\S+)/g)) expect(m[1], f).toBe('node:22-alpine');
      for (const m of readFileSync(f, 'utf8').matchAll(/imagePullPolicy: (\S+)/g)) expect(m[1], f).toBe('IfNotPresent');
    }
  });
});
