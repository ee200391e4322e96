// `katarun down <scenario>`: delete the kind cluster a scenario created (and the guarded
// kubeconfig katarun kept for it). Says so, and exits 0, when there is nothing to delete.

import {join} from 'node:path';
import {parseCommandArgs} from '../args.js';
import {ExitCode, UserError} from '../exit-codes.js';

const HELP = `Usage: katarun down <scenario>

Delete the local kind cluster that <scenario> runs on (for istio-egress:
katarun-istio-egress). Clusters katarun did not create (--context) are never touched.

Options:
  -h, --help   show this help

Exit codes: 0 deleted or nothing to delete, 2 usage, 3 kind or Docker not available.
`;

const OPTIONS = {help: {type: 'boolean', short: 'h'}, lang: {type: 'string'}} as const;

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
