// Making, ordering and printing Diagnostics. The printed form is the compiler one every
// editor understands: `path:line:col: error: message — hint`.

import {relative, isAbsolute} from 'node:path';
import type {Diagnostic, Severity} from './model.js';
import {sanitizeText} from '../render/sanitize.js';
import type {Position} from './source/line-index.js';

export function diagnostic(
  severity: Severity,
  code: string,
  file: string,
  position: Partial<Position> | undefined,
  message: string,
  hint?: string,
): Diagnostic {
  return {
    severity,
    code,
    message,
    file,
    ...(position?.line !== undefined ? {line: position.line} : {}),
    ...(position?.column !== undefined ? {column: position.column} : {}),
    ...(hint ? {hint} : {}),
  };
}

/** Collects diagnostics for one file, so call sites only say what went wrong and where. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  error(code: string, file: string, position: Partial<Position> | undefined, message: string, hint?: string): void {
    this.items.push(diagnostic('error', code, file, position, message, hint));
  }

  warn(code: string, file: string, position: Partial<Position> | undefined, message: string, hint?: string): void {
    this.items.push(diagnostic('warning', code, file, position, message, hint));
  }

  add(...ds: readonly Diagnostic[]): void {
    this.items.push(...ds);
  }
}

/** Stable order: by file, then line, then column; errors before warnings at the same place. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel === '' ? '.' : rel.startsWith('..') ? file : rel;
}

export function formatDiagnostic(d: Diagnostic, cwd: string): string {
  const where = [displayPath(d.file, cwd), d.line, d.line !== undefined ? (d.column ?? 1) : undefined].filter((x) => x !== undefined).join(':');
  // File names and quoted text come from the scenario: never a raw control character on the terminal.
  return sanitizeText(`${where}: ${d.severity}: ${d.message}${d.hint ? ` — ${d.hint}` : ''}`);
}
