// Offsets → 1-based line and column. Every position katarun reports (markdown actions,
// JSON keys, YAML nodes) goes through this one conversion so they all agree.
export class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** 1-based line and column (in UTF-16 code units, as editors count for BMP text). */
    position(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
    line(offset) {
        return this.position(offset).line;
    }
}
//# sourceMappingURL=line-index.js.map