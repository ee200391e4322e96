// Checks beyond loading: scripts parse, YAML assets parse, and (given CRDs) every
// Kubernetes manifest among the assets and the ```yaml blocks of the pages matches its
// CRD schema. Running `bash -n` is a process, which this layer never starts itself: the
// caller passes a ScriptChecker (the CLI's uses src/shell).

import {join} from 'node:path';
import type {CrdSet} from './crd-schema.js';
import {DiagnosticSink, sortDiagnostics} from './diagnostics.js';
import {lexPage} from './markdown/lex-page.js';
import type {Diagnostic, Page, Scenario, Script} from './model.js';

export interface ScriptProblem {
  readonly line?: number;
  readonly message: string;
}

/** Parse (not run) one script; resolve with its syntax problems, none when it parses. */
export type ScriptChecker = (file: string, language: Script['language']) => Promise<readonly ScriptProblem[]>;

export interface ValidateOptions {
  readonly crds?: CrdSet;
  readonly checkScript?: ScriptChecker;
  /** Read a file's text (the loader already proved the files exist). */
  readonly readText: (file: string) => string | undefined;
  /** How many scripts to check at once. */
  readonly concurrency?: number;
}

export interface ValidationResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly scriptsChecked: number;
  readonly manifestsChecked: number;
}

/** Every script a scenario may run, once each. Shell assets count: learners run them. */
export function scenarioScripts(s: Scenario): Script[] {
  const scripts: Script[] = [];
  const pages: Page[] = [...(s.intro ? [s.intro] : []), ...s.steps, ...(s.finish ? [s.finish] : [])];
  for (const p of pages) {
    if (p.background) scripts.push(p.background);
    if (p.foreground) scripts.push(p.foreground);
  }
  for (const step of s.steps) {
    if (step.check) scripts.push(step.check.script);
    if (step.solution) scripts.push(step.solution);
    for (const h of step.hints) if (h.script) scripts.push(h.script);
  }
  if (s.setup) scripts.push(s.setup);
  if (s.teardown) scripts.push(s.teardown);
  for (const a of s.assets) {
    for (const f of a.files) {
      if (/\.(sh|bash)$/i.test(f)) scripts.push({role: 'setup', path: join(a.baseDir, f), language: 'bash', source: a.source});
    }
  }
  const seen = new Set<string>();
  return scripts.filter((x) => !seen.has(x.path) && seen.add(x.path));
}

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({length: Math.min(size, items.length)}, worker));
}

export async function validateScenario(s: Scenario, options: ValidateOptions): Promise<ValidationResult> {
  const sink = new DiagnosticSink();
  let manifestsChecked = 0;

  const scripts = options.checkScript ? scenarioScripts(s) : [];
  const scriptsDone = inBatches(scripts, options.concurrency ?? 8, async (script) => {
    const problems = await options.checkScript!(script.path, script.language);
    for (const p of problems) {
      sink.error('script/syntax', script.path, p.line !== undefined ? {line: p.line} : undefined, p.message, `fix the ${script.language === 'zx' ? 'JavaScript' : 'bash'} syntax; katarun checks it with ${script.language === 'zx' ? 'node --check' : 'bash -n'}`);
    }
  });

  // The YAML parser (and its manifest checks) load only when there is YAML to read.
  let manifests: typeof import('./validate/manifests.js') | undefined;
  const checkYaml: typeof import('./validate/manifests.js').checkYaml = (...args) => manifests!.checkYaml(...args);
  const yamlAssets = new Set<string>();
  for (const a of s.assets) for (const f of a.files) if (/\.ya?ml$/i.test(f)) yamlAssets.add(join(a.baseDir, f));
  if (s.environment.cluster?.config) yamlAssets.add(s.environment.cluster.config);
  const pages: Page[] = [...(s.intro ? [s.intro] : []), ...s.steps, ...(s.finish ? [s.finish] : [])];
  const yamlBlocks = pages.flatMap((page) =>
    page.textFile ? lexPage(page.body, page.textFile).codeBlocks.filter((b) => /^ya?ml$/i.test(b.lang)).map((block) => ({file: page.textFile!, block})) : [],
  );
  if (yamlAssets.size > 0 || yamlBlocks.length > 0) manifests = await import('./validate/manifests.js');
  for (const file of [...yamlAssets].sort()) {
    const text = options.readText(file);
    if (text === undefined) continue;
    // A Helm chart's templates (or any Go template) become YAML only once rendered; the
    // platforms copied them as they are, so katarun says it does not parse them.
    const template = /\{\{-?\s*[-.$\w/"(]/.exec(text);
    if (template) {
      const line = text.slice(0, template.index).split('\n').length;
      sink.warn('yaml/template', file, {line}, 'a Go/Helm template: not checked as YAML until it is rendered', 'katarun copies it as it is, as Katacoda and Killercoda did');
      continue;
    }
    // An asset that does not parse is an error only when its manifests are checked against CRD
    // schemas (--crds, or schemas the scenario ships): its author asked for them to hold. Else a
    // warning: the platforms copied it as it is and ran the scenario (a lesson may ship a broken
    // manifest to fix), and the step that applies it fails at run time. 16 public portworx
    // scenarios were refused for this.
    manifestsChecked += checkYaml({file, text, lineOffset: 0, parseSeverity: options.crds ? 'error' : 'warning'}, sink, options.crds).manifests;
  }

  for (const {file, block} of yamlBlocks) {
    manifestsChecked += checkYaml({file, text: block.text, lineOffset: block.line, parseSeverity: 'warning'}, sink, options.crds).manifests;
  }

  await scriptsDone;
  return {diagnostics: sortDiagnostics(sink.items), scriptsChecked: scripts.length, manifestsChecked};
}
