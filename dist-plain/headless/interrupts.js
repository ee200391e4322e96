// Ctrl-C, SIGTERM and SIGHUP during `katarun test`: the first one aborts the run (every
// shell and script is ended, the report says "interrupted", exit 130); a second one ends
// everything at once and exits 130 without waiting.
import { disposeAll, killAllSync } from '../shell/process-registry.js';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
export function installInterruptHandlers() {
    const ac = new AbortController();
    const onSignal = () => {
        if (!ac.signal.aborted) {
            ac.abort();
            return;
        }
        killAllSync();
        process.exit(130);
    };
    for (const s of SIGNALS)
        process.on(s, onSignal);
    return {
        signal: ac.signal,
        async dispose() {
            for (const s of SIGNALS)
                process.off(s, onSignal);
            await disposeAll();
        },
    };
}
//# sourceMappingURL=interrupts.js.map