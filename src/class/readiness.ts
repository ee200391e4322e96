// `katarun doctor <scenario> --join`: the machine's checks for each scenario go to the class
// board (ready or not, and what is missing), so the instructor knows the day before who will
// be ready at minute zero. Each scenario is its own row, as when the learner runs it.

import {defaultDirs} from '../engine/dirs.js';
import type {PreflightReport} from '../engine/environment/types.js';
import {say, type Translate} from '../render/i18n.js';
import type {Scenario} from '../scenario/model.js';
import {closeClassSession, openClassSession, parseJoinTarget} from './learner-session.js';
import {LIMITS, type ClassEventBody} from './protocol.js';

const WAIT_MS = 10_000;

/** The preflight report as the board takes it (bounded like every event). */
export function readinessEvent(report: PreflightReport, t: Translate): ClassEventBody {
  return {
    type: 'ready',
    ready: report.ready,
    checks: report.checks.slice(0, LIMITS.checks).map((c) => ({id: c.id.slice(0, LIMITS.id), ok: c.ok, severity: c.severity === 'warning' ? 'warning' : 'error', detail: say(t, c.detail).slice(0, LIMITS.line)})),
  };
}

export async function reportReadiness(join: string, name: string | undefined, results: readonly {readonly report: PreflightReport}[], scenarios: readonly Scenario[], t: Translate): Promise<void> {
  const server = parseJoinTarget(join).base;
  for (let i = 0; i < scenarios.length; i++) {
    const {report} = results[i]!;
    const client = openClassSession({join, ...(name !== undefined ? {name} : {}), scenario: scenarios[i]!, stateDir: defaultDirs().state, t, out: process.stderr});
    client.send(readinessEvent(report, t));
    await closeClassSession(client, WAIT_MS, t, process.stderr, server);
  }
}
