// The JSON reporter: the report itself, for tools.
import type {HeadlessReport} from '../report.js';

export function jsonReport(r: HeadlessReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
