// YAML documents with positions: index.yaml, YAML assets and the Kubernetes manifests that
// CRD validation points into. Built on the `yaml` package's CST ranges.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import { SourceMap } from './source-map.js';
const toPos = (lc, offset) => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
};
function indexNode(node, path, map, lc, depth) {
    if (depth > 200 || !node || typeof node !== 'object')
        return;
    const n = node;
    if (n.range)
        map.record(path, toPos(lc, n.range[0]));
    if (isMap(n)) {
        for (const item of n.items) {
            if (!isPair(item))
                continue;
            const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
            const keyNode = item.key;
            const keyPos = keyNode?.range ? toPos(lc, keyNode.range[0]) : undefined;
            const child = [...path, key];
            if (item.value && item.value.range)
                indexNode(item.value, child, map, lc, depth + 1);
            if (keyPos) {
                // A key without a value (`destination:` alone) still gets a position: its key's.
                map.record(child, item.value && item.value.range ? map.value(child) : keyPos, keyPos);
            }
        }
    }
    else if (isSeq(n)) {
        n.items.forEach((item, i) => indexNode(item, [...path, i], map, lc, depth + 1));
    }
}
/** Read every document of a YAML stream. Never throws; problems carry line:col. */
export function readYaml(text, opts = {}) {
    const lineCounter = new LineCounter();
    const problems = [];
    const documents = [];
    let parsed;
    try {
        parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    }
    catch (err) {
        problems.push({ severity: 'error', message: err instanceof Error ? err.message : String(err), position: { line: 1, column: 1 } });
        return { documents, problems };
    }
    const docs = Array.isArray(parsed) ? parsed : [];
    docs.forEach((doc, index) => {
        for (const e of doc.errors)
            problems.push({ severity: 'error', message: firstLine(e.message), position: toPos(lineCounter, e.pos[0]) });
        for (const w of doc.warnings)
            problems.push({ severity: 'warning', message: firstLine(w.message), position: toPos(lineCounter, w.pos[0]) });
        if (doc.errors.length > 0)
            return;
        let value;
        try {
            value = doc.toJS({ maxAliasCount: 100 });
        }
        catch (err) {
            problems.push({ severity: 'error', message: err instanceof Error ? firstLine(err.message) : String(err), position: toPos(lineCounter, doc.range?.[0] ?? 0) });
            return;
        }
        const map = new SourceMap();
        indexNode(doc.contents, [], map, lineCounter, 0);
        documents.push({ index, value, map, position: toPos(lineCounter, doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0) });
    });
    if (opts.single && docs.length > 1) {
        problems.push({ severity: 'error', message: 'expected one YAML document but found several', position: toPos(lineCounter, docs[1].range?.[0] ?? 0) });
    }
    return { documents, problems };
}
const firstLine = (s) => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
//# sourceMappingURL=yaml-source.js.map