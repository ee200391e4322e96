// Test helper: validates Kubernetes manifests offline against Istio's real CRD schemas
// (the ones the scenario ships: assets/istio-egress/crds/, from Istio 1.30.3) with ajv, the way
// kubectl's strict field validation would (unknown fields rejected), and reports each
// problem with the line it is on. CEL rules and Istio's webhook checks are not covered.
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {Ajv, type ValidateFunction} from 'ajv';
import {LineCounter, parseAllDocuments} from 'yaml';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const crdFile = resolve(repoRoot, 'assets', 'istio-egress', 'crds', 'istio-1.30.3-networking-crds.yaml');

type Schema = Record<string, unknown>;

/** Reject unknown fields like the API server's strict field validation does. */
function close(s: unknown): void {
  if (Array.isArray(s)) return s.forEach(close);
  if (!s || typeof s !== 'object') return;
  const o = s as Schema;
  if (o.properties && !('additionalProperties' in o) && !o['x-kubernetes-preserve-unknown-fields']) o.additionalProperties = false;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'properties') Object.values(v as Schema).forEach(close);
    else if (typeof v === 'object') close(v);
  }
}

let cache: Map<string, ValidateFunction> | undefined;

export function validators(): Map<string, ValidateFunction> {
  if (cache) return cache;
  const ajv = new Ajv({allErrors: true, formats: {int32: true, int64: true, double: true, float: true, byte: true, 'date-time': true}});
  ajv.addVocabulary(['x-kubernetes-validations', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource']);
  cache = new Map();
  for (const doc of parseAllDocuments(readFileSync(crdFile, 'utf8'))) {
    const crd = doc.toJS() as {spec: {group: string; names: {kind: string}; versions: {name: string; schema: {openAPIV3Schema: Schema}}[]}} | null;
    if (!crd) continue;
    for (const v of crd.spec.versions) {
      const body = structuredClone(v.schema.openAPIV3Schema);
      close(body);
      const apiVersion = `${crd.spec.group}/${v.name}`;
      cache.set(`${apiVersion}|${crd.spec.names.kind}`, ajv.compile({
        type: 'object',
        additionalProperties: false,
        required: ['apiVersion', 'kind', 'metadata', ...((body.required as string[]) ?? [])],
        properties: {
          apiVersion: {const: apiVersion},
          kind: {const: crd.spec.names.kind},
          metadata: {
            type: 'object', required: ['name'], additionalProperties: false,
            properties: {name: {type: 'string', maxLength: 253, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'}, namespace: {type: 'string'}, labels: {type: 'object'}, annotations: {type: 'object'}},
          },
          ...(body.properties as Schema),
        },
      }));
    }
  }
  return cache;
}

export interface Problem {
  readonly line: number;
  readonly message: string;
}

/** Every Istio manifest in the file checked against its CRD; other kinds are skipped. */
export function validateFile(file: string): {checked: number; problems: Problem[]} {
  const text = readFileSync(file, 'utf8');
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, {lineCounter: lc});
  const problems: Problem[] = [];
  let checked = 0;
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const e of doc.errors) problems.push({line: lc.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}`});
    if (doc.errors.length) continue;
    const obj = doc.toJS() as {apiVersion?: string; kind?: string} | null;
    if (!obj || !/istio\.io\//.test(obj.apiVersion ?? '')) continue;
    checked++;
    const validate = validators().get(`${obj.apiVersion}|${obj.kind}`);
    if (!validate) {
      problems.push({line: lc.linePos(doc.range[0]).line, message: `no CRD for ${obj.apiVersion} ${obj.kind}`});
      continue;
    }
    if (validate(obj)) continue;
    for (const err of validate.errors ?? []) {
      const path = err.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const node = doc.getIn(path, true) as {range?: [number, number, number]} | undefined;
      const offset = node?.range?.[0] ?? doc.range[0];
      const extra = err.keyword === 'additionalProperties' ? ` '${(err.params as {additionalProperty: string}).additionalProperty}'` : '';
      problems.push({line: lc.linePos(offset).line, message: `${err.instancePath || '/'} ${err.message}${extra}`});
    }
  }
  return {checked, problems};
}
