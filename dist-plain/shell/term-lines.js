// Reading the headless terminal's buffer back as text: lines with their colours as SGR
// codes (so the TUI can show what the learner would have seen, progress bars collapsed),
// wrapped rows joined into logical lines, and the visible screen for a repaint.
function colour(mode, cell) {
    const fg = mode === 'fg';
    if (fg ? cell.isFgDefault() : cell.isBgDefault())
        return '';
    const c = fg ? cell.getFgColor() : cell.getBgColor();
    if (fg ? cell.isFgRGB() : cell.isBgRGB())
        return `;${fg ? 38 : 48};2;${(c >> 16) & 255};${(c >> 8) & 255};${c & 255}`;
    if (c < 8)
        return `;${(fg ? 30 : 40) + c}`;
    if (c < 16)
        return `;${(fg ? 90 : 100) + c - 8}`;
    return `;${fg ? 38 : 48};5;${c}`;
}
/** The SGR sequence that sets exactly this cell's attributes (starting from a reset). */
function sgr(cell) {
    if (cell.isAttributeDefault())
        return '\x1b[0m';
    let s = '\x1b[0';
    if (cell.isBold())
        s += ';1';
    if (cell.isDim())
        s += ';2';
    if (cell.isItalic())
        s += ';3';
    if (cell.isUnderline())
        s += ';4';
    if (cell.isBlink())
        s += ';5';
    if (cell.isInverse())
        s += ';7';
    if (cell.isInvisible())
        s += ';8';
    if (cell.isStrikethrough())
        s += ';9';
    return s + colour('fg', cell) + colour('bg', cell) + 'm';
}
/** One buffer row as text with SGR codes; trailing blanks dropped. */
export function rowToAnsi(line, cols, cell) {
    // Find the last cell with content so trailing default-coloured blanks are not emitted.
    let end = 0;
    for (let x = 0; x < cols; x++) {
        line.getCell(x, cell);
        const ch = cell.getChars();
        if ((ch && ch !== ' ') || !cell.isBgDefault() || cell.isInverse())
            end = x + cell.getWidth();
    }
    let out = '';
    let current = '\x1b[0m';
    let coloured = false;
    for (let x = 0; x < end && x < cols; x++) {
        line.getCell(x, cell);
        if (cell.getWidth() === 0)
            continue; // the right half of a wide character
        const code = sgr(cell);
        if (code !== current) {
            out += code;
            current = code;
            coloured = coloured || code !== '\x1b[0m';
        }
        out += cell.getChars() || ' ';
    }
    return coloured && current !== '\x1b[0m' ? out + '\x1b[0m' : out;
}
/**
 * Logical lines (wrapped rows joined) from absolute row `from` up to and including row `to`.
 * `plain` drops the colours.
 */
export function logicalLines(buf, cols, from, to, plain, cell) {
    const out = [];
    for (let y = Math.max(0, from); y <= to && y < buf.length; y++) {
        const line = buf.getLine(y);
        if (!line)
            continue;
        const text = plain ? line.translateToString(true) : rowToAnsi(line, cols, cell);
        if (line.isWrapped && out.length > 0)
            out[out.length - 1] += text;
        else
            out.push(text);
    }
    return out;
}
/** Absolute row of the cursor. */
export function cursorRow(buf) {
    return buf.baseY + buf.cursorY;
}
/** The last `n` logical lines up to the cursor row (the empty cursor row itself left out). */
export function tailLines(buf, cols, n, plain, cell, fromRow = 0) {
    let last = cursorRow(buf);
    const cur = buf.getLine(last);
    if (cur && !cur.translateToString(true))
        last--;
    if (last < fromRow)
        return [];
    // Walk back far enough for n logical lines (wrapped rows make a line span several rows).
    let first = last;
    let logical = 0;
    while (first > fromRow && logical < n) {
        if (!buf.getLine(first)?.isWrapped)
            logical++;
        if (logical >= n)
            break;
        first--;
    }
    while (first > fromRow && buf.getLine(first)?.isWrapped)
        first--;
    return logicalLines(buf, cols, first, last, plain, cell).slice(-n);
}
/**
 * The visible screen as ANSI text ('\n' between rows), the cursor put back where it was
 * with relative moves, so it repaints correctly below a banner line too.
 */
export function screenAnsi(buf, cols, rows, cell) {
    const lines = [];
    for (let y = 0; y < rows; y++) {
        const line = buf.getLine(buf.viewportY + y);
        lines.push(line ? rowToAnsi(line, cols, cell) : '');
    }
    while (lines.length > buf.cursorY + 1 && lines[lines.length - 1] === '')
        lines.pop();
    const up = lines.length - 1 - buf.cursorY;
    return lines.join('\n') + (up > 0 ? `\x1b[${up}A` : '') + '\r' + (buf.cursorX > 0 ? `\x1b[${buf.cursorX}C` : '');
}
//# sourceMappingURL=term-lines.js.map