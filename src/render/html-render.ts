// HTML inside a step's markdown, as a terminal can show it. Katacoda and Killercoda authors
// write <br>, <kbd>, <strong>, <pre> and <img> in their pages (Killercoda's own examples put
// <br> around every <details>); printed raw, those were noise in 10 of 12 sampled scenarios,
// entities and all. Tags that only style text are dropped (their text stays), line-making tags
// become line breaks, a key cap is [Ctrl], an image is the same caption a markdown image gets.

import {decodeEntitiesForDisplay} from './html-entities.js';

export interface HtmlStyles {
  readonly code: (text: string) => string;
  readonly dim: (text: string) => string;
}

export interface HtmlOptions {
  /** A block-level HTML token (its own paragraph) rather than a tag inside a line. */
  readonly block: boolean;
  readonly styles: HtmlStyles;
  /** The word an image caption starts with ("image"). */
  readonly imageLabel: string;
}

const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
const attribute = (tag: string, name: string): string => {
  const m = ATTR(name).exec(tag);
  return decodeEntitiesForDisplay(m?.[1] ?? m?.[2] ?? m?.[3] ?? '');
};

/** Tags that end a line of text where they stand. */
const LINE_TAGS = /<\/?(?:p|div|section|article|header|footer|h[1-6]|ul|ol|table|tr|blockquote|center|hr)\b[^>]*>/gi;

/**
 * Inside <pre> only these are taken for tags: its text is shown as written, and commands in it
 * are full of `<` (`cat <<EOF > out`, quiz syntax such as `>>Q1: …<<`) that a general tag
 * pattern would eat.
 */
const PRE_TAGS = /<\/?(?:code|span|b|i|u|em|strong|kbd|samp|var|mark|small|sub|sup|font|a)\b[^<>]*>/gi;

export function htmlToTerminal(html: string, {block, styles, imageLabel}: HtmlOptions): string {
  // Finished <pre> blocks wait here, out of reach of the tag rules below, until entities are decoded.
  const kept: string[] = [];
  let text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<pre\b[^>]*>([\s\S]*?)(?:<\/pre>|$)/gi, (_m, body: string) => {
      // Its entities stay encoded until the end, so that an &lt;kbd&gt; shown as code is not
      // taken for a tag by the steps below.
      const code = body.replace(/<br\s*\/?>/gi, '\n').replace(PRE_TAGS, '').replace(/^\n+|\n+$/g, '');
      kept.push(`\n${code.split('\n').map((line) => `  ${styles.code(line)}`).join('\n')}\n`);
      return `\u0000${kept.length - 1}\u0000`;
    })
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const src = attribute(tag, 'src');
      const alt = attribute(tag, 'alt') || attribute(tag, 'title');
      return styles.dim(`[${imageLabel}: ${alt || src} — ${src}]`);
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n  • ')
    .replace(/<kbd\b[^>]*>/gi, '[')
    .replace(/<\/kbd>/gi, ']')
    .replace(LINE_TAGS, '\n')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    // The source was sanitised before it was lexed, so a NUL here is one of ours.
    .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)] ?? '');
  // Entities are decoded last: an &lt; is text, not a tag. (The source was sanitised before it
  // was lexed; a reference to a control character is dropped here.)
  text = decodeEntitiesForDisplay(text);
  if (!block) return text;
  const lines = text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
  return lines ? `${lines}\n\n` : '';
}
