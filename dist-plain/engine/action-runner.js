// Runs one action the way a person at Katacoda's terminal would: exec actions are typed into
// their terminal (after Ctrl-C when flagged), copy hands back the text, file actions write
// into the workspace, open names the mapped file. No terminal output is written here; the
// results go into the store and the event stream.
import { writeFileAction } from './file-action.js';
import { resolvePlaceholders } from './placeholders.js';
import { hasHiddenControls, showControls } from '../render/sanitize.js';
const warnedHosts = new WeakMap();
/** `HOST2` → T2: every host is this machine, so each gets a local terminal of its own. */
export function terminalFor(action, ctx) {
    const m = action.host ? /^HOST(\d+)$/i.exec(action.host) : null;
    if (!m)
        return action.terminal;
    if (ctx) {
        const seen = warnedHosts.get(ctx) ?? new Set();
        warnedHosts.set(ctx, seen);
        if (!seen.has(action.host)) {
            seen.add(action.host);
            ctx.notice('warning', ctx.t('notice.hostMapped', { host: action.host, terminal: `T${m[1]}` }));
        }
    }
    return `T${Number(m[1])}`;
}
export async function runAction(ctx, step, action) {
    const text = resolve(ctx, action.text);
    // What is shown is what runs: text with control characters (validate's error) is never typed or copied.
    if ((action.kind === 'exec' || action.kind === 'copy') && hasHiddenControls(text)) {
        ctx.dispatch({ type: 'action', step, id: action.id, patch: { status: 'failed' } });
        ctx.notice('error', ctx.t('notice.controlChars', { text: showControls(text) }));
        return {};
    }
    if (action.kind === 'exec')
        return { result: await runExec(ctx, step, action, text) };
    try {
        return await runOther(ctx, step, action, text);
    }
    catch (err) {
        ctx.dispatch({ type: 'action', step, id: action.id, patch: { status: 'failed' } });
        ctx.notice('error', err.message);
        return {};
    }
}
async function runOther(ctx, step, action, text) {
    switch (action.kind) {
        case 'copy':
            ctx.dispatch({ type: 'action', step, id: action.id, patch: { status: 'done' } });
            return { copied: text };
        case 'open': {
            const path = ctx.mapPath(action.path);
            ctx.dispatch({ type: 'action', step, id: action.id, patch: { status: 'done' } });
            ctx.notice('info', ctx.t('notice.openFile', { path }));
            return { opened: path };
        }
        case 'file': {
            const path = ctx.mapPath(action.path);
            try {
                await writeFileAction(path, action, text, ctx.workspace);
                ctx.dispatch({ type: 'action', step, id: action.id, patch: { status: 'done' } });
                ctx.notice('info', ctx.t('notice.wrote', { path, mode: action.mode }));
            }
            catch (err) {
                ctx.dispatch({ type: 'action', step, id: action.id, patch: { status: 'failed' } });
                ctx.notice('error', ctx.t('notice.writeFailed', { path, message: err.message }));
            }
            return { opened: path };
        }
    }
}
function resolve(ctx, text) {
    const r = resolvePlaceholders(text);
    if (r.portSelector)
        ctx.notice('info', ctx.t('notice.portSelector'));
    return r.text;
}
async function runExec(ctx, step, action, command) {
    const id = terminalFor(action, ctx);
    const set = (status, extra = {}) => ctx.dispatch({ type: 'action', step, id: action.id, patch: { status, ...extra } });
    if (action.interrupt)
        await ctx.terminals.interrupt(id);
    if (action.ctrlSeq || action.noNewline) {
        const s = await ctx.terminals.session(id);
        const bytes = action.ctrlSeq ? ctx.port.ctrlSequenceBytes(action.text.trim()) : command;
        if (bytes === undefined)
            ctx.notice('warning', ctx.t('notice.unknownKeys', { text: action.text }));
        else
            s.write(bytes);
        set('done');
        return { exitCode: 0, timedOut: false, interrupted: false, durationMs: 0, tail: [], lineCount: 0 };
    }
    set('queued');
    ctx.emit({ type: 'action-started', step, action, command });
    const result = await ctx.terminals.run(id, command, { actionId: action.id, onStart: () => set('running') }, ctx.commandTimeoutMs ? { timeoutMs: ctx.commandTimeoutMs } : {});
    const status = result.timedOut ? 'timed-out' : result.interrupted || result.exitCode === 130 ? 'interrupted' : result.exitCode === 0 ? 'passed' : 'failed';
    set(status, { exitCode: result.exitCode, durationMs: result.durationMs });
    ctx.emit({ type: 'action-finished', step, action, exitCode: result.exitCode, durationMs: result.durationMs, tail: result.tail });
    return result;
}
//# sourceMappingURL=action-runner.js.map