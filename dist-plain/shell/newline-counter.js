// Counting newlines in megabytes of output with WebAssembly SIMD: sixteen bytes compared at
// once, the matches' bitmask popcounted. A 15 MB flood is counted in ~2 ms instead of ~15 ms
// with the JavaScript counter on a cold start (the JIT has not warmed up by the time a flood
// arrives). The module is a few dozen bytes, assembled here so that nothing is fetched or
// built; where WebAssembly SIMD is missing, the JavaScript counter does the work.
/** Below this, copying into the module's memory costs more than counting in JavaScript. */
const MIN_BYTES = 16 * 1024;
const PAGE = 64 * 1024;
const u32 = (n) => {
    const out = [];
    do {
        let b = n & 0x7f;
        n >>>= 7;
        if (n)
            b |= 0x80;
        out.push(b);
    } while (n);
    return out;
};
const section = (id, body) => [id, ...u32(body.length), ...body];
const name = (s) => [...u32(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
// Locals: 0 pointer, 1 length (the parameters), 2 end, 3 count, 4 sixteen newlines.
const I32 = 0x7f;
const V128 = 0x7b;
const GET = 0x20;
const SET = 0x21;
const CONST = 0x41;
const SIMD = 0xfd;
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = 0x0b;
const BR_IF_OUT = [0x0d, 0x01];
const BR_BACK = [0x0c, 0x00];
const ADD = 0x6a;
const AND = 0x71;
const GE_U = 0x4f;
/** while (pointer < end) { count += step(pointer); pointer += width } */
const loopUntilEnd = (count, width) => [
    ...BLOCK,
    ...LOOP,
    GET, 0, GET, 2, GE_U, ...BR_IF_OUT,
    GET, 3, ...count, ADD, SET, 3,
    GET, 0, CONST, width, ADD, SET, 0,
    ...BR_BACK,
    END,
    END,
];
const code = [
    ...u32(2), 2, I32, 1, V128,
    // sixteen newlines
    CONST, 10, SIMD, 0x0f /* i8x16.splat */, SET, 4,
    // end = pointer + (length & ~15)
    GET, 0, GET, 1, CONST, 0x70 /* -16 */, AND, ADD, SET, 2,
    ...loopUntilEnd([GET, 0, SIMD, 0x00, 0x00, 0x00 /* v128.load */, GET, 4, SIMD, 0x23 /* i8x16.eq */, SIMD, 0x64 /* i8x16.bitmask */, 0x69 /* i32.popcnt */], 16),
    // the last (length & 15) bytes one at a time
    GET, 0, GET, 1, CONST, 15, AND, ADD, SET, 2,
    ...loopUntilEnd([GET, 0, 0x2d, 0x00, 0x00 /* i32.load8_u */, CONST, 10, 0x46 /* i32.eq */], 1),
    GET, 3,
    END,
];
const MODULE = new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, ...u32(64)]),
    ...section(7, [2, ...name('count'), 0x00, 0, ...name('memory'), 0x02, 0]),
    ...section(10, [1, ...u32(code.length), ...code]),
]);
let counter;
function load() {
    try {
        const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
        const { memory, count } = instance.exports;
        return { memory, count };
    }
    catch {
        // No WebAssembly, or no SIMD in it (Node started with --no-experimental-wasm-simd, an old V8…).
        return null;
    }
}
/** Newlines in `buf` by WebAssembly SIMD, or undefined when the buffer is small or SIMD is missing. */
export function countNewlinesSimd(buf, minBytes = MIN_BYTES) {
    if (buf.length < minBytes)
        return undefined;
    if (counter === undefined)
        counter = load();
    if (!counter)
        return undefined;
    const { memory, count } = counter;
    if (memory.buffer.byteLength < buf.length)
        memory.grow(Math.ceil((buf.length - memory.buffer.byteLength) / PAGE));
    new Uint8Array(memory.buffer, 0, buf.length).set(buf);
    return count(0, buf.length);
}
//# sourceMappingURL=newline-counter.js.map