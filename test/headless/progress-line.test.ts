// The progress line names what the step runs now: a server an earlier step left running (kept
// into the next steps) is not what a CI reader is waiting for.
import {describe, expect, it} from 'vitest';
import {progressLine} from '../../src/headless/progress-ticker.js';
import type {RunEngine} from '../../src/engine/engine-options.js';
import {translator} from '../../src/render/i18n.js';

const t = translator('en');

function engineAt(terminals: Record<string, {running?: {command: string; startedAt: number}}>, polling: boolean): RunEngine {
  const step = {enteredAt: 10_000, elapsedMs: 0, check: {status: polling ? 'polling' : 'idle', attempts: 3}};
  const state = {phase: 'step', stepIndex: 1, steps: [{...step, enteredAt: 0}, step], terminals};
  return {store: {getSnapshot: () => state}} as unknown as RunEngine;
}

describe('progress line', () => {
  it("names the command this step started, not a server kept from an earlier step", () => {
    const server = {command: 'python3 -m http.server 8000', startedAt: 5_000};
    expect(progressLine(engineAt({T1: {running: server}, T2: {running: {command: 'kubectl wait --for=condition=ready pod/x', startedAt: 12_000}}}, false), t, 20_000)).toContain('running kubectl wait');
    const onlyServer = progressLine(engineAt({T1: {running: server}}, true), t, 20_000);
    expect(onlyServer).not.toContain('http.server');
    expect(onlyServer).toContain('3 attempts');
  });
});
