// The live region must stay shorter than the terminal on every frame, whatever the step holds.
import {render} from 'ink-testing-library';
import {afterEach, expect, test, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {translator} from '../../src/render/i18n.js';
import {LiveRegion} from '../../src/ui/LiveRegion.js';
import {EngineContext} from '../../src/ui/use-engine.js';
import {initialUiState} from '../../src/ui/ui-state.js';
import {check, exec, scenario, step} from './scenario-builders.js';
import {FakeShellPort} from './fake-shell-port.js';
import {disposeEngines, realEngine, settle} from './helpers.js';

afterEach(async () => {
  cleanup();
  await disposeEngines();
});

const t = translator('en');

test.each([4, 6, 10, 16, 24, 40])('a crowded step at %i rows', async (rows) => {
  const actions = Array.from({length: 14}, (_, i) => exec(i + 1, `command number ${i + 1} with a long tail of words `.repeat(4)));
  // The real engine: the first command keeps running after 500 long lines, the check fails with four FAIL lines.
  const port = new FakeShellPort(
    (command) => ({output: Array.from({length: 500}, (_, i) => `output line ${i} `.repeat(20)), hold: command === actions[0]!.text}),
    () => ({exitCode: 1, output: `FAIL: one\nFAIL: two\nFAIL: three\nFAIL: four\nEXPECTED: ${'x'.repeat(300)}\nACTUAL: y\n`}),
  );
  const engine = realEngine(scenario([step(0, 'Crowded', 'text', actions, {check: check()})]), port);
  await engine.start(0);
  void engine.runAction(1);
  await engine.recheck();
  await vi.waitFor(() => expect(engine.store.getSnapshot().terminals.T1?.tail.length).toBeGreaterThan(0), {timeout: 10_000});
  expect(engine.store.getSnapshot().steps[0]!.check.feedback).toHaveLength(4);
  const app = render(
    <EngineContext.Provider value={engine}>
      <LiveRegion screen="step" ui={{...initialUiState, message: {text: 'a message '.repeat(30), level: 'warning'}}} size={{columns: 60, rows}} t={t} />
    </EngineContext.Provider>,
  );
  await settle(() => app.frames.length);
  const lines = (app.lastFrame() ?? '').split('\n');
  expect(lines.length).toBeLessThan(rows);
  expect(lines.join('\n')).toContain('Enter run 2');
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
