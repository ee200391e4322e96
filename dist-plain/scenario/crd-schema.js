// CustomResourceDefinitions given with `--crds FILE|DIR`: which group/version/kind each
// defines, and a validator per version, compiled on first use and kept. Parsing a large
// CRD bundle is the slow part (Istio's is 870 KB), so the extracted schemas can be cached
// as JSON keyed by the file's sha256.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { editDistance } from './index/index-reader.js';
import { diagnostic } from './diagnostics.js';
const CACHE_FORMAT = 1;
function extract(text, file) {
    const out = [];
    for (const doc of parseAllDocuments(text)) {
        if (doc.errors.length > 0)
            continue;
        const crd = doc.toJS();
        if (!crd || crd.kind !== 'CustomResourceDefinition' || typeof crd.spec?.group !== 'string' || typeof crd.spec.names?.kind !== 'string')
            continue;
        const versions = Array.isArray(crd.spec.versions) ? crd.spec.versions : [];
        out.push({
            group: crd.spec.group,
            kind: crd.spec.names.kind,
            file,
            versions: versions.map((v) => ({
                name: String(v.name),
                served: v.served !== false,
                ...(v.deprecated === true ? { deprecated: true } : {}),
                ...(typeof v.deprecationWarning === 'string' ? { deprecationWarning: v.deprecationWarning } : {}),
                schema: v.schema?.openAPIV3Schema,
            })),
        });
    }
    return out;
}
function readDefinitions(file, cacheDir) {
    const text = readFileSync(file, 'utf8');
    if (!cacheDir)
        return extract(text, file);
    const key = createHash('sha256').update(`${CACHE_FORMAT}\0`).update(text).digest('hex');
    const cached = join(cacheDir, `${key}.json`);
    try {
        return JSON.parse(readFileSync(cached, 'utf8')).map((d) => ({ ...d, file }));
    }
    catch {
        // not cached yet (or unreadable): parse and try to cache
    }
    const defs = extract(text, file);
    try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${cached}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(defs));
        renameSync(tmp, cached);
    }
    catch {
        // A cache we cannot write only costs time.
    }
    return defs;
}
function collectFiles(path, out, depth = 0) {
    const st = statSync(path);
    if (st.isFile())
        return void out.push(path);
    if (!st.isDirectory() || depth > 8)
        return;
    for (const name of readdirSync(path).sort()) {
        const child = join(path, name);
        if (/\.(ya?ml|json)$/i.test(name) || statSync(child).isDirectory())
            collectFiles(child, out, depth + 1);
    }
}
export class CrdSet {
    compiler;
    byGroupKind = new Map();
    groups = new Map();
    compiled = new Map();
    ajv;
    constructor(definitions, 
    /** ajv and the schema compiler; loaded only when CRDs are in play, ajv being slow to import. */
    compiler) {
        this.compiler = compiler;
        for (const d of definitions) {
            this.byGroupKind.set(`${d.group}|${d.kind}`, d);
            this.groups.set(d.group, [...(this.groups.get(d.group) ?? []), d.kind]);
        }
    }
    get size() {
        return this.byGroupKind.size;
    }
    /**
     * Load every CRD in the given files or folders. Paths that do not exist or hold no CRD
     * are reported as diagnostics (errors for missing paths).
     */
    static async load(paths, options = {}) {
        const diagnostics = [];
        const defs = [];
        for (const p of paths) {
            const files = [];
            try {
                collectFiles(resolve(p), files);
            }
            catch {
                diagnostics.push(diagnostic('error', 'crd/missing', resolve(p), undefined, 'no such file or folder', 'give --crds a CRD YAML file or a folder of them'));
                continue;
            }
            let found = 0;
            for (const f of files) {
                try {
                    const d = readDefinitions(f, options.cacheDir);
                    found += d.length;
                    defs.push(...d);
                }
                catch (err) {
                    diagnostics.push(diagnostic('error', 'crd/read', f, undefined, `cannot read: ${err instanceof Error ? err.message : String(err)}`));
                }
            }
            if (found === 0)
                diagnostics.push(diagnostic('warning', 'crd/none', resolve(p), undefined, 'no CustomResourceDefinition found here', 'pass the file that holds the CRDs (kind: CustomResourceDefinition)'));
        }
        return { set: new CrdSet(defs, await import('./crd/crd-compile.js')), diagnostics };
    }
    lookup(apiVersion, kind) {
        const slash = apiVersion.lastIndexOf('/');
        const group = slash < 0 ? '' : apiVersion.slice(0, slash);
        const version = apiVersion.slice(slash + 1);
        const kinds = this.groups.get(group);
        if (!kinds)
            return { found: false, unknownGroup: true };
        const definition = this.byGroupKind.get(`${group}|${kind}`);
        if (!definition) {
            const near = kinds.find((k) => editDistance(k.toLowerCase(), kind.toLowerCase()) <= 2);
            return { found: false, message: `no CRD of ${group} defines kind '${kind}'`, hint: near ? `did you mean '${near}'?` : `kinds in ${group}: ${kinds.join(', ')}` };
        }
        const v = definition.versions.find((x) => x.name === version && x.served);
        if (!v) {
            const served = definition.versions.filter((x) => x.served).map((x) => `${group}/${x.name}`);
            return { found: false, message: `${kind} is not served as ${apiVersion}`, hint: `use ${served.join(' or ')}` };
        }
        const key = `${apiVersion}|${kind}`;
        if (!this.compiled.has(key)) {
            try {
                this.ajv ??= this.compiler.createAjv();
                this.compiled.set(key, this.compiler.compileManifestValidator(this.ajv, apiVersion, kind, v.schema));
            }
            catch (err) {
                this.compiled.set(key, err instanceof Error ? err : new Error(String(err)));
            }
        }
        const validate = this.compiled.get(key);
        if (validate instanceof Error)
            return { found: false, message: `the CRD schema for ${kind} ${apiVersion} cannot be used: ${validate.message}` };
        return { found: true, validate, definition, version: v };
    }
}
//# sourceMappingURL=crd-schema.js.map