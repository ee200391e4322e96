// The headless runner over real bash sessions and the real loader: persistence across steps,
// checks, watchers, a failing step stopping the run, --keep-going, --from/--to, traversal
// refused, a hanging check killed.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {runHeadless, ScenarioInvalidError} from '../../src/headless/run-headless.js';
import type {HeadlessOptions} from '../../src/headless/run-headless.js';
import {plainEnv} from '../../src/engine/script-env.js';
import {fixture, processesWithEnv, tempDirs, uniqueMarker, waitFor, type TempDirs} from '../engine/integration-helpers.js';

let t: TempDirs;
let marker: string;
let markerFile: string;
beforeEach(() => {
  t = tempDirs('katarun-headless-');
  marker = uniqueMarker();
  markerFile = join(t.root, 'marker');
});
afterEach(() => t.cleanup());

// The marker is a file on the host, outside the run's workspace: the sandbox rightly keeps the
// scenario from writing it, so these runs use `none`. test/sandbox/ runs the attacks in bwrap.
const opts = (extra: Partial<HeadlessOptions> = {}): HeadlessOptions => ({
  dirs: t,
  sandbox: 'none',
  env: {...plainEnv(process.env), KATARUN_TEST_MARKER: markerFile, KATARUN_TEST_ID: marker},
  settleMs: 400,
  ...extra,
});

async function load(name: string) {
  const s = await loadScenario(fixture(name), {});
  return s;
}

describe('runHeadless', () => {
  it('carries exports and cd across steps; checks (bash, legacy done, zx) see them; setup exports, assets, file actions, T2', async () => {
    const report = await runHeadless(await load('persist'), opts());
    const why = JSON.stringify(report.steps.filter((s) => s.status !== 'passed'), null, 1);
    expect(report.steps.map((s) => s.status), why).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(report.exitCode).toBe(0);
    expect(report.setup?.status).toBe('passed');
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 3000)).toBe(true);
  });

  it("with --solve runs a solution beside the learner's shell: it sees their export and folder, its set -euo pipefail does not leak into T1", async () => {
    const report = await runHeadless(await load('solution'), opts({solve: true}));
    const why = JSON.stringify(report.steps.filter((s) => s.status !== 'passed'), null, 1);
    expect(report.steps.map((s) => s.status), why).toEqual(['passed', 'passed']);
    expect(report.steps[0]).toMatchObject({bySolution: true});
    expect(report.exitCode).toBe(0);
  });

  it("walks the learner's path: a step whose actions do not make what the check wants fails, although its solution would", async () => {
    const report = await runHeadless(await load('solution'), opts());
    expect(report.steps[0]).toMatchObject({status: 'failed'});
    expect(report.steps[0]!.bySolution).toBeUndefined();
    expect(report.exitCode).toBe(1);
  });

  it('a command still running in T1 keeps running while T2 is used, and is stopped after the check; a challenge passes by its solution', async () => {
    const started = Date.now();
    const report = await runHeadless(await load('learner-path'), opts());
    const why = JSON.stringify(report.steps, null, 1);
    expect(report.steps.map((s) => s.status), why).toEqual(['passed', 'passed']);
    expect(report.steps[0]!.commands.find((c) => c.terminal === 'T1')).toMatchObject({stoppedAtEnd: true, interrupted: true});
    expect(report.steps[1]).toMatchObject({bySolution: true});
    // Nowhere near the sleep's 600 s (nor the 10-minute command limit).
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('stops a watcher with Ctrl-C, then a failing step stops the run: later steps are not run', async () => {
    const started = Date.now();
    const report = await runHeadless(await load('flow'), opts());
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'failed', 'not-run']);
    expect(report.steps[0]!.commands[0]).toMatchObject({interrupted: true});
    const failed = report.steps[1]!;
    expect(failed).toMatchObject({feedback: ['the thing is not there'], expected: 'thing', actual: 'nothing', message: 'the thing is not there'});
    expect(failed.output).toContain('looking for the thing');
    expect(report.exitCode).toBe(1);
    expect(existsSync(markerFile)).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 3000)).toBe(true);
  });

  it('a command that by its form never ends (watch, tail -f) is watched for the settle period and stopped, not waited for until the command limit', async () => {
    // A 60 s command limit: without the rule each step would wait for it and fail.
    const report = await runHeadless(await load('endless'), opts({commandTimeoutMs: 60_000}));
    const why = JSON.stringify(report.steps, null, 1);
    expect(report.steps.map((s) => s.status), why).toEqual(['passed', 'passed']);
    expect(report.steps[0]!.commands[1]).toMatchObject({text: 'watch -n 1 cat greeting.txt', interrupted: true, timedOut: false});
    expect(report.steps[1]!.commands[0]).toMatchObject({interrupted: true, timedOut: false});
    expect(report.steps.every((s) => s.durationMs < 30_000), why).toBe(true);
    expect(report.exitCode).toBe(0);
  });

  it('--keep-going runs the steps after a failure', async () => {
    const report = await runHeadless(await load('flow'), opts({keepGoing: true}));
    expect(report.steps.map((s) => s.status)).toEqual(['passed', 'failed', 'passed']);
    expect(existsSync(markerFile)).toBe(true);
  });

  it('--from/--to run only the chosen steps', async () => {
    const report = await runHeadless(await load('flow'), opts({from: 3, to: 3}));
    expect(report.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'passed']);
    expect(report.exitCode).toBe(0);
    expect(existsSync(markerFile)).toBe(true);
  });

  it('refuses an asset that climbs out of the workspace before anything runs', async () => {
    const scenario = await load('escape');
    const run = runHeadless({...scenario, diagnostics: scenario.diagnostics.filter((d) => d.severity !== 'error')}, opts());
    await expect(run).rejects.toBeInstanceOf(ScenarioInvalidError);
    expect(existsSync(markerFile)).toBe(false);
    expect(existsSync(join(t.data, 'workspaces'))).toBe(false);
  });

  it('kills a hanging check at the timeout and reports it', async () => {
    const started = Date.now();
    const report = await runHeadless(await load('hang'), opts({checkTimeoutMs: 800}));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(report.steps[0]).toMatchObject({status: 'failed', check: {timedOut: true}});
    expect(report.steps[0]!.output.join('\n')).toContain('checking');
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 3000)).toBe(true);
  });

  it('an aborted run ends its commands and says interrupted', async () => {
    const ac = new AbortController();
    const run = runHeadless(await load('slow'), opts({signal: ac.signal}));
    expect(await waitFor(() => existsSync(markerFile), 10_000)).toBe(true);
    ac.abort();
    const report = await run;
    expect(report.interrupted).toBe(true);
    expect(report.exitCode).toBe(130);
    expect(report.steps.map((s) => s.status)).toEqual(['not-run', 'not-run']);
    expect(readFileSync(markerFile, 'utf8')).toBe('started\n');
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_ID', marker).length === 0, 3000)).toBe(true);
  });
});
