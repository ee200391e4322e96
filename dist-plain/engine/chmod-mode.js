// Applies an asset's `chmod` as written in index.json: octal (`755`, `0644`) or symbolic
// (`+x`, `u+rwx,go-w`, `a=r`), the forms Katacoda and Killercoda scenarios use.
/** The new mode bits, or undefined when `spec` is not a mode we understand. */
export function applyChmod(current, spec) {
    const s = spec.trim();
    if (/^[0-7]{3,4}$/.test(s))
        return parseInt(s, 8);
    let mode = current & 0o7777;
    for (const clause of s.split(',')) {
        const m = /^([ugoa]*)([-+=])([rwxX]*)$/.exec(clause);
        if (!m)
            return undefined;
        const who = m[1] || 'a';
        let bits = 0;
        for (const p of m[3]) {
            if (p === 'r')
                bits |= 0o444;
            else if (p === 'w')
                bits |= 0o222;
            else if (p === 'x' || (p === 'X' && (current & 0o111) !== 0))
                bits |= 0o111;
        }
        let mask = 0;
        if (who.includes('u') || who.includes('a'))
            mask |= 0o700;
        if (who.includes('g') || who.includes('a'))
            mask |= 0o070;
        if (who.includes('o') || who.includes('a'))
            mask |= 0o007;
        // Without a "who", chmod leaves out bits the umask would deny; 022 is the usual one.
        if (!m[1] && m[2] === '+')
            mask &= ~0o022;
        if (m[2] === '+')
            mode |= bits & mask;
        else if (m[2] === '-')
            mode &= ~(bits & mask);
        else
            mode = (mode & ~mask) | (bits & mask);
    }
    return mode;
}
//# sourceMappingURL=chmod-mode.js.map