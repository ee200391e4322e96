import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {sanitizeAnsiLine, sanitizeText} from '../../src/render/sanitize.js';

const ESC = '\u001b';
const hostile = [
  `${ESC}]52;c;ZWNobyBwd25lZA==\u0007`, // OSC 52: overwrite the clipboard
  `${ESC}]52;c;ZWNobyBwd25lZA==${ESC}\\`, // same, ST-terminated
  `${ESC}]0;owned title\u0007`, // window title
  `${ESC}[2J${ESC}[3J${ESC}[H`, // clear screen and scrollback, cursor home
  `${ESC}[10;10H${ESC}[5A`, // cursor moves
  `${ESC}c`, // full reset
  `${ESC}P+q544e${ESC}\\`, // DCS request
  `${ESC}Ptmux;${ESC}${ESC}]52;c;eA==\u0007${ESC}\\`, // tmux passthrough
  '\u009b2J', // 8-bit CSI
  '\u009d0;title\u0007', // 8-bit OSC
  '\u0007\u0008\u007f\u0000', // bell, backspace, DEL, NUL
  `${ESC}[?1049h`, // alternate screen
];

describe('sanitizeText', () => {
  test('removes every hostile sequence and keeps the text around it', () => {
    for (const seq of hostile) {
      const out = sanitizeText(`before ${seq}after`);
      expect(out, JSON.stringify(seq)).toBe('before after');
    }
  });

  test('keeps newlines, tabs and unicode; turns CRLF into LF', () => {
    expect(sanitizeText('a\tb\r\nc\nд ▶ 字')).toBe('a\tb\nc\nд ▶ 字');
  });

  test('an unterminated OSC does not swallow the following lines', () => {
    expect(sanitizeText(`one ${ESC}]52;c;AAAA\ntwo`)).toBe('one \ntwo');
  });

  test('for any input, no control character but \\n and \\t survives', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), (s) => {
        expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(sanitizeText(s))).toBe(false);
      }),
    );
  });
});

describe('sanitizeAnsiLine', () => {
  test('keeps SGR colours, removes everything else', () => {
    expect(sanitizeAnsiLine(`${ESC}[31mred${ESC}[0m ${ESC}[2J${ESC}]0;t\u0007ok`)).toBe(`${ESC}[31mred${ESC}[0m ok`);
  });

  test('expands tabs to 8-column stops so widths are what the terminal shows', () => {
    expect(sanitizeAnsiLine('ab\tc')).toBe('ab      c');
    expect(sanitizeAnsiLine(`${ESC}[1mab${ESC}[0m\tc`)).toBe(`${ESC}[1mab${ESC}[0m      c`);
  });

  test('for any input, the only escape sequences left are SGR', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), (s) => {
        const out = sanitizeAnsiLine(s).replace(/\u001b\[[0-9;:]*m/g, '');
        expect(/[\u0000-\u001f\u007f-\u009f]/.test(out)).toBe(false);
      }),
    );
  });
});
