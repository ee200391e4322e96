// Arbitrary markdown and arbitrary index.json never crash the loader: the result is always
// a scenario (possibly with diagnostics), never an exception.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {lexPage} from '../../src/scenario/markdown/lex-page.js';

const tmp = mkdtempSync(join(tmpdir(), 'katarun-prop-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

// Fragments of the constructs the tokenizers look for, so random text hits their edge cases.
const piece = fc.constantFrom(
  '`', '``', '```', '~~~', '{{', '}}', '{{execute}}', '{{exec T2}}', '{{copy}}', '{{}}', '{{open}}', '{{execute "T3" interrupt}}',
  '```{{exec}}', '>>Q1: ', '<<', '=== ', '[*] ', '( ) ', '<details>', '</details>', '<summary>Hint</summary>',
  '<pre class="file" data-target="insert">', '</pre>', '[[HOST_IP]]', '[[X]]', '{{TRAFFIC_HOST1_80}}', '![a](b.png)',
  '\n', '\n\n', '  ', '- ', '> ', '| a | b |\n|---|---|\n', '# ', '<img src=x>', '\r\n', '\t', 'ls -l', '&lt;',
);
const markdown = fc.array(fc.oneof(piece, fc.string({maxLength: 8}), fc.string({unit: 'binary', maxLength: 4})), {maxLength: 60}).map((a) => a.join(''));

describe('never crash', () => {
  it('lexPage returns actions and diagnostics for any markdown, with lines inside the page', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const r = lexPage(md, '/x/step.md');
        const lines = md.replace(/\r\n?/g, '\n').split('\n').length;
        for (const a of r.actions) {
          expect(a.source.line).toBeGreaterThanOrEqual(1);
          expect(a.source.line).toBeLessThanOrEqual(lines);
        }
        r.actions.forEach((a, i) => expect(a.id).toBe(i + 1));
        expect(lexPage(md, '/x/step.md').actions).toEqual(r.actions);
      }),
      {numRuns: 400},
    );
  });

  it('loadScenario survives any index.json and any step markdown', async () => {
    const anyJson = fc.oneof(
      fc.json({maxDepth: 4}),
      fc.string({maxLength: 80}),
      fc.record({
        title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        details: fc.record({
          steps: fc.array(fc.oneof(fc.record({text: fc.constantFrom('step.md', 'nope.md', ''), verify: fc.oneof(fc.string(), fc.integer()), katarun: fc.jsonValue({maxDepth: 2})}, {requiredKeys: []}), fc.jsonValue({maxDepth: 2})), {maxLength: 4}),
          assets: fc.jsonValue({maxDepth: 3}),
        }, {requiredKeys: []}),
        environment: fc.jsonValue({maxDepth: 2}),
        backend: fc.record({imageid: fc.oneof(fc.string(), fc.constantFrom('ubuntu', 'kind', 'minikube', 'k3s'))}),
        katarun: fc.jsonValue({maxDepth: 3}),
      }, {requiredKeys: []}).map((o) => JSON.stringify(o)),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyJson, markdown, async (index, md) => {
        const dir = join(tmp, `s${n++}`);
        mkdirSync(dir);
        writeFileSync(join(dir, 'index.json'), index);
        writeFileSync(join(dir, 'step.md'), md);
        const s = await loadScenario(dir);
        expect(typeof s.title).toBe('string');
        expect(Array.isArray(s.diagnostics)).toBe(true);
        for (const d of s.diagnostics) expect(['error', 'warning']).toContain(d.severity);
      }),
      {numRuns: 150},
    );
  });
});
