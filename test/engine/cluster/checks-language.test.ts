// The machine checks in the learner's language: Russian details and fixes for a representative
// set (missing tool, tool out of range, Docker down, memory, port in use, unknown context),
// and the English ones word for word as they were. Commands, URLs and a tool's own output
// stay as written in both. Tools are the stand-ins of test/fixtures/standin-bin.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import * as machine from '../../../src/engine/cluster/machine-checks.js';
import {probeTool as probeCheck, type ToolProbeOptions} from '../../../src/engine/cluster/tool-probe.js';
import {kindProvider as provider} from '../../../src/engine/environment/kind.js';
import type {EnvironmentOptions, PreflightCheck} from '../../../src/engine/environment/types.js';
import {translator, type Translate, type UiLang} from '../../../src/render/i18n.js';
import {checkWords} from '../../words.js';
import type {Scenario} from '../../../src/scenario/model.js';

const root = resolve(import.meta.dirname, '../../..');
const standinBin = resolve(root, 'test/fixtures/standin-bin');
const tmp = mkdtempSync(join(tmpdir(), 'katarun-checks-language-'));
const emptyBin = mkdtempSync(join(tmp, 'bin-'));
const en = translator('en');
const ru = translator('ru');

let busy: Server;
let busyPort = 0;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((done) => busy.listen({port: 0, host: '127.0.0.1'}, done));
  busyPort = (busy.address() as {port: number}).port;
});
afterAll(async () => {
  await new Promise((done) => busy.close(done));
  rmSync(tmp, {recursive: true, force: true});
});

const stateFile = join(tmp, 'standin-state.json');
writeFileSync(stateFile, '{}');
const standinEnv = {PATH: `${standinBin}${delimiter}${process.env.PATH}`, HOME: tmp, KATARUN_STANDIN_STATE: stateFile};
const scenario = {
  id: 'lab',
  environment: {kind: 'kind', tools: [], terminals: [], cluster: {name: 'katarun-lab', hostPorts: []}, minMemoryMiB: 1, minCpus: 1},
} as unknown as Scenario;

let n = 0;
function options(state: object, uiLang: UiLang, extra: Partial<EnvironmentOptions> = {}): EnvironmentOptions & {uiLang?: UiLang} {
  const file = join(tmp, `state-${++n}.json`);
  writeFileSync(file, JSON.stringify(state));
  return {createCluster: true, stateDir: join(tmp, `case-${n}`), cacheDir: join(tmp, 'cache'), env: {...standinEnv, KATARUN_STANDIN_STATE: file}, log: () => undefined, uiLang, ...extra};
}
// The engine hands up messages; these say them in the language the test asks for, as the edges do.
const probeTool = async (tool: Parameters<typeof probeCheck>[0], o: ToolProbeOptions & {t?: Translate}) => checkWords(await probeCheck(tool, o), o.t ?? en);
const memoryCheck = async (...a: [...Parameters<typeof machine.memoryCheck>, Translate]) => checkWords(await machine.memoryCheck(a[0], a[1], a[2]), a[3]);
const cpuCheck = (...a: [...Parameters<typeof machine.cpuCheck>, Translate]) => checkWords(machine.cpuCheck(a[0], a[1], a[2]), a[3]);
const portCheck = async (...a: [...Parameters<typeof machine.portCheck>, Translate]) => checkWords(await machine.portCheck(a[0], a[1], a[2]), a[3]);
const kindProvider = {
  preflight: async (sc: Scenario, o: EnvironmentOptions & {uiLang?: UiLang}) => {
    const r = await provider.preflight(sc, o);
    return {...r, checks: r.checks.map((c) => checkWords(c, translator(o.uiLang ?? 'en')))};
  },
};
const byId = <C extends Pick<PreflightCheck, 'id'>>(checks: readonly C[], id: string) => checks.find((c) => c.id === id)!;

