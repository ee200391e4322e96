// assets/istio-egress/setup/fetch-istioctl.sh fails closed (review defect 6): an istioctl
// archive whose checksum cannot be read, or does not match, is never installed. Run with the
// stand-in curl (test/fixtures/standin-bin), which serves a fake archive and, when the
// scripted state says so, a .sha256 file; nothing is downloaded.
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runProcess} from '../../src/shell/index.js';

const root = resolve(import.meta.dirname, '../..');
const script = resolve(root, 'assets/istio-egress/setup/fetch-istioctl.sh');
const tmp = mkdtempSync(join(tmpdir(), 'katarun-fetch-istioctl-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

async function fetchIstioctl(name: string, state: object, env: Record<string, string> = {}) {
  const stateFile = join(tmp, `${name}.json`);
  writeFileSync(stateFile, JSON.stringify(state));
  const dir = join(tmp, name, 'istio');
  const r = await runProcess('bash', [script, '1.30.3', dir], {
    cwd: tmp,
    env: {PATH: `${resolve(root, 'test/fixtures/standin-bin')}${delimiter}${process.env.PATH}`, HOME: tmp, KATARUN_STANDIN_STATE: stateFile, ...env},
    timeoutMs: 30_000,
  });
  return {...r, installed: existsSync(join(dir, 'istioctl'))};
}

describe.concurrent('fetch-istioctl.sh fails closed', () => {
  it('refuses when the .sha256 file cannot be downloaded (it used to install unchecked)', async () => {
    const r = await fetchIstioctl('no-sha', {});
    expect(r.output).toMatch(/could not download https:\/\/github\.com\/istio\/istio\/releases\/download\/1\.30\.3\/istioctl-1\.30\.3-[a-z]+(-[a-z0-9]+)?\.tar\.gz\.sha256, so .* cannot be checked — not installing it/);
    expect(r.exitCode).toBe(1);
    expect(r.installed).toBe(false);
  });

  it('refuses an archive whose SHA-256 differs from the published one, and from KATARUN_ISTIOCTL_SHA256', async () => {
    const published = await fetchIstioctl('bad-sha', {releaseSha256: 'a'.repeat(64)});
    expect(published.output).toContain(`checksum mismatch`);
    expect(published.output).toContain(`expected ${'a'.repeat(64)}`);
    expect(published.exitCode).toBe(1);
    expect(published.installed).toBe(false);
    const given = await fetchIstioctl('given-sha', {}, {KATARUN_ISTIOCTL_SHA256: 'b'.repeat(64)});
    expect(given.output).toContain(`expected ${'b'.repeat(64)}`);
    expect(given.exitCode).toBe(1);
    expect(given.installed).toBe(false);
  });
});
