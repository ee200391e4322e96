// `katarun down <scenario>`: delete the kind cluster a scenario created (and the guarded
// kubeconfig katarun kept for it). Says so, and exits 0, when there is nothing to delete.

import {join} from 'node:path';
import {parseCommandArgs} from '../args.js';
import {ExitCode, UserError} from '../exit-codes.js';
import type {Scenario} from '../../scenario/model.js';

const HELP = `Usage: katarun down <scenario> [--context NAME]

Delete the local kind cluster that <scenario> runs on (for istio-egress:
katarun-istio-egress). Clusters katarun did not create (--context) are never deleted:
with --context NAME, down runs the scenario's teardown script against that context
instead (for istio-egress: it removes the lab's two namespaces), through a
kubeconfig that holds only that context.

Options:
  --context NAME   clean the scenario out of this existing cluster (never deleted)
  --lang xx        the scenario's language (its _xx/ translation)
  -h, --help       show this help

Exit codes: 0 deleted or nothing to delete, 2 usage, 3 kind or Docker not available.
`;

const OPTIONS = {help: {type: 'boolean', short: 'h'}, lang: {type: 'string'}, context: {type: 'string'}} as const;

export async function run(argv: string[]): Promise<number> {
  const {values: v, positionals} = parseCommandArgs('down', argv, OPTIONS);
  if (v.help) {
    process.stdout.write(HELP);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) throw new UserError('down: which scenario?', ExitCode.invalid, "usage: katarun down <scenario> (see 'katarun down --help')");
  const [{resolveScenarioDir}, {loadScenario}, {kindClusters}, {kindProvider}, {defaultDirs}] = await Promise.all([
    import('./test.js'),
    import('../../scenario/load-scenario.js'),
    import('../../engine/cluster/kind-cli.js'),
    import('../../engine/environment/kind.js'),
    import('../../engine/dirs.js'),
  ]);
  const scenario = await loadScenario(resolveScenarioDir(positionals[0]!), v.lang !== undefined ? {lang: v.lang} : {});
  const cluster = scenario.environment.cluster;
  if (scenario.environment.kind !== 'kind' || !cluster) {
    process.stdout.write(`nothing to delete: ${scenario.id} needs no cluster\n`);
    return ExitCode.ok;
  }
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  if (v.context !== undefined) return cleanContext(scenario, v.context, env);
  const clusters = await kindClusters(env);
  if (clusters === undefined) {
    throw new UserError(`cannot list kind clusters (is kind installed and Docker running?)`, ExitCode.envNotReady, `see 'katarun doctor ${scenario.id}'`);
  }
  if (!clusters.includes(cluster.name)) {
    process.stdout.write(`nothing to delete: kind cluster ${cluster.name} does not exist\n`);
    return ExitCode.ok;
  }
  const dirs = defaultDirs();
  await kindProvider.teardown(scenario, {
    createCluster: false,
    stateDir: join(dirs.state, 'environments', scenario.id),
    cacheDir: dirs.cache,
    env,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  return ExitCode.ok;
}

/** `--context`: the cluster is not ours to delete, so run the scenario's teardown script in it,
 * with the same guarded kubeconfig and KATARUN_* variables a run would have. */
async function cleanContext(scenario: Scenario, context: string, env: Record<string, string>): Promise<number> {
  if (!scenario.teardown) {
    process.stdout.write(`nothing to clean: ${scenario.id} has no teardown script, and context ${context} is never deleted\n`);
    return ExitCode.ok;
  }
  const [{kindProvider}, {defaultDirs, workspaceDir}, {katarunVars}, {runScript}] = await Promise.all([
    import('../../engine/environment/kind.js'),
    import('../../engine/dirs.js'),
    import('../../engine/script-env.js'),
    import('../../shell/process.js'),
  ]);
  const dirs = defaultDirs();
  const stateDir = join(dirs.state, 'environments', scenario.id);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const prepared = await kindProvider.prepare(scenario, {context, createCluster: false, stateDir, cacheDir: dirs.cache, env, log});
  const workspace = workspaceDir(dirs, scenario.id);
  const vars = katarunVars(scenario, dirs, {workspace, shellEnvFile: join(stateDir, 'shell-env.sh'), assetsDir: scenario.assetsDir ?? join(scenario.dir, 'assets')});
  const result = await runScript(scenario.teardown.path, scenario.teardown.language, {
    cwd: scenario.dir,
    env: {...env, ...prepared.env, ...vars},
    timeoutMs: 15 * 60_000,
    onOutput: (chunk) => process.stdout.write(chunk),
  });
  if (result.exitCode !== 0) {
    process.stderr.write(`katarun: the teardown script of ${scenario.id} failed (exit ${result.exitCode ?? result.signal})\n`);
    return ExitCode.stepFailed;
  }
  log(`cleaned ${scenario.id} out of context ${context}`);
  return ExitCode.ok;
}
