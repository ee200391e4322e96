// `background` scripts (and Katacoda's `courseData`): started detached when their page or
// step starts, output to a log file, stopped when the engine is disposed. Each one starts
// at most once per run, even when the learner goes back and forth between steps.
import { join } from 'node:path';
export class BackgroundScripts {
    port;
    logDir;
    started = new Set();
    handles = [];
    stopped = false;
    constructor(port, logDir) {
        this.port = port;
        this.logDir = logDir;
    }
    /** Start `script` once under `key` (e.g. `step-2`); resolves with its log file. */
    async start(key, script, cwd, env) {
        if (this.stopped || this.started.has(key))
            return undefined;
        this.started.add(key);
        const logFile = join(this.logDir, `background-${key}.log`);
        const handle = await this.port.startBackground(script, { cwd, env, logFile });
        if (this.stopped) {
            await handle.stop();
            return undefined;
        }
        this.handles.push(handle);
        return logFile;
    }
    async stopAll() {
        this.stopped = true;
        const all = this.handles.splice(0);
        await Promise.all(all.map((h) => h.stop().catch(() => undefined)));
    }
}
//# sourceMappingURL=background-scripts.js.map