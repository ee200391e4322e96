// Find and parse a scenario's index.json / index.yaml into an IndexReader. Syntax errors
// become one diagnostic at the exact line:col; nothing here throws.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { IndexReader, isRecord } from '../index/index-reader.js';
import { INDEX_NAMES } from '../languages.js';
import { readJson } from '../source/json-source.js';
export async function readIndex(dir, store, sink) {
    const file = INDEX_NAMES.map((n) => join(dir, n)).find((p) => store.isFile(p));
    if (!file) {
        const expected = join(dir, 'index.json');
        const hint = 'a scenario folder needs an index.json with at least {"title": "…", "details": {"steps": [ … ]}}';
        if (store.isFile(dir))
            sink.error('index/missing', dir, undefined, 'this is a file, not a scenario folder', 'name the folder that holds index.json');
        else if (!existsSync(dir))
            sink.error('index/missing', dir, undefined, 'no such folder', 'check the path');
        else
            sink.error('index/missing', expected, undefined, 'no index.json or index.yaml in this folder', hint);
        return { file: expected };
    }
    const text = store.readText(file) ?? '';
    if (file.endsWith('.json')) {
        const r = readJson(text);
        if (!r.ok) {
            sink.error('index/syntax', file, r.error.position, `invalid JSON: ${r.error.message}`, r.error.hint ?? 'fix the JSON syntax at this place');
            return { file };
        }
        for (const d of r.duplicates)
            sink.warn('index/duplicate-key', file, d.position, d.message);
        return root(file, r.value, r.map, sink);
    }
    // The YAML parser is loaded only for YAML indexes: most scenarios are JSON, and startup time counts.
    const { readYaml } = await import('../source/yaml-source.js');
    const y = readYaml(text, { single: true });
    for (const p of y.problems) {
        if (p.severity === 'error')
            sink.error('index/syntax', file, p.position, `invalid YAML: ${p.message}`, 'fix the YAML syntax at this place');
        else
            sink.warn('index/yaml', file, p.position, p.message);
    }
    const doc = y.documents[0];
    if (y.problems.some((p) => p.severity === 'error') || !doc) {
        if (!doc && y.problems.length === 0)
            sink.error('index/syntax', file, { line: 1, column: 1 }, 'index.yaml is empty', 'write at least "title: …" and "details: {steps: […]}"');
        return { file };
    }
    return root(file, doc.value, doc.map, sink);
}
function root(file, value, map, sink) {
    if (!isRecord(value)) {
        sink.error('index/shape', file, map.value([]), 'the index must be an object ({ … }) at the top level', 'wrap the content in { } with keys such as "title" and "details"');
        return { file };
    }
    return { file, reader: new IndexReader(value, map, file, sink) };
}
//# sourceMappingURL=read-index.js.map