// The stdout Ink writes to. Ink 6.8 clears the whole terminal — scrollback included — and
// reprints all <Static> history whenever the previous frame was at least `stdout.rows` tall
// (notes/tech.md §3.1). Our layout keeps every frame shorter than the terminal, but one frame
// can still be stale: Ink repaints the old tree on a resize before React has re-rendered it at
// the new size, so shrinking the window would trigger that clear. This wrapper tells Ink the
// terminal is very tall, which takes the clear path away entirely; the real height is read by
// useTerminalSize through `realRows`, and the layout budget is computed from it.

import {SGR_SEQUENCES} from '../render/sanitize.js';

const REAL = Symbol.for('katarun.realStdout');
const FAKE_ROWS = 10_000;

/**
 * Remove colour (foreground/background SGR parameters) from escape sequences and keep the rest
 * (bold, dim, underline, inverse, cursor movement): https://no-color.org asks for no colour,
 * and the colours come from several places (Ink, the markdown renderer, code highlighting, the
 * shell's own prompt in the live tail), so they are taken out where everything leaves.
 */
export function withoutColour(text: string): string {
  return text.replace(SGR_SEQUENCES, (whole, params: string) => {
    if (params === '') return whole;
    const ps = params.split(/[;:]/);
    const kept: string[] = [];
    for (let i = 0; i < ps.length; i++) {
      const n = Number(ps[i]);
      if (n === 38 || n === 48 || n === 58) {
        i += ps[i + 1] === '5' ? 2 : ps[i + 1] === '2' ? 4 : 0;
        continue;
      }
      if ((n >= 30 && n <= 37) || n === 39 || (n >= 40 && n <= 47) || n === 49 || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) || n === 59) continue;
      kept.push(ps[i]!);
    }
    return kept.length ? `\x1b[${kept.join(';')}m` : '';
  });
}

export function inkStdout(real: NodeJS.WriteStream, noColour = false): NodeJS.WriteStream {
  const write = noColour
    ? (chunk: unknown, ...rest: unknown[]) => (real.write as (...a: unknown[]) => boolean).call(real, typeof chunk === 'string' ? withoutColour(chunk) : chunk, ...rest)
    : undefined;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'rows') return FAKE_ROWS;
      if (prop === REAL) return target;
      if (prop === 'write' && write) return write;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Rows of the real terminal behind a stream (the wrapped one or any other). */
export function realRows(stream: NodeJS.WriteStream | undefined): number | undefined {
  if (!stream) return undefined;
  const real = (stream as unknown as Record<symbol, NodeJS.WriteStream | undefined>)[REAL];
  return (real ?? stream).rows;
}
