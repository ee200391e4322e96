// Markdown → terminal text at a given width (marked + marked-terminal, code highlighted).
// A fresh Marked instance per render, because marked.use() on a shared instance accumulates
// extensions; results are memoized on (source, width, labels) because a step is rendered on
// every resize and every revisit. Text is sanitized before lexing: a scenario can't drive the
// terminal.

import chalk from 'chalk';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import Table from 'cli-table3';
import {Marked, type Token} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {collapseDetails, englishLabels, katarunRenderers, type ActionLabels} from './markdown-tokens.js';
import {htmlToTerminal} from './html-render.js';
import {SGR_SEQUENCES, sanitizeText} from './sanitize.js';

/** The bundle's lazy stand-in for cli-highlight (scripts/bundle.mjs); absent when running the
 * plain modules, where highlighting loads with marked-terminal and is always ready. */
type LazyHighlighter = {load(): Promise<void>; ready(): boolean};
const lazyHighlighter = (): LazyHighlighter | undefined => (globalThis as Record<symbol, unknown>)[Symbol.for('katarun.highlighter')] as LazyHighlighter | undefined;

/**
 * Load the code highlighter now. The TUI calls this right after its first frame, which has no
 * code blocks and so does not wait for highlight.js; a code block rendered before it is in
 * shows in the plain code colour.
 */
export async function preloadHighlighter(): Promise<void> {
  await lazyHighlighter()?.load();
}

export type Lexer = (source: string) => Token[];

export interface MarkdownOptions {
  readonly width: number;
  /** Turns the source into tokens. The app passes the scenario layer's lexer (which knows
   * `{{exec}}` and friends); plain marked is the default. */
  readonly lex?: Lexer;
  readonly labels?: ActionLabels;
}

const CACHE_LIMIT = 64;
const cache = new Map<string, string>();
const lexerIds = new WeakMap<Lexer, number>();
let nextLexerId = 1;

const plainLex: Lexer = (source) => new Marked().lexer(source);

// Token types marked's parser knows; anything else without a renderer would throw.
const KNOWN = new Set([
  'space', 'hr', 'heading', 'code', 'table', 'blockquote', 'list', 'list_item', 'checkbox', 'html', 'def', 'paragraph', 'text',
  'escape', 'link', 'image', 'strong', 'em', 'codespan', 'br', 'del',
  'katarunAction', 'katarunBlock', 'katarunFile', 'katarunQuiz', 'katarunCollapsed', 'katarunDetails',
]);

/** A token type this renderer has never heard of is shown as its source text, never a crash. */
function neutralize(tokens: Token[]): Token[] {
  return tokens.map((token) => {
    if (!KNOWN.has(token.type)) return {type: 'text', raw: token.raw, text: token.raw} as Token;
    const withChildren = token as Token & {tokens?: Token[]; items?: Token[]};
    if (withChildren.tokens) withChildren.tokens = neutralize(withChildren.tokens);
    if (withChildren.items) withChildren.items = neutralize(withChildren.items);
    return token;
  });
}

/** marked-terminal leaves blank runs between blocks and at the end; keep one blank line at most. */
export function tidyLines(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\s+$/, '');
}

/**
 * Column widths for a table that must fit `width`: each column gets what its widest cell needs
 * when all fit; otherwise narrow columns keep theirs and the wide ones share what is left.
 * (cli-table3 counts a column's padding in its width and draws one border per column, plus one.)
 */
export function columnWidths(rows: readonly (readonly string[])[], width: number): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const need = Array.from({length: n}, (_, i) => Math.max(3, ...rows.map((r) => stringWidth(r[i] ?? '') + 2)));
  const room = Math.max(n * 3, width - (n + 1));
  if (need.reduce((a, b) => a + b, 0) <= room) return need;
  const out: number[] = new Array<number>(n).fill(0);
  let left = room;
  let open = need.map((_, i) => i);
  // Columns that need less than a fair share of what is left keep what they need.
  for (let changed = true; changed && open.length > 0; ) {
    changed = false;
    const share = Math.floor(left / open.length);
    for (const i of open) {
      if (need[i]! <= share) {
        out[i] = need[i]!;
        left -= need[i]!;
        changed = true;
      }
    }
    open = open.filter((i) => out[i] === 0);
  }
  open.forEach((i, k) => (out[i] = Math.max(3, Math.floor(left / open.length) + (k < left % open.length ? 1 : 0))));
  return out;
}

/** What marked-terminal's listitem puts before an item's text, ordered list or not. */
const ITEM_MARK = '* ';

/** cli-table3's rows: re-wrapping them would break the grid; the terminal wraps them instead. */
const TABLE_LINE = /^\s*[│┌├└┬┼┴┐┤┘─]/;
/** A line's indent plus its list marker: where its continuation lines start. */
const HANG = /^\s*(?:(?:[*•◦▪+-]|\d+[.)])\s+)?/;

/**
 * No line wider than the terminal. marked-terminal reflows only paragraphs, by characters: a
 * tight list's items never wrapped, a blockquote ran two columns over, and Chinese or Japanese
 * text (two columns a character) ran twice the width. Lines still too wide are wrapped here by
 * display width, their continuation under the text of a list item rather than its marker.
 */
