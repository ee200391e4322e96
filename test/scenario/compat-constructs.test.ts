// Constructs found in public Killercoda scenarios that the loader first got wrong
// (measured with scripts/compat-report.mjs); each fixture imitates the construct.

import {describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {lexPage} from '../../src/scenario/markdown/lex-page.js';
import {mapImageId} from '../../src/scenario/index/image-map.js';
import {hasErrors} from '../../src/scenario/model.js';
import {fixture} from './fixtures.js';

const codes = (s: {diagnostics: readonly {code: string}[]}) => s.diagnostics.map((d) => d.code);

describe('a scenario that is only an introduction', async () => {
  const s = await loadScenario(fixture('intro-only'));

  it('loads without errors and warns that the introduction is its one step', () => {
    expect(hasErrors(s.diagnostics)).toBe(false);
    expect(codes(s)).toEqual(['index/intro-only']);
    const d = s.diagnostics[0]!;
    expect([d.line, d.severity]).toEqual([5, 'warning']);
  });

  it('turns the introduction, with its scripts and actions, into step 1', () => {
    expect(s.intro).toBeUndefined();
    expect(s.steps).toHaveLength(1);
    const [step] = s.steps;
    expect(step).toMatchObject({kind: 'step', index: 0, title: 'Introduction'});
    expect(step!.foreground?.path).toBe(fixture('intro-only/foreground.sh'));
    expect(step!.background?.path).toBe(fixture('intro-only/background.sh'));
    expect(step!.actions.map((a) => [a.kind, a.text, a.source.line])).toEqual([['exec', 'echo ready', 3]]);
  });
});

describe('<details> written on the line after another HTML line', () => {
  it('is still a hint or solution block whose commands are actions, at their own lines', async () => {
    const s = await loadScenario(fixture('details-after-html'));
    expect(s.diagnostics.filter((d) => d.file.endsWith('step1.md'))).toEqual([]);
    const [step] = s.steps;
    expect(step!.actions.map((a) => [a.text, a.source.line])).toEqual([
      ['cat greeting.txt', 7],
      ['echo hello > greeting.txt', 15], // a fenced action sits at its opening fence
    ]);
    expect(step!.hints).toHaveLength(1);
    expect(step!.hints[0]!.text).toContain('cat greeting.txt');
  });

  it('leaves an HTML block that really has no <details> alone', () => {
    const r = lexPage('<div>\n<b>bold</b>\n</div>\n\n`ls`{{exec}}\n', '/s/step1.md');
    expect(r.tokens[0]).toMatchObject({type: 'html'});
    expect(r.actions.map((a) => a.source.line)).toEqual([5]);
  });

  it('runs a <details> that is never closed to the end of the page, as a browser does, and says so', async () => {
    const s = await loadScenario(fixture('details-after-html'));
    const step = s.steps[1]!;
    expect(step.actions.map((a) => [a.kind, a.text, a.source.line])).toEqual([['exec', 'rm greeting.txt', 7]]);
    expect(s.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['markdown/unclosed-details', 4, '<details> is never closed; it runs to the end of the page'],
    ]);
  });
});

describe('Katacoda editor settings', async () => {
  const s = await loadScenario(fixture('editor-layout'));

  it('names only the panes the layout really has', () => {
    const layout = s.diagnostics.find((d) => d.message.includes("layout 'editor-terminal'"));
    expect(layout).toMatchObject({code: 'index/unsupported', severity: 'warning', line: 5});
    expect(layout!.message).toContain('(editor)');
    expect(layout!.message).not.toContain('browser');
    expect(layout!.hint).toBe('open files in your own editor');
  });

  it('reports hideHiddenFiles as an editor setting without effect, at its line', () => {
    const hidden = s.diagnostics.find((d) => d.message.includes('hideHiddenFiles'));
    expect(hidden).toMatchObject({code: 'index/unsupported', severity: 'warning', line: 6});
    expect(hasErrors(s.diagnostics)).toBe(false);
  });
});

describe('an inline command that spans lines', async () => {
  const s = await loadScenario(fixture('continued-command'));

  it('keeps its line ends as written, as Katacoda sent them: continuations stay continuations, two lines stay two commands', () => {
    const [step] = s.steps;
    expect(step!.actions.map((a) => [a.text, a.source.line])).toEqual([
      ['python3 -m http.server \\\n  --bind 127.0.0.1 \\\n  8099 &', 3],
      ['export GREETING=$(echo hi)\necho "said: $GREETING"', 9],
    ]);
    expect(s.diagnostics).toEqual([]);
  });
});

describe('Katacoda images that bundled a language with Docker', () => {
  it('docker-golang needs Docker and Go, and says so instead of talking about multi-host setups', async () => {
    const s = await loadScenario(fixture('docker-language-image'));
    expect(s.environment.kind).toBe('bash');
    expect(s.environment.tools.map((t) => t.name)).toEqual(['docker', 'go']);
    const d = s.diagnostics.find((x) => x.code === 'index/imageid');
    expect(d).toMatchObject({severity: 'warning', line: 4});
    expect(d!.message).toContain('Docker and go');
    expect(d!.message).not.toContain('multi-host');
  });

  it('maps the other docker-* and k3s images precisely', () => {
    expect(mapImageId('docker-node')).toMatchObject({kind: 'bash', tools: ['docker', 'node']});
    expect(mapImageId('docker')).toEqual({kind: 'bash', tools: ['docker']});
    expect(mapImageId('docker-swarm').note).toContain('multi-host');
    expect(mapImageId('kubernetes-k3s-1node')).toMatchObject({kind: 'kind'});
    expect(mapImageId('kubernetes-k3s-1node').note).toContain('k3s');
  });
});

describe('older Katacoda index keys', async () => {
  const s = await loadScenario(fixture('legacy-dockerimage'));

  it('reads backend.dockerimage as the image, so a minikube scenario gets a kind cluster', () => {
    expect(s.environment).toMatchObject({kind: 'kind', imageId: 'minikube-running'});
    const image = s.diagnostics.find((d) => d.code === 'index/imageid');
    expect(image).toMatchObject({severity: 'warning', line: 5});
    expect(s.diagnostics.some((d) => d.message.includes('unknown key backend.dockerimage'))).toBe(false);
  });

  it('names environment.dashboard and embedded_survey_url as unsupported, not as typos', () => {
    const msgs = s.diagnostics.filter((d) => d.code === 'index/unsupported').map((d) => [d.line, d.message]);
    expect(msgs).toEqual([
      [7, expect.stringContaining('dashboard tabs are not shown')],
      [9, expect.stringContaining('survey is not shown')],
    ]);
    expect(s.diagnostics.filter((d) => d.code === 'index/unknown-key')).toEqual([]);
    expect(hasErrors(s.diagnostics)).toBe(false);
  });
});
