// Loader diagnostics, compiler-style on stderr (`path:line:col: error: what — how to fix`).
import { formatDiagnostic, sortDiagnostics } from '../scenario/diagnostics.js';
import { hasErrors } from '../scenario/model.js';
/** Print every diagnostic; true when any is an error (the scenario must not run). */
export function printDiagnostics(diagnostics, out, cwd = process.cwd()) {
    for (const d of sortDiagnostics(diagnostics))
        out.write(`${formatDiagnostic(d, cwd)}\n`);
    return hasErrors(diagnostics);
}
//# sourceMappingURL=print-diagnostics.js.map