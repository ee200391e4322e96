// The JSON reporter: the report itself, for tools.
import type {HeadlessReport} from '../report.js';

export function jsonReport(r: HeadlessReport): string {
  // The data stays exact; the 8-bit controls and bidi overrides JSON may carry raw are written
  // as \u escapes, so the report is safe to print to a terminal too.
  return `${JSON.stringify(r, null, 2).replace(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
