// Turning a CRD version's openAPIV3Schema into an ajv validator for a whole manifest.
// CRD schemas leave objects open (the API server prunes unknown fields); kubectl rejects
// them, so every object with `properties` is closed unless it preserves unknown fields.
import AjvModule from 'ajv';
const KUBERNETES_KEYWORDS = [
    'x-kubernetes-validations', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-list-type',
    'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource',
];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;
export function createAjv() {
    // The package's CommonJS export is the class itself, with `.default` pointing at it too.
    const ajv = new AjvModule.default({ allErrors: true, verbose: true, strictTypes: false, strictTuples: false, logger: false });
    ajv.addVocabulary(KUBERNETES_KEYWORDS);
    ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
    ajv.addFormat('double', { type: 'number', validate: () => true });
    ajv.addFormat('float', { type: 'number', validate: () => true });
    ajv.addFormat('byte', BASE64);
    ajv.addFormat('date-time', DATE_TIME);
    return ajv;
}
/** Close objects against unknown fields and note every format the schema uses. */
function close(schema, formats) {
    if (Array.isArray(schema))
        return schema.forEach((s) => close(s, formats));
    if (!schema || typeof schema !== 'object')
        return;
    const s = schema;
    if (typeof s.format === 'string')
        formats.add(s.format);
    if (s.properties && !('additionalProperties' in s) && !s['x-kubernetes-preserve-unknown-fields'])
        s.additionalProperties = false;
    for (const [key, value] of Object.entries(s)) {
        if (key === 'properties' && value && typeof value === 'object')
            Object.values(value).forEach((v) => close(v, formats));
        else if (typeof value === 'object')
            close(value, formats);
    }
}
const OBJECT_META = {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
        name: { type: 'string', maxLength: 253, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
        generateName: { type: 'string' },
        namespace: { type: 'string', maxLength: 63, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
        finalizers: { type: 'array', items: { type: 'string' } },
        ownerReferences: { type: 'array' },
        uid: { type: 'string' },
        resourceVersion: { type: 'string' },
        generation: { type: 'integer' },
        creationTimestamp: {},
        managedFields: { type: 'array' },
    },
};
/** A validator for `apiVersion: group/version`, `kind`, ObjectMeta and the CRD's own schema. */
export function compileManifestValidator(ajv, apiVersion, kind, openAPIV3Schema) {
    const body = structuredClone((openAPIV3Schema ?? {}));
    const formats = new Set();
    close(body, formats);
    for (const f of formats)
        if (!ajv.formats[f])
            ajv.addFormat(f, true); // unknown formats: accepted, not checked
    const properties = (body.properties ?? {});
    const required = Array.isArray(body.required) ? body.required : [];
    return ajv.compile({
        type: 'object',
        additionalProperties: false,
        required: ['apiVersion', 'kind', 'metadata', ...required],
        properties: { ...properties, apiVersion: { const: apiVersion }, kind: { const: kind }, metadata: OBJECT_META },
    });
}
//# sourceMappingURL=crd-compile.js.map