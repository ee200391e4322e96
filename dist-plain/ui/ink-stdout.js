// The stdout Ink writes to. Ink 6.8 clears the whole terminal — scrollback included — and
// reprints all <Static> history whenever the previous frame was at least `stdout.rows` tall
// (notes/tech.md §3.1). Our layout keeps every frame shorter than the terminal, but one frame
// can still be stale: Ink repaints the old tree on a resize before React has re-rendered it at
// the new size, so shrinking the window would trigger that clear. This wrapper tells Ink the
// terminal is very tall, which takes the clear path away entirely; the real height is read by
// useTerminalSize through `realRows`, and the layout budget is computed from it.
const REAL = Symbol.for('katarun.realStdout');
const FAKE_ROWS = 10_000;
export function inkStdout(real) {
    return new Proxy(real, {
        get(target, prop) {
            if (prop === 'rows')
                return FAKE_ROWS;
            if (prop === REAL)
                return target;
            const value = Reflect.get(target, prop, target);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
}
/** Rows of the real terminal behind a stream (the wrapped one or any other). */
export function realRows(stream) {
    if (!stream)
        return undefined;
    const real = stream[REAL];
    return (real ?? stream).rows;
}
//# sourceMappingURL=ink-stdout.js.map