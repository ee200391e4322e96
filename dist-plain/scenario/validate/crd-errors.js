// ajv's errors for one manifest → diagnostics at the YAML line:col of the node at fault,
// in words a scenario author can act on. Errors from inside oneOf/anyOf/not branches are
// noise (Istio encodes protobuf oneofs that way); the combinator's own error says it.
import { editDistance } from '../index/index-reader.js';
import { describePath } from '../index/index-reader.js';
const pointerToPath = (pointer) => pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const typeOf = (v) => (v === null ? 'empty (null)' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : `${typeof v} ${String(v)}`);
const want = (t) => {
    const names = { array: 'a list', object: 'a mapping', string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
    return (Array.isArray(t) ? t : [t]).map((x) => names[String(x)] ?? String(x)).join(' or ');
};
function typeHint(data) {
    if (typeof data === 'string' && /^[–—−]\s/.test(data))
        return "list items start with '-' (a hyphen), not '–' (a dash)";
    if (data === null)
        return 'nothing is nested under it: indent its fields two spaces more than the key';
    return undefined;
}
function nearest(word, options) {
    return options.find((o) => o.toLowerCase() === word.toLowerCase()) ?? options.find((o) => editDistance(o.toLowerCase(), word.toLowerCase()) <= 2);
}
function describe(e, where, path, map) {
    const p = e.params;
    const parent = (e.parentSchema ?? {});
    const at = map.value(path);
    switch (e.keyword) {
        case 'additionalProperties': {
            const field = String(p.additionalProperty);
            const allowed = Object.keys(parent.properties ?? {});
            const near = nearest(field, allowed);
            return {
                message: `unknown field '${field}' in ${where}`,
                hint: near ? `did you mean '${near}'?` : allowed.length ? `fields here: ${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', …' : ''}` : 'remove it',
                position: map.key([...path, field]),
            };
        }
        case 'required':
            // Point at the key that owns the incomplete mapping (`spec:`), where the field belongs.
            return { message: `${where} is missing the required field '${String(p.missingProperty)}'`, hint: `add ${String(p.missingProperty)}: under ${where}`, position: map.key(path) };
        case 'type':
            // An empty value has no text of its own to point at; its key is where the mistake shows.
            return { message: `${where} must be ${want(p.type)} but is ${typeOf(e.data)}`, ...(typeHint(e.data) ? { hint: typeHint(e.data) } : {}), position: e.data === null ? map.key(path) : at };
        case 'enum': {
            const allowed = p.allowedValues.map(String);
            const near = typeof e.data === 'string' ? nearest(e.data, allowed) : undefined;
            return { message: `${where} must be one of ${allowed.join(', ')} but is ${JSON.stringify(e.data)}`, ...(near ? { hint: `did you mean '${near}'?` } : {}), position: at };
        }
        case 'oneOf': {
            const fields = (parent.oneOf ?? []).flatMap((b) => b.required ?? []);
            return fields.length
                ? { message: `${where} must set exactly one of ${[...new Set(fields)].join(', ')}`, position: at }
                : { message: `${where} ${e.message ?? 'matches more than one alternative'}`, position: at };
        }
        case 'pattern':
            return { message: `${where} ${JSON.stringify(e.data)} does not match the pattern ${String(p.pattern)}`, ...(path[0] === 'metadata' ? { hint: "use lower-case letters, digits, '-' and '.'" } : {}), position: at };
        case 'format':
            return { message: `${where} must be a valid ${String(p.format)} but is ${typeOf(e.data)}`, position: at };
        default:
            return { message: `${where} ${e.message ?? `fails ${e.keyword}`}`, position: at };
    }
}
export function explainErrors(errors, map) {
    const seen = new Set();
    const out = [];
    for (const e of errors) {
        if (/\/(oneOf|anyOf|not|allOf)\//.test(e.schemaPath))
            continue;
        const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const path = pointerToPath(e.instancePath);
        out.push(describe(e, path.length ? describePath(path) : 'the manifest', path, map));
    }
    return out.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}
//# sourceMappingURL=crd-errors.js.map