// Picks the provider for a scenario's environment. The kind provider lives in its own
// module (written with the cluster support) and is loaded only when a scenario needs it, so
// bash scenarios never pay for it — and a build without it says so instead of crashing.

import type {Environment} from '../../scenario/model.js';
import {bashCheck, bashProvider} from './bash-provider.js';
import type {EnvironmentProvider} from './types.js';

const KIND_MODULE = './kind.js';

const kindMissing = (why: string): EnvironmentProvider => ({
  async preflight(_scenario, options) {
    return {
      ready: false,
      checks: [
        bashCheck(options.env),
        {id: 'kind-support', ok: false, detail: `kind support not built (${why})`, fix: 'use a katarun build that includes kind support, or run a bash-only scenario', severity: 'error'},
      ],
    };
  },
  async prepare() {
    throw new Error('kind support not built');
  },
  async teardown() {},
});

export async function environmentProvider(environment: Environment): Promise<EnvironmentProvider> {
  if (environment.kind !== 'kind') return bashProvider;
  try {
    // A variable specifier keeps the compiler from requiring the module at build time.
    const mod = (await import(KIND_MODULE)) as {kindProvider?: EnvironmentProvider};
    return mod.kindProvider ?? kindMissing('the module exports no kindProvider');
  } catch (err) {
    return kindMissing((err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
}
