// What preparing and tearing down a kind environment says, in the learner's language: the
// progress lines (reusing, creating, the guarded KUBECONFIG, the context guard), the errors
// prepare and teardown throw, and the setup script's failure as `katarun test` reports it.
// Russian for a representative set, English word for word as before. Cluster names, paths,
// commands and the tools' own output read the same in both. The tools are the stand-ins of
// test/fixtures/standin-bin (plus a tiny kind wrapper that makes one verb fail).
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {kindProvider as provider, recordCluster} from '../../../src/engine/environment/kind.js';
import type {EnvironmentOptions} from '../../../src/engine/environment/types.js';
import type {RunEngine} from '../../../src/engine/engine-options.js';
import {runHeadless} from '../../../src/headless/run-headless.js';
import {translator, type UiLang} from '../../../src/render/i18n.js';
import {errorWords, words} from '../../words.js';
import {loadScenario} from '../../../src/scenario/load-scenario.js';
import type {Scenario} from '../../../src/scenario/model.js';
import {tempDirs} from '../integration-helpers.js';

const root = resolve(import.meta.dirname, '../../..');
const standinBin = resolve(root, 'test/fixtures/standin-bin');
const tmp = mkdtempSync(join(tmpdir(), 'katarun-prepare-language-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

// kind with one verb refused (KATARUN_FAIL_VERB=create|delete); everything else is the stand-in's.
const failBin = join(tmp, 'fail-bin');
mkdirSync(failBin);
writeFileSync(
  join(failBin, 'kind'),
  `#!/bin/sh\nif [ "$1" = "$KATARUN_FAIL_VERB" ]; then echo "ERROR: failed to $1 cluster (stand-in refuses)" >&2; exit 1; fi\nexec '${join(standinBin, 'kind')}' "$@"\n`,
);
chmodSync(join(failBin, 'kind'), 0o755);

const scenario = {
  id: 'lab',
  environment: {kind: 'kind', tools: [], terminals: [], cluster: {name: 'katarun-lab', hostPorts: []}, minMemoryMiB: 1, minCpus: 1},
} as unknown as Scenario;
const withImage = {
  ...scenario,
  environment: {...scenario.environment, cluster: {name: 'katarun-lab', hostPorts: [], nodeImage: 'kindest/node:v1.35.0@sha256:452d707d'}},
} as unknown as Scenario;

// The provider throws and logs messages; these say them in the test's language, as the edges do.
type LangOptions = EnvironmentOptions & {uiLang?: UiLang};
const inWords = (o: LangOptions) => (err: unknown) => {
  throw new Error(errorWords(err, translator(o.uiLang ?? 'en')));
};
const kindProvider = {
  prepare: (sc: Scenario, o: LangOptions) => provider.prepare(sc, o).catch(inWords(o)),
  teardown: (sc: Scenario, o: LangOptions) => provider.teardown(sc, o).catch(inWords(o)),
};

let n = 0;
function options(state: object, uiLang: UiLang | undefined, extra: Partial<EnvironmentOptions> & {failVerb?: string} = {}): LangOptions & {lines: string[]} {
  const file = join(tmp, `state-${++n}.json`);
  writeFileSync(file, JSON.stringify(state));
  const lines: string[] = [];
  const {failVerb, ...rest} = extra;
  const path = `${failVerb ? failBin + delimiter : ''}${standinBin}${delimiter}${process.env.PATH}`;
  return {
    createCluster: true,
    stateDir: join(tmp, `case-${n}`),
    cacheDir: join(tmp, 'cache'),
    env: {PATH: path, HOME: tmp, KATARUN_STANDIN_STATE: file, ...(failVerb ? {KATARUN_FAIL_VERB: failVerb} : {})},
    log: (l) => lines.push(words(l, translator(uiLang ?? 'en'))),
    lines,
    ...(uiLang ? {uiLang} : {}),
    ...rest,
  };
}

describe('preparing and tearing down, in Russian', () => {
  it('creating, then reusing and deleting a cluster: Russian words, kind output and paths as they are', async () => {
    const o = options({}, 'ru');
    await kindProvider.prepare(withImage, o);
    const file = join(o.stateDir, 'kubeconfig');
    expect(o.lines[0]).toBe('Создаю кластер kind katarun-lab (kindest/node:v1.35.0) — в первый раз это займёт минуту-другую');
    // kind's own progress passes through untranslated.
    expect(o.lines).toContain('Creating cluster "katarun-lab" ...');
    expect(o.lines.at(-1)).toBe(`Защищённый KUBECONFIG: ${file} (в нём только kind-katarun-lab)`);
    o.lines.length = 0;
    await kindProvider.prepare(scenario, o);
    expect(o.lines).toEqual(['Использую существующий кластер kind katarun-lab', `Защищённый KUBECONFIG: ${file} (в нём только kind-katarun-lab)`]);
    o.lines.length = 0;
    await kindProvider.teardown(scenario, o);
    expect(o.lines).toEqual(['Кластер kind katarun-lab удалён']);
  });

  it('the errors prepare throws', async () => {
    await expect(kindProvider.prepare(scenario, options({docker: 'down'}, 'ru'))).rejects.toThrow(
      /^kind не может перечислить свои кластеры — Docker запущен\? Выполните: katarun doctor lab$/,
    );
    await expect(kindProvider.prepare(scenario, options({}, 'ru', {createCluster: false}))).rejects.toThrow(
      /^кластера kind katarun-lab нет — создайте его флагом --create-cluster или запустите сценарий в терминальном интерфейсе — он сначала спросит$/,
    );
    await expect(kindProvider.prepare(scenario, options({}, 'ru', {failVerb: 'create'}))).rejects.toThrow(
      /^kind не смог создать кластер katarun-lab: ERROR: failed to create cluster \(stand-in refuses\)$/,
    );
  });

  it('teardown: kind refusing to delete', async () => {
    const o = options({clusters: ['katarun-lab']}, 'ru', {failVerb: 'delete'});
    // katarun made this cluster (its record says so); only such a cluster is deleted.
    await recordCluster(o.stateDir, 'katarun-lab');
    await expect(kindProvider.teardown(scenario, o)).rejects.toThrow(/^kind не смог удалить кластер katarun-lab: ERROR: failed to delete cluster \(stand-in refuses\)$/);
    expect(o.lines).toEqual([]);
  });

  it('the context guard: the context used, and an unknown one with kubectl\'s own error', async () => {
    const o = options({}, 'ru', {context: 'prod-cluster'});
    await kindProvider.prepare(scenario, o);
    expect(o.lines).toEqual(['Использую контекст kube prod-cluster (сценарию виден только он)']);
    await expect(kindProvider.prepare(scenario, options({}, 'ru', {context: 'nope'}))).rejects.toThrow(
      'не удаётся использовать контекст kube nope: error: context was not found for specified context: nope — список контекстов: kubectl config get-contexts',
    );
  });
});

describe('preparing and tearing down, in English (unchanged)', () => {
  it('a provider given no language says exactly what it said before', async () => {
    const o = options({}, undefined);
    await kindProvider.prepare(withImage, o);
    const file = join(o.stateDir, 'kubeconfig');
    expect(o.lines[0]).toBe('Creating kind cluster katarun-lab (kindest/node:v1.35.0) — a minute or two the first time');
    expect(o.lines.at(-1)).toBe(`Guarded KUBECONFIG: ${file} (holds only kind-katarun-lab)`);
    o.lines.length = 0;
    await kindProvider.prepare(scenario, o);
    expect(o.lines[0]).toBe('Reusing kind cluster katarun-lab');
    o.lines.length = 0;
    await kindProvider.teardown(scenario, o);
    expect(o.lines).toEqual(['Deleted kind cluster katarun-lab']);
    await expect(kindProvider.prepare(scenario, options({docker: 'down'}, 'en'))).rejects.toThrow(/^kind cannot list its clusters — is Docker running\? Run: katarun doctor lab$/);
    await expect(kindProvider.prepare(scenario, options({}, 'en', {createCluster: false}))).rejects.toThrow(
      /^kind cluster katarun-lab does not exist — pass --create-cluster to create it, or start the scenario in the terminal UI, which asks first$/,
    );
    await expect(kindProvider.prepare(scenario, options({}, 'en', {failVerb: 'create'}))).rejects.toThrow(/^kind could not create cluster katarun-lab: ERROR: failed to create cluster \(stand-in refuses\)$/);
    const ctx = options({}, 'en', {context: 'prod-cluster'});
    await kindProvider.prepare(scenario, ctx);
    expect(ctx.lines).toEqual(['Using kube context prod-cluster (only this context is visible to the scenario)']);
    await expect(kindProvider.prepare(scenario, options({}, 'en', {context: 'nope'}))).rejects.toThrow(
      'cannot use kube context nope: error: context was not found for specified context: nope — list the contexts with: kubectl config get-contexts',
    );
  });
});

describe('the setup lines of a headless run (EngineOptions.uiLang reaches the provider and the setup script)', () => {
  /** A one-step kind scenario whose setup script ends with `exit <code>`. */
  function kindScenarioDir(name: string, setupExit: number): string {
    const dir = join(tmp, 'scenarios', name);
    mkdirSync(dir, {recursive: true});
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify({
        title: 'setup language',
        details: {steps: [{title: 'one', text: 'step1.md'}]},
        katarun: {environment: 'kind', cluster: {name: `katarun-${name}`}, minMemoryMiB: 1, minCpus: 1, setup: 'setup.sh'},
      }),
    );
    writeFileSync(join(dir, 'step1.md'), '# one\n\nNothing to do.\n');
    writeFileSync(join(dir, 'setup.sh'), `echo "setup ran"\nexit ${setupExit}\n`);
    return dir;
  }

  async function run(name: string, setupExit: number, uiLang: UiLang | undefined) {
    const dirs = tempDirs('katarun-setup-language-');
    const o = options({}, uiLang);
    let engine: RunEngine | undefined;
    try {
      const report = await runHeadless(await loadScenario(kindScenarioDir(name, setupExit), {}), {
        dirs,
        env: o.env,
        createCluster: true,
        settleMs: 200,
        t: translator(uiLang ?? 'en'),
        onEngine: (e) => (engine = e),
      });
      return {report, notices: engine!.store.getSnapshot().notices.map((x) => words(x.message, translator(uiLang ?? 'en')))};
    } finally {
      dirs.cleanup();
    }
  }

  it('Russian: creating the cluster, then the setup script failing', async () => {
    const {report, notices} = await run('ru-fails', 3, 'ru');
    expect(report.exitCode).toBe(1);
    expect(report.setup?.status).toBe('failed');
    const out = report.setup!.output;
    expect(out[0]).toBe('Создаю кластер kind katarun-ru-fails — в первый раз это займёт минуту-другую');
    expect(out).toContain('setup ran');
    expect(out.some((l) => /^Защищённый KUBECONFIG: .*kubeconfig \(в нём только kind-katarun-ru-fails\)$/.test(l))).toBe(true);
    expect(out.at(-1)).toBe('скрипт подготовки завершился с кодом 3');
    expect(notices).toContain('Подготовка не удалась: скрипт подготовки завершился с кодом 3');
  });

  it('English: the same lines as before', async () => {
    const {report, notices} = await run('en-fails', 3, undefined);
    const out = report.setup!.output;
    expect(out[0]).toBe('Creating kind cluster katarun-en-fails — a minute or two the first time');
    expect(out.at(-1)).toBe('the setup script exited with status 3');
    expect(notices).toContain('Setup failed: the setup script exited with status 3');
  });
});

describe('a kind cluster katarun did not create', () => {
  it('is never used unasked, nor deleted: the error says why and names the flag; the flag opts in', async () => {
    const o = options({clusters: ['katarun-lab']}, 'en');
    await expect(kindProvider.prepare(scenario, o)).rejects.toThrow(/^a kind cluster named katarun-lab already exists and katarun did not create it \(it may be yours\).*--use-existing-cluster/);
    await expect(kindProvider.teardown(scenario, o)).rejects.toThrow(/^katarun did not create kind cluster katarun-lab \(it may be yours\) and will not delete it/);
    const ru = options({clusters: ['katarun-lab']}, 'ru');
    await expect(kindProvider.prepare(scenario, ru)).rejects.toThrow(/^кластер kind katarun-lab уже есть, и создал его не katarun/);
    const opted = options({clusters: ['katarun-lab']}, 'en', {useExistingCluster: true});
    await kindProvider.prepare(scenario, opted);
    expect(opted.lines[0]).toBe('Reusing kind cluster katarun-lab');
  });

  it('one katarun created is reused, and forgotten once deleted', async () => {
    const o = options({}, 'en');
    await kindProvider.prepare(scenario, o);
    await kindProvider.prepare(scenario, o);
    expect(o.lines).toContain('Reusing kind cluster katarun-lab');
    await kindProvider.teardown(scenario, o);
    await expect(kindProvider.teardown(scenario, o)).rejects.toThrow(/will not delete it/);
  });
});
