// Checks beyond loading: scripts parse, YAML assets parse, and (given CRDs) every
// Kubernetes manifest among the assets and the ```yaml blocks of the pages matches its
// CRD schema. Running `bash -n` is a process, which this layer never starts itself: the
// caller passes a ScriptChecker (the CLI's uses src/shell).
import { join } from 'node:path';
import { DiagnosticSink, sortDiagnostics } from './diagnostics.js';
import { lexPage } from './markdown/lex-page.js';
/** Every script a scenario may run, once each. Shell assets count: learners run them. */
export function scenarioScripts(s) {
    const scripts = [];
    const pages = [...(s.intro ? [s.intro] : []), ...s.steps, ...(s.finish ? [s.finish] : [])];
    for (const p of pages) {
        if (p.background)
            scripts.push(p.background);
        if (p.foreground)
            scripts.push(p.foreground);
    }
    for (const step of s.steps) {
        if (step.check)
            scripts.push(step.check.script);
        if (step.solution)
            scripts.push(step.solution);
        for (const h of step.hints)
            if (h.script)
                scripts.push(h.script);
    }
    if (s.setup)
        scripts.push(s.setup);
    if (s.teardown)
        scripts.push(s.teardown);
    for (const a of s.assets) {
        for (const f of a.files) {
            if (/\.(sh|bash)$/i.test(f))
                scripts.push({ role: 'setup', path: join(a.baseDir, f), language: 'bash', source: a.source });
        }
    }
    const seen = new Set();
    return scripts.filter((x) => !seen.has(x.path) && seen.add(x.path));
}
async function inBatches(items, size, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
export async function validateScenario(s, options) {
    const sink = new DiagnosticSink();
    let manifestsChecked = 0;
    const scripts = options.checkScript ? scenarioScripts(s) : [];
    const scriptsDone = inBatches(scripts, options.concurrency ?? 8, async (script) => {
        const problems = await options.checkScript(script.path, script.language);
        for (const p of problems) {
            sink.error('script/syntax', script.path, p.line !== undefined ? { line: p.line } : undefined, p.message, `fix the ${script.language === 'zx' ? 'JavaScript' : 'bash'} syntax; katarun checks it with ${script.language === 'zx' ? 'node --check' : 'bash -n'}`);
        }
    });
    // The YAML parser (and its manifest checks) load only when there is YAML to read.
    let manifests;
    const checkYaml = (...args) => manifests.checkYaml(...args);
    const yamlAssets = new Set();
    for (const a of s.assets)
        for (const f of a.files)
            if (/\.ya?ml$/i.test(f))
                yamlAssets.add(join(a.baseDir, f));
    if (s.environment.cluster?.config)
        yamlAssets.add(s.environment.cluster.config);
    const pages = [...(s.intro ? [s.intro] : []), ...s.steps, ...(s.finish ? [s.finish] : [])];
    const yamlBlocks = pages.flatMap((page) => page.textFile ? lexPage(page.body, page.textFile).codeBlocks.filter((b) => /^ya?ml$/i.test(b.lang)).map((block) => ({ file: page.textFile, block })) : []);
    if (yamlAssets.size > 0 || yamlBlocks.length > 0)
        manifests = await import('./validate/manifests.js');
    for (const file of [...yamlAssets].sort()) {
        const text = options.readText(file);
        if (text === undefined)
            continue;
        manifestsChecked += checkYaml({ file, text, lineOffset: 0, parseSeverity: 'error' }, sink, options.crds).manifests;
    }
    for (const { file, block } of yamlBlocks) {
        manifestsChecked += checkYaml({ file, text: block.text, lineOffset: block.line, parseSeverity: 'warning' }, sink, options.crds).manifests;
    }
    await scriptsDone;
    return { diagnostics: sortDiagnostics(sink.items), scriptsChecked: scripts.length, manifestsChecked };
}
//# sourceMappingURL=validate.js.map