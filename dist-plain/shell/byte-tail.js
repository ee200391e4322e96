// A bounded byte buffer that keeps only the end of a stream: one-shot processes may print
// megabytes, but reports need only the last few kilobytes (the full text goes to a log file).
export class ByteTail {
    maxBytes;
    chunks = [];
    size = 0;
    dropped = false;
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    push(chunk) {
        if (this.maxBytes <= 0) {
            this.dropped = true;
            return;
        }
        if (chunk.length >= this.maxBytes) {
            this.chunks = [chunk.subarray(chunk.length - this.maxBytes)];
            this.size = this.maxBytes;
            this.dropped = true;
            return;
        }
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size - this.chunks[0].length >= this.maxBytes) {
            this.size -= this.chunks.shift().length;
            this.dropped = true;
        }
    }
    /** The kept text; when the start was dropped, it begins at a character boundary. */
    text() {
        let buf = Buffer.concat(this.chunks, this.size);
        if (buf.length > this.maxBytes) {
            buf = buf.subarray(buf.length - this.maxBytes);
            this.dropped = true;
        }
        if (this.dropped) {
            // Skip UTF-8 continuation bytes (10xxxxxx) so a cut never yields U+FFFD.
            let i = 0;
            while (i < buf.length && i < 4 && (buf[i] & 0xc0) === 0x80)
                i++;
            buf = buf.subarray(i);
        }
        return buf.toString('utf8');
    }
}
//# sourceMappingURL=byte-tail.js.map