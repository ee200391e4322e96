#!/usr/bin/env node
// The headless half of the compatibility run: `katarun test` over public scenarios that need
// nothing this machine lacks, one process each, with a table of what happened step by step —
// and, for every scenario, a second run of a SABOTAGED copy (each command a learner would run
// replaced by `true`, each file block left unwritten) that proves a pass depends on the work:
// a checked step that passes must fail when its work is not done.
//
// Which scenarios: `bash` environments that validate clean (from compat-report's --json
// outcomes) with at least one command to run, and whose files use nothing outside the machine:
// no container or cluster tools, no package installs, no sudo, no ssh; curl/wget only towards
// localhost; git only without a remote. Scenarios with checks come first.
//
// Run it as an unprivileged user in the sandbox, as a learner would run katarun. As root:
//   node scripts/compat-headless.mjs outcomes.json --as-user <name> --sandbox bwrap --jobs 2
// runs every `katarun test` through `runuser -u <name>` with a scratch HOME (and XDG folders)
// that the user owns, created under --scratch (default: the system's temp folder) and removed
// afterwards. As that user yourself, leave out --as-user.
//
// Every failure gets a first attribution from its output (a tool the machine lacks, a
// permission a non-root user has not, the network); a person reviews each one and writes the
// verdict into an attributions file (--attributions FILE: {"<repo>/<scenario>": "text"} or
// {"<repo>/<scenario>": {"step 2": "text", ...}}), which the table then shows instead.
//
// Usage: node scripts/compat-headless.mjs <outcomes.json from compat-report --json>
//   [--limit N] [--only REGEX] [--jobs N] [--check-timeout 20s] [--command-timeout 3m]
//   [--sandbox auto|bwrap|none] [--as-user NAME] [--scratch DIR] [--no-sabotage]
//   [--attributions FILE] [--json FILE] [--markdown FILE] [--cli dist/cli/main.js of a build]
//   or, to redo the table from a run's JSON with reviewed attributions:
//   node scripts/compat-headless.mjs outcomes.json --from-json run.json --attributions F [--markdown F]

import {spawn, spawnSync} from 'node:child_process';
import {chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
// --cli: a copy of a build to run (so rebuilding the tree during a long run changes nothing).
const cli = opt('--cli', join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js'));
const outcomes = args[0];
if (isMain && (!outcomes || !existsSync(outcomes))) {
  console.error('usage: node scripts/compat-headless.mjs <outcomes.json> [--limit N] [--only REGEX] [--jobs N] [--as-user NAME] [--sandbox bwrap] [--json F] [--markdown F] [--attributions F] [--no-sabotage]');
  process.exit(2);
}
if (isMain && !existsSync(cli)) {
  console.error('dist/cli/main.js is missing — run `npm run build` first');
  process.exit(2);
}
const limit = Number(opt('--limit', 60));
const only = opt('--only') ? new RegExp(opt('--only')) : undefined;
const jobs = Math.max(1, Number(opt('--jobs', 1)));
const checkTimeout = opt('--check-timeout', '20s');
const commandTimeout = opt('--command-timeout', '3m');
const sandbox = opt('--sandbox', 'auto');
const asUser = opt('--as-user');
const sabotage = !args.includes('--no-sabotage');
const attributions = opt('--attributions') ? JSON.parse(readFileSync(opt('--attributions'), 'utf8')) : {};
const scratch = isMain ? mkdtempSync(join(opt('--scratch', tmpdir()), 'katarun-compat-')) : '';

// ── which scenarios ────────────────────────────────────────────────────────────────────────
// Tools and services this machine cannot give a scenario (no container engine, no cluster, no
// network beyond package registries, an unprivileged user).
const NEEDS_MORE = /\b(docker|kubectl|oc |minikube|kind |helm|podman|k3s|k3d|kubeadm|istioctl|gcloud|aws |az |terraform|vagrant|ansible|systemctl|service [a-z]|apt(-get)? (install|update)|yum |dnf |snap |pip3? install|npm (install|i )|yarn add|sudo |su -|ssh |scp |launch\.sh|\/opt\/|mount |useradd|adduser|iptables|wait\.sh)/;
const URL_ = /\b(?:curl|wget)\b[^\n|;&]*?\b(https?:\/\/[^\s"'`)]+)/g;
const LOCAL = /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])([:/]|$)/;
const REMOTE_GIT = /\bgit\s+(clone|pull|push|fetch|remote\s+add|submodule)\b/;

/** The text of a scenario's own files (pages, scripts, index), a few folders deep. */
function text(dir) {
  let all = '';
  const walk = (d, depth) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory() && depth < 3 && !e.name.startsWith('.')) walk(p, depth + 1);
      else if (e.isFile() && /\.(md|sh|json|ya?ml|py|js)$/.test(e.name)) all += `${readFileSync(p, 'utf8')}\n`;
    }
  };
  walk(dir, 0);
  return all;
}

