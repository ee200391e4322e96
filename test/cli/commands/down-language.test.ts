// `katarun down` in the learner's language (--lang, else the locale): nothing to delete, the
// cluster deleted, kind not answering, the --context clean-up and its failure; English word
// for word as before. A failure of kind is a one-line error with exit 3, not an internal
// error. The command runs in this process with the stand-in toolchain
// (test/fixtures/standin-bin) first on PATH and the XDG folders in a temp dir.
import {recordCluster} from '../../../src/engine/environment/kind.js';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {run} from '../../../src/cli/commands/down.js';
import {ExitCode, UserError} from '../../../src/cli/exit-codes.js';
import {commandLineLanguage, translator} from '../../../src/render/i18n.js';
import {userErrorWords} from '../../words.js';

const root = resolve(import.meta.dirname, '../../..');
const standinBin = resolve(root, 'test/fixtures/standin-bin');
const tmp = mkdtempSync(join(tmpdir(), 'katarun-down-language-'));
const stateFile = join(tmp, 'standin-state.json');
const saved = {...process.env};

/** A one-step scenario; a kind one has cluster katarun-lab and a teardown script ending in `exit <code>`. */
function scenarioDir(name: string, kind: boolean, teardownExit = 0): string {
  const dir = join(tmp, 'scenarios', name);
  mkdirSync(dir, {recursive: true});
  const katarun = kind ? {environment: 'kind', cluster: {name: 'katarun-lab'}, teardown: 'teardown.sh'} : {environment: 'bash'};
  writeFileSync(join(dir, 'index.json'), JSON.stringify({title: name, details: {steps: [{title: 'one', text: 'step1.md'}]}, katarun}));
  writeFileSync(join(dir, 'step1.md'), '# one\n\nNothing to do.\n');
  if (kind) writeFileSync(join(dir, 'teardown.sh'), `echo "teardown ran"\nexit ${teardownExit}\n`);
  return dir;
}
const lab = scenarioDir('lab', true);
const labFailing = scenarioDir('lab-failing', true, 4);
const plain = scenarioDir('plain', false);

// kind that refuses to delete when KATARUN_FAIL_VERB=delete; otherwise the stand-in.
const failBin = join(tmp, 'fail-bin');
mkdirSync(failBin);
writeFileSync(join(failBin, 'kind'), `#!/bin/sh\nif [ "$1" = "$KATARUN_FAIL_VERB" ]; then echo "ERROR: failed to $1 cluster (stand-in refuses)" >&2; exit 1; fi\nexec '${join(standinBin, 'kind')}' "$@"\n`);
chmodSync(join(failBin, 'kind'), 0o755);

beforeAll(() => {
  for (const k of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'KATARUN_FAIL_VERB']) delete process.env[k];
  Object.assign(process.env, {
    PATH: `${failBin}${delimiter}${standinBin}${delimiter}${saved.PATH}`,
    HOME: tmp,
    XDG_STATE_HOME: join(tmp, 'state'),
    XDG_DATA_HOME: join(tmp, 'data'),
    XDG_CACHE_HOME: join(tmp, 'cache'),
    KATARUN_STANDIN_STATE: stateFile,
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const k of ['LC_ALL', 'KATARUN_FAIL_VERB']) delete process.env[k];
});
afterAll(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  rmSync(tmp, {recursive: true, force: true});
});

/** Runs `katarun down <args>` against a stand-in state; what it printed, and its code or UserError. */
async function down(args: string[], state: {clusters?: string[]; docker?: 'up' | 'down'} = {}) {
  writeFileSync(stateFile, JSON.stringify(state));
  // The stand-in's clusters stand for ones katarun created: each gets katarun's record.
  for (const name of state.clusters ?? []) await recordCluster(join(tmp, 'state', 'katarun', 'environments', 'lab'), name);
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await run(args);
    return {code, stdout, stderr, error: undefined};
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return {code: err.exitCode, stdout, stderr, error: userErrorWords(err, translator(commandLineLanguage(args)))};
  } finally {
    vi.restoreAllMocks();
  }
}

describe('katarun down in Russian', () => {
  it('--lang ru: nothing to delete, then a cluster deleted', async () => {
    expect(await down([plain, '--lang', 'ru'])).toMatchObject({code: 0, stdout: 'удалять нечего: сценарию plain кластер не нужен\n'});
    expect(await down([lab, '--lang', 'ru'])).toMatchObject({code: 0, stdout: 'удалять нечего: кластера kind katarun-lab нет\n'});
    const deleted = await down([lab, '--lang', 'ru'], {clusters: ['katarun-lab']});
    expect(deleted).toMatchObject({code: 0, stdout: 'Кластер kind katarun-lab удалён\n'});
  });

  it('the locale (LC_ALL=ru_RU.UTF-8) without --lang: kind not answering, kind refusing to delete', async () => {
    process.env.LC_ALL = 'ru_RU.UTF-8';
    expect(await down([lab], {docker: 'down'})).toMatchObject({
      code: ExitCode.envNotReady,
      error: "не удаётся получить список кластеров kind (kind установлен и Docker запущен?); см. 'katarun doctor lab'",
    });
    process.env.KATARUN_FAIL_VERB = 'delete';
    expect(await down([lab], {clusters: ['katarun-lab']})).toMatchObject({
      code: ExitCode.envNotReady,
      error: 'kind не смог удалить кластер katarun-lab: ERROR: failed to delete cluster (stand-in refuses)',
    });
  });

  it('--context: the guard line, the teardown script, and its failure', async () => {
    const cleaned = await down([lab, '--context', 'prod-cluster', '--lang', 'ru']);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toBe('Использую контекст kube prod-cluster (сценарию виден только он)\nteardown ran\nсценарий lab убран из контекста prod-cluster\n');
    const failed = await down([labFailing, '--context', 'prod-cluster', '--lang', 'ru']);
    expect(failed).toMatchObject({code: ExitCode.stepFailed, stderr: 'katarun: скрипт очистки сценария lab-failing завершился с ошибкой (код 4)\n'});
    expect(await down([lab, '--context', 'nope', '--lang', 'ru'])).toMatchObject({
      code: ExitCode.envNotReady,
      error: 'не удаётся использовать контекст kube nope: error: context was not found for specified context: nope — список контекстов: kubectl config get-contexts',
    });
  });
});

describe('katarun down in English (unchanged)', () => {
  it('says what it said before', async () => {
    expect((await down([plain])).stdout).toBe('nothing to delete: plain needs no cluster\n');
    expect((await down([lab])).stdout).toBe('nothing to delete: kind cluster katarun-lab does not exist\n');
    expect((await down([lab], {clusters: ['katarun-lab']})).stdout).toBe('Deleted kind cluster katarun-lab\n');
    expect((await down([lab], {docker: 'down'})).error).toBe("cannot list kind clusters (is kind installed and Docker running?) — see 'katarun doctor lab'");
    expect((await down([lab, '--context', 'prod-cluster'])).stdout).toBe(
      'Using kube context prod-cluster (only this context is visible to the scenario)\nteardown ran\ncleaned lab out of context prod-cluster\n',
    );
    expect((await down([labFailing, '--context', 'prod-cluster'])).stderr).toBe('katarun: the teardown script of lab-failing failed (exit 4)\n');
  });
});
