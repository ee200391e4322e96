// Finding scenarios in folders (bundled, ./scenarios, or a folder given on the command line)
// and summarising each from its index alone — fast enough for a picker, no markdown read.
import { readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundledScenariosDir } from './bundled.js';
import { DiagnosticSink, formatDiagnostic } from './diagnostics.js';
import { FileStore } from './file-store.js';
import { parseMinutes } from './index/durations.js';
import { hasIndex, locateScenario } from './languages.js';
import { readIndex } from './loader/read-index.js';
const real = (p) => {
    try {
        return realpathSync(p);
    }
    catch {
        return resolve(p);
    }
};
/** The scenario folders in `dir`: `dir` itself when it has an index, else its children that do (translations skipped). */
export function scenarioDirsIn(dir) {
    if (hasIndex(dir))
        return [resolve(dir)];
    let names = [];
    try {
        names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => e.name);
    }
    catch {
        return [];
    }
    return names
        .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
        .sort()
        .map((n) => resolve(dir, n))
        .filter((d) => hasIndex(d));
}
export async function summarizeScenario(dir, origin) {
    const loc = locateScenario(dir);
    const sink = new DiagnosticSink();
    const { reader } = await readIndex(loc.dir, new FileStore([loc.dir]), sink);
    const base = { id: loc.id, dir: loc.baseDir, origin, languages: loc.languages };
    if (!reader)
        return { ...base, title: loc.id, description: '', steps: 0, problem: sink.items[0] ? formatDiagnostic(sink.items[0], process.cwd()) : 'cannot read the index' };
    const time = reader.string(['time']);
    const timeMinutes = time !== undefined ? parseMinutes(time) : undefined;
    const difficulty = reader.string(['difficulty']);
    const steps = reader.get(['details', 'steps']);
    return {
        ...base,
        title: reader.string(['title']) ?? loc.id,
        description: reader.string(['description']) ?? '',
        ...(difficulty !== undefined ? { difficulty } : {}),
        ...(time !== undefined ? { time } : {}),
        ...(timeMinutes !== undefined ? { timeMinutes } : {}),
        steps: Array.isArray(steps) ? steps.length : 0,
    };
}
/**
 * Every scenario in the given folders, each once (by real path), bundled ones marked as such.
 * Folders that do not exist are skipped; the caller decides whether that is a mistake.
 */
export async function discoverScenarios(dirs) {
    const bundled = real(bundledScenariosDir());
    const seen = new Set();
    const out = [];
    for (const dir of dirs) {
        const origin = real(dir) === bundled ? 'bundled' : 'local';
        for (const scenarioDir of scenarioDirsIn(dir)) {
            const key = real(scenarioDir);
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(await summarizeScenario(scenarioDir, real(join(scenarioDir, '..')) === bundled ? 'bundled' : origin));
        }
    }
    return out;
}
//# sourceMappingURL=discover.js.map