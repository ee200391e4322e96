// KATARUN_TRACE_STARTUP=<file> appends when each stage before the first frame finished (ms
// since the process started, then CPU ms used so far: steadier than wall time on a busy
// machine), to see where start-up time goes without a profiler's overhead.
import { appendFileSync } from 'node:fs';
export function traceStartup(stage) {
    const file = process.env.KATARUN_TRACE_STARTUP;
    if (!file)
        return;
    const cpu = process.cpuUsage();
    appendFileSync(file, `${performance.now().toFixed(1)}\t${((cpu.user + cpu.system) / 1000).toFixed(1)}\t${stage}\n`);
}
//# sourceMappingURL=trace.js.map