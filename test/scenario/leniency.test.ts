// The loader follows the platforms' leniency (issue 9): what Katacoda and Killercoda ran is a
// warning at its file:line, not an error — and no action marker is lost without a word.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {resolvePlaceholders} from '../../src/engine/placeholders.js';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {validateScenario} from '../../src/scenario/validate.js';
import {fixture} from './fixtures.js';

const dir = join(fixture('leniency-repo'), 'course', 'lenient');
const readText = (f: string) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
};

async function diagnostics() {
  const s = await loadScenario(dir);
  const extra = await validateScenario(s, {readText});
  return {s, all: [...s.diagnostics, ...extra.diagnostics]};
}

describe('platform leniency', () => {
  it('loads without an error what the platforms ran', async () => {
    const {all} = await diagnostics();
    expect(all.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('an empty title is the folder name, with a warning at the title', async () => {
    const {s, all} = await diagnostics();
    expect(s.title).toBe('lenient');
    expect(all.find((d) => d.code === 'index/title')).toMatchObject({severity: 'warning', line: 2});
  });

  it('an asset glob with a leading slash is read in the assets folder', async () => {
    const {s, all} = await diagnostics();
    expect(s.assets.find((a) => a.pattern === 'telegraf.conf')?.files).toEqual(['telegraf.conf']);
    expect(all.find((d) => d.code === 'index/asset-glob')).toMatchObject({severity: 'warning', line: 6});
  });

  it('a Helm template among the assets is a warning, not a YAML error', async () => {
    const {all} = await diagnostics();
    expect(all.some((d) => d.code === 'yaml/syntax')).toBe(false);
    expect(all.find((d) => d.code === 'yaml/template')).toMatchObject({severity: 'warning', line: 4});
  });

  it("a site-absolute image is found in the repository's assets folder", async () => {
    const {all} = await diagnostics();
    expect(all.filter((d) => d.code === 'markdown/missing-image')).toEqual([]);
  });

  it('every marker inside a mis-fenced code block is reported at its line; the others are actions', async () => {
    const {s, all} = await diagnostics();
    expect(s.steps[0]!.actions.map((a) => a.text)).toEqual(['echo found']);
    expect(all.filter((d) => d.code === 'markdown/marker-in-code').map((d) => d.line)).toEqual([8, 10]);
  });

  it('[[CLIENT_SUBDOMAIN]] is a known placeholder and maps to this machine', async () => {
    const {all} = await diagnostics();
    expect(all.some((d) => d.code === 'markdown/unknown-placeholder')).toBe(false);
    expect(resolvePlaceholders('https://[[CLIENT_SUBDOMAIN]]-8080-[[KATACODA_HOST]].environments.katacoda.com/x').text).toBe('http://localhost:8080/x');
  });
});

describe('markers inside HTML blocks', () => {
  it('a fenced command right after <br> (one HTML block to the next blank line) is named at its line', async () => {
    const {lexPage} = await import('../../src/scenario/markdown/lex-page.js');
    const r = lexPage('```\noc new-project x\n```{{execute}}\n<br>\n```\noc create -f crd.yaml\n```{{execute}}\n\n<pre>`echo shown`{{execute T1}}</pre>\n', '/s/step1.md');
    expect(r.actions.map((a) => a.text)).toEqual(['oc new-project x']);
    expect(r.diagnostics.filter((d) => d.code === 'markdown/marker-in-html').map((d) => d.line)).toEqual([7, 9]);
  });
});
