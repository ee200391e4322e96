// Reads the JUnit reporter's output with saxes, a strict XML 1.0 parser: it rejects what a CI
// server's parser would (unmatched tags, a bare '&', an unknown entity, a character XML forbids,
// a second root) with the line and column, and hands back the tree for tests to look into.

import {SaxesParser} from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data, CDATA included. */
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: Error | undefined;
  parser.on('error', (err) => {
    error ??= err;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {name: tag.name, attrs: {...(tag.attributes as Record<string, string>)}, children: [], text: ''};
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}
