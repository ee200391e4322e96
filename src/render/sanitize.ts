// Scenario text and command output must never drive the learner's terminal: an OSC 52 in a
// step could overwrite their clipboard, an OSC 0 their window title, a CSI 2J their screen.
// These functions remove control and escape sequences before anything is rendered.
//
// `sanitizeText` keeps only printable text plus \n and \t (for markdown and messages).
// `sanitizeAnsiLine` additionally keeps SGR colour sequences (ESC [ … m), for output lines
// that the shell layer already rendered through a terminal emulator.

// ESC-introduced sequences, each matched whole so that their payload goes too:
//   CSI  ESC [ params intermediates final          (cursor moves, clears, SGR…)
//   OSC  ESC ] … (BEL | ESC \ | end of line)       (titles, clipboard, hyperlinks)
//   DCS/SOS/PM/APC  ESC P|X|^|_ … (ESC \ | end of line)    (tmux passthrough, sixel…)
//   any other ESC + one character                 (ESC c reset, ESC 7/8, charset selects)
// and the same introducers as 8-bit C1 characters (U+009B CSI, U+009D OSC, U+0090 DCS…).
const CSI = '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?';
const STRING_SEQ = '(?:\\u001b[\\]PX^_]|[\\u009d\\u0090\\u0098\\u009e\\u009f])[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|(?=\\n)|$)';
const OTHER_ESC = '\\u001b[\\s\\S]?';
const SEQUENCES = new RegExp(`${STRING_SEQ}|${CSI}|${OTHER_ESC}`, 'g');
// C0 controls except \t (09) and \n (0a), DEL, the remaining C1 controls, and the bidi
// overrides and isolates that make text read differently from what it is (U+202A–202E, U+2066–2069).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_WORK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A colour/style sequence (SGR), 7- or 8-bit, its parameters captured: for `String.replace` only (it is global). */
export const SGR_SEQUENCES = /(?:\u001b\[|\u009b)([0-9;:]*)m/g;
const SGR = new RegExp(`^${SGR_SEQUENCES.source}$`);

/** Printable text, \n and \t only. \r\n becomes \n; a lone \r is dropped. */
export function sanitizeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(SEQUENCES, '').replace(CONTROLS, '');
}

/**
 * Escape sequences removed whole (CSI, OSC, DCS, SOS/PM/APC, ESC + one, and their 8-bit forms),
 * every other character kept (\r included): for report data and for parsing a check's output.
 * The one regular expression for terminal sequences in katarun.
 */
export function stripEscapes(text: string): string {
  return text.includes('\u001b') || /[\u0090-\u009f]/.test(text) ? text.replace(SEQUENCES, '') : text;
}

/** True when `text` holds a control character other than tab and newline (or a bidi override): action text that would not show what it runs. */
export function hasHiddenControls(text: string): boolean {
  return NEEDS_WORK.test(text.replace(/\r\n/g, '\n'));
}

/** Control characters shown as escapes (`\x1b`, `\u202e`), for messages that quote what was refused. */
export function showControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One line of terminal output: SGR colours kept, every other sequence and control removed,
 * tabs expanded to 8-column stops so the width Ink measures is the width the terminal shows. */
export function sanitizeAnsiLine(line: string): string {
  let out = line;
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(out)) {
    out = out
      .replace(SEQUENCES, (seq) => (SGR.test(seq) ? seq.replace('\u009b', '\u001b[') : ''))
      .replace(/[\u0000-\u0008\u000a-\u001a\u001c-\u001f\u007f-\u009a\u009c-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  }
  return out.includes('\t') ? expandTabs(out) : out;
}

function expandTabs(line: string): string {
  let column = 0;
  let out = '';
  // Walk the line, skipping SGR sequences when counting columns.
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\u001b') {
      const end = line.indexOf('m', i);
      if (end >= 0) {
        out += line.slice(i, end + 1);
        i = end;
        continue;
      }
    }
    if (ch === '\t') {
      const spaces = 8 - (column % 8);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += ch;
      column++;
    }
  }
  return out;
}
