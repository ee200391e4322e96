// The live region must stay shorter than the terminal on every frame, whatever the step holds.
import {render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {translator} from '../../src/render/i18n.js';
import {LiveRegion} from '../../src/ui/LiveRegion.js';
import {EngineContext} from '../../src/ui/use-engine.js';
import {initialUiState} from '../../src/ui/ui-state.js';
import {exec, FakeEngine, scenario, step} from './fake-engine.js';
import {settle} from './helpers.js';

afterEach(() => cleanup());

const t = translator('en');

test.each([4, 6, 10, 16, 24, 40])('a crowded step at %i rows', async (rows) => {
  const actions = Array.from({length: 14}, (_, i) => exec(i + 1, `command number ${i + 1} with a long tail of words `.repeat(4)));
  const engine = new FakeEngine(scenario([step(0, 'Crowded', 'text', actions, {check: {script: {role: 'verify', path: '/v', language: 'bash', source: {file: '/i', line: 1}}, timeoutMs: 1, intervalMs: 1}})]));
  await engine.start(0);
  engine.setTail('T1', Array.from({length: 500}, (_, i) => `output line ${i} `.repeat(20)), 'yes');
  engine.setCheck({status: 'polling', attempts: 2, lastExitCode: 1, feedback: ['one', 'two', 'three', 'four'], expected: 'x'.repeat(300), actual: 'y'});
  const app = render(
    <EngineContext.Provider value={engine}>
      <LiveRegion screen="step" ui={{...initialUiState, message: {text: 'a message '.repeat(30), level: 'warning'}}} size={{columns: 60, rows}} t={t} />
    </EngineContext.Provider>,
  );
  await settle(() => app.frames.length);
  const lines = (app.lastFrame() ?? '').split('\n');
  expect(lines.length).toBeLessThan(rows);
  expect(lines.join('\n')).toContain('Enter run 1');
});

test.each([4, 8, 24])('help and the picker at %i rows', async (rows) => {
  const entries = Array.from({length: 20}, (_, i) => ({id: `s${i}`, title: `Scenario ${i}`, languages: ['en'], steps: 3, bundled: true, dir: `/d${i}`}));
  for (const ui of [{...initialUiState, overlay: 'help' as const}, initialUiState]) {
    const app = render(<LiveRegion screen="picker" ui={ui} size={{columns: 60, rows}} picker={{entries, open: async () => undefined as never}} t={t} />);
    await settle(() => app.frames.length);
    expect((app.lastFrame() ?? '').split('\n').length).toBeLessThan(rows);
    app.unmount();
  }
});