/** Why a scenario is left out, or undefined when this machine can run it. */
function unfit(body) {
  const more = NEEDS_MORE.exec(body);
  if (more) return `needs ${more[1].trim()}`;
  for (const m of body.matchAll(URL_)) if (!LOCAL.test(m[1])) return `fetches ${m[1].slice(0, 60)}`;
  if (REMOTE_GIT.test(body)) return 'uses a git remote';
  return undefined;
}

/** validate --format json of folders (one process per 40): the base-language report of each. */
function validated(dirs) {
  const out = new Map();
  for (let i = 0; i < dirs.length; i += 40) {
    const part = dirs.slice(i, i + 40);
    const r = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', ...part], {encoding: 'utf8', maxBuffer: 512 << 20});
    let reports = [];
    try {
      const j = JSON.parse(r.stdout);
      reports = Array.isArray(j) ? j : (j.scenarios ?? []);
    } catch {
      /* a folder whose report is missing is simply not picked */
    }
    for (const rep of reports) if (!out.has(rep.dir)) out.set(rep.dir, rep);
  }
  return out;
}

const pages = (rep) => rep?.steps ?? [];
const runnable = (a) => a.kind === 'exec' || a.kind === 'file';
const shape = (rep) => ({
  steps: pages(rep).length,
  checked: pages(rep).filter((s) => s.check).length,
  actions: pages(rep).reduce((n, s) => n + (s.actions ?? []).filter(runnable).length, 0),
});

