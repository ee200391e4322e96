// The terminals T1…Tn: one persistent shell each, started on first use, commands queued
// per terminal so that one never becomes the stdin of the one before. Output reaches the
// store in batches. Whatever setup/background scripts appended to KATARUN_SHELL_ENV is
// sourced into a terminal before its next command, so late exports still arrive.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputBatcher, TAIL_LINES } from './output-batcher.js';
export class TerminalPool {
    o;
    entries = new Map();
    disposed = false;
    size;
    constructor(o) {
        this.o = o;
        this.size = o.size;
    }
    has(id) {
        return this.entries.has(id);
    }
    session(id) {
        if (this.disposed)
            return Promise.reject(new Error('the engine was disposed'));
        const known = this.entries.get(id);
        if (known)
            return known.session;
        const entry = { queue: Promise.resolve(), sourcedStamp: '' };
        entry.session = this.start(id, entry);
        // A failed start must not poison the next attempt.
        entry.session.catch(() => this.entries.get(id) === entry && this.entries.delete(id));
        this.entries.set(id, entry);
        return entry.session;
    }
    async start(id, entry) {
        const s = await this.o.port.createSession({
            kind: this.o.kind,
            cwd: this.o.cwd,
            env: this.o.env(),
            stateDir: join(this.o.logDir, id),
            name: id,
            ...(this.size ? { cols: this.size.cols, rows: this.size.rows } : {}),
        });
        const batcher = new OutputBatcher({ readTail: () => s.tail(TAIL_LINES), publish: (tail, lineCount) => this.o.dispatch({ type: 'terminal', id, patch: { tail, lineCount } }) }, this.o.batchMs);
        entry.batcher = batcher;
        s.onOutput((chunk) => batcher.push(chunk));
        s.onExit((code) => {
            batcher.dispose();
            if (this.disposed || this.entries.get(id) !== entry)
                return;
            this.entries.delete(id);
            this.o.dispatch({ type: 'terminal', id, patch: { started: false, running: undefined } });
            this.o.notice('warning', this.o.t('notice.shellEnded', { id, code: String(code ?? 'signal') }));
        });
        this.o.dispatch({ type: 'terminal', id, patch: { started: true, tail: [], lineCount: 0 } });
        return s;
    }
    /** Queue a command on a terminal; `onStart` fires when it actually begins. */
    run(id, command, meta, opts = {}) {
        const entryPromise = this.session(id);
        const e = this.entries.get(id);
        if (!e)
            return entryPromise.then(() => Promise.reject(new Error(`terminal ${id} is not available`)));
        const job = e.queue.then(async () => {
            const s = await entryPromise;
            await this.sourceShellEnv(s, e);
            meta.onStart?.();
            e.batcher?.resetCount();
            const startedAt = Date.now();
            this.o.dispatch({ type: 'terminal', id, patch: { running: { command, startedAt, ...(meta.actionId !== undefined ? { actionId: meta.actionId } : {}) }, lineCount: 0 } });
            try {
                return await s.run(command, opts);
            }
            finally {
                e.batcher?.flush();
                this.o.dispatch({ type: 'terminal', id, patch: { running: undefined } });
            }
        });
        e.queue = job.catch(() => undefined);
        return job;
    }
    async sourceShellEnv(s, e) {
        const st = await stat(this.o.shellEnvFile).catch(() => undefined);
        if (!st || st.size === 0)
            return;
        const stamp = `${st.size}:${st.mtimeMs}`;
        if (stamp === e.sourcedStamp)
            return;
        e.sourcedStamp = stamp;
        const pins = Object.entries(this.o.pinned?.() ?? {})
            .filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
            .map(([k, v]) => `; export ${k}='${v.replace(/'/g, `'\\''`)}'`)
            .join('');
        await s.run(` source "$KATARUN_SHELL_ENV"${pins}`);
    }
    /** Ctrl-C to the terminal's foreground job; a no-op when it is idle or not started. */
    async interrupt(id) {
        const e = this.entries.get(id);
        if (!e)
            return;
        const s = await e.session.catch(() => undefined);
        if (s?.busy)
            s.interrupt();
    }
    /** True while the terminal runs a command. */
    async busy(id) {
        const e = this.entries.get(id);
        const s = e ? await e.session.catch(() => undefined) : undefined;
        return !!s?.busy;
    }
    resize(cols, rows) {
        this.size = { cols, rows };
        for (const e of this.entries.values())
            void e.session.then((s) => s.resize(cols, rows)).catch(() => undefined);
    }
    async dispose() {
        if (this.disposed)
            return;
        this.disposed = true;
        const all = [...this.entries.values()];
        this.entries.clear();
        await Promise.all(all.map(async (e) => {
            e.batcher?.dispose();
            const s = await e.session.catch(() => undefined);
            await s?.dispose();
        }));
    }
}
//# sourceMappingURL=terminals.js.map