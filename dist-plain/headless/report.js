// The result of a headless run, as every reporter sees it: plain data, JSON-safe.
export function summarize(steps) {
    const count = (s) => steps.filter((x) => x.status === s).length;
    return { total: steps.length, passed: count('passed'), failed: count('failed'), notRun: count('not-run'), skipped: count('skipped') };
}
//# sourceMappingURL=report.js.map