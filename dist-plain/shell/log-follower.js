// Follows a log file that the shell appends to: reads what is new in large blocks and hands
// it on. The pipe session sends a command's output straight into its log file (bash opens
// it with O_APPEND), so megabytes of output never cross a pipe into Node in small chunks;
// Node reads them back from the page cache in 4 MiB blocks, which is several times cheaper.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
// Large, because each block costs the line tail a rebuild of its last lines (1 MiB blocks: ~2× the
// time to take in a 15 MB flood).
const BLOCK = 4 << 20;
export class LogFollower {
    file;
    onData;
    readFd;
    appendFd;
    offset;
    buf;
    closed = false;
    constructor(file, onData) {
        this.file = file;
        this.onData = onData;
        this.appendFd = openSync(file, 'a', 0o600);
        this.readFd = openSync(file, 'r');
        this.offset = fstatSync(this.readFd).size;
    }
    /** Append text of our own (notes, output the shell printed on its pipe). */
    append(data) {
        if (!this.closed)
            writeSync(this.appendFd, typeof data === 'string' ? Buffer.from(data) : data);
    }
    /** Read everything appended since the last call; the number of bytes read. */
    drain() {
        if (this.closed)
            return 0;
        const size = fstatSync(this.readFd).size;
        if (size < this.offset)
            this.offset = size; // truncated by someone: start again at its end
        if (size === this.offset)
            return 0;
        const start = this.offset;
        this.buf ??= Buffer.allocUnsafe(BLOCK);
        for (;;) {
            const n = readSync(this.readFd, this.buf, 0, BLOCK, this.offset);
            if (n <= 0)
                break;
            this.offset += n;
            // A copy only when someone could keep it beyond this call is not needed: consumers
            // (LineTail, decoders) copy what they keep.
            this.onData(this.buf.subarray(0, n));
            if (n < BLOCK)
                break;
        }
        return this.offset - start;
    }
    close() {
        if (this.closed)
            return;
        this.drain();
        this.closed = true;
        closeSync(this.readFd);
        closeSync(this.appendFd);
    }
}
//# sourceMappingURL=log-follower.js.map