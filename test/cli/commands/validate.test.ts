import {rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt, katarun, repoRoot, tempHome} from './built-cli.js';

const fx = (name: string) => join('test', 'fixtures', 'scenarios', name);
const ISTIO_CRDS = resolve(repoRoot, 'assets', 'istio-egress', 'crds', 'istio-1.30.3-networking-crds.yaml');

beforeAll(ensureBuilt, 120_000);
afterAll(() => rmSync(tempHome, {recursive: true, force: true}));

describe('katarun validate (built CLI)', () => {
  it('exits 0 for the bundled scenarios, every translation included', () => {
    const r = katarun(['validate', 'scenarios']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: valid — 0 errors, \d+ warnings?\n$/);
  });

  it("says once which rule a scenario's checks get, not again for each translation", () => {
    const r = katarun(['validate', join('scenarios', 'basics')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('basics: checks pass'))).toHaveLength(1);
  });

  it('prints compiler-style lines with paths relative to the current folder, then a summary; exit 2', () => {
    const r = katarun(['validate', fx('broken-json'), fx('missing-files')]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${fx('broken-json')}/index.json:4:3: error: invalid JSON: expected ',' or '}' after a property value but found '"' — add the missing comma`);
    // Three missing files are errors; the asset glob that matches nothing is a warning.
    expect(lines.filter((l) => /^test\/fixtures\/scenarios\/missing-files\/index\.json:\d+:\d+: error: /.test(l))).toHaveLength(3);
    expect(lines.filter((l) => /^test\/fixtures\/scenarios\/missing-files\/index\.json:\d+:\d+: warning: asset '\*\.yaml' matches no file/.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toBe('broken-json, missing-files: 2 of 2 invalid — 4 errors, 1 warning');
  });

  it('keeps warnings from failing the run', () => {
    const r = katarun(['validate', fx('unknown-keys')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${fx('unknown-keys')}/index.json:3:3: warning: unknown key titel is kept but has no effect — did you mean 'title'?`);
  });

  it('prints one JSON object per scenario with actions, checks, scripts and diagnostics', () => {
    const r = katarun(['validate', '--format', 'json', fx('katacoda-classic'), fx('escaping-asset')]);
    expect(r.code).toBe(2);
    const [classic, escaping] = JSON.parse(r.stdout) as Record<string, any>[];
    expect(classic).toMatchObject({id: 'katacoda-classic', valid: true, difficulty: 'Beginner', timeMinutes: 15, lang: 'en'});
    expect(classic!.steps[0].actions[0]).toEqual({
      id: 1, kind: 'exec', text: 'docker volume create mydata', context: 'body', block: false,
      file: `${fx('katacoda-classic')}/step1.md`, line: 5, column: 1, terminal: 'T1', flags: {interrupt: false, ctrlSeq: false, noNewline: false},
    });
    expect(classic!.steps[0].check).toMatchObject({script: {role: 'verify', path: `${fx('katacoda-classic')}/step1-verify.sh`, language: 'bash'}, timeoutMs: 60000});
    expect(classic!.steps[1].scripts.background.path).toBe(`${fx('katacoda-classic')}/step2-background.sh`);
    expect(classic!.steps[1].actions.map((a: {terminal?: string; kind: string}) => a.terminal ?? a.kind)).toEqual(['T2', 'T2', 'T2', 'T1', 'file', 'file', 'copy']);
    expect(escaping).toMatchObject({valid: false, diagnostics: [{severity: 'error', code: 'index/asset-target', line: 8, column: 36}]});
  });

  it('checks one translation with --lang and reports script syntax errors', () => {
    const ru = katarun(['validate', '--lang', 'ru', 'scenarios/basics', '--format', 'json']);
    expect(JSON.parse(ru.stdout).map((s: {lang: string}) => s.lang)).toEqual(['ru']);
    const bad = katarun(['validate', fx('bad-scripts')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(`${fx('bad-scripts')}/verify1.sh:5:1: error: syntax error: unexpected end of file`);
  });

  it('checks manifests against --crds', () => {
    const good = katarun(['validate', fx('istio-corrected'), '--crds', ISTIO_CRDS]);
    expect(good.code).toBe(0);
    const bad = katarun(['validate', fx('istio-seed'), '--crds', ISTIO_CRDS]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(`${fx('istio-seed')}/assets/egress-wikipedia.yaml:7:3: error: YAML does not parse`);
  });

  it.each([
    [['validate'], /name at least one scenario folder/],
    [['validate', '--format', 'xml', 'scenarios/basics'], /--format: 'xml' is not a format — use one of text, json/],
    [['validate', '--bogus', 'scenarios/basics'], /validate: .*bogus/],
    [['validate', '--crds', 'no/such/crds', 'scenarios/basics'], /--crds .*no such file or folder/],
  ])('usage error %j → exit 2, one line, no stack', (args, message) => {
    const r = katarun(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what is wrong with a folder that is not a scenario', () => {
    const r = katarun(['validate', 'no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('no/such/dir: error: no such folder');
    expect(r.stderr).toBe('');
  });

  it('--help prints usage and exits 0', () => {
    const r = katarun(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: katarun validate');
  });
});
