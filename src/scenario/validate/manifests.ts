// YAML text (an asset file or a ```yaml block) → parse problems and, with CRDs, schema
// problems of every Kubernetes manifest in it, each at its line:col in the scenario file.

import type {DiagnosticSink} from '../diagnostics.js';
import type {CrdSet} from '../crd-schema.js';
import {isRecord} from '../index/index-reader.js';
import {readYaml} from '../source/yaml-source.js';
import {explainErrors} from './crd-errors.js';

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** Lines before the YAML starts in `file` (a code block's fence line). */
  readonly lineOffset: number;
  /** Columns the YAML is indented by in `file`. */
  readonly columnOffset?: number;
  /** Severity of parse problems: an error only for assets checked against CRD schemas (see validate.ts). */
  readonly parseSeverity: 'error' | 'warning';
}

export function checkYaml(src: YamlSource, sink: DiagnosticSink, crds?: CrdSet): {manifests: number} {
  const shift = (p: {line: number; column: number}) => ({line: p.line + src.lineOffset, column: p.column + (src.columnOffset ?? 0)});
  const r = readYaml(src.text);
  const lines = src.text.split('\n');
  const reported = new Set<number>();
  for (const p of r.problems) {
    // The parser often reports one mistake several times on a line; the first says it best.
    if (reported.has(p.position.line)) continue;
    reported.add(p.position.line);
    const message = `YAML does not parse: ${p.message}`;
    const hint = yamlHint(lines[p.position.line - 1] ?? '');
    if (p.severity === 'error' && src.parseSeverity === 'error') sink.error('yaml/syntax', src.file, shift(p.position), message, hint);
    else sink.warn('yaml/syntax', src.file, shift(p.position), message, p.severity === 'error' ? hint : undefined);
  }
  let manifests = 0;
  for (const doc of r.documents) {
    const m = doc.value;
    if (!isRecord(m) || typeof m.apiVersion !== 'string' || typeof m.kind !== 'string') continue;
    const {apiVersion, kind} = m;
    manifests++;
    if (!crds) continue;
    const found = crds.lookup(apiVersion, kind);
    if (!found.found) {
      if (!('unknownGroup' in found)) sink.error('crd/kind', src.file, shift(doc.map.value(['kind'])), found.message, found.hint);
      continue;
    }
    if (found.version.deprecated) {
      sink.warn('crd/deprecated', src.file, shift(doc.map.value(['apiVersion'])), found.version.deprecationWarning ?? `${apiVersion} ${kind} is deprecated`);
    }
    // ajv's validate is a type guard; a plain boolean keeps `m` usable afterwards.
    const valid: boolean = found.validate(m);
    if (valid) continue;
    for (const p of explainErrors(found.validate.errors ?? [], doc.map)) {
      sink.error('crd/schema', src.file, shift(p.position), `${kind} ${describeName(m)}: ${p.message}`, p.hint);
    }
  }
  return {manifests};
}

/** Text pasted from a book or a PDF brings typographic dashes and tabs; say so. */
function yamlHint(line: string): string {
  if (/^\s*[–—−]\s/.test(line)) return "list items start with '-' (a hyphen), not '–' (a dash)";
  if (/^\s*\t/.test(line)) return 'YAML indents with spaces, not tabs';
  return 'fix the indentation or quoting at this place';
}

const describeName = (v: Record<string, unknown>): string => {
  const name = isRecord(v.metadata) ? v.metadata.name : undefined;
  return typeof name === 'string' ? `'${name}'` : '(unnamed)';
};
