import {defineConfig} from 'vitest/config';

// One suite, three kinds of test: unit (pure), integration (real bash), e2e (the built CLI in a PTY).
// Forks, not threads: the PTY addon and child processes behave best in separate processes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: {FORCE_COLOR: '0'},
  },
});
