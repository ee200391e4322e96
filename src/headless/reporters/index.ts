// The reporters by name, as `--reporter` chooses them.
import type {Translate} from '../../render/i18n.js';
import type {HeadlessReport} from '../report.js';
import {humanReport} from './human.js';
import {jsonReport} from './json.js';
import {junitReport} from './junit.js';
import {tapReport} from './tap.js';

export const REPORTERS = ['human', 'json', 'junit', 'tap'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** `t` words the human report in the UI's language; the machine formats stay English. */
export const formatReport: Record<ReporterName, (r: HeadlessReport, t?: Translate) => string> = {
  human: humanReport,
  json: jsonReport,
  junit: junitReport,
  tap: tapReport,
};

export {humanSetupLines, humanStepLines, humanSummary} from './human.js';
