// Copy text to the learner's clipboard from a terminal app, by the chain measured in
// notes/tech.md §7: inside tmux its own buffer (`load-buffer -w` also sets the outer
// clipboard); otherwise OSC 52 written straight to the TTY (works locally and over SSH,
// unacknowledged); on a local desktop additionally wl-copy / xclip / xsel / pbcopy.
// Nothing here spawns: the caller passes `run`, backed by the shell layer's runProcess.
// The result always says what happened, so the UI can show the text either way.
export const osc52 = (text) => `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
/** GNU screen passes a sequence on only inside its own DCS; long payloads must be cut into pieces. */
export function screenWrap(sequence) {
    const chunks = sequence.match(/[\s\S]{1,500}/g) ?? [];
    return chunks.map((chunk) => `\u001bP${chunk}\u001b\\`).join('');
}
export function isLocalDesktop(env, platform) {
    if (env.SSH_TTY || env.SSH_CONNECTION || env.SSH_CLIENT)
        return false;
    return platform === 'darwin' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
function desktopTools(env, platform) {
    if (platform === 'darwin')
        return [['pbcopy', []]];
    const tools = [];
    if (env.WAYLAND_DISPLAY)
        tools.push(['wl-copy', []]);
    if (env.DISPLAY)
        tools.push(['xclip', ['-selection', 'clipboard']], ['xsel', ['--clipboard', '--input']]);
    return tools;
}
async function tryRun(deps, command, args, text) {
    try {
        return await deps.run(command, args, text);
    }
    catch {
        return false; // not installed, or it could not start: the next link of the chain tries
    }
}
export async function copyText(text, deps) {
    const { env, platform } = deps;
    if (env.TMUX) {
        if (await tryRun(deps, 'tmux', ['load-buffer', '-w', '-'], text))
            return { method: 'tmux', text, ok: true };
    }
    let method = 'none';
    if (deps.writeTty) {
        deps.writeTty(env.STY ? screenWrap(osc52(text)) : osc52(text));
        method = 'osc52';
    }
    if (isLocalDesktop(env, platform)) {
        for (const [command, args] of desktopTools(env, platform)) {
            if (await tryRun(deps, command, args, text))
                return { method: 'desktop', text, ok: true };
        }
    }
    return { method, text, ok: method !== 'none' };
}
//# sourceMappingURL=clipboard.js.map