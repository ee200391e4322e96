// The shell layer's pure parts: ctrl-seq bytes, the bounded line tail, the sentinel scanner
// fed one byte at a time, and the byte tail's character-boundary cut.

import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ctrlSequenceBytes} from '../../src/shell/ctrl-seq.js';
import {LineTail, countNewlines} from '../../src/shell/line-tail.js';
import {SentinelScanner} from '../../src/shell/sentinel-scanner.js';
import {ByteTail} from '../../src/shell/byte-tail.js';

describe('ctrlSequenceBytes', () => {
  it('maps Katacoda key names to bytes', () => {
    expect(ctrlSequenceBytes('^C')).toBe('\x03');
    expect(ctrlSequenceBytes('^c')).toBe('\x03');
    expect(ctrlSequenceBytes('^D')).toBe('\x04');
    expect(ctrlSequenceBytes('^Z')).toBe('\x1a');
    expect(ctrlSequenceBytes('^ESC')).toBe('\x1b');
    expect(ctrlSequenceBytes('^[')).toBe('\x1b');
    expect(ctrlSequenceBytes('ctrl+x')).toBe('\x18');
    expect(ctrlSequenceBytes('^X ^S')).toBe('\x18\x13');
    expect(ctrlSequenceBytes('\x03')).toBe('\x03');
    expect(ctrlSequenceBytes('hello')).toBeUndefined();
    expect(ctrlSequenceBytes('^1')).toBeUndefined();
  });
});

describe('LineTail', () => {
  it('keeps the last lines, counts all, collapses \\r and bounds width', () => {
    const t = new LineTail(3, 10);
    t.push(Buffer.from('a\nb\nprogress 1%\rprogress 99%\r\n'));
    t.push(Buffer.from('x'.repeat(50) + '\nlast'));
    expect(t.lineCount).toBe(4);
    expect(t.tail(3)).toEqual(['progress 9…', 'xxxxxxxxxx…', 'last']);
    expect(t.breakLine()).toBe(true);
    expect(t.lineCount).toBe(5);
    expect(t.tail(0)).toEqual([]);
  });

  it('skips to the end of a chunk with many lines, keeping a split character whole', () => {
    const t = new LineTail(2, 100);
    const big = Buffer.from(Array.from({length: 1000}, (_, i) => `ж${i}`).join('\n') + '\n');
    t.push(big.subarray(0, big.length - 3));
    t.push(big.subarray(big.length - 3));
    expect(t.lineCount).toBe(1000);
    expect(t.tail(2)).toEqual(['ж998', 'ж999']);
  });
});

describe('countNewlines', () => {
  const byteLoop = (b: Uint8Array) => b.reduce((n, x) => n + (x === 10 ? 1 : 0), 0);
  it('counts exactly at every alignment and length', () => {
    const text = Buffer.from('a\n\n\nb\ncd\n\x8a\x0b\x09\nxyz\n\n' + 'q\n'.repeat(37));
    for (let start = 0; start < 17; start++) {
      for (let end = text.length - 17; end <= text.length; end++) {
        const slice = text.subarray(start, end);
        expect(countNewlines(slice)).toBe(byteLoop(slice));
      }
    }
    expect(countNewlines(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with a byte loop on arbitrary bytes and on a big buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), fc.nat(15), (bytes, start) => {
        const slice = bytes.subarray(Math.min(start, bytes.length));
        expect(countNewlines(slice)).toBe(byteLoop(slice));
      }),
    );
    const big = Buffer.alloc(9 * 1024 * 1024, 'line\n');
    expect(countNewlines(big)).toBe(Math.floor(big.length / 5));
  });
});

describe('SentinelScanner', () => {
  it('finds markers split across chunks and passes stray 0x1e through', () => {
    const out: string[] = [];
    const marks: [number, number][] = [];
    const s = new SentinelScanner('\x1e__KC_abc_', (b) => out.push(b.toString()), (id, st) => marks.push([id, st]));
    const stream = 'one\x1etwo\n\x1e__KC_abc_7_130__\nthree\x1e__KC_abc_8_0__\n';
    for (const ch of stream) s.push(Buffer.from(ch));
    expect(out.join('')).toBe('one\x1etwo\nthree');
    expect(marks).toEqual([[7, 130], [8, 0]]);
  });
});

describe('ByteTail', () => {
  it('keeps the end and never starts inside a character', () => {
    const t = new ByteTail(5);
    t.push(Buffer.from('ééééé'));
    expect(t.text()).toBe('éé');
  });
});
