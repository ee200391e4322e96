// Shared logic of the istio-egress checks (zx scripts under stepN/verify.mjs).
// Each check is ONE attempt: katarun polls it until it passes or its time is up, so
// nothing here sleeps or loops waiting for the mesh. Everything is read with kubectl
// (`-o json`, parsed here — the learner may have no jq) and curl, both on the learner's
// PATH, against the cluster in KUBECONFIG (katarun's guarded copy).
// FAIL: lines name the likely cause, in English or Russian (KATARUN_LANG).
import fs from 'node:fs';

const $ = globalThis.$ ?? (await import('zx')).$;

export const NS = 'dev-service-mesh';
export const EGRESS_FQDN = 'istio-egressgateway.istio-system.svc.cluster.local';
export const WORLDTIME = 'api.worldtime.example';
export const SECURE_API = 'secure.worldtime.example';
export const R = {
  se: 'serviceentries.networking.istio.io',
  gw: 'gateways.networking.istio.io',
  dr: 'destinationrules.networking.istio.io',
  vs: 'virtualservices.networking.istio.io',
};

/** The message in the learner's language. */
export const t = (en, ru) => ((process.env.KATARUN_LANG ?? '').startsWith('ru') ? ru : en);

export function fail(en, ru) {
  console.log(`FAIL: ${t(en, ru)}`);
  process.exit(1);
}

export function pass(en, ru) {
  console.log(t(en, ru));
  process.exit(0);
}

/** Runs a command; never throws. */
export async function sh(cmd, args) {
  const p = await $({nothrow: true, quiet: true})`${cmd} ${args}`;
  return {code: p.exitCode ?? 1, out: p.stdout, err: p.stderr};
}

/** `kubectl get … -o json`, parsed; undefined when kubectl fails (the reason in .error of the second value). */
export async function kubectlJson(args) {
  const r = await sh('kubectl', ['--request-timeout=15s', ...args, '-o', 'json']);
  if (r.code !== 0) return {json: undefined, error: (r.err || r.out).trim()};
  try {
    return {json: JSON.parse(r.out), error: ''};
  } catch {
    return {json: undefined, error: `kubectl printed something that is not JSON: ${r.out.slice(0, 120)}`};
  }
}

/** Items of a resource in a namespace; fails the check when the cluster cannot be read at all. */
export async function list(resource, ns = NS) {
  const {json, error} = await kubectlJson(['get', resource, '-n', ns]);
  if (!json) {
    if (/the server doesn't have a resource type|no matches for kind/i.test(error)) {
      fail(`${resource} is unknown to the cluster — Istio's CRDs are missing; rerun the lab's setup`, `кластер не знает ${resource} — нет CRD Istio; перезапустите подготовку лаборатории`);
    }
    fail(`cannot read ${resource} in ${ns}: ${error}`, `не удалось прочитать ${resource} в ${ns}: ${error}`);
  }
  return json.items ?? [];
}

/** The mesh-wide settings istiod uses (ConfigMap istio, key mesh, as YAML text). */
export async function meshConfigText() {
  const {json, error} = await kubectlJson(['get', 'configmap', 'istio', '-n', 'istio-system']);
  if (!json) fail(`cannot read Istio's mesh config (configmap istio in istio-system): ${error} — is Istio installed?`, `не удалось прочитать настройки Istio (configmap istio в istio-system): ${error} — Istio установлен?`);
  return json.data?.mesh ?? '';
}

export const isRegistryOnly = (mesh) => /mode:\s*REGISTRY_ONLY/.test(mesh);
export const hasAccessLog = (mesh) => /accessLogFile:\s*\/dev\/stdout/.test(mesh);
/** The lab's discoverySelectors: Istio ignores namespaces labelled katarun.dev/outside-mesh. */
export const hasLabSelectors = (mesh) => /discoverySelectors:[\s\S]*key:\s*katarun\.dev\/outside-mesh/.test(mesh);

/** Ready replicas of a Deployment, or -1 when it does not exist. */
export async function readyReplicas(ns, name) {
  const {json} = await kubectlJson(['get', `deployments.apps/${name}`, '-n', ns]);
  if (!json) return -1;
  return json.status?.readyReplicas ?? 0;
}

