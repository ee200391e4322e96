// Where each value of a parsed index.json / index.yaml / manifest came from, keyed by its
// path (`details`, `steps`, 0, `text`). Lookups fall back to the nearest ancestor, so a
// diagnostic about a missing key can still point at the object that should hold it.
const keyOf = (path) => path.join('\u0000');
export class SourceMap {
    values = new Map();
    keys = new Map();
    record(path, value, key) {
        const k = keyOf(path);
        this.values.set(k, value);
        if (key)
            this.keys.set(k, key);
    }
    /** Position of the value at `path`, or of its nearest recorded ancestor. */
    value(path) {
        for (let n = path.length; n >= 0; n--) {
            const hit = this.values.get(keyOf(path.slice(0, n)));
            if (hit)
                return hit;
        }
        return { line: 1, column: 1 };
    }
    /** Position of the key naming `path` (its value's position for array items and the root). */
    key(path) {
        return this.keys.get(keyOf(path)) ?? this.value(path);
    }
}
//# sourceMappingURL=source-map.js.map