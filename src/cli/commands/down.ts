// `katarun down <scenario>`: delete the kind cluster a scenario created (and the guarded
// kubeconfig katarun kept for it). Says so, and exits 0, when there is nothing to delete.
// Its own lines speak the UI's language (--lang, else the locale), like doctor and test; a
// failure of kind or of the context guard is the user's to fix, so it is a one-line error.

import {parseChoice, parseCommandArgs} from '../args.js';
import {SandboxUnavailableError, type SandboxMode} from '../../engine/scenario-world.js';
import {SANDBOX_MODES} from './run.js';
import {plainEnv} from '../../engine/script-env.js';
import {ExitCode, UserError} from '../exit-codes.js';
import {message} from '../../render/message.js';
import {errorParam, say, type Text, type Translate} from '../../render/i18n.js';
import type {Scenario} from '../../scenario/model.js';

const HELP = `Usage: katarun down <scenario> [--context NAME]

Delete the local kind cluster that <scenario> runs on (for istio-egress:
katarun-istio-egress), if katarun created it. Clusters katarun did not create are never
deleted (a cluster of that name without katarun's record is refused unless
--use-existing-cluster says so);
with --context NAME, down runs the scenario's teardown script against that context
instead (for istio-egress: it removes the lab's two namespaces), through a
kubeconfig that holds only that context.

Options:
  --context NAME   clean the scenario out of this existing cluster (never deleted)
  --use-existing-cluster  delete the scenario's cluster even though katarun did not create it
  --sandbox auto|bwrap|none  the sandbox the teardown script runs in, as the steps did
                   (default auto: bwrap where it works)
  --lang xx        the scenario's language (its _xx/ translation) and katarun's
                   (what down says; default from the locale)
  -h, --help       show this help

Exit codes: 0 deleted or nothing to delete, 2 usage, 3 kind or Docker not available.
`;

const OPTIONS = {help: {type: 'boolean', short: 'h'}, lang: {type: 'string'}, context: {type: 'string'}, 'use-existing-cluster': {type: 'boolean'}, sandbox: {type: 'string'}} as const;

export async function run(argv: string[]): Promise<number> {
  const {values: v, positionals} = parseCommandArgs('down', argv, OPTIONS);
  if (v.help) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) throw new UserError(message('cli.in', {command: 'down', text: message('cli.whichScenario')}), ExitCode.invalid, message('cli.usage.hint', {usage: 'katarun down <scenario>', help: 'katarun down --help'}));
  const [{resolveScenarioDir}, {loadScenario}, {kindClusters}, {kindProvider}, {defaultDirs, environmentStateDir}, {translator, uiLanguage}] = await Promise.all([
    import('../scenario-arg.js'),
    import('../../scenario/load-scenario.js'),
    import('../../engine/cluster/kind-cli.js'),
    import('../../engine/environment/kind.js'),
    import('../../engine/dirs.js'),
    import('../../render/i18n.js'),
  ]);
  // The same language choice as doctor's and test's: --lang, else the locale.
  const t = translator(uiLanguage(v.lang));
  const scenario = await loadScenario(resolveScenarioDir(positionals[0]!), v.lang !== undefined ? {lang: v.lang} : {});
  const cluster = scenario.environment.cluster;
  if (scenario.environment.kind !== 'kind' || !cluster) {
    process.stdout.write(`${t('down.noCluster', {id: scenario.id})}\n`);
    return ExitCode.ok;
  }
  const env = plainEnv(process.env);
  if (v.context !== undefined) return cleanContext(scenario, v.context, env, t, parseChoice(v.sandbox, SANDBOX_MODES, '--sandbox', 'sandboxMode') ?? 'auto');
  const clusters = await kindClusters(env);
  if (clusters === undefined) {
    throw new UserError(message('down.cannotList'), ExitCode.envNotReady, message('down.seeDoctor', {command: `katarun doctor ${scenario.id}`}));
  }
  if (!clusters.includes(cluster.name)) {
    process.stdout.write(`${t('down.missing', {name: cluster.name})}\n`);
    return ExitCode.ok;
  }
  const dirs = defaultDirs();
  await kindProvider
    .teardown(scenario, {
      createCluster: false,
      ...(v['use-existing-cluster'] ? {useExistingCluster: true} : {}),
      stateDir: environmentStateDir(dirs, scenario.id),
      cacheDir: dirs.cache,
      env,
      log: (line) => void process.stdout.write(`${say(t, line)}\n`),
    })
    .catch((err: unknown) => notReady(err, t));
  return ExitCode.ok;
}

/** kind or the context guard said no: that is the machine's state, not a bug of katarun's. */
function notReady(err: unknown, t: Translate): never {
  throw new UserError(message('cli.text', {text: errorParam(err)}), ExitCode.envNotReady);
}

/** `--context`: the cluster is not ours to delete, so the scenario's teardown script cleans it. */
async function cleanContext(scenario: Scenario, context: string, env: Record<string, string>, t: Translate, sandbox: SandboxMode): Promise<number> {
  const [{runTeardownScript}, {defaultDirs}] = await Promise.all([import('../../engine/teardown-script.js'), import('../../engine/dirs.js')]);
  const log = (line: Text) => void process.stdout.write(`${say(t, line)}\n`);
  // Without a sandbox the script runs as the learner: said in one line, as `katarun test` does.
  const onWorld = (world: {notice?: unknown; capability: {reason?: string}}) => {
    if (world.notice) process.stderr.write(`${t('notice.noSandbox', {why: t(`sandbox.why.${world.capability.reason ?? 'failed'}` as 'sandbox.why.failed')})}\n`);
  };
  const result = await runTeardownScript(scenario, {context, dirs: defaultDirs(), env, log, sandbox, onWorld, onOutput: (chunk) => process.stdout.write(chunk)}).catch((err: unknown) => {
    if (err instanceof SandboxUnavailableError) throw new UserError(message('error.sandboxUnavailable', {why: message(`sandbox.why.${err.capability.reason ?? 'failed'}` as 'sandbox.why.failed')}), ExitCode.envNotReady);
    return notReady(err, t);
  });
  if (!result) {
    log(t('down.noTeardown', {id: scenario.id, context}));
    return ExitCode.ok;
  }
  if (result.exitCode !== 0) {
    process.stderr.write(`${t('down.teardownFailed', {id: scenario.id, code: String(result.exitCode ?? result.signal)})}\n`);
    return ExitCode.stepFailed;
  }
  log(t('down.cleaned', {id: scenario.id, context}));
  return ExitCode.ok;
}
