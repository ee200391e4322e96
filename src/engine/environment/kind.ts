// The environment of a kind scenario: a local kind cluster (created when allowed, reused
// when present) or an existing kube context, always handed to the scenario through a
// KUBECONFIG that holds that one cluster only — the context guard: no command of a
// scenario can reach another cluster of the user's.

import {mkdir, rm} from 'node:fs/promises';
import {join} from 'node:path';
import type {Scenario, ToolRequirement} from '../../scenario/model.js';
import {availableMemoryMiB, cpuCheck, memoryCheck, portCheck} from '../cluster/machine-checks.js';
import {contextNames, contextReachable, createKindCluster, currentContext, deleteKindCluster, dockerInfo, kindClusters, writeGuardedKubeconfig} from '../cluster/kind-cli.js';
import {dockerDownFix, dockerMissingFix, hostOs} from '../cluster/os-fixes.js';
import {probeTool} from '../cluster/tool-probe.js';
import {bashCheck} from './bash-provider.js';
import type {EnvironmentOptions, EnvironmentProvider, PreflightCheck, PreparedEnvironment} from './types.js';

/** Tools fetched by a scenario's own setup when missing: a warning, not a blocker. */
const FETCHED_BY_SETUP = new Set(['istioctl']);

export const kubeconfigPath = (options: EnvironmentOptions): string => join(options.stateDir, 'kubeconfig');

function clusterOf(scenario: Scenario) {
  const c = scenario.environment.cluster;
  return c ?? {name: `katarun-${scenario.id}`, hostPorts: [] as number[]};
}

/** The scenario's tools, with kind and kubectl always present (and kind dropped for --context). */
function toolsFor(scenario: Scenario, withKind: boolean): ToolRequirement[] {
  const tools = [...scenario.environment.tools];
  for (const name of withKind ? ['kind', 'kubectl'] : ['kubectl']) if (!tools.some((t) => t.name === name)) tools.unshift({name});
  return tools.filter((t) => t.name !== 'docker' && (withKind || t.name !== 'kind'));
}

async function contextPreflight(scenario: Scenario, options: EnvironmentOptions, context: string): Promise<PreflightCheck[]> {
  const tools = await Promise.all(toolsFor(scenario, false).map((t) => probeTool(t, {env: options.env, optional: FETCHED_BY_SETUP.has(t.name)})));
  const names = await contextNames(options.env);
  let ctx: PreflightCheck;
  if (names === undefined) ctx = {id: 'context', ok: false, severity: 'error', detail: 'kubectl cannot list contexts', fix: 'check your kubeconfig: kubectl config get-contexts'};
  else if (!names.includes(context)) {
    ctx = {id: 'context', ok: false, severity: 'error', detail: `no kube context named ${context}`, fix: `pick one of: ${names.join(', ') || '(none)'} (kubectl config get-contexts)`};
  } else {
    const r = await contextReachable(context, options.env);
    ctx = r.ok
      ? {id: 'context', ok: true, severity: 'error', detail: `context ${context} answers; the scenario will use only this context`}
      : {id: 'context', ok: false, severity: 'error', detail: `context ${context} does not answer: ${r.output.split('\n').pop() ?? ''}`, fix: 'check that the cluster is running and your credentials are valid: kubectl --context ' + context + ' get nodes'};
  }
  return [bashCheck(options.env), ...tools, ctx];
}

