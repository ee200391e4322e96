// The environment of a kind scenario: a local kind cluster (created when allowed, reused
// when present) or an existing kube context, always handed to the scenario through a
// KUBECONFIG that holds that one cluster only — the context guard: no command of a
// scenario can reach another cluster of the user's. What it says (checks, progress lines,
// errors) is in the learner's language (`uiLang`); names, paths and tools' output are not.

import {mkdir, rm, stat, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {translator, type Translate} from '../../render/i18n.js';
import type {Scenario, ToolRequirement} from '../../scenario/model.js';
import {availableMemoryMiB, cpuCheck, gib, memoryCheck, portCheck} from '../cluster/machine-checks.js';
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

function probeTools(scenario: Scenario, options: EnvironmentOptions, withKind: boolean, t: Translate): Promise<PreflightCheck[]> {
  return Promise.all(toolsFor(scenario, withKind).map((tool) => probeTool(tool, {env: options.env, optional: FETCHED_BY_SETUP.has(tool.name), t})));
}

async function contextPreflight(scenario: Scenario, options: EnvironmentOptions, context: string, t: Translate): Promise<PreflightCheck[]> {
  const tools = await probeTools(scenario, options, false, t);
  const names = await contextNames(options.env);
  const listCommand = 'kubectl config get-contexts';
  let ctx: PreflightCheck;
  if (names === undefined) ctx = {id: 'context', ok: false, severity: 'error', detail: t('preflight.contextsUnlisted'), fix: t('fix.contextsUnlisted', {command: listCommand})};
  else if (!names.includes(context)) {
    ctx = {id: 'context', ok: false, severity: 'error', detail: t('preflight.contextMissing', {name: context}), fix: t('fix.contextPick', {names: names.join(', ') || t('preflight.none'), command: listCommand})};
  } else {
    const r = await contextReachable(context, options.env);
    ctx = r.ok
      ? {id: 'context', ok: true, severity: 'error', detail: t('preflight.contextOk', {name: context})}
      : {id: 'context', ok: false, severity: 'error', detail: t('preflight.contextDown', {name: context, output: r.output.split('\n').pop() ?? ''}), fix: t('fix.contextDown', {command: `kubectl --context ${context} get nodes`})};
  }
  return [bashCheck(options.env, t), ...tools, ctx];
}

async function kindPreflight(scenario: Scenario, options: EnvironmentOptions, t: Translate): Promise<{checks: PreflightCheck[]; foreign?: string}> {
  const os = hostOs(process.platform, options.env);
  const cluster = clusterOf(scenario);
  const [docker, tools, clusters, current] = await Promise.all([
    dockerInfo(options.env),
    probeTools(scenario, options, true, t),
    kindClusters(options.env),
    currentContext(options.env),
  ]);
  const checks: PreflightCheck[] = [bashCheck(options.env, t)];
  checks.push(
    docker.missing
      ? {id: 'docker', ok: false, severity: 'error', detail: t('preflight.toolMissing', {name: 'docker'}), fix: dockerMissingFix(os, t)}
      : docker.ok
        ? {id: 'docker', ok: true, severity: 'error', detail: t('preflight.dockerUp', {version: docker.serverVersion ?? ''}).replace('  ', ' ')}
        : {id: 'docker', ok: false, severity: 'error', detail: t('preflight.dockerDown', {output: docker.output.split('\n').pop() ?? ''}), fix: dockerDownFix(os, docker.output, t)},
  );
  const cgroup = cgroupCheck(docker, cluster.nodeImage, t);
  if (cgroup) checks.push(cgroup);
  checks.push(...tools);
  const exists = clusters?.includes(cluster.name) ?? false;
  const foreign = exists && !options.useExistingCluster && !(await ownsCluster(options.stateDir, cluster.name));
  if (clusters !== undefined || docker.ok) {
    checks.push(
      foreign
        ? {id: 'cluster', ok: false, severity: 'warning', detail: t('preflight.clusterForeign', {name: cluster.name}), fix: t('fix.clusterForeign', {name: cluster.name, flag: '--use-existing-cluster'})}
        : exists
        ? {id: 'cluster', ok: true, severity: 'error', detail: t('preflight.clusterExists', {name: cluster.name})}
        : options.createCluster
          ? {id: 'cluster', ok: true, severity: 'error', detail: t('preflight.clusterCreated', {name: cluster.name})}
          : {id: 'cluster', ok: false, severity: 'error', detail: t('preflight.clusterMissing', {name: cluster.name}), fix: t('fix.cluster')},
    );
  }
  if (exists) {
    checks.push({id: 'memory', ok: true, severity: 'warning', detail: t('preflight.memRunning', {gib: gib(await availableMemoryMiB(), t)})});
  } else {
    checks.push(await memoryCheck(os, scenario.environment.minMemoryMiB, docker, t));
    checks.push(cpuCheck(os, scenario.environment.minCpus, docker, t));
  }
  for (const port of cluster.hostPorts) checks.push(await portCheck(port, os, exists ? cluster.name : undefined, t));
  checks.push({
    id: 'kube-context',
    ok: true,
    severity: 'warning',
    detail: current ? t('preflight.kubeContext', {name: current}) : t('preflight.noKubeContext'),
  });
  return {checks, ...(foreign ? {foreign: cluster.name} : {})};
}

/**
 * kind's node images from Kubernetes v1.35 on no longer boot on a cgroup v1 host (kind 0.31's
 * release notes): say so before a cluster creation fails half-way, with the way out.
 */
function cgroupCheck(docker: {cgroupVersion?: string}, nodeImage: string | undefined, t: Translate): PreflightCheck | undefined {
  if (!docker.cgroupVersion) return undefined;
  const minor = /:v1\.(\d+)\./.exec(nodeImage ?? '')?.[1];
  if (docker.cgroupVersion === '2' || (minor !== undefined && Number(minor) < 35)) {
    return {id: 'cgroup', ok: true, severity: 'error', detail: t('preflight.cgroupOk', {version: docker.cgroupVersion})};
  }
  return {id: 'cgroup', ok: false, severity: 'error', detail: t('preflight.cgroupV1', {image: (nodeImage ?? 'kindest/node').split('@')[0]!}), fix: t('fix.cgroupV1')};
}

/** The last line of a tool's output: where kind and kubectl put the reason. */
const lastLine = (output: string): string => output.split('\n').pop() ?? '';

async function prepareContext(options: EnvironmentOptions, context: string, t: Translate): Promise<PreparedEnvironment> {
  const file = kubeconfigPath(options);
  const r = await writeGuardedKubeconfig(file, {context}, options.env);
  if (!r.ok) throw new Error(t('env.contextFailed', {name: context, output: lastLine(r.output) || t('env.kubeconfigEmpty'), command: 'kubectl config get-contexts'}));
  options.log(t('env.usingContext', {name: context}));
  return {env: {KUBECONFIG: file}, target: context};
}

export const kindProvider: EnvironmentProvider = {
  async preflight(scenario, options) {
    const t = translator(options.uiLang ?? 'en');
    const {checks, foreign} = options.context ? {checks: await contextPreflight(scenario, options, options.context, t), foreign: undefined} : await kindPreflight(scenario, options, t);
    return {ready: checks.every((c) => c.ok || c.severity === 'warning'), checks, ...(foreign ? {foreignCluster: foreign} : {})};
  },

  async prepare(scenario, options) {
    const t = translator(options.uiLang ?? 'en');
    await mkdir(options.stateDir, {recursive: true});
    if (options.context) return prepareContext(options, options.context, t);
    const cluster = clusterOf(scenario);
    const clusters = await kindClusters(options.env);
    if (clusters === undefined) throw new Error(t('env.kindUnlisted', {command: `katarun doctor ${scenario.id}`}));
    if (clusters.includes(cluster.name)) {
      // A cluster of that name that katarun did not create may be the learner's own: never used unasked.
      if (!(await ownsCluster(options.stateDir, cluster.name)) && !options.useExistingCluster) {
        throw new Error(t('env.foreignCluster', {name: cluster.name, flag: '--use-existing-cluster'}));
      }
      // Used with the learner's yes (or the flag): recorded as borrowed, which `down` does not take for ours.
      if (!(await ownsCluster(options.stateDir, cluster.name))) await recordBorrowed(options.stateDir, cluster.name);
      options.log(t('env.reusing', {name: cluster.name}));
    } else if (!options.createCluster) {
      throw new Error(t('env.noCluster', {name: cluster.name, flag: '--create-cluster'}));
    } else {
      options.log(t('env.creating', {name: cluster.name, image: cluster.nodeImage ? ` (${cluster.nodeImage.split('@')[0]})` : ''}));
      const created = await createKindCluster({
        name: cluster.name,
        env: options.env,
        log: options.log,
        ...(cluster.nodeImage ? {nodeImage: cluster.nodeImage} : {}),
        ...(cluster.config ? {config: cluster.config} : {}),
        ...(options.signal ? {signal: options.signal} : {}),
      });
      if (!created.ok) throw new Error(t('env.createFailed', {name: cluster.name, output: created.output.split('\n').slice(-3).join(' | ')}));
      await recordCluster(options.stateDir, cluster.name);
    }
    const file = kubeconfigPath(options);
    const r = await writeGuardedKubeconfig(file, {cluster: cluster.name}, options.env);
    if (!r.ok) throw new Error(t('env.kubeconfigFailed', {name: cluster.name, output: lastLine(r.output) || t('env.kubeconfigEmpty')}));
    options.log(t('env.guarded', {file, context: `kind-${cluster.name}`}));
    return {env: {KUBECONFIG: file, KATARUN_CLUSTER: cluster.name}, target: `kind-${cluster.name}`};
  },

  async teardown(scenario, options) {
    // Never delete a cluster katarun did not create: with --context only the guard file goes.
    if (!options.context) {
      const t = translator(options.uiLang ?? 'en');
      const cluster = clusterOf(scenario);
      if (!(await ownsCluster(options.stateDir, cluster.name)) && !options.useExistingCluster) {
        throw new Error(t('env.notOurCluster', {name: cluster.name, flag: '--use-existing-cluster'}));
      }
      const r = await deleteKindCluster(cluster.name, options.env);
      if (!r.ok) throw new Error(t('env.deleteFailed', {name: cluster.name, output: lastLine(r.output)}));
      await forgetCluster(options.stateDir, cluster.name);
      options.log(t('env.deleted', {name: cluster.name}));
    }
    await rm(kubeconfigPath(options), {force: true});
  },
};

// Which kind clusters katarun created: a record in the scenario's environment folder
// (cluster-<name>.json), written when it creates the cluster and removed when `down` deletes
// it. A cluster without a record is someone else's (conservatively: even another scenario's).
function clusterRecord(stateDir: string, name: string): string {
  return join(stateDir, `cluster-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

export async function ownsCluster(stateDir: string, name: string): Promise<boolean> {
  return stat(clusterRecord(stateDir, name)).then(
    () => true,
    () => false,
  );
}

export async function recordCluster(stateDir: string, name: string): Promise<void> {
  const file = clusterRecord(stateDir, name);
  await mkdir(dirname(file), {recursive: true, mode: 0o700});
  await writeFile(file, `${JSON.stringify({name, createdBy: 'katarun', at: new Date().toISOString()})}\n`, {mode: 0o600});
}

/** A cluster katarun did not create, used with the learner's consent: when, so `down` can say so. It never counts as ownership. */
export function borrowedRecord(stateDir: string, name: string): string {
  return join(stateDir, `borrowed-${name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

async function recordBorrowed(stateDir: string, name: string): Promise<void> {
  const file = borrowedRecord(stateDir, name);
  await mkdir(dirname(file), {recursive: true, mode: 0o700});
  await writeFile(file, `${JSON.stringify({name, createdBy: 'not katarun', usedWithConsent: new Date().toISOString()})}\n`, {mode: 0o600});
}

async function forgetCluster(stateDir: string, name: string): Promise<void> {
  await rm(clusterRecord(stateDir, name), {force: true});
}
