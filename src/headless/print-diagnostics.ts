// Loader diagnostics, compiler-style on stderr (`path:line:col: error: what — how to fix`).
import {formatDiagnostic, sortDiagnostics} from '../scenario/diagnostics.js';
import {hasErrors, type Diagnostic} from '../scenario/model.js';

/** Print every diagnostic; true when any is an error (the scenario must not run). */
export function printDiagnostics(diagnostics: readonly Diagnostic[], out: {write(text: string): unknown}, cwd = process.cwd()): boolean {
  for (const d of sortDiagnostics(diagnostics)) out.write(`${formatDiagnostic(d, cwd)}\n`);
  return hasErrors(diagnostics);
}
