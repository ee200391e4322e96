// Making, ordering and printing Diagnostics. The printed form is the compiler one every
// editor understands: `path:line:col: error: message — hint`.
import { relative, isAbsolute } from 'node:path';
import { sanitizeText } from '../render/sanitize.js';
export function diagnostic(severity, code, file, position, message, hint) {
    return {
        severity,
        code,
        message,
        file,
        ...(position?.line !== undefined ? { line: position.line } : {}),
        ...(position?.column !== undefined ? { column: position.column } : {}),
        ...(hint ? { hint } : {}),
    };
}
/** Collects diagnostics for one file, so call sites only say what went wrong and where. */
export class DiagnosticSink {
    items = [];
    error(code, file, position, message, hint) {
        this.items.push(diagnostic('error', code, file, position, message, hint));
    }
    warn(code, file, position, message, hint) {
        this.items.push(diagnostic('warning', code, file, position, message, hint));
    }
    add(...ds) {
        this.items.push(...ds);
    }
}
/** Stable order: by file, then line, then column; errors before warnings at the same place. */
export function sortDiagnostics(ds) {
    return [...ds].sort((a, b) => a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
export function displayPath(file, cwd) {
    if (!isAbsolute(file))
        return file;
    const rel = relative(cwd, file);
    return rel === '' ? '.' : rel.startsWith('..') ? file : rel;
}
export function formatDiagnostic(d, cwd) {
    const where = [displayPath(d.file, cwd), d.line, d.line !== undefined ? (d.column ?? 1) : undefined].filter((x) => x !== undefined).join(':');
    // File names and quoted text come from the scenario: never a raw control character on the terminal.
    return sanitizeText(`${where}: ${d.severity}: ${d.message}${d.hint ? ` — ${d.hint}` : ''}`);
}
//# sourceMappingURL=diagnostics.js.map