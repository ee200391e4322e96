// Loaded into the class server's process by class.bench.mjs (node --import): measures the
// server's event-loop delay (perf_hooks.monitorEventLoopDelay). On SIGUSR2 it writes what it
// measured since the last SIGUSR2, as JSON, to $KATARUN_BENCH_PROBE_OUT and starts again, so each
// phase of the bench is measured alone. A bench instrument, not part of katarun.
import {writeFileSync} from 'node:fs';
import {monitorEventLoopDelay} from 'node:perf_hooks';

const out = process.env.KATARUN_BENCH_PROBE_OUT;
const loop = monitorEventLoopDelay({resolution: 10});
loop.enable();
process.on('SIGUSR2', () => {
  if (out) writeFileSync(out, JSON.stringify({p50Ms: loop.percentile(50) / 1e6, p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6}));
  loop.reset();
});
