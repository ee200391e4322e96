import {defineConfig} from 'vitest/config';

// Three tiers (CONTRIBUTING.md): unit (pure code, in parallel), integration (real bash sessions
// and processes), e2e (the built CLI, in a PTY or as a child process; one file at a time, since
// each drives whole katarun runs and competes for the same two cores). A test file is unit
// unless listed below. `npx vitest run --project unit` runs one tier.
// Forks, not threads: the PTY addon and child processes behave best in separate processes.
const e2e = [
  'test/e2e/**/*.test.ts',
  'test/cli/test-command.test.ts',
  'test/cli/repl-input.test.ts',
  'test/cli/bundle-loader.test.ts',
  'test/cli/commands/russian-errors.test.ts',
  'test/istio/wiring.test.ts',
  'test/istio/validate.test.ts',
  'test/istio/kind-e2e.test.ts',
  'test/sandbox/**/*.test.ts',
  'test/class/cli.test.ts',
  'test/class/board-page.test.ts',
];
const integration = [
  'test/shell/**/*.test.ts',
  'test/engine/engine.test.ts',
  'test/engine/engine-actions.test.ts',
  'test/engine/check-runner.test.ts',
  'test/engine/quiz.test.ts',
  'test/engine/workspace-lock.test.ts',
  'test/engine/environment/prepare-language.test.ts',
  'test/headless/quiz.test.ts',
  'test/headless/run-headless.test.ts',
  'test/headless/kept-running.test.ts',
  'test/istio/shellcheck.test.ts',
  'test/istio/fetch-istioctl.test.ts',
  'test/class/server.test.ts',
  'test/class/discovery.test.ts',
];
const all = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

const shared = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 30_000,
  env: {FORCE_COLOR: '0'},
};

export default defineConfig({
  test: {
    projects: [
      {test: {...shared, name: 'unit', include: all, exclude: [...e2e, ...integration]}},
      {test: {...shared, name: 'integration', include: integration}},
      {test: {...shared, name: 'e2e', include: e2e, fileParallelism: false, testTimeout: 90_000}},
    ],
  },
});
