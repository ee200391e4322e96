// shellcheck over every shell script of the istio-egress scenario and its assets. A missing
// shellcheck is a failure with instructions, not a skip: the lint is part of the contract.
import {execFileSync, spawnSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function shellScripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return shellScripts(p);
    return name.endsWith('.sh') ? [p] : [];
  });
}

describe('istio-egress shell scripts', () => {
  const scripts = [...shellScripts(join(root, 'scenarios/istio-egress')), ...shellScripts(join(root, 'assets/istio-egress'))];

  it('finds the setup, teardown, solution and asset scripts', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(12);
  });

  it('passes shellcheck (every warning counts)', () => {
    const probe = spawnSync('shellcheck', ['--version'], {encoding: 'utf8'});
    if (probe.error || probe.status !== 0) {
      throw new Error('shellcheck is not installed — install it (apt-get install shellcheck, brew install shellcheck); .ci/run installs it');
    }
    let output = '';
    try {
      execFileSync('shellcheck', ['--external-sources', '--severity=style', ...scripts], {cwd: root, encoding: 'utf8'});
    } catch (err) {
      output = (err as {stdout?: string}).stdout ?? String(err);
    }
    expect(output).toBe('');
  });
});
