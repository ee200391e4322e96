// The little HTML that scenario markdown embeds: attributes of a tag, entities, tag names.
import { decodeEntities } from '../../render/html-entities.js';
export { decodeEntities };
/** Attributes of an opening tag's inside (`class="file" data-target=replace`), names lower-cased. */
export function parseAttributes(inside) {
    const out = {};
    const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    for (let m = re.exec(inside); m; m = re.exec(inside)) {
        Object.defineProperty(out, m[1].toLowerCase(), { value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''), enumerable: true, writable: true, configurable: true });
    }
    return out;
}
/** Lower-cased names of the opening tags in a piece of HTML. */
export function tagNames(html) {
    return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());
}
export const stripTags = (html) => decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
//# sourceMappingURL=html-text.js.map