// Coalesces a terminal's output into one store update per batch window (~75 ms), so a
// command printing a million lines costs a handful of renders, not a million. The tail
// comes from the session (as the terminal shows it, bounded); the full output is already in
// the session's log file.

export const TAIL_LINES = 200;

export interface BatchTarget {
  /** The current bounded tail of the terminal. */
  readTail(): readonly string[];
  /** Lines printed by the running (or last) command so far (the session counts them). */
  readLineCount(): number;
  /** Publish a batch: the tail and the running command's line count. */
  publish(tail: readonly string[], lineCount: number): void;
}

export class OutputBatcher {
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly target: BatchTarget,
    private readonly batchMs: number,
  ) {}

  /** Output arrived: schedule a flush (the bytes themselves are the session's to count and keep). */
  poke(): void {
    if (this.disposed) return;
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.batchMs);
  }

  /** Publish now (at the end of a command, so the final lines are never held back). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    this.target.publish(this.target.readTail(), this.target.readLineCount());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed = true;
  }
}
