// The few kind, docker and kubectl calls the kind environment needs, each through the
// shell layer with a time limit. Kubeconfigs are written by a redirect, so only stdout
// lands in the file while stderr stays in the output for error messages.

import {chmod, rename, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {runProcess} from '../../shell/index.js';

type Env = Readonly<Record<string, string>>;
export interface CliResult {
  readonly ok: boolean;
  readonly missing: boolean;
  readonly output: string;
}

async function call(cmd: string, args: readonly string[], env: Env, timeoutMs: number, extra: {signal?: AbortSignal; onOutput?: (s: string) => void} = {}): Promise<CliResult> {
  const r = await runProcess(cmd, args, {cwd: tmpdir(), env, timeoutMs, ...extra});
  return {ok: r.exitCode === 0, missing: r.exitCode === 127, output: r.output.trim()};
}

export interface DockerInfo extends CliResult {
  /** The container engine kind will run its nodes on (see containerEngine). */
  readonly engine: 'docker' | 'podman';
  readonly serverVersion?: string;
  readonly memTotalMiB?: number;
  readonly cpus?: number;
  /** '1' or '2': kind's node images from v1.35 on boot only on cgroup v2. */
  readonly cgroupVersion?: string;
}

/**
 * kind runs its nodes on Podman when KIND_EXPERIMENTAL_PROVIDER=podman, and — kind's own
 * detection order: docker, nerdctl, podman — when the variable is unset and only Podman is
 * installed. The same fields, asked each engine's way (Podman reports cgroup "v2").
 */
export async function dockerInfo(env: Env): Promise<DockerInfo> {
  const provider = env.KIND_EXPERIMENTAL_PROVIDER;
  const docker = provider === 'podman' ? undefined : await call('docker', ['info', '--format', '{{.ServerVersion}}|{{.MemTotal}}|{{.NCPU}}|{{.CgroupVersion}}'], env, 20_000);
  if (docker && !(docker.missing && provider === undefined)) return parseInfo('docker', docker);
  const podman = await call('podman', ['info', '--format', '{{.Version.Version}}|{{.Host.MemTotal}}|{{.Host.CPUs}}|{{.Host.CgroupsVersion}}'], env, 20_000);
  // Neither engine: report Docker as missing, the usual way in.
  if (docker && podman.missing) return {...docker, engine: 'docker'};
  return parseInfo('podman', podman);
}

function parseInfo(engine: 'docker' | 'podman', r: CliResult): DockerInfo {
  if (!r.ok) return {...r, engine};
  const [version, mem, cpus, rawCgroup] = (r.output.split('\n').pop() ?? '').split('|');
  const cgroup = rawCgroup?.replace(/^v/, '');
  return {
    ...r,
    engine,
    ...(version ? {serverVersion: version} : {}),
    ...(Number(mem) > 0 ? {memTotalMiB: Math.floor(Number(mem) / 1024 / 1024)} : {}),
    ...(Number(cpus) > 0 ? {cpus: Number(cpus)} : {}),
    ...(cgroup === '1' || cgroup === '2' ? {cgroupVersion: cgroup} : {}),
  };
}

/** Names of the kind clusters on this machine; undefined when kind cannot tell (missing, Docker down). */
export async function kindClusters(env: Env): Promise<string[] | undefined> {
  const r = await call('kind', ['get', 'clusters'], env, 20_000);
  if (!r.ok) return undefined;
  // "No kind clusters found." arrives on stderr, mixed into the output: keep name-like lines only.
  return r.output.split('\n').map((l) => l.trim()).filter((l) => /^[a-z0-9][a-z0-9.-]*$/.test(l));
}

export interface CreateOptions {
  readonly name: string;
  readonly nodeImage?: string;
  readonly config?: string;
  readonly env: Env;
  readonly signal?: AbortSignal;
  readonly log: (line: string) => void;
}

export async function createKindCluster(o: CreateOptions): Promise<CliResult> {
  const args = ['create', 'cluster', '--name', o.name, '--wait', '180s'];
  if (o.nodeImage) args.push('--image', o.nodeImage);
  if (o.config) args.push('--config', o.config);
  let partial = '';
  const onOutput = (chunk: string) => {
    const lines = (partial + chunk).split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const l of lines) if (l.trim()) o.log(l);
  };
  return call('kind', args, o.env, 15 * 60_000, {onOutput, ...(o.signal ? {signal: o.signal} : {})});
}

export async function deleteKindCluster(name: string, env: Env): Promise<CliResult> {
  return call('kind', ['delete', 'cluster', '--name', name], env, 5 * 60_000);
}

export async function currentContext(env: Env): Promise<string | undefined> {
  const r = await call('kubectl', ['config', 'current-context'], env, 10_000);
  return r.ok && r.output ? r.output.split('\n').pop() : undefined;
}

export async function contextNames(env: Env): Promise<string[] | undefined> {
  const r = await call('kubectl', ['config', 'get-contexts', '-o', 'name'], env, 10_000);
  return r.ok ? r.output.split('\n').map((l) => l.trim()).filter(Boolean) : undefined;
}

export async function contextReachable(context: string, env: Env): Promise<CliResult> {
  return call('kubectl', ['--context', context, '--request-timeout=10s', 'get', 'nodes', '-o', 'name'], env, 20_000);
}

/**
 * Writes a kubeconfig that holds one cluster only: kind's own for `cluster`, or the
 * flattened, minified copy of `context` from the user's kubeconfig. Atomic, mode 600.
 */
export async function writeGuardedKubeconfig(file: string, source: {cluster: string} | {context: string}, env: Env): Promise<CliResult> {
  const tmp = `${file}.tmp-${process.pid}`;
  const script =
    'cluster' in source
      ? ['kind get kubeconfig --name "$1" > "$2"', source.cluster]
      : ['kubectl config view --minify --flatten --context "$1" > "$2"', source.context];
  const r = await call('bash', ['-c', `umask 077; ${script[0]}`, 'katarun-kubeconfig', script[1]!, tmp], env, 30_000);
  const size = await stat(tmp).then((s) => s.size, () => 0);
  if (!r.ok || size === 0) {
    await rm(tmp, {force: true});
    // An empty output means the file came out empty; the caller says so in the learner's language.
    return {ok: false, missing: r.missing, output: r.output};
  }
  await chmod(tmp, 0o600);
  await rename(tmp, file);
  return r;
}
