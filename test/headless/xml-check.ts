// A tiny strict XML 1.0 well-formedness checker for the JUnit reporter's tests: one root,
// matched tags, quoted attributes without '<', known entities only, no forbidden characters.
// Returns the parsed tree so tests can also look at what is inside.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

function decode(s: string, where: number): string {
  if (FORBIDDEN.test(s)) throw new Error(`forbidden character near ${where}`);
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`bare & near ${where}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (num) return String.fromCodePoint(num[1]!.startsWith('x') ? parseInt(num[1]!.slice(1), 16) : Number(num[1]));
    throw new Error(`unknown entity &${name}; near ${where}`);
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const decl = /^<\?xml[^?]*\?>\s*/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const m = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(xml.slice(i));
      if (!m) throw new Error(`bad end tag at ${i}`);
      const top = stack.pop();
      if (!top || top.name !== m[1]) throw new Error(`mismatched </${m[1]}> at ${i}`);
      i += m[0].length;
    } else if (xml[i] === '<') {
      const m = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!m) throw new Error(`bad start tag at ${i}: ${xml.slice(i, i + 40)}`);
      if (!stack.length && root) throw new Error('second root element');
      const el: XmlElement = {name: m[1]!, attrs: {}, children: [], text: ''};
      for (const a of m[2]!.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in el.attrs) throw new Error(`duplicate attribute ${a[1]}`);
        el.attrs[a[1]!] = decode(a[2] ?? a[3] ?? '', i);
      }
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else root = el;
      if (!m[3]) stack.push(el);
      i += m[0].length;
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      if (raw.includes('>') && raw.includes(']]>')) throw new Error(']]> in text');
      const text = decode(raw, i);
      if (stack.length) stack[stack.length - 1]!.text += text;
      else if (text.trim()) throw new Error(`text outside the root at ${i}`);
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}
