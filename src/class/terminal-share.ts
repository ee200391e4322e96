// Sharing the terminal with the instructor — off unless the learner turns it on (--share-terminal,
// or the key in the TUI after reading what it shares). What is shared: the last lines of the
// commands katarun ran for the learner and their output, each line stripped of terminal escapes
// and cut short, at most LIMITS.terminalLines lines and SHARE_BYTES in all, sent at most once a
// second while it changes. Turning it off sends one `sharing: false`, on which the server
// forgets what it had. While off, the recent lines stay in this process's memory only.

import type {Engine, EngineEvent} from '../engine/types.js';
import {sanitizeText} from '../render/sanitize.js';
import type {EventSink} from './learner-reporter.js';
import {LIMITS} from './protocol.js';

/** The most text shared at a time (the last lines that fit). */
export const SHARE_BYTES = 4096;

function clean(line: string): string {
  return Array.from(sanitizeText(line).replace(/[\t\r]+/g, ' ').replace(/\n/g, ' ').trimEnd()).slice(0, LIMITS.line).join('');
}

/** The last lines that fit the line and byte limits, oldest first. */
export function sharedWindow(lines: readonly string[]): string[] {
  const out: string[] = [];
  let bytes = 0;
  for (let i = lines.length - 1; i >= 0 && out.length < LIMITS.terminalLines; i--) {
    bytes += Buffer.byteLength(lines[i]!) + 1;
    if (bytes > SHARE_BYTES) break;
    out.unshift(lines[i]!);
  }
  return out;
}

export class TerminalShare {
  private lines: string[] = [];
  private sharing = false;
  private timer: NodeJS.Timeout | undefined;
  private lastSent = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly sink: EventSink,
    private readonly everyMs = 1000,
  ) {}

  get on(): boolean {
    return this.sharing;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Lines the terminal showed (kept in memory; sent only while sharing). */
  record(lines: readonly string[]): void {
    for (const l of lines) this.lines.push(clean(l));
    if (this.lines.length > LIMITS.terminalLines * 2) this.lines = this.lines.slice(-LIMITS.terminalLines);
    if (this.sharing) this.schedule();
  }

  /** Follow an engine's commands: each command line and, when it ends, its output's tail. */
  follow(engine: Pick<Engine, 'onEvent'>): () => void {
    return engine.onEvent((e: EngineEvent) => {
      if (e.type === 'action-started') this.record(e.command.split('\n').map((l, i) => `${i === 0 ? '$' : '>'} ${l}`));
      else if (e.type === 'action-finished') this.record(e.tail);
    });
  }

  set(on: boolean): void {
    if (on === this.sharing) return;
    this.sharing = on;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (on) this.flush();
    else this.sink.send({type: 'terminal', sharing: false, lines: []});
    for (const l of [...this.listeners]) l();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.everyMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
    this.timer.unref();
  }

  private flush(): void {
    if (!this.sharing) return;
    this.lastSent = Date.now();
    this.sink.send({type: 'terminal', sharing: true, lines: sharedWindow(this.lines)});
  }

  /** At the end of a run: what is waiting for its turn goes now. */
  finish(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flush();
  }
}
