// What the PTY and pipe sessions share: the command queue (a command never becomes the
// stdin of the one before), per-command timeouts and abort signals, listeners, and the
// bookkeeping of the command that is running. Subclasses say how a command is sent, how
// Ctrl-C is delivered and how the shell is started and ended.
import { stripEscapes } from '../render/sanitize.js';
import { unlink } from 'node:fs';
import { cwdFileFor, envFileFor, removeCommandFile } from './session-files.js';
/** How long Ctrl-C gets before the foreground job is sent SIGTERM, and SIGTERM before SIGKILL. */
export const ESCALATE_MS = 2000;
export class SessionBase {
    name;
    paths;
    logFile;
    pending;
    disposed = false;
    nextId = 1;
    queue = Promise.resolve();
    outputListeners = new Set();
    exitListeners = new Set();
    constructor(name, paths) {
        this.name = name;
        this.paths = paths;
        this.logFile = paths.logFile;
    }
    snapId = 0;
    snapIds = [0];
    /** The newest snapshot; the path changes after each command, so read it when needed. */
    get envFile() {
        return envFileFor(this.paths, this.snapId);
    }
    get cwdFile() {
        return cwdFileFor(this.paths, this.snapId);
    }
    /** The shell wrote the snapshot of command `id`; older ones but the previous are removed. */
    snapshotWritten(id) {
        if (id === this.snapId)
            return;
        this.snapId = id;
        this.snapIds.push(id);
        // The previous one stays a little longer: a check may be reading it right now.
        while (this.snapIds.length > 2) {
            const old = this.snapIds.shift();
            if (this.snapIds.includes(old))
                continue;
            unlink(envFileFor(this.paths, old), () => undefined);
            unlink(cwdFileFor(this.paths, old), () => undefined);
        }
    }
    get busy() {
        return this.pending !== undefined;
    }
    run(command, opts = {}) {
        const p = this.queue.then(() => this.runNow(command, opts));
        this.queue = p.catch(() => undefined);
        return p;
    }
    async runNow(command, opts) {
        if (this.disposed)
            throw new Error(`shell ${this.name} is disposed`);
        await this.whenReady();
        const id = this.nextId++;
        return new Promise((resolve) => {
            let timer;
            const onAbort = () => {
                if (this.pending?.id !== id)
                    return;
                this.pending.interrupted = true;
                this.interrupt();
            };
            const file = this.send(id, command);
            const pending = {
                id,
                file,
                started: performance.now(),
                timedOut: false,
                interrupted: false,
                resolve,
                cleanup: () => {
                    if (timer)
                        clearTimeout(timer);
                    opts.signal?.removeEventListener('abort', onAbort);
                    removeCommandFile(file);
                },
            };
            this.pending = pending;
            if (opts.timeoutMs && opts.timeoutMs > 0 && Number.isFinite(opts.timeoutMs)) {
                timer = setTimeout(() => {
                    if (this.pending?.id !== id)
                        return;
                    pending.timedOut = true;
                    this.interrupt();
                }, opts.timeoutMs);
            }
            if (opts.signal) {
                if (opts.signal.aborted)
                    onAbort();
                else
                    opts.signal.addEventListener('abort', onAbort, { once: true });
            }
        });
    }
    /** Settle the running command. */
    finishPending(exitCode, tail, lineCount, extra = {}) {
        const p = this.pending;
        if (!p)
            return;
        this.pending = undefined;
        p.cleanup();
        p.resolve({
            exitCode,
            timedOut: p.timedOut,
            interrupted: p.interrupted,
            durationMs: performance.now() - p.started,
            tail,
            lineCount,
            ...extra,
        });
    }
    onOutput(listener) {
        this.outputListeners.add(listener);
        return () => this.outputListeners.delete(listener);
    }
    onExit(listener) {
        this.exitListeners.add(listener);
        return () => this.exitListeners.delete(listener);
    }
    get hasOutputListeners() {
        return this.outputListeners.size > 0;
    }
    emitOutput(chunk) {
        for (const l of this.outputListeners) {
            try {
                l(chunk);
            }
            catch {
                // a listener's failure must not break the session
            }
        }
    }
    emitExit(code) {
        for (const l of this.exitListeners) {
            try {
                l(code);
            }
            catch {
                // as above
            }
        }
    }
}
/** Remove escape sequences, for plain report text (render/sanitize.ts holds the one expression). */
export const stripAnsi = stripEscapes;
//# sourceMappingURL=session-base.js.map