// Splits a pipe shell's byte stream into command output and sentinel lines of the form
// `\x1e<prefix><id>_<status>__\n`. Works on Buffers (one indexOf per chunk in the common
// case) and carries a sentinel that is split across chunks over to the next one.
const RS = 0x1e;
const NL = 0x0a;
/** Longest tail after the prefix: `<id>_<status>__\n`. */
const MAX_SUFFIX = 32;
export class SentinelScanner {
    onOutput;
    onMarker;
    prefix;
    carry;
    constructor(prefix, onOutput, onMarker) {
        this.onOutput = onOutput;
        this.onMarker = onMarker;
        this.prefix = Buffer.from(prefix);
    }
    push(chunk) {
        if (this.carry) {
            chunk = Buffer.concat([this.carry, chunk]);
            this.carry = undefined;
        }
        let from = 0;
        for (;;) {
            const rs = chunk.indexOf(RS, from);
            if (rs < 0) {
                if (from < chunk.length)
                    this.onOutput(from === 0 ? chunk : chunk.subarray(from));
                return;
            }
            if (rs > from)
                this.onOutput(chunk.subarray(from, rs));
            const rest = chunk.subarray(rs);
            const head = Math.min(rest.length, this.prefix.length);
            if (rest.subarray(0, head).equals(this.prefix.subarray(0, head))) {
                if (rest.length < this.prefix.length) {
                    this.carry = Buffer.from(rest);
                    return;
                }
                const nl = rest.indexOf(NL, this.prefix.length);
                if (nl < 0 && rest.length < this.prefix.length + MAX_SUFFIX) {
                    this.carry = Buffer.from(rest);
                    return;
                }
                const m = nl < 0 ? null : /^(\d+)_(\d+)__$/.exec(rest.subarray(this.prefix.length, nl).toString('latin1'));
                if (m) {
                    this.onMarker(Number(m[1]), Number(m[2]));
                    from = rs + nl + 1;
                    continue;
                }
            }
            // A stray 0x1e in the command's own output.
            this.onOutput(chunk.subarray(rs, rs + 1));
            from = rs + 1;
        }
    }
}
//# sourceMappingURL=sentinel-scanner.js.map