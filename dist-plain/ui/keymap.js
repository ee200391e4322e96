// The key contract (README and the help overlay describe the same): which key means what on
// which screen. Pure, so the whole contract is testable without a terminal.
/** In the quiz prompt every key is the prompt's: q, n or ? are letters of an answer there. */
function quizKey(input, key) {
    if (key.escape)
        return { type: 'quiz-close' };
    if (key.return)
        return { type: 'quiz-submit' };
    // Terminals send Backspace as DEL (0x7f), which Ink names `delete`; there is no cursor to delete after.
    if (key.backspace || key.delete)
        return { type: 'quiz-backspace' };
    if (key.ctrl && input === 'u')
        return { type: 'quiz-clear' };
    if (key.upArrow || key.downArrow)
        return { type: 'quiz-move', by: key.upArrow ? -1 : 1 };
    if (key.ctrl || key.meta || key.tab)
        return undefined;
    // Ink hands over "ready\r" as one input when it arrives in one read: the text, then Enter.
    const line = /^([^\r\n]*)[\r\n]/.exec(input);
    // eslint-disable-next-line no-control-regex
    const text = (line ? line[1] : input).replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
    if (line)
        return text ? { type: 'quiz-input', text, submit: true } : { type: 'quiz-submit' };
    return text ? { type: 'quiz-input', text } : undefined;
}
export function keyToIntent(input, key, screen, overlay) {
    if (key.ctrl && input === 'c')
        return { type: 'ctrl-c' };
    if (overlay === 'quiz')
        return quizKey(input, key);
    if (overlay === 'help')
        return { type: 'close' };
    if (overlay !== 'none') {
        if (input === 'y' || input === 'Y' || key.return)
            return { type: 'yes' };
        if (input === 'n' || input === 'N' || key.escape || input === 'q')
            return { type: 'no' };
        return undefined;
    }
    if (input === '?')
        return { type: 'help' };
    if (input === 'q')
        return { type: 'quit' };
    if (screen === 'picker') {
        if (key.upArrow || input === 'k')
            return { type: 'up' };
        if (key.downArrow || input === 'j')
            return { type: 'down' };
        if (key.return)
            return { type: 'enter' };
        return undefined;
    }
    if (screen === 'intro') {
        if (key.return || input === 'c')
            return { type: 'enter' };
        if (input === 'o')
            return { type: 'start-over' };
        return undefined;
    }
    if (screen === 'setup')
        return undefined;
    if (key.return)
        return { type: 'enter' };
    if (input === 'p' || key.leftArrow)
        return { type: 'prev' };
    if (screen === 'finish')
        return undefined;
    if (/^[1-9]$/.test(input))
        return { type: 'action', id: Number(input) };
    if (input === 'c')
        return { type: 'copy-next' };
    if (input === 'n' || key.rightArrow)
        return { type: 'next' };
    if (input === 's')
        return { type: 'shell' };
    if (input === 'h')
        return { type: 'hint' };
    if (input === 'a')
        return { type: 'solution' };
    if (input === 'r')
        return { type: 'recheck' };
    return undefined;
}
//# sourceMappingURL=keymap.js.map