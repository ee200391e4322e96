#!/usr/bin/env node
// The headless half of the compatibility run: `katarun test` over public scenarios that need
// nothing but bash (no Docker, Kubernetes, OpenShift, cloud CLIs, sudo package installs),
// one process each, and a table of what happened. Run it as an unprivileged user, in the
// sandbox when the machine has one. Each failure is given a first attribution from its output
// (a tool the machine lacks, a permission a non-root user has not, the network) that a person
// then reviews; the attribution is a hint, never a verdict on katarun.
//
// Usage: node scripts/compat-headless.mjs <outcomes.json from compat-report --json> [--limit N]
//        [--check-timeout 20s] [--sandbox auto|bwrap|none]

import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const outcomes = args[0];
if (!outcomes || !existsSync(outcomes)) {
  console.error('usage: node scripts/compat-headless.mjs <outcomes.json> [--limit N] [--check-timeout 20s] [--sandbox auto]');
  process.exit(2);
}
const limit = Number(opt('--limit', 40));
const checkTimeout = opt('--check-timeout', '20s');
const sandbox = opt('--sandbox', 'auto');

// Anything that needs more than bash and the usual tools of a Linux machine.
const NEEDS_MORE = /\b(docker|kubectl|oc |minikube|kind |helm|podman|k3s|kubeadm|istioctl|gcloud|aws |az |terraform|vagrant|systemctl|apt(-get)? install|yum |dnf |snap |pip3? install|npm install|curl|wget|git clone|launch\.sh|\/opt\/|ssh )/;

function text(dir) {
  let all = '';
  const walk = (d, depth) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory() && depth < 2 && !e.name.startsWith('.')) walk(p, depth + 1);
      else if (e.isFile() && /\.(md|sh|json)$/.test(e.name)) all += readFileSync(p, 'utf8');
    }
  };
  walk(dir, 0);
  return all;
}

/** A first guess at why a step failed, from its output; reviewed by hand. */
function attribute(step) {
  const out = [step.message ?? '', ...(step.output ?? []), ...(step.feedback ?? [])].join('\n');
  if (/command not found|No such file or directory.*\/(usr|opt)|not installed/.test(out)) return 'environment: a tool the machine lacks';
  if (/Permission denied|Operation not permitted|must be root|are you root/i.test(out)) return 'environment: needs root (run as an unprivileged user)';
  if (/Could not resolve|Network is unreachable|Temporary failure in name resolution|Connection refused/.test(out)) return 'environment: no network';
  if (step.reason?.kind === 'check-timeout') return 'scenario: its check did not pass after its own commands (review)';
  return 'review';
}

/** Steps with a check (`verify`) in the scenario's index.json; 0 when it has none or is YAML. */
function checkedSteps(dir) {
  try {
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    return (index.details?.steps ?? []).filter((s) => typeof s?.verify === 'string' && s.verify).length;
  } catch {
    return 0;
  }
}

const list = JSON.parse(readFileSync(outcomes, 'utf8'));
// Scenarios that do something: at least one command to run; those with checks first (a check is
// what can catch a false pass), then the rest, in corpus order.
const candidates = list
  .filter((r) => r.label === 'OK' && r.environment === 'bash' && r.steps > 0)
  .map((r) => ({...r, body: text(r.dir)}))
  .filter((r) => !NEEDS_MORE.test(r.body) && /\{\{\s*exec/.test(r.body))
  .map((r) => ({...r, checks: checkedSteps(r.dir)}));
const picked = [...candidates.filter((r) => r.checks > 0), ...candidates.filter((r) => r.checks === 0)].slice(0, limit);

const rows = [];
for (const r of picked) {
  const started = Date.now();
  const p = spawnSync(process.execPath, [cli, 'test', r.dir, '--reporter', 'json', '--check-timeout', checkTimeout, '--sandbox', sandbox, '--keep-going', '--progress', '0'], {encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 64 << 20});
  let report;
  try {
    report = JSON.parse(p.stdout);
  } catch {
    report = undefined;
  }
  const stack = /\n\s+at .+:\d+:\d+/.test(p.stderr ?? '');
  const steps = report?.steps ?? [];
  const failed = steps.filter((s) => s.status === 'failed');
  const warned = steps.filter((s) => s.warnings?.length);
  rows.push({
    rel: r.rel,
    exit: p.status,
    crash: stack || !report,
    checks: r.checks,
    passed: steps.filter((s) => s.status === 'passed').length,
    total: steps.length,
    warned: warned.length,
    scripts: report?.scripts?.length ?? 0,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
    why: failed.map((s) => `step ${s.number}: ${attribute(s)} — ${(s.message ?? '').slice(0, 90)}`),
  });
  const last = rows.at(-1);
  console.log(`${String(last.exit).padStart(3)} ${last.crash ? 'CRASH ' : ''}${last.passed}/${last.total} passed (${last.checks} checked)${last.warned ? `, ${last.warned} with warnings` : ''}${last.scripts ? `, ${last.scripts} page scripts failed` : ''}  ${last.seconds}s  ${last.rel}`);
  for (const w of last.why) console.log(`      ${w}`);
}
const all = rows.length;
const ok = rows.filter((r) => r.exit === 0).length;
console.log(`\n${all} bash-only scenarios: ${ok} passed, ${all - ok} failed, ${rows.filter((r) => r.crash).length} crashed`);
