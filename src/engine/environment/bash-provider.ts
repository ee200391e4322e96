// The environment of a bash-only scenario: a local bash is all it needs. Preflight looks it
// up on PATH without starting anything; prepare and teardown have nothing to do.

import {accessSync, constants, statSync} from 'node:fs';
import {delimiter, join} from 'node:path';
import {message} from '../../render/i18n.js';
import type {EnvironmentProvider, PreflightCheck} from './types.js';

/** The first executable `name` on `PATH`, or undefined. */
export function findOnPath(name: string, pathVar: string | undefined): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function bashCheck(env: Readonly<Record<string, string>>): PreflightCheck {
  const found = findOnPath('bash', env.PATH);
  return found
    ? {id: 'tool:bash', ok: true, detail: message('preflight.bashFound', {path: found}), severity: 'error'}
    : {id: 'tool:bash', ok: false, detail: message('preflight.toolMissing', {name: 'bash'}), fix: message('fix.bash', {commands: 'apt-get install bash, brew install bash'}), severity: 'error'};
}

export const bashProvider: EnvironmentProvider = {
  async preflight(_scenario, options) {
    const checks = [bashCheck(options.env)];
    return {ready: checks.every((c) => c.ok || c.severity === 'warning'), checks};
  },
  async prepare() {
    return {env: {}};
  },
  async teardown() {},
};
