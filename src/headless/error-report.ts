// The report of a run that never started: the scenario is invalid (exit 2) or the machine lacks
// what it needs (exit 3). A CI publisher still finds a report, with the reason as an error.

import type {Scenario} from '../scenario/model.js';
import {summarize, type HeadlessReport, type StepReport} from './report.js';

export function errorReport(scenario: Scenario, kind: 'invalid' | 'environment', message: string, details: readonly string[]): HeadlessReport {
  const steps: StepReport[] = scenario.steps.map((s, i) => ({number: i + 1, title: s.title, status: 'not-run', durationMs: 0, commands: [], feedback: [], output: [], message}));
  return {
    scenario: {id: scenario.id, title: scenario.title, lang: scenario.lang, dir: scenario.dir},
    startedAt: new Date().toISOString(),
    durationMs: 0,
    error: {kind, message, details},
    steps,
    summary: summarize(steps),
    interrupted: false,
    exitCode: kind === 'invalid' ? 2 : 3,
    logDir: '',
  };
}
