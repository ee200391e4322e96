// Constructs found in public Killercoda scenarios that the loader first got wrong
// (measured with scripts/compat-report.mjs); each fixture imitates the construct.

import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
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

describe('constructs from a wider sample (40 public scenarios, 15 repositories)', () => {
  async function scenarioIn(folder: string, index: object): Promise<Awaited<ReturnType<typeof loadScenario>>> {
    const root = mkdtempSync(join(tmpdir(), 'katarun-compat-'));
    const dir = join(root, folder);
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
    writeFileSync(join(dir, 'step1.md'), 'Run `kubectl get nodes`{{execute}}\n');
    try {
      return await loadScenario(dir);
    } finally {
      rmSync(root, {recursive: true, force: true});
    }
  }
  const kube = (imageid: string) => ({title: 't', details: {steps: [{title: 's', text: 'step1.md'}]}, backend: {imageid}});

  it.each([
    ['Blue-Green', 'katarun-blue-green'],
    ['cronjob-data_Pipeline', 'katarun-cronjob-data-pipeline'],
    ['Pod Communication with Existing NetworkPolicies-II', 'katarun-pod-communication-with-existing'],
    ['monkey.d.luffy-rbac', 'katarun-monkey-d-luffy-rbac'],
    ['__', 'katarun-scenario'],
  ])('a Kubernetes scenario in folder %j gets the kind cluster %j, not an error', async (folder, name) => {
    const s = await scenarioIn(folder, kube('kubernetes-kubeadm-1node'));
    expect(hasErrors(s.diagnostics)).toBe(false);
    expect(s.environment.cluster?.name).toBe(name);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('a cluster name the author wrote is still checked, at its key', async () => {
    const s = await scenarioIn('ok', {...kube('kubernetes-kubeadm-1node'), katarun: {cluster: {name: 'My_Cluster'}}});
    const d = s.diagnostics.find((x) => x.code === 'index/cluster');
    expect(d).toMatchObject({severity: 'error'});
    expect(d!.message).toContain("'My_Cluster'");
  });

  it("Katacoda's plain 'kubernetes' image is a cluster (kind), not the local shell", async () => {
    expect(mapImageId('kubernetes')).toMatchObject({kind: 'kind'});
    expect(mapImageId('kubernetes:1.18')).toMatchObject({kind: 'kind'});
    const s = await scenarioIn('kube-bench', kube('kubernetes'));
    expect(s.environment.kind).toBe('kind');
  });

  it('an {{execute}} left in plain text (its code span never closed) is a warning at its line, not silently dropped', () => {
    const r = lexPage('Connect:\n\n``POD=`oc get pods -o name```{{execute HOST1}}\n\napt-get update -y{{execute}}\n\n`ls`{{execute}}\n', '/s/step1.md');
    expect(r.actions.map((a) => a.text)).toEqual(['ls']);
    expect(r.diagnostics.filter((d) => d.code === 'markdown/stray-marker').map((d) => [d.line, d.severity])).toEqual([
      [3, 'warning'],
      [5, 'warning'],
    ]);
  });

  it('<pre class="file"> without data-filename shows expected output: a block, no action, no warning', () => {
    const r = lexPage('`cat quote.txt`{{execute T1}}\n\n<pre class=file>\nJust thinking about everything\n</pre>\n', '/s/step1.md');
    expect(r.actions.map((a) => a.kind)).toEqual(['exec']);
    expect(r.codeBlocks.map((b) => b.text)).toEqual(['Just thinking about everything\n']);
    expect(r.diagnostics).toEqual([]);
    // With a data-target it meant to write somewhere: that is worth a warning.
    const w = lexPage('<pre class="file" data-target="append">\nx\n</pre>\n', '/s/step1.md');
    expect(w.actions).toEqual([]);
    expect(w.diagnostics.map((d) => d.code)).toEqual(['markdown/file-block']);
  });

  it('a data-marker holding an HTML comment (its ">" inside the quotes) inserts at the marker', () => {
    const r = lexPage('<pre class="file" data-filename="pom.xml" data-target="insert" data-marker="<!-- TODO: Add JPA dependency here -->">\n    &lt;dependency&gt;\n</pre>\n', '/s/step1.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.actions).toMatchObject([{kind: 'file', path: 'pom.xml', mode: 'insert', marker: '<!-- TODO: Add JPA dependency here -->', text: '    <dependency>\n'}]);
  });

  it('an unsupported key that asks for nothing ("files": []) is not reported', async () => {
    const quiet = await scenarioIn('empty-files', {...kube('ubuntu'), details: {steps: [{title: 's', text: 'step1.md'}]}, environment: {uilayout: 'terminal'}, files: []});
    expect(quiet.diagnostics.filter((d) => d.code === 'index/unsupported')).toEqual([]);
    const loud = await scenarioIn('some-files', {...kube('ubuntu'), files: ['app.js']});
    expect(loud.diagnostics.filter((d) => d.code === 'index/unsupported').map((d) => d.message)).toEqual([expect.stringContaining('files is not supported')]);
  });

  it('a marker inside a code span whose backticks do not pair up is a warning at its line (none lost without a word)', () => {
    // A quote where the closing backtick belongs: the span runs on to the next line's backtick.
    // Each marker it swallows is named (the last one, left after a lone backtick, as a stray marker).
    const r = lexPage("`apt update`{{execute}}\n`apt install -y wget'{{execute}}\n`wget x.tar.xz`{{execute}}\n", '/s/step1.md');
    expect(r.actions.map((a) => a.kind === 'exec' && a.text)).toEqual(['apt update']);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown/marker-in-code-span', 2], ['markdown/stray-marker', 3]]);
    // A span closes at the first backtick run as long as its opening one (CommonMark): `bill` is
    // code and `cd` the action, not one action running "bill`. First … tab: `cd".
    const two = lexPage('Log in as `bill`. First open another tab: `cd`{{execute T2}}\n', '/s/step1.md');
    expect(two.actions).toMatchObject([{kind: 'exec', text: 'cd', terminal: 'T2'}]);
    expect(two.diagnostics).toEqual([]);
    // A longer run inside a span is content: ``echo `date` `` stays one action.
    expect(lexPage('`` echo `date` ``{{execute}}\n', '/s/step1.md').actions).toMatchObject([{kind: 'exec', text: 'echo `date`'}]);
    // A plain code span holding a marker (`{{execute}}` quoted as code by mistake) too.
    const plain = lexPage('Run ``ls {{execute}}`` now\n', '/s/step1.md');
    expect(plain.actions).toEqual([]);
    expect(plain.diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown/marker-in-code-span', 1]]);
    // Well-paired spans, with or without markers, say nothing.
    expect(lexPage('`ls`{{execute}} and `echo {{x}}`\n', '/s/step1.md').diagnostics).toEqual([]);
  });

  it('a marker in an indented code block (a list that ended, four spaces) is a warning at its line', () => {
    const r = lexPage('1. **Install:**\n\nlook\n    `apt-get update`{{exec}}\n\n    `apt-get install -y sqlcmd`{{exec}}\n', '/s/step1.md');
    expect(r.actions.map((a) => a.kind === 'exec' && a.text)).toEqual(['apt-get update']);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown/marker-in-code', 6]]);
  });

  it('a code fence that is never closed (a command written on the opening fence) is a warning at its line', () => {
    const r = lexPage('Insert two rows:\n\n```insert into users(user_id) values (1);\ninsert into users(user_id) values (4);```{{execute}}\n\nRead them:\n\n`select * from users;`{{execute}}\n', '/s/step1.md');
    // …and each action marker it swallowed is named at its own line (none lost without a word).
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown/unclosed-fence', 3], ['markdown/marker-in-code', 4], ['markdown/marker-in-code', 8]]);
    // Closed fences, with or without an action, and ~~~ fences say nothing.
    for (const ok of ['```bash\nls\n```\n', '```\nls\n```{{execute}}\n', '~~~~\nx\n~~~~\n']) expect(lexPage(ok, '/s/step1.md').diagnostics).toEqual([]);
  });
});
