// `s`: the learner gets the very shell the actions type into, full-screen, and Ctrl-] (0x1d)
// gives the terminal back. Ink 6.8 has no suspendTerminal(), so the App first renders nothing
// live and turns its own input off (Ink then leaves raw mode and detaches from stdin); this
// module then switches to the alternate screen — which keeps the tutorial's screen and the
// scrollback untouched underneath — repaints the shell's screen, and pipes bytes both ways.
// Leaving the alternate screen puts the tutorial back exactly as it was.
const CTRL_RIGHT_BRACKET = '\u001d';
export const ENTER_ALT = '\u001b[?1049h';
export const LEAVE_ALT = '\u001b[?1049l';
/** Set while the shell owns the terminal, so every exit path can give it back. */
let restoreActive;
/** Leave the drop-in if one is active (called on quit, errors and signals). */
export function leaveDropIn() {
    restoreActive?.();
}
export function createDropIn(stdin, stdout) {
    return (session, banner) => new Promise((resolve) => {
        const write = (data) => {
            if (stdout.writable)
                stdout.write(data);
        };
        write(`${ENTER_ALT}\u001b[H\u001b[7m ${banner} \u001b[0m\r\n`);
        write(session.screen().replace(/\n/g, '\r\n'));
        const offOutput = session.onOutput((chunk) => write(chunk));
        const offExit = session.onExit(() => finish());
        const onResize = () => session.resize(stdout.columns || 80, stdout.rows || 24);
        const onData = (data) => {
            const text = typeof data === 'string' ? data : data.toString('utf8');
            const stop = text.indexOf(CTRL_RIGHT_BRACKET);
            if (stop < 0)
                return session.write(text);
            if (stop > 0)
                session.write(text.slice(0, stop));
            finish();
        };
        let done = false;
        function finish() {
            if (done)
                return;
            done = true;
            restoreActive = undefined;
            offOutput();
            offExit();
            stdout.off('resize', onResize);
            stdin.off('data', onData);
            stdin.pause();
            write(LEAVE_ALT);
            resolve();
        }
        restoreActive = finish;
        if (stdin.isTTY)
            stdin.setRawMode(true);
        stdin.on('data', onData);
        stdin.resume();
        stdout.on('resize', onResize);
    });
}
//# sourceMappingURL=shell-drop-in.js.map