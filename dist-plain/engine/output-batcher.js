// Coalesces a terminal's output into one store update per batch window (~75 ms), so a
// command printing a million lines costs a handful of renders, not a million. The tail
// comes from the session (as the terminal shows it, bounded); the full output is already in
// the session's log file.
export const TAIL_LINES = 200;
export class OutputBatcher {
    target;
    batchMs;
    timer;
    lines = 0;
    disposed = false;
    constructor(target, batchMs) {
        this.target = target;
        this.batchMs = batchMs;
    }
    /** Feed a raw chunk; counts its lines and schedules a flush. */
    push(chunk) {
        if (this.disposed)
            return;
        for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1))
            this.lines++;
        if (!this.timer)
            this.timer = setTimeout(() => this.flush(), this.batchMs);
    }
    /** A new command starts: its line count begins at zero. */
    resetCount() {
        this.lines = 0;
    }
    /** Publish now (at the end of a command, so the final lines are never held back). */
    flush() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        if (this.disposed)
            return;
        this.target.publish(this.target.readTail(), this.lines);
    }
    dispose() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        this.disposed = true;
    }
}
//# sourceMappingURL=output-batcher.js.map