export function fitToWidth(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (stringWidth(line) <= width) return line;
      const plain = line.replace(SGR_SEQUENCES, '');
      if (TABLE_LINE.test(plain)) return line;
      const lead = /^\s*/.exec(line)![0];
      let hang = stringWidth(HANG.exec(plain)![0]);
      if (hang > width / 2) hang = lead.length > width / 2 ? 0 : lead.length;
      const pieces = wrapAnsi(line.slice(lead.length), Math.max(10, width - Math.max(hang, lead.length)), {hard: true, trim: true}).split('\n');
      return pieces.map((piece, i) => (i === 0 ? lead : ' '.repeat(hang)) + piece).join('\n');
    })
    .join('\n');
}

export function renderMarkdown(source: string, options: MarkdownOptions): string {
  const width = Math.max(20, Math.floor(options.width));
  const lex = options.lex ?? plainLex;
  const labels = options.labels ?? englishLabels;
  let lexId = lexerIds.get(lex);
  if (lexId === undefined) {
    lexId = nextLexerId++;
    lexerIds.set(lex, lexId);
  }
  // A text rendered before the highlighter loaded is rendered again once it has.
  const highlighted = lazyHighlighter()?.ready() ?? true;
  const key = `${width}\u0000${lexId}\u0000${chalk.level}\u0000${highlighted}\u0000${JSON.stringify(labels)}\u0000${source}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;

  const clean = sanitizeText(source);
  const styles = {code: chalk.yellow, label: chalk.cyan.bold, dim: chalk.dim};
  const md = new Marked(
    markedTerminal({
      // Room for one level of list marker or blockquote indent, which marked-terminal adds
      // after reflowing to this width; fitToWidth below catches deeper ones.
      width: Math.max(20, width - 4),
      reflowText: true,
      tab: 2,
      showSectionPrefix: false,
      emoji: false,
      // Alt text is plain text: an author's `code` marks are dropped, not shown as backticks.
      image: (href, title, text) => styles.dim(`[${labels.image}: ${(text || title || href).replace(/`/g, '')} — ${href}]`),
    }),
    {extensions: katarunRenderers(labels, styles)},
    // marked-terminal prints a list item's text token as raw text, so `**bold**` inside a
    // list would show its asterisks; render the token's inline children instead.
    {
      renderer: {
        text(token) {
          if (typeof token === 'object' && 'tokens' in token && token.tokens) {
            // A line break in the source of a tight list item is a soft one: the item is one line
            // of text, rewrapped at the width below (kept, it broke lines mid-sentence on screen).
            const soft = token.tokens.map((t) => (t.type === 'text' ? {...t, text: t.text.replace(/\n/g, ' ')} : t));
            return this.parser.parseInline(soft);
          }
          return false;
        },
        html(token) {
          return htmlToTerminal(token.text, {block: token.block === true, styles, imageLabel: labels.image});
        },
        // marked-terminal lays a table out at its content's width (a 250-column table on an
        // 80-column terminal); here the columns share the width and their cells wrap.
        table(token) {
          const head = token.header.map((cell) => chalk.bold(this.parser.parseInline(cell.tokens)));
          const rows = token.rows.map((row) => row.map((cell) => this.parser.parseInline(cell.tokens)));
          const colWidths = columnWidths([head, ...rows], width);
          // Wrapped here, by display width and breaking what has no spaces (Chinese, long
          // words), rather than by cli-table3, which cuts such a cell off with an ellipsis.
          const fit = (row: string[]) => row.map((cell, i) => wrapAnsi(cell, Math.max(1, colWidths[i]! - 2), {hard: true, trim: true}));
          const table = new Table({head: fit(head), colWidths, style: {head: [], border: []}});
          table.push(...rows.map(fit));
          return `${table.toString()}\n\n`;
        },
        // marked-terminal numbers every bullet under an ordered list, a nested list's included
        // ("1. First / 2. a / 3. b / 4. Second"), and ignores a list's start number. Here only
        // the list's own items are numbered; nested lines keep their bullets, under the text.
        list(token) {
          const marker = (k: number) => (token.ordered ? `${(typeof token.start === 'number' ? token.start : 1) + k}. ` : '* ');
          let k = -1;
          const lines = token.items
            // Not as a task: marked already puts the checkbox among the item's tokens, and
            // marked-terminal would add a second one ("[ ]  [ ] task").
            .map((item) => this.listitem({...item, task: false}))
            .join('')
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => {
              if (line.startsWith(ITEM_MARK)) return marker(++k) + line.slice(ITEM_MARK.length);
              return ' '.repeat(marker(Math.max(k, 0)).length) + line;
            });
          // On a line of its own when nested in a tight list item's text.
          return `\n${lines.map((line) => `  ${line}`).join('\n')}\n\n`;
        },
      },
    },
  );
  const tokens = neutralize(collapseDetails(lex(clean)));
  const out = fitToWidth(tidyLines(md.parser(tokens)), width);

  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, out);
  return out;
}
