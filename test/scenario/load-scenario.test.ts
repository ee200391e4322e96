import {mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {hasErrors, type ExecAction} from '../../src/scenario/model.js';
import {fixture, repoRoot} from './fixtures.js';

const codes = (s: {diagnostics: readonly {code: string}[]}) => s.diagnostics.map((d) => d.code);
const tmp = mkdtempSync(join(tmpdir(), 'katarun-load-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe('classic Katacoda scenario', async () => {
  const s = await loadScenario(fixture('katacoda-classic'));

  it('reads metadata, pages and steps', () => {
    expect(s).toMatchObject({id: 'katacoda-classic', title: 'Getting Started with Docker Volumes', difficulty: 'Beginner', time: '15 minutes', timeMinutes: 15, lang: 'en', languages: ['en']});
    expect(s.intro?.background?.path).toBe(fixture('katacoda-classic/env-init.sh'));
    expect(s.finish?.body).toContain('Well done');
    expect(s.steps.map((x) => x.title)).toEqual(['Create a volume', 'Use two hosts', 'Quiz']);
    expect(hasErrors(s.diagnostics)).toBe(false);
  });

  it('maps courseData/code to background/foreground and keeps verify and answer', () => {
    const [one, two] = s.steps;
    expect(one!.check).toMatchObject({script: {role: 'verify', language: 'bash', path: fixture('katacoda-classic/step1-verify.sh')}, timeoutMs: 60_000, intervalMs: 1000});
    expect(one!.check!.script.source).toMatchObject({file: fixture('katacoda-classic/index.json'), line: 11});
    expect(one!.answer?.body).toContain('docker volume create');
    expect(two!.background?.path).toBe(fixture('katacoda-classic/step2-background.sh'));
    expect(two!.foreground?.role).toBe('foreground');
  });

  it('collects every kind of action with its place', () => {
    const [one, two] = s.steps;
    expect(one!.actions.map((a) => [a.kind, a.source.line])).toEqual([['exec', 5], ['exec', 7], ['exec', 11], ['exec', 16], ['open', 18]]);
    expect((one!.actions[3] as ExecAction).interrupt).toBe(true);
    expect(two!.actions.map((a) => a.kind)).toEqual(['exec', 'exec', 'exec', 'exec', 'file', 'file', 'copy']);
    expect(two!.actions.slice(0, 4).map((a) => (a as ExecAction).terminal)).toEqual(['T2', 'T2', 'T2', 'T1']);
    expect(s.steps[2]!.quizzes.map((q) => q.kind)).toEqual(['exact', 'contains', 'single', 'multiple']);
  });

  it('maps the environment and warns about what a terminal cannot show', () => {
    expect(s.environment).toMatchObject({kind: 'bash', imageId: 'docker', uilayout: 'terminal-terminal', tools: [{name: 'docker'}], terminals: [{name: 'Stats', target: 'host01', command: 'docker stats'}]});
    expect(codes(s)).toEqual(['index/terminal-command', 'index/unsupported', 'index/unsupported', 'markdown/host-mapped']);
    // A terminal's own command (Katacoda ran it as the tab opened) is not run, and says how to run it.
    expect(s.diagnostics.find((d) => d.code === 'index/terminal-command')!.hint).toBe('if the steps need it, run it from a step: `docker stats`{{execute T2}}');
  });

  it('resolves assets and hashes content', () => {
    expect(s.assets.map((a) => [a.host, a.pattern, a.target, a.chmod, a.files])).toEqual([
      ['host01', 'wait.sh', '/usr/local/bin/', '+x', ['wait.sh']],
      ['host01', 'app.js', '/root', undefined, ['app.js']],
    ]);
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('Killercoda scenario', async () => {
  const s = await loadScenario(fixture('killercoda-k8s'));

  it('reads foreground/background/verify.sh and maps kubernetes to kind', () => {
    expect(s.intro?.foreground?.path).toBe(fixture('killercoda-k8s/setup-foreground.sh'));
    expect(s.steps[1]!.background?.path).toBe(fixture('killercoda-k8s/step2/background.sh'));
    expect(s.environment).toMatchObject({kind: 'kind', imageId: 'kubernetes-kubeadm-1node', cluster: {name: 'katarun-killercoda-k8s', hostPorts: []}});
    expect(s.environment.tools.map((t) => t.name)).toEqual(['docker', 'kind', 'kubectl']);
    expect(s.steps[0]!.check?.timeoutMs).toBe(300_000);
    expect(s.diagnostics).toEqual([]);
  });

  it('gives solution actions their context and hint blocks become hints', () => {
    const step = s.steps[0]!;
    expect(step.actions.map((a) => [a.kind, a.context])).toEqual([['exec', 'body'], ['copy', 'body'], ['copy', 'body'], ['exec', 'solution']]);
    expect(step.hints.map((h) => h.text)).toEqual(['Use `kubectl create deployment`.']);
  });

  it('resolves the asset globs', () => {
    expect(s.assets.map((a) => a.files)).toEqual([
      ['app1/conf/cnf.yaml', 'app2/cnf.yaml', 'manifests/svc.yaml'],
      ['app1/settings.json', 'app2/cnf.yaml'],
      ['top.txt'],
    ]);
    expect(s.assets[0]!.baseDir).toBe(fixture('killercoda-k8s/assets'));
  });
});

describe('challenge', async () => {
  const s = await loadScenario(fixture('challenge'));
  it('keeps the type, hint script and markdown hint, katarun timings and solution', () => {
    expect(s.type).toBe('challenge@0.9');
    expect(s.timeMinutes).toBe(15);
    const [one, two] = s.steps;
    expect(one!.hints).toEqual([expect.objectContaining({text: '', script: expect.objectContaining({role: 'hint', path: fixture('challenge/task1-hint.sh')})})]);
    expect(one!.check).toMatchObject({timeoutMs: 300_000, intervalMs: 3000});
    expect(one!.solution?.path).toBe(fixture('challenge/task1-solution.sh'));
    expect(one!.timeMinutes).toBe(8);
    expect(two!.check?.script.language).toBe('zx');
    expect(two!.hints[0]!.text).toContain('kubectl label');
    expect(codes(s)).toEqual(['index/imageid']);
  });
});

describe('translations', () => {
  it('lists languages and loads a mirror, taking missing files from the base', async () => {
    const base = await loadScenario(fixture('translated'));
    const de = await loadScenario(fixture('translated'), {lang: 'de'});
    expect(base.languages).toEqual(['en', 'de']);
    expect(de.lang).toBe('de');
    expect(de.title).toBe('Dateien und Ordner');
    expect(de.steps[0]!.textFile).toBe(fixture('_de/translated/step1.md'));
    expect(de.steps[0]!.actions[0]!.source.line).toBe(5);
    expect(de.steps[0]!.check?.script.path).toBe(fixture('translated/step1/verify.sh'));
    expect(de.diagnostics).toEqual([]);
    expect(de.contentHash).not.toBe(base.contentHash);
  });

  it('accepts a mirror folder directly, a region tag and an unknown language', async () => {
    expect((await loadScenario(fixture('_de/translated'))).lang).toBe('de');
    expect((await loadScenario(fixture('translated'), {lang: 'de-AT'})).lang).toBe('de');
    const fr = await loadScenario(fixture('translated'), {lang: 'fr'});
    expect(fr.lang).toBe('en');
  });

  it('loads the bundled basics scenario in both languages without errors', async () => {
    for (const lang of ['en', 'ru']) {
      const s = await loadScenario(join(repoRoot, 'scenarios', 'basics'), {lang});
      expect(s.lang).toBe(lang);
      expect(s.steps.length).toBeGreaterThan(0);
      expect(s.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});

describe('problems become diagnostics', () => {
  it('reports broken JSON at its line and column', async () => {
    const s = await loadScenario(fixture('broken-json'));
    expect(s.diagnostics).toEqual([expect.objectContaining({severity: 'error', code: 'index/syntax', file: fixture('broken-json/index.json'), line: 4, column: 3})]);
    expect(s.steps).toEqual([]);
  });

  it('names missing files and globs that match nothing', async () => {
    const s = await loadScenario(fixture('missing-files'));
    expect(s.diagnostics.map((d) => [d.code, d.line, d.message.match(/'([^']+)'/)?.[1]])).toEqual([
      ['index/missing-file', 6, 'step1.md'],
      ['index/missing-file', 6, 'step1/verify.sh'],
      ['index/missing-file', 6, 'step1/background.sh'],
      ['index/asset-glob', 9, '*.yaml'],
    ]);
    // A missing step file stops the run; an asset that matches nothing is copied as nothing, as the platforms did.
    expect(s.diagnostics.map((d) => d.severity)).toEqual(['error', 'error', 'error', 'warning']);
  });

  it('refuses an asset target that escapes the workspace', async () => {
    const s = await loadScenario(fixture('escaping-asset'));
    expect(s.diagnostics).toEqual([expect.objectContaining({severity: 'error', code: 'index/asset-target', line: 8})]);
  });

  it('keeps unknown keys as warnings with their lines', async () => {
    const s = await loadScenario(fixture('unknown-keys'));
    expect(hasErrors(s.diagnostics)).toBe(false);
    const unknown = s.diagnostics.filter((d) => d.code === 'index/unknown-key').map((d) => [d.line, d.hint]);
    expect(unknown).toEqual([[3, "did you mean 'title'?"], [7, "did you mean 'verify'?"], [16, 'check the spelling']]);
    expect(s.environment.kind).toBe('bash');
  });

  it('reads index.yaml with positions', async () => {
    const s = await loadScenario(fixture('yaml-index'));
    expect(s).toMatchObject({title: 'YAML scenario', timeMinutes: 60, environment: {kind: 'bash', imageId: 'bash'}});
    expect(s.diagnostics).toEqual([expect.objectContaining({code: 'index/unknown-key', line: 11, column: 3})]);
  });

  it('reports a missing folder, an empty folder and a non-object index', async () => {
    expect(codes(await loadScenario(join(tmp, 'nope')))).toEqual(['index/missing']);
    mkdirSync(join(tmp, 'empty'));
    expect(codes(await loadScenario(join(tmp, 'empty')))).toEqual(['index/missing']);
    mkdirSync(join(tmp, 'array'));
    writeFileSync(join(tmp, 'array', 'index.json'), '[1, 2]');
    expect(codes(await loadScenario(join(tmp, 'array')))).toEqual(['index/shape']);
  });

  it('reports a missing title and steps, and wrong types without giving up', async () => {
    mkdirSync(join(tmp, 'bare'));
    writeFileSync(join(tmp, 'bare', 'index.json'), '{"details": {"steps": [42, {"title": ["x"], "text": 7}]}, "katarun": {"environment": "vm"}}');
    const s = await loadScenario(join(tmp, 'bare'));
    expect(codes(s)).toEqual(expect.arrayContaining(['index/title', 'index/type', 'index/environment']));
    expect(s.steps).toHaveLength(1);
  });

  it('warns about missing images, even with a malformed URL', async () => {
    const dir = join(tmp, 'images');
    cpSync(fixture('translated'), dir, {recursive: true});
    writeFileSync(join(dir, 'step1.md'), '![ok](step1/verify.sh)\n\n![gone](img/100%.png)\n');
    const s = await loadScenario(dir);
    expect(s.diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown/missing-image', 3]]);
  });

  it('honours katarun.assetsDir, setup, teardown and a kind cluster', async () => {
    const dir = join(tmp, 'kindy');
    cpSync(fixture('translated'), dir, {recursive: true});
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, 'manifests', 'kind.yaml'), 'kind: Cluster\n');
    writeFileSync(join(dir, 'setup.sh'), 'true\n');
    writeFileSync(join(dir, 'teardown.mjs'), '\n');
    writeFileSync(join(dir, 'index.json'), JSON.stringify({
      title: 'k', details: {steps: [{text: 'step1.md'}], assets: {client: [{file: '*.yaml', target: '~/m'}]}},
      katarun: {environment: 'kind', assetsDir: 'manifests', setup: 'setup.sh', teardown: 'teardown.mjs', tools: [{name: 'kind', range: '>=0.27.0'}, 'kubectl'],
        cluster: {name: 'egress', nodeImage: 'kindest/node:v1.34.0', config: 'kind.yaml', hostPorts: [30080, 70000]}, minMemoryMiB: 4096, minCpus: 2},
    }, null, 2));
    const s = await loadScenario(dir);
    expect(s.environment).toMatchObject({kind: 'kind', tools: [{name: 'kind', range: '>=0.27.0'}, {name: 'kubectl'}], cluster: {name: 'egress', nodeImage: 'kindest/node:v1.34.0', config: join(dir, 'manifests', 'kind.yaml'), hostPorts: [30080]}, minMemoryMiB: 4096, minCpus: 2});
    expect(s.assets[0]!.baseDir).toBe(join(dir, 'manifests'));
    expect(s.setup).toMatchObject({role: 'setup', language: 'bash'});
    expect(s.teardown).toMatchObject({role: 'teardown', language: 'zx'});
    expect(s.diagnostics.map((d) => [d.code, d.severity])).toEqual([['index/cluster', 'error']]);
  });
});
