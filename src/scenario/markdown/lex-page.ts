// lexPage: one page of step markdown → tokens plus everything the engine needs from it
// (actions numbered in document order, quizzes, images, hints, code blocks), each with
// its file:line. The render layer lexes through here too, so its action ids are these.

import type {Token, Tokens} from 'marked';
import type {Action, Diagnostic, Hint, ImageRef, Quiz, SourceRef} from '../model.js';
import {DiagnosticSink} from '../diagnostics.js';
import {LineIndex} from '../source/line-index.js';
import {actionFromFile, actionFromMarker, type ActionSite} from './build-action.js';
import {lexingMarked} from './extensions.js';
import {parseAttributes, tagNames} from './html-text.js';
import {findPlaceholders} from './placeholders.js';
import type {ActionToken, BlockToken, DetailsToken, FileToken, KatarunToken, QuizToken} from './tokens.js';

/** A fenced code block (with or without an action), for validators that read its content. */
export interface CodeBlock {
  readonly lang: string;
  readonly text: string;
  /** Line of the opening fence. */
  readonly line: number;
  readonly actionId?: number;
}

export interface LexedPage {
  readonly tokens: Token[];
  readonly actions: readonly Action[];
  readonly quizzes: readonly Quiz[];
  readonly images: readonly ImageRef[];
  /** `<details><summary>Hint…` blocks. */
  readonly hints: readonly Hint[];
  readonly codeBlocks: readonly CodeBlock[];
  /** Known placeholders used on the page, e.g. `[[HOST_IP]]`, once each. */
  readonly placeholders: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

const MARKER = /\{\{\s*(?:execute|exec|copy|open)\b[^}]*\}\}/g;

