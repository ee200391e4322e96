// The last lines of a pipe session's output, bounded in count and in width, with `\r`
// treated as a terminal would (a progress bar's redraws collapse to its last state).
// Counting newlines is the only work done on every byte; only the end of each chunk is
// decoded into lines, so megabytes of output cost little and hold no memory.

import {StringDecoder} from 'node:string_decoder';

const NL = 10;

export class LineTail {
  private readonly lines: string[] = [];
  private current = '';
  private currentTruncated = false;
  private readonly decoder = new StringDecoder('utf8');
  /** Newlines seen in total. */
  lineCount = 0;

  constructor(
    private readonly maxLines = 1000,
    private readonly maxLineChars = 4000,
  ) {}

  push(chunk: Buffer): void {
    const newlines = countNewlines(chunk);
    this.lineCount += newlines;
    if (newlines > this.maxLines + 1) {
      // Only the last maxLines lines of this chunk can survive: skip to them.
      let i = chunk.length;
      let seen = 0;
      while (seen <= this.maxLines) {
        i = chunk.lastIndexOf(NL, i - 1);
        seen++;
      }
      this.lines.length = 0;
      this.current = '';
      this.currentTruncated = false;
      this.decoder.end();
      chunk = chunk.subarray(i + 1);
    }
    this.addText(this.decoder.write(chunk));
  }

  private addText(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const piece = nl < 0 ? text.slice(start) : text.slice(start, nl);
      this.appendToCurrent(piece);
      if (nl < 0) return;
      this.lines.push(this.current);
      // Trim in batches: splicing one line off the front per line would be quadratic.
      if (this.lines.length >= 2 * this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
      this.current = '';
      this.currentTruncated = false;
      start = nl + 1;
    }
  }

  private appendToCurrent(piece: string): void {
    if (!piece) return;
    // `\r\n` is a plain line end; a lone `\r` returns to column 0 and the text after it
    // overwrites (approximated as replacing) what was there.
    if (piece.endsWith('\r')) piece = piece.slice(0, -1);
    const cr = piece.lastIndexOf('\r');
    if (cr >= 0) {
      this.current = '';
      this.currentTruncated = false;
      piece = piece.slice(cr + 1);
    }
    if (this.currentTruncated) return;
    const room = this.maxLineChars - this.current.length;
    if (piece.length > room) {
      this.current += piece.slice(0, room) + '…';
      this.currentTruncated = true;
    } else this.current += piece;
  }

  /** End an unfinished line (a command printed no final newline); true when there was one. */
  breakLine(): boolean {
    const tailText = this.decoder.end();
    if (tailText) this.addText(tailText);
    if (!this.current) return false;
    this.lines.push(this.current);
    this.current = '';
    this.currentTruncated = false;
    this.lineCount++;
    return true;
  }

  /** The last `n` lines, the unfinished current line included when it has text. */
  tail(n: number): string[] {
    if (n <= 0) return [];
    const all = this.current ? [...this.lines.slice(-n), this.current] : this.lines.slice(-n);
    return all.slice(-n);
  }
}

/**
 * Newlines in a buffer, four bytes at a time (a SWAR zero-byte test on `word ^ 0x0a0a0a0a`);
 * about twice as fast as a byte loop, which matters at megabytes per command. (A WebAssembly
 * SIMD counter was measured on the product's path, 2M lines through a pipe session into the
 * batcher, interleaved 9 runs: 1177 ms with it, 1131 ms without — it did not pay, and went.)
 */
export function countNewlines(buf: Uint8Array): number {
  let n = 0;
  let i = 0;
  const end = buf.length;
  while (i < end && (buf.byteOffset + i) % 4 !== 0) if (buf[i++] === NL) n++;
  const words = (end - i) >> 2;
  if (words > 0) {
    const u = new Uint32Array(buf.buffer, buf.byteOffset + i, words);
    for (let w = 0; w < words; w++) {
      const x = u[w]! ^ 0x0a0a0a0a;
      // High bit of each byte set where that byte of x is zero, i.e. where a '\n' was.
      const z = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f) >>> 7;
      n += Math.imul(z, 0x01010101) >>> 24;
    }
    i += words << 2;
  }
  while (i < end) if (buf[i++] === NL) n++;
  return n;
}