/** host:port of the ingress gateway: the learner's GATEWAY_URL, else what setup wrote, else kind's mapping. */
export function gatewayUrl() {
  if (process.env.GATEWAY_URL) return process.env.GATEWAY_URL;
  const file = process.env.KATARUN_SHELL_ENV;
  if (file && fs.existsSync(file)) {
    const m = [...fs.readFileSync(file, 'utf8').matchAll(/^export GATEWAY_URL=['"]?([^'"\s]+)/gm)].pop();
    if (m) return m[1];
  }
  return '127.0.0.1:18080';
}

/** One GET of /service-a through the ingress gateway; the body, or '' when curl failed. */
export async function getServiceA() {
  const r = await sh('curl', ['-s', '--max-time', '8', `http://${gatewayUrl()}/service-a`]);
  return {ok: r.code === 0, body: r.out.trim(), curlCode: r.code};
}

/** Which story a /service-a answer tells (see assets/istio-egress/services/*.mjs). */
export function classify(body) {
  if (/Received response from Producer Service: Hello from ServiceB!/.test(body)) return 'b-ok';
  if (!/Hello from ServiceC!/.test(body)) return body ? 'unknown' : 'no-answer';
  if (/Received response from api\.worldtime\.example: Europe\//.test(body)) return 'c-ok';
  if (/502 Bad Gateway: \[no body\]/.test(body)) return 'c-blocked';
  if (/503|did not answer|could not reach/.test(body)) return 'c-unreachable';
  if (/404/.test(body)) return 'c-no-route';
  return 'c-other';
}

/** Sends n requests to /service-a and counts the kinds of answers. */
export async function sampleServiceA(n) {
  const seen = {};
  const samples = [];
  for (let i = 0; i < n; i++) {
    const r = await getServiceA();
    const kind = r.ok ? classify(r.body) : 'no-answer';
    seen[kind] = (seen[kind] ?? 0) + 1;
    samples.push({kind, body: r.body, curlCode: r.curlCode});
  }
  return {seen, samples};
}

/** Is the external host itself up? Asked from inside outside-world, i.e. not through the mesh. */
export async function probeOutsideWorld(host = WORLDTIME, path = '/healthz') {
  const url = `http://${host}${path}`;
  const r = await sh('kubectl', ['--request-timeout=15s', '-n', 'outside-world', 'exec', 'deploy/worldtime', '--', 'wget', '-qO-', '-T', '5', url]);
  return r.code === 0;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Sums of Envoy cluster statistics on the egress gateway for one cluster, e.g.
 * ('outbound|80||worldtime…', ['rq_total']) -> {stats: {rq_total: 3}} — or {error} when they
 * cannot be read (no gateway, kubectl exec refused, output without that cluster's lines).
 * Lines look like `CLUSTER::ADDRESS::STAT::VALUE`; the address may be IPv6 and hold `::`
 * itself, so each line is matched whole, anchored on the cluster name and the stat name.
 */
export async function egressClusterStats(cluster, names) {
  const r = await sh('kubectl', [
    '--request-timeout=15s', '-n', 'istio-system', 'exec', 'deploy/istio-egressgateway', '-c', 'istio-proxy', '--',
    'pilot-agent', 'request', 'GET', 'clusters',
  ]);
  if (r.code !== 0) return {error: (r.err || r.out).trim().split('\n')[0] || `kubectl exec exited ${r.code}`};
  const stats = Object.fromEntries(names.map((n) => [n, 0]));
  const line = new RegExp(`^${escapeRe(cluster)}::.+::(${names.map(escapeRe).join('|')})::(\\d+)$`);
  for (const l of r.out.split('\n')) {
    const m = line.exec(l.trim());
    if (m) stats[m[1]] += Number(m[2]);
  }
  // Envoy lists a line per cluster and endpoint; no line for this cluster is a true zero (the
  // gateway never got it), but output with no cluster line at all is not Envoy's answer.
  if (!/^[^\s:]+::/m.test(r.out)) return {error: `pilot-agent printed no cluster statistics: ${r.out.trim().slice(0, 120) || '(nothing)'}`};
  return {stats};
}

/** Fails the check (with the reason) when the egress gateway's counters cannot be read. */
export function countersOrFail(read) {
  if (read.error) {
    fail(`cannot read the egress gateway's counters, so there is no telling whether the call went through it: ${read.error}`,
      `не удалось прочитать счётчики выходного шлюза, и нельзя сказать, прошёл ли вызов через него: ${read.error}`);
  }
  return read.stats;
}

/** Resources of a kind in the lab namespace whose spec.hosts include `host`. */
export const withHost = (items, host) => items.filter((i) => (i.spec?.hosts ?? []).includes(host));