// ── sabotage: the same scenario with none of the learner's work done ───────────────────────
const EXEC_MARK = /^\s*\{\{\s*(execute|exec)\b/;
// Any indent: a fence inside a list item is indented like the item's text.
const FENCE = /^\s*(`{3,}|~{3,})/;

/** A page with every command a learner runs replaced by `true` and every file block unwritten. */
export function sabotagePage(md) {
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const closes = (line) => line.trimStart().startsWith(fence);
    let j = i + 1;
    while (j < lines.length && !closes(lines[j])) j++;
    if (j >= lines.length) break;
    // The closing fence carries the marker: ```{{execute T2}}
    if (EXEC_MARK.test(lines[j].trimStart().replace(/^[`~]+/, ''))) {
      lines.splice(i + 1, j - i - 1, `${/^\s*/.exec(lines[i])[0]}true`);
      j = i + 2;
    }
    i = j;
  }
  return lines
    .join('\n')
    .replace(/(?<!`)`([^`]+)`(\s*\{\{\s*(?:execute|exec)\b)/g, '`true`$2') // a span may run over lines (`mvn … \ ↵ -D…`)
    .replace(/(<pre\b[^>]*?)\bdata-filename=/gi, '$1data-sabotaged-filename=');
}

/** A copy of `dir` under `into` with every markdown page sabotaged. */
function sabotagedCopy(dir, into) {
  cpSync(dir, into, {recursive: true, dereference: false, filter: (p) => !/\/\.git(\/|$)/.test(p)});
  const walk = (d) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.md')) writeFileSync(p, sabotagePage(readFileSync(p, 'utf8')));
    }
  };
  walk(into);
  return into;
}

/** Commands of the sabotaged copy that still do something (the rewrite missed them). */
function missed(rep) {
  return pages(rep).flatMap((s) => (s.actions ?? []).filter((a) => (a.kind === 'exec' && a.text.trim() !== 'true' && !a.flags?.interrupt && !a.flags?.ctrlSeq) || a.kind === 'file'));
}

// ── running ────────────────────────────────────────────────────────────────────────────────
const uid = asUser ? Number(spawnSync('id', ['-u', asUser], {encoding: 'utf8'}).stdout.trim()) : undefined;
const gid = asUser ? Number(spawnSync('id', ['-g', asUser], {encoding: 'utf8'}).stdout.trim()) : undefined;
if (asUser && !Number.isInteger(uid)) {
  console.error(`no user ${asUser}`);
  process.exit(2);
}
const own = (p) => {
  if (uid !== undefined) chownSync(p, uid, gid);
  return p;
};
if (isMain) own(scratch);

/** `katarun test` of one folder in a fresh HOME: the JSON report (or undefined) and how it ended. */
function katarunTest(dir, label) {
  const home = own(mkdtempSync(join(scratch, `${label}-`)));
  const report = join(home, 'report.json');
  const env = {HOME: home, USER: asUser ?? process.env.USER ?? '', LOGNAME: asUser ?? process.env.LOGNAME ?? '', XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), PATH: process.env.PATH, LANG: 'C.UTF-8', CI: 'true'};
  const test = [cli, 'test', dir, '--reporter', 'json', '--output', report, '--check-timeout', checkTimeout, '--command-timeout', commandTimeout, '--sandbox', sandbox, '--keep-going', '--progress', '0'];
  const [cmd, argv] = asUser ? ['runuser', ['-u', asUser, '--', 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, ...test]] : [process.execPath, test];
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(cmd, argv, {cwd: home, env: asUser ? process.env : {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (b) => (stderr = (stderr + b).slice(-20_000)));
    child.stdout.resume();
    const killer = setTimeout(() => child.kill('SIGKILL'), 20 * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      let json;
      try {
        json = JSON.parse(readFileSync(report, 'utf8'));
      } catch {
        json = undefined;
      }
      rmSync(home, {recursive: true, force: true});
      done({exit: code ?? signal, json, stack: /\n\s+at .+:\d+:\d+/.test(stderr), stderr: stderr.trim().split('\n').slice(-3).join(' | '), seconds: (Date.now() - started) / 1000});
    });
  });
}

/** A first guess at why a step failed, from its output; reviewed by hand. */
function attribute(step) {
  const out = [step.message ?? '', ...(step.output ?? []), ...(step.feedback ?? [])].join('\n');
  if (/command not found|not installed/.test(out)) return 'environment: a tool the machine lacks';
  if (/Permission denied|Operation not permitted|must be root|are you root/i.test(out)) return 'environment: needs root (run as an unprivileged user)';
  if (/Could not resolve|Network is unreachable|Temporary failure in name resolution/.test(out)) return 'environment: no network';
  return 'review';
}

const mark = (s) => (!s ? '–' : s.status === 'passed' ? (s.bySolution ? 'P(sol)' : s.warnings?.length ? 'P!' : 'P') : s.status === 'failed' ? 'F' : s.status === 'skipped' ? 's' : 'n');

async function one(r) {
  const normal = await katarunTest(r.dir, 'run');
  const row = {rel: r.rel, repo: r.rel.split('/')[0], scenario: r.rel.split('/').slice(1).join('/'), ...r.shape, exit: normal.exit, crash: normal.stack || !normal.json, seconds: normal.seconds, stderr: normal.json ? undefined : normal.stderr};
  const steps = normal.json?.steps ?? [];
  row.scripts = (normal.json?.scripts ?? []).map((s) => `${s.page} ${s.role} exit ${s.exitCode}`);
  row.steps = steps.map((s, i) => ({
    n: s.number,
    checked: Boolean(r.report.steps[i]?.check),
    status: mark(s),
    commands: s.commands?.length ?? 0,
    commandsFailed: (s.commands ?? []).filter((c) => c.exitCode !== 0 && !c.interrupted).length,
    why: s.status === 'failed' ? `${attribute(s)} — ${(s.message ?? '').replace(/\s+/g, ' ').slice(0, 100)}` : undefined,
    // For the person who attributes: what ran, how it ended, the last lines it printed.
    ran: (s.commands ?? []).map((c) => `${c.exitCode}${c.interrupted ? '^C' : ''}${c.timedOut ? ' timed out' : ''}: ${c.text.split('\n')[0].slice(0, 80)}`),
    output: s.status === 'passed' && !s.warnings?.length ? undefined : (s.output ?? []).slice(-12),
  }));
  if (sabotage && normal.json) {
    const copy = sabotagedCopy(r.dir, own(mkdtempSync(join(scratch, 'sabotaged-'))) + '/s');
    spawnSync('chmod', ['-R', 'a+rX', dirname(copy)]);
    const rep = validated([copy]).get(copy);
    row.sabotageMissed = rep ? missed(rep).map((a) => `${relative(copy, a.file)}:${a.line}`) : ['(copy did not validate)'];
    const bad = await katarunTest(copy, 'sabotage');
    rmSync(dirname(copy), {recursive: true, force: true});
    row.sabotageExit = bad.exit;
    for (const [i, s] of (bad.json?.steps ?? []).entries()) if (row.steps[i]) row.steps[i].sabotage = mark(s);
  }
  return row;
}

// ── the table ──────────────────────────────────────────────────────────────────────────────
function verdict(row) {
  if (row.crash) return `CRASH (exit ${row.exit})`;
  const passed = row.steps.filter((s) => s.status.startsWith('P')).length;
  return row.exit === 0 ? `pass ${passed}/${row.steps.length}` : `FAIL ${passed}/${row.steps.length}`;
}

/** Does the sabotaged run prove the verdict? Every checked step that passed must fail without its work. */
function sabotageVerdict(row) {
  if (!sabotage) return '';
  if (row.sabotageMissed?.length) return `incomplete: ${row.sabotageMissed.length} commands kept`;
  const checkedPassed = row.steps.filter((s) => s.checked && s.status.startsWith('P'));
  const stillPass = checkedPassed.filter((s) => s.sabotage?.startsWith('P'));
  const unchecked = row.steps.filter((s) => !s.checked && s.status.startsWith('P'));
  const parts = [];
  // A step already flagged P! (commands failed, --strict fails it) is not a silent pass.
  const silent = stillPass.filter((s) => s.status === 'P');
  const flagged = stillPass.filter((s) => s.status !== 'P');
  if (checkedPassed.length) parts.push(`${checkedPassed.length - stillPass.length}/${checkedPassed.length} checked steps fail`);
  if (silent.length) parts.push(`CHECK PASSES WITHOUT THE WORK: step ${silent.map((s) => s.n).join(', ')}`);
  if (flagged.length) parts.push(`step ${flagged.map((s) => s.n).join(', ')} passes without the work but is flagged P! (--strict fails it)`);
  if (unchecked.length) parts.push(`${unchecked.length} no check: pass on their commands (${unchecked.filter((s) => s.commandsFailed === 0).length} all exit 0)`);
  return parts.join('; ') || 'nothing passed';
}

function attribution(row) {
  const a = attributions[row.rel];
  if (typeof a === 'string') return a;
  const failed = row.steps.filter((s) => s.status === 'F');
  const mine = (s) => (a && typeof a === 'object' ? a[`step ${s.n}`] : undefined);
  const lines = failed.map((s) => `step ${s.n}: ${mine(s) ?? s.why}`);
  if (row.crash) lines.unshift(`no report: ${row.stderr}`);
  if (a && typeof a === 'object' && a.note) lines.push(a.note);
  return lines.join('; ') || '';
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
function markdown(rows) {
  const head = ['scenario', 'repo', 'steps', 'checked', 'verdict', 'per step (run / sabotaged)', 'sabotage verdict', 'attribution'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const per = r.steps.map((s) => `${s.n}${s.checked ? 'c' : ''}:${s.status}${sabotage ? `/${s.sabotage ?? '–'}` : ''}`).join(' ');
    lines.push(`| ${[r.scenario, r.repo, r.steps.length, r.checked, verdict(r), per, sabotageVerdict(r), attribution(r)].map(cell).join(' | ')} |`);
  }
  lines.push('', 'Per step: c = has a check; P passed, P! passed with a warning (some commands failed; --strict fails it), P(sol) passed by its solution, F failed, n not run, s skipped.');
  return lines.join('\n');
}

async function main() {
  // --from-json: no run, the table again from an earlier run's --json with the attributions as
  // reviewed since (a person reads the failures after the run).
  if (opt('--from-json')) {
    const {summary, rows} = JSON.parse(readFileSync(opt('--from-json'), 'utf8'));
    rmSync(scratch, {recursive: true, force: true});
    const table = `${summary}\n\n${markdown(rows)}\n`;
    if (opt('--markdown')) writeFileSync(opt('--markdown'), table);
    else process.stdout.write(table);
    return;
  }
  const list = JSON.parse(readFileSync(outcomes, 'utf8'));
  const leftOut = new Map();
  const bash = list.filter((r) => r.label === 'OK' && r.environment === 'bash' && r.steps > 0 && (!only || only.test(r.rel)));
  const fit = bash.filter((r) => {
    const why = unfit(text(r.dir));
    if (why) leftOut.set(why.split(' ').slice(0, 2).join(' '), (leftOut.get(why.split(' ').slice(0, 2).join(' ')) ?? 0) + 1);
    return !why;
  });
  const reports = validated(fit.map((r) => r.dir));
  const candidates = fit.map((r) => ({...r, report: reports.get(r.dir), shape: shape(reports.get(r.dir))})).filter((r) => r.report && r.shape.actions > 0);
  const picked = [...candidates.filter((r) => r.shape.checked > 0), ...candidates.filter((r) => r.shape.checked === 0)].slice(0, limit);
  console.log(`${bash.length} bash scenarios that validate; ${fit.length} need nothing this machine lacks; ${candidates.length} have commands; running ${picked.length} (${picked.filter((r) => r.shape.checked).length} with checks)`);
  console.log(`left out: ${[...leftOut].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  const rows = new Array(picked.length);
  let next = 0;
  const worker = async () => {
    while (next < picked.length) {
      const i = next++;
      const row = await one(picked[i]);
      rows[i] = row;
      console.log(`${String(row.exit).padStart(3)} ${verdict(row).padEnd(10)} ${row.steps.map((s) => `${s.n}${s.checked ? 'c' : ''}:${s.status}/${s.sabotage ?? '–'}`).join(' ')}  ${row.seconds.toFixed(0)}s  ${row.rel}`);
      for (const s of row.steps.filter((x) => x.why)) console.log(`      step ${s.n}: ${s.why}`);
      if (row.sabotageMissed?.length) console.log(`      sabotage kept: ${row.sabotageMissed.slice(0, 4).join(', ')}`);
    }
  };
  process.once('SIGINT', () => {
    rmSync(scratch, {recursive: true, force: true});
    process.exit(130);
  });
  await Promise.all(Array.from({length: jobs}, worker));
  rmSync(scratch, {recursive: true, force: true});

  const passed = rows.filter((r) => r.exit === 0);
  const falsePass = rows.filter((r) => sabotageVerdict(r).includes('CHECK PASSES'));
  const checkedPassing = passed.filter((r) => r.steps.some((s) => s.checked && s.status.startsWith('P')));
  const summary = `${rows.length} scenarios (${rows.filter((r) => r.checked > 0).length} with checks, ${rows.reduce((n, r) => n + r.checked, 0)} checked steps): ${passed.length} passed, ${rows.length - passed.length} failed, ${rows.filter((r) => r.crash).length} crashed; ${checkedPassing.length} passing with checks; checks that pass without the work: ${falsePass.length}`;
  console.log(`\n${summary}`);
  if (opt('--json')) writeFileSync(opt('--json'), `${JSON.stringify({summary, rows}, null, 1)}\n`);
  if (opt('--markdown')) writeFileSync(opt('--markdown'), `${summary}\n\n${markdown(rows)}\n`);
}

if (isMain) await main();