describe('machine checks in Russian', () => {
  it('a missing tool: Russian words around an untouched install command and link', async () => {
    const c = await probeTool({name: 'kind', install: 'see https://kind.sigs.k8s.io/docs/user/quick-start/'}, {env: {PATH: emptyBin}, t: ru});
    expect(c).toMatchObject({ok: false, severity: 'error', detail: 'kind не найден в PATH'});
    expect(c.fix).toMatch(/^curl -Lo \.\/kind https:\/\/kind\.sigs\.k8s\.io\/dl\/v0\.31\.0\/kind-linux-\w+ && chmod \+x \.\/kind .* — или см\. https:\/\/kind\.sigs\.k8s\.io\/docs\/user\/quick-start\/$/);
    const unknown = await probeTool({name: 'helm'}, {env: {PATH: emptyBin}, t: ru});
    expect(unknown.fix).toBe('установите helm и добавьте его в PATH');
  });

  it("a scenario's own install text stays as the author wrote it", async () => {
    const c = await probeTool({name: 'istioctl', install: 'optional: the lab fetches it'}, {env: {PATH: emptyBin}, optional: true, t: ru});
    expect(c).toMatchObject({severity: 'warning', detail: 'istioctl не найден в PATH', fix: 'optional: the lab fetches it'});
  });

  it('a tool out of range and one in range', async () => {
    const out = await probeTool({name: 'kubectl', range: '>=1.36'}, {env: standinEnv, t: ru});
    expect(out).toMatchObject({ok: false, detail: 'kubectl 1.35.0 вне диапазона >=1.36'});
    expect(out.fix).toMatch(/^установите kubectl >=1\.36: curl -LO https:\/\/dl\.k8s\.io\/release\/v1\.35\.0\//);
    expect((await probeTool({name: 'kubectl', range: '>=1.33'}, {env: standinEnv, t: ru})).detail).toBe('kubectl 1.35.0 (нужно >=1.33)');
  });

  it("Docker down: Russian words, Docker's own message as it came", async () => {
    const r = await kindProvider.preflight(scenario, options({docker: 'down'}, 'ru'));
    expect(byId(r.checks, 'docker')).toMatchObject({
      ok: false,
      detail: 'демон Docker недоступен: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running? (stand-in)',
      fix: 'запустите демон: sudo systemctl start docker (проверка: docker info)',
    });
  });

  it('memory and CPUs, with a decimal comma', async () => {
    const mem = await memoryCheck('macos', 8192, {memTotalMiB: 4096}, ru);
    expect(mem).toMatchObject({
      ok: false,
      detail: 'Docker выделено 4,0 ГиБ, нужно 8,0 ГиБ',
      fix: 'дайте Docker больше памяти: Docker Desktop → Settings → Resources → Memory ≥ 10 ГБ (colima: colima start --memory 10)',
    });
    expect(cpuCheck('macos', 4, {cpus: 2}, ru)).toMatchObject({ok: false, detail: '2 процессора, нужно 4', fix: expect.stringContaining('(colima: colima start --cpu 4)')});
  });

  it('a port in use, with the command that finds its owner', async () => {
    const c = await portCheck(busyPort, 'linux', undefined, ru);
    expect(c).toMatchObject({ok: false, detail: `127.0.0.1:${busyPort} занят`});
    expect(c.fix).toBe(
      `адрес 127.0.0.1:${busyPort} слушает другая программа; найдите её: ss -ltnp 'sport = :${busyPort}' — остановите её или удалите старый кластер, который занимает порт (kind get clusters; kind delete cluster --name NAME)`,
    );
  });

  it('an unknown kube context lists the ones there are', async () => {
    const r = await kindProvider.preflight(scenario, options({}, 'ru', {context: 'nope'}));
    expect(byId(r.checks, 'context')).toMatchObject({
      ok: false,
      detail: 'контекста kube с именем nope нет',
      fix: 'выберите один из: kind-other, prod-cluster (kubectl config get-contexts)',
    });
  });

  it('every check of a whole preflight reads differently in Russian, unless it is only a name and version', async () => {
    for (const state of [{docker: 'down'}, {docker: 'up'}]) {
      const [e, r] = await Promise.all((['en', 'ru'] as const).map((lang) => kindProvider.preflight(scenario, options(state, lang, {createCluster: false}))));
      expect(r!.checks.map((c) => c.id)).toEqual(e!.checks.map((c) => c.id));
      r!.checks.forEach((c, i) => {
        const english = e!.checks[i]!;
        if (!/^\S+ \d+\.\d+\.\d+$/.test(english.detail)) expect(c.detail, c.id).not.toBe(english.detail);
        if (english.fix) expect(c.fix, c.id).not.toBe(english.fix);
      });
    }
  });
});

describe('machine checks in English, unchanged', () => {
  it('the same checks say exactly what they said before', async () => {
    const missing = await probeTool({name: 'kind', install: 'see https://kind.sigs.k8s.io/docs/'}, {env: {PATH: emptyBin}});
    expect(missing.detail).toBe('kind was not found on PATH');
    expect(missing.fix).toMatch(/^curl -Lo \.\/kind .* — or see https:\/\/kind\.sigs\.k8s\.io\/docs\/$/);
    expect((await probeTool({name: 'helm'}, {env: {PATH: emptyBin}, t: en})).fix).toBe('install helm and put it on PATH');
    const out = await probeTool({name: 'kubectl', range: '>=1.36'}, {env: standinEnv});
    expect(out.detail).toBe('kubectl 1.35.0 is outside >=1.36');
    expect(out.fix).toMatch(/^install kubectl >=1\.36: curl -LO https:\/\/dl\.k8s\.io\//);
    expect(await memoryCheck('macos', 8192, {memTotalMiB: 4096}, en)).toMatchObject({
      detail: '4.0 GiB given to Docker, needs 8.0 GiB',
      fix: 'give Docker more memory: Docker Desktop → Settings → Resources → Memory ≥ 10 GB (colima: colima start --memory 10)',
    });
    expect(cpuCheck('linux', 100_000, {}, en).fix).toBe('this machine has fewer than 100,000 CPUs; use a bigger machine or VM');
    const port = await portCheck(busyPort, 'macos', undefined, en);
    expect(port.detail).toBe(`127.0.0.1:${busyPort} is in use`);
    expect(port.fix).toBe(
      `something else listens on 127.0.0.1:${busyPort}; find it with: lsof -nP -iTCP:${busyPort} -sTCP:LISTEN — stop it, or delete an old cluster that maps the port (kind get clusters; kind delete cluster --name NAME)`,
    );
  });

  it('a provider given no language speaks English', async () => {
    const {uiLang: _, ...noLang} = options({docker: 'down'}, 'en', {createCluster: false});
    const r = await kindProvider.preflight(scenario, noLang);
    expect(byId(r.checks, 'docker')).toMatchObject({
      detail: expect.stringMatching(/^the Docker daemon is not reachable: Cannot connect/),
      fix: 'start the daemon: sudo systemctl start docker (check with: docker info)',
    });
    const up = await kindProvider.preflight(scenario, {...noLang, createCluster: false, env: {...noLang.env, KATARUN_STANDIN_STATE: stateFile}});
    expect(byId(up.checks, 'docker').detail).toBe('Docker daemon 28.0.0-standin is reachable');
    expect(byId(up.checks, 'cluster')).toMatchObject({
      detail: 'kind cluster katarun-lab does not exist',
      fix: 'pass --create-cluster to create it (katarun test), or start the scenario in the terminal UI, which asks first',
    });
    expect(byId(up.checks, 'kube-context').detail).toBe('your current kube context is kind-other; the scenario never touches it (it gets its own KUBECONFIG)');
    const ctx = await kindProvider.preflight(scenario, options({}, 'en', {context: 'nope'}));
    expect(byId(ctx.checks, 'context')).toMatchObject({detail: 'no kube context named nope', fix: 'pick one of: kind-other, prod-cluster (kubectl config get-contexts)'});
  });
});