// Shown as text in a terminal or harmless; anything else among HTML tags gets a warning.
const QUIET_TAGS = new Set(['a', 'b', 'i', 'u', 's', 'em', 'strong', 'code', 'kbd', 'samp', 'var', 'br', 'p', 'span', 'div', 'center', 'small', 'big', 'sup', 'sub', 'mark', 'hr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'details', 'summary', 'font', 'strike', 'del', 'ins', 'abbr', 'cite', 'q', 'section', 'article', 'header', 'footer', 'nav', 'figure', 'figcaption', 'tt', 'wbr', 'picture', 'source']);

class PageWalker {
  readonly sink = new DiagnosticSink();
  readonly actions: Action[] = [];
  readonly quizzes: Quiz[] = [];
  readonly images: ImageRef[] = [];
  readonly hints: Hint[] = [];
  readonly codeBlocks: CodeBlock[] = [];
  private readonly lines: LineIndex;
  private readonly hostWarned = new Set<string>();

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {
    this.lines = new LineIndex(src);
  }

  private ref(offset: number): SourceRef {
    const p = this.lines.position(offset);
    return {file: this.file, line: p.line, column: p.column};
  }

  /** Where a token starts: right at the cursor when its raw text is there, else its first line searched forward. */
  private locate(raw: string, cursor: number): {offset: number; end: number} {
    if (this.src.startsWith(raw, cursor)) return {offset: cursor, end: cursor + raw.length};
    const probe = raw.split('\n').map((l) => l.trim()).find((l) => l !== '')?.slice(0, 120);
    if (!probe) return {offset: cursor, end: cursor};
    const at = this.src.indexOf(probe, cursor);
    return at < 0 ? {offset: cursor, end: cursor} : {offset: at, end: at + probe.length};
  }

  walk(tokens: readonly Token[], from: number, context: Action['context']): void {
    let cursor = from;
    for (const token of tokens) {
      const {offset, end} = this.locate(token.raw ?? '', cursor);
      this.visit(token, offset, context);
      cursor = Math.max(cursor, end);
    }
  }

  private site(offset: number, context: Action['context']): ActionSite {
    return {id: this.actions.length + 1, source: this.ref(offset), context, sink: this.sink, hostWarned: this.hostWarned};
  }

  private visit(token: Token, offset: number, context: Action['context']): void {
    switch (token.type) {
      case 'katarunAction':
      case 'katarunBlock': {
        const t = token as ActionToken | BlockToken;
        const action = actionFromMarker(t, this.site(offset, context));
        if (action) this.addAction(t, action);
        if (t.type === 'katarunAction') this.checkMarkersInSpan(t.raw.slice(0, t.raw.length - t.marker.length), offset, true);
        if (t.type === 'katarunBlock') this.checkMarkersInCode(t.raw, offset);
        if (t.type === 'katarunBlock') this.codeBlocks.push({lang: t.lang, text: t.text, line: this.lines.line(offset), ...(action ? {actionId: action.id} : {})});
        return;
      }
      case 'katarunFile': {
        const t = token as FileToken;
        const action = actionFromFile(t, this.site(offset, context));
        if (action) this.addAction(t, action);
        else this.codeBlocks.push({lang: '', text: t.text, line: this.lines.line(offset)});
        return;
      }
      case 'katarunQuiz':
        return this.addQuiz(token as QuizToken, offset);
      case 'katarunDetails': {
        const t = token as DetailsToken;
        if (t.unclosed) {
          this.sink.warn('markdown/unclosed-details', this.file, this.ref(offset), '<details> is never closed; it runs to the end of the page', 'close it with </details>');
        }
        if (t.role === 'hint') this.hints.push({text: t.body.trim(), source: this.ref(offset)});
        const inner = t.role === 'other' ? context : t.role;
        return this.walk(t.tokens, offset, inner);
      }
      case 'code':
        this.checkFenceClosed(token.raw, offset);
        this.checkMarkersInCode(token.raw, offset);
        this.codeBlocks.push({lang: ((token as Tokens.Code).lang ?? '').split(/\s+/)[0]!.replace(/\{[^}]*\}$/, ''), text: (token as Tokens.Code).text, line: this.lines.line(offset)});
        return;
      case 'image': {
        const img = token as Tokens.Image;
        this.images.push({alt: img.text, src: img.href, source: this.ref(offset)});
        return;
      }
      case 'html':
        this.checkHtml((token as Tokens.HTML).raw, offset);
        break;
      case 'text':
        if (!(token as Tokens.Text).tokens) this.checkStrayMarker(token.raw, offset);
        break;
      case 'codespan':
        this.checkMarkersInSpan(token.raw, offset, false);
        return;
      case 'list':
        for (const item of (token as Tokens.List).items) this.walk([item], offset, context);
        return;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) this.walk(cell.tokens, offset, context);
        return;
      }
      default:
        break;
    }
    const children = (token as {tokens?: Token[]}).tokens;
    if (children) this.walk(children, offset, context);
  }

  private addAction(token: KatarunToken, action: Action): void {
    this.actions.push(action);
    Object.assign(token, {action, actionId: action.id});
  }

  private addQuiz(t: QuizToken, offset: number): void {
    const source = this.ref(offset);
    const id = t.label ?? `Q${this.quizzes.length + 1}`;
    if (t.kind === 'empty') {
      this.sink.warn('markdown/quiz', this.file, source, `quiz ${id} has no answer lines; it is shown as text and not asked`, 'add lines such as "=== answer", "(*) right" or "[ ] wrong" right below it');
      return;
    }
    const kind = t.optionKinds[0]!;
    if (t.kind === 'mixed') {
      this.sink.warn('markdown/quiz', this.file, source, `quiz ${id} mixes answer styles; katarun asks it as '${kind}'`, 'use one style per question');
    }
    if ((kind === 'single' || kind === 'multiple') && t.correct.length === 0) {
      this.sink.warn('markdown/quiz', this.file, source, `quiz ${id} marks no option as correct`, 'mark the right option with (*) or [*]');
    }
    const quiz: Quiz = {id, question: t.question, kind, options: t.options, correct: t.correct, source};
    this.quizzes.push(quiz);
    t.quiz = quiz;
  }

  /**
   * A code fence that is never closed runs to the end of the page: everything after it shows
   * as code and its actions are lost. Seen when a command was written on the opening fence's
   * line ("```insert into users …" with the closing ``` at the end of the next line).
   */
  private checkFenceClosed(raw: string, offset: number): void {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (!open) return;
    const fence = open[1]!;
    const lines = raw.replace(/\s+$/, '').split('\n');
    const last = lines.length > 1 ? lines[lines.length - 1]! : '';
    const closed = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(last);
    if (!closed) {
      this.sink.warn('markdown/unclosed-fence', this.file, this.ref(offset), `this ${fence} code block is never closed, so the rest of the page shows as code and its actions are lost`, `close it with ${fence} on a line of its own (a command belongs on the line after the opening ${fence})`);
    }
  }

  /**
   * A marker inside a code block is shown as code and runs nothing: a closing fence written
   * after the command on its line (`cmd```{{execute}}`, which CommonMark does not close), or a
   * `` ```{{exec}} `` that opens a block because the opening fence before the command is missing.
   * 197 of 15,308 public markers were lost this way without a word; each is reported at its line.
   */
  private checkMarkersInCode(raw: string, offset: number): void {
    const lines = raw.replace(/\s+$/, '').split('\n');
    const openLine = this.lines.line(offset);
    const indented = !/^ {0,3}(`{3,}|~{3,})/.test(raw);
    let at = 0;
    lines.forEach((line, i) => {
      const start = at;
      at += line.length + 1;
      // The opening fence's own action (```{{exec}}…``` blocks) and the last line's closing one are the block's.
      const isLast = i === lines.length - 1;
      for (const m of line.matchAll(MARKER)) {
        const before = line.slice(0, m.index);
        if (isLast && /^ {0,3}(`{3,}|~{3,})\s*$/.test(before)) continue;
        const fenceOpen = i === 0 && /^ {0,3}(`{3,}|~{3,})/.test(before);
        // An indented block (four spaces after a paragraph, or a list that ended) has no fence: its first line is code too.
        if (i === 0 && !fenceOpen && !indented) continue;
        const glued = /\S\s*(`{3,}|~{3,})\s*$/.test(before);
        const hint = fenceOpen
          ? `a fence with ${m[0]} closes a block; the opening fence before the command is missing`
          : indented
            ? 'the line is indented four spaces or more outside a list, which makes it an indented code block: indent it less'
            : glued
            ? `put the closing fence on a line of its own: the command, a new line, then the fence with ${m[0]}`
            : `close the code block before ${m[0]}`;
        this.sink.warn('markdown/marker-in-code', this.file, this.ref(offset + start + m.index!), `${m[0]} is inside a code block (opened at line ${openLine}), so it shows as code and runs nothing`, hint);
      }
    });
  }

  /**
   * A marker inside an inline code span: backticks that do not pair up as the author meant
   * (`` `cmd -y'{{execute}} `` closed by the next line's backtick) make the span run on past
   * the marker, so it is code, and with a later marker the two commands become one action.
   * `raw` is the span up to (not including) its own action marker.
   */
  private checkMarkersInSpan(raw: string, offset: number, action: boolean): void {
    for (const m of raw.matchAll(MARKER)) {
      const what = action ? 'so it runs nothing of its own: the text up to the next marker is one action' : 'so it shows as code and runs nothing';
      this.sink.warn('markdown/marker-in-code-span', this.file, this.ref(offset + m.index), `${m[0]} is inside a code span (its backticks do not pair up), ${what}`, `end each command with a backtick right before its marker: \`command\`${m[0]}`);
    }
  }

  /**
   * A `{{execute}}` left in plain text follows no code span (often a span whose backtick runs
   * do not match, so it never closed): it would be shown as text and run nothing. Real
   * scenarios have these; say so at its line rather than drop the action silently.
   */
  private checkStrayMarker(text: string, offset: number): void {
    for (const m of text.matchAll(/\{\{\s*(execute|exec|copy|open)\b[^}]*\}\}/g)) {
      const marker = m[0];
      this.sink.warn('markdown/stray-marker', this.file, this.ref(offset + m.index), `${marker} follows no code span, so it is no action and shows as text`, `put the command right before it in backticks, with matching runs: \`command\`${marker}`);
    }
  }

  private checkHtml(html: string, offset: number): void {
    const at = this.ref(offset);
    // An HTML block runs to the next blank line: a fenced command right after `<br>` (or inside
    // `<pre>`) is part of it, shown as text, never an action.
    for (const m of html.matchAll(MARKER)) {
      this.sink.warn('markdown/marker-in-html', this.file, this.ref(offset + m.index), `${m[0]} is inside an HTML block, so it shows as text and runs nothing`, 'leave a blank line between the HTML and the command');
    }
    for (const m of html.matchAll(/<img\b([^>]*)>/gi)) {
      const attrs = parseAttributes(m[1]!);
      if (attrs.src) this.images.push({alt: attrs.alt ?? '', src: attrs.src, source: this.ref(offset + m.index)});
    }
    const tags = tagNames(html);
    if (tags.includes('details')) {
      this.sink.warn('markdown/unclosed-details', this.file, at, '<details> inside another HTML block is never closed; its content is shown as HTML and its commands are not actions', 'close it with </details>');
    }
    if (/<pre\b[^>]*class\s*=\s*["']?[^"'>]*\bfile\b/i.test(html)) {
      this.sink.warn('markdown/file-block', this.file, at, '<pre class="file"> is never closed; it is not an action', 'close it with </pre>');
    }
    const odd = [...new Set(tags.filter((n) => !QUIET_TAGS.has(n)))];
    if (odd.length > 0) {
      this.sink.warn('markdown/unsupported-html', this.file, at, `HTML ${odd.map((n) => `<${n}>`).join(', ')} cannot be shown in a terminal; it appears as text`, 'link to the page instead, or describe it in words');
    }
  }
}

