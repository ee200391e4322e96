// Progress per scenario in the XDG state dir (progress/<id>.json). Written atomically (a
// temporary file renamed over the old one) so a crash never leaves half a file; a file that
// cannot be read is moved aside and reported, never fatal — losing a bookmark must not stop
// a learner.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { progressFile } from './dirs.js';
function isProgress(v) {
    if (!v || typeof v !== 'object')
        return false;
    const p = v;
    return (p.version === 1 &&
        typeof p.id === 'string' &&
        typeof p.contentHash === 'string' &&
        typeof p.currentStep === 'number' &&
        typeof p.savedAt === 'number' &&
        Array.isArray(p.steps) &&
        p.steps.every((s) => !!s && typeof s === 'object' && typeof s.index === 'number' && typeof s.status === 'string'));
}
/** Read saved progress; a corrupt file is renamed aside (unless `moveCorrupt` is false, for read-only callers). */
export async function loadProgress(dirs, id, now = Date.now, moveCorrupt = true) {
    const file = progressFile(dirs, id);
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return { kind: 'none' };
        return setAside(file, `cannot be read (${err.message})`, now, moveCorrupt);
    }
    try {
        const parsed = JSON.parse(text);
        if (isProgress(parsed))
            return { kind: 'ok', progress: parsed };
        return setAside(file, 'has an unexpected shape', now, moveCorrupt);
    }
    catch {
        return setAside(file, 'is not valid JSON', now, moveCorrupt);
    }
}
async function setAside(file, reason, now, move) {
    const movedTo = `${file}.corrupt-${now()}`;
    if (!move)
        return { kind: 'corrupt', movedTo: file, reason };
    try {
        await rename(file, movedTo);
    }
    catch {
        // If even the rename fails, the next save overwrites the file; still not fatal.
    }
    return { kind: 'corrupt', movedTo, reason };
}
export function progressFromState(scenario, state, savedAt) {
    return {
        version: 1,
        id: scenario.id,
        contentHash: scenario.contentHash,
        lang: scenario.lang,
        currentStep: state.stepIndex,
        savedAt,
        steps: state.steps.map((s) => ({
            index: s.index,
            status: s.status,
            elapsedMs: s.elapsedMs,
            ...(s.startedAt !== undefined ? { startedAt: s.startedAt } : {}),
            ...(s.finishedAt !== undefined ? { finishedAt: s.finishedAt } : {}),
            ...(s.quizAnswered.some(Boolean) ? { quizzes: s.quizAnswered.flatMap((ok, i) => (ok ? [i] : [])) } : {}),
        })),
    };
}
let tmpCounter = 0;
export async function saveProgress(dirs, progress) {
    const file = progressFile(dirs, progress.id);
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}-${++tmpCounter}`;
    await writeFile(tmp, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, file);
}
/** What the TUI offers ("continue at step k"): undefined when there is nothing to resume or the scenario changed. */
export async function resumeInfo(scenario, dirs) {
    const loaded = await loadProgress(dirs, scenario.id, Date.now, false);
    if (loaded.kind !== 'ok')
        return undefined;
    const p = loaded.progress;
    if (p.contentHash !== scenario.contentHash || p.currentStep <= 0 || p.currentStep >= scenario.steps.length)
        return undefined;
    return { step: p.currentStep, savedAt: p.savedAt };
}
//# sourceMappingURL=progress-store.js.map