async function kindPreflight(scenario: Scenario, options: EnvironmentOptions): Promise<PreflightCheck[]> {
  const os = hostOs(process.platform, options.env);
  const cluster = clusterOf(scenario);
  const [docker, tools, clusters, current] = await Promise.all([
    dockerInfo(options.env),
    Promise.all(toolsFor(scenario, true).map((t) => probeTool(t, {env: options.env, optional: FETCHED_BY_SETUP.has(t.name)}))),
    kindClusters(options.env),
    currentContext(options.env),
  ]);
  const checks: PreflightCheck[] = [bashCheck(options.env)];
  checks.push(
    docker.missing
      ? {id: 'docker', ok: false, severity: 'error', detail: 'docker was not found on PATH', fix: dockerMissingFix(os)}
      : docker.ok
        ? {id: 'docker', ok: true, severity: 'error', detail: `Docker daemon ${docker.serverVersion ?? ''} is reachable`.replace('  ', ' ')}
        : {id: 'docker', ok: false, severity: 'error', detail: `the Docker daemon is not reachable: ${docker.output.split('\n').pop() ?? ''}`, fix: dockerDownFix(os, docker.output)},
  );
  checks.push(...tools);
  const exists = clusters?.includes(cluster.name) ?? false;
  if (clusters !== undefined || docker.ok) {
    checks.push(
      exists
        ? {id: 'cluster', ok: true, severity: 'error', detail: `kind cluster ${cluster.name} exists and will be reused`}
        : options.createCluster
          ? {id: 'cluster', ok: true, severity: 'error', detail: `kind cluster ${cluster.name} will be created`}
          : {id: 'cluster', ok: false, severity: 'error', detail: `kind cluster ${cluster.name} does not exist`, fix: 'pass --create-cluster to create it (katarun test), or start the scenario in the terminal UI, which asks first'},
    );
  }
  if (exists) {
    checks.push({id: 'memory', ok: true, severity: 'warning', detail: `cluster already running; ${((await availableMemoryMiB()) / 1024).toFixed(1)} GiB still available`});
  } else {
    checks.push(await memoryCheck(os, scenario.environment.minMemoryMiB, docker));
    checks.push(cpuCheck(os, scenario.environment.minCpus, docker));
  }
  for (const port of cluster.hostPorts) checks.push(await portCheck(port, os, exists ? cluster.name : undefined));
  checks.push({
    id: 'kube-context',
    ok: true,
    severity: 'warning',
    detail: current ? `your current kube context is ${current}; the scenario never touches it (it gets its own KUBECONFIG)` : 'no current kube context; the scenario gets its own KUBECONFIG',
  });
  return checks;
}

async function prepareContext(options: EnvironmentOptions, context: string): Promise<PreparedEnvironment> {
  const file = kubeconfigPath(options);
  const r = await writeGuardedKubeconfig(file, {context}, options.env);
  if (!r.ok) throw new Error(`cannot use kube context ${context}: ${r.output.split('\n').pop()} — list the contexts with: kubectl config get-contexts`);
  options.log(`Using kube context ${context} (only this context is visible to the scenario)`);
  return {env: {KUBECONFIG: file}, target: context};
}

export const kindProvider: EnvironmentProvider = {
  async preflight(scenario, options) {
    const checks = options.context ? await contextPreflight(scenario, options, options.context) : await kindPreflight(scenario, options);
    return {ready: checks.every((c) => c.ok || c.severity === 'warning'), checks};
  },

  async prepare(scenario, options) {
    await mkdir(options.stateDir, {recursive: true});
    if (options.context) return prepareContext(options, options.context);
    const cluster = clusterOf(scenario);
    const clusters = await kindClusters(options.env);
    if (clusters === undefined) throw new Error('kind cannot list its clusters — is Docker running? Run: katarun doctor ' + scenario.id);
    if (clusters.includes(cluster.name)) {
      options.log(`Reusing kind cluster ${cluster.name}`);
    } else if (!options.createCluster) {
      throw new Error(`kind cluster ${cluster.name} does not exist — pass --create-cluster to create it, or start the scenario in the terminal UI, which asks first`);
    } else {
      options.log(`Creating kind cluster ${cluster.name}${cluster.nodeImage ? ` (${cluster.nodeImage.split('@')[0]})` : ''} — a minute or two the first time`);
      const created = await createKindCluster({
        name: cluster.name,
        env: options.env,
        log: options.log,
        ...(cluster.nodeImage ? {nodeImage: cluster.nodeImage} : {}),
        ...(cluster.config ? {config: cluster.config} : {}),
        ...(options.signal ? {signal: options.signal} : {}),
      });
      if (!created.ok) throw new Error(`kind could not create cluster ${cluster.name}: ${created.output.split('\n').slice(-3).join(' | ')}`);
    }
    const file = kubeconfigPath(options);
    const r = await writeGuardedKubeconfig(file, {cluster: cluster.name}, options.env);
    if (!r.ok) throw new Error(`cannot get the kubeconfig of kind cluster ${cluster.name}: ${r.output.split('\n').pop()}`);
    options.log(`Guarded KUBECONFIG: ${file} (holds only kind-${cluster.name})`);
    return {env: {KUBECONFIG: file, KATARUN_CLUSTER: cluster.name}, target: `kind-${cluster.name}`};
  },

  async teardown(scenario, options) {
    // Never delete a cluster katarun did not create: with --context only the guard file goes.
    if (!options.context) {
      const cluster = clusterOf(scenario);
      const r = await deleteKindCluster(cluster.name, options.env);
      if (!r.ok) throw new Error(`kind could not delete cluster ${cluster.name}: ${r.output.split('\n').pop()}`);
      options.log(`Deleted kind cluster ${cluster.name}`);
    }
    await rm(kubeconfigPath(options), {force: true});
  },
};