/** Lex one page. Deterministic: the same markdown always gives the same tokens and action ids. */
export function lexPage(markdown: string, file: string): LexedPage {
  const src = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const walker = new PageWalker(src, file);
  let tokens: Token[] = [];
  try {
    tokens = lexingMarked().lexer(src);
  } catch (err) {
    // marked should not throw on any input; if it does, the page is reported, not fatal.
    walker.sink.error('markdown/lex-failed', file, {line: 1, column: 1}, `markdown could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  walker.walk(tokens, 0, 'body');
  const lines = new LineIndex(src);
  const placeholders = new Set<string>();
  for (const hit of findPlaceholders(src)) {
    if (hit.known) placeholders.add(hit.text.replace(/\s+/g, ''));
    else walker.sink.warn('markdown/unknown-placeholder', file, lines.position(hit.offset), `unknown placeholder ${hit.text} is shown as written`, 'katarun knows [[HOST_IP]], [[HOSTn_IP]], [[HOST_SUBDOMAIN]], [[KATACODA_HOST]], {{TRAFFIC_HOSTn_PORT}} and {{TRAFFIC_SELECTOR}}');
  }
  return {
    tokens,
    actions: walker.actions,
    quizzes: walker.quizzes,
    images: walker.images,
    hints: walker.hints,
    codeBlocks: walker.codeBlocks,
    placeholders: [...placeholders],
    diagnostics: walker.sink.items,
  };
}

