// Checks with real bash (and zx): the learner's exports and folder reach them, `done` and
// FAIL: mean what Katacoda and Instruqt meant, and a hanging check is killed with its children.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCheckAttempt, type CheckContext} from '../../src/engine/check-runner.js';
import {checkEnv, plainEnv} from '../../src/engine/script-env.js';
import {defaultShellPort} from '../../src/engine/shell-port-default.js';
import {runProcess} from '../../src/shell/index.js';
import {check} from './model-fixtures.js';
import {processesWithEnv, tempDirs, uniqueMarker, waitFor, type TempDirs} from './integration-helpers.js';

let t: TempDirs;
let ctx: CheckContext;
const marker = uniqueMarker();
const base = {...plainEnv(process.env), KATARUN_TEST_MARKER: marker};

beforeAll(async () => {
  t = tempDirs();
  const learner = join(t.root, 'learner');
  mkdirSync(join(learner, 'sub dir'), {recursive: true});
  // Produce a real snapshot the way the shell does: export -p and the working directory.
  const r = await runProcess('bash', ['-c', `export FOO='a "b" $c'; export MULTI=$'x\\ny'; cd 'sub dir'; export -p > ../env.sh; printf '%s' "$PWD" > ../cwd`], {
    cwd: learner,
    env: base,
    timeoutMs: 5000,
  });
  expect(r.exitCode).toBe(0);
  ctx = {
    port: defaultShellPort(),
    snapshot: async () => ({envFile: join(learner, 'env.sh'), cwdFile: join(learner, 'cwd')}),
    env: (l) => checkEnv(base, l, {}, {KATARUN_WORKSPACE: learner}),
    workspace: learner,
  };
});
afterAll(() => t.cleanup());

const write = (name: string, body: string) => {
  const p = join(t.root, name);
  writeFileSync(p, body, {mode: 0o755});
  return p;
};
const signal = () => new AbortController().signal;

describe('check runner (real bash)', () => {
  it("sees the learner's exports and working directory", async () => {
    const s = write('sees.sh', '[ "$FOO" = \'a "b" $c\' ] && [ "$MULTI" = $\'x\\ny\' ] && [ "$(basename "$PWD")" = "sub dir" ] || { echo "FAIL: FOO=$FOO PWD=$PWD"; exit 1; }\n');
    const r = await runCheckAttempt(check(s), ctx, 5000, signal());
    expect(r.feedback).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('zx checks see them too', async () => {
    const s = write('sees.mjs', "if (process.env.FOO !== 'a \"b\" $c' || !process.cwd().endsWith('sub dir')) { console.log('FAIL: ' + process.env.FOO); process.exit(1); }\n");
    const r = await runCheckAttempt(check(s), ctx, 10_000, signal());
    expect(r.feedback).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('a done-rule check passes on its "done" whatever the exit status, and not on exit 0 alone; FAIL: lines are the feedback otherwise', async () => {
    expect((await runCheckAttempt({...check(write('done.sh', 'echo done; exit 1\n')), rule: 'done'}, ctx, 5000, signal())).passed).toBe(true);
    expect((await runCheckAttempt({...check(write('silent.sh', 'if [ -f nothing-here ]; then echo done; fi\n')), rule: 'done'}, ctx, 5000, signal())).passed).toBe(false);
    const r = await runCheckAttempt(check(write('fail.sh', 'echo "FAIL: not yet"; echo "EXPECTED: 1"; echo "ACTUAL: 2"; exit 3\n')), ctx, 5000, signal());
    expect(r).toMatchObject({passed: false, feedback: ['not yet'], expected: '1', actual: '2', exitCode: 3});
  });

  it('kills a hanging check and its children at the timeout', async () => {
    const s = write('hang.sh', 'echo start; sleep 1000 & sleep 1001\n');
    const started = Date.now();
    const r = await runCheckAttempt(check(s), ctx, 400, signal());
    // Seconds, not the 1000 s the check sleeps: generous, since a CPU hog beside the suite slows the kill.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.passed).toBe(false);
    expect(r.timedOut).toBe(true);
    expect(r.lastOutput).toContain('start');
    expect(await waitFor(() => processesWithEnv('KATARUN_TEST_MARKER', marker).length === 0)).toBe(true);
  });
});
