// Is a command-line tool on PATH, and is its version in the range a scenario asks for?
// Each tool is asked for its version the way it answers fastest and without a cluster.
import { tmpdir } from 'node:os';
import { translator } from '../../render/i18n.js';
import { runProcess } from '../../shell/index.js';
import { hostOs, toolMissingFix } from './os-fixes.js';
import { findVersion, formatVersion, satisfies } from './semver-range.js';
const VERSION_ARGS = {
    kind: ['version'],
    kubectl: ['version', '--client', '-o', 'json'],
    istioctl: ['version', '--remote=false'],
    docker: ['version', '--format', '{{.Client.Version}}'],
    helm: ['version', '--short'],
};
/** kubectl's JSON names the version in gitVersion; everything else prints it plainly. */
function versionText(name, output) {
    if (name === 'kubectl') {
        const m = /"gitVersion":\s*"([^"]+)"/.exec(output);
        if (m)
            return m[1];
    }
    return output;
}
export async function probeTool(tool, opts) {
    const id = `tool:${tool.name}`;
    const severity = opts.optional ? 'warning' : 'error';
    const os = hostOs(process.platform, opts.env);
    const t = opts.t ?? translator('en');
    const res = await runProcess(tool.name, VERSION_ARGS[tool.name] ?? ['--version'], {
        cwd: tmpdir(),
        env: opts.env,
        timeoutMs: opts.timeoutMs ?? 15_000,
        maxOutputBytes: 16 * 1024,
    });
    if (res.exitCode === 127) {
        return { id, ok: false, severity, detail: t('preflight.toolMissing', { name: tool.name }), fix: toolMissingFix(tool.name, os, tool.install, t) };
    }
    const version = findVersion(versionText(tool.name, res.output));
    if (!version) {
        const detail = res.timedOut ? t('preflight.toolSilent', { name: tool.name }) : t('preflight.toolNoVersion', { name: tool.name, code: String(res.exitCode) });
        return { id, ok: !tool.range, severity: tool.range ? severity : 'warning', detail, ...(tool.range ? { fix: toolMissingFix(tool.name, os, tool.install, t) } : {}) };
    }
    const found = `${tool.name} ${formatVersion(version)}`;
    if (!tool.range)
        return { id, ok: true, severity, detail: found };
    const range = tool.range;
    const inRange = satisfies(version, range);
    if (inRange === undefined)
        return { id, ok: true, severity: 'warning', detail: t('preflight.toolBadRange', { tool: found, range }) };
    if (inRange)
        return { id, ok: true, severity, detail: t('preflight.toolInRange', { tool: found, range }) };
    return {
        id,
        ok: false,
        severity,
        detail: t('preflight.toolOutside', { tool: found, range }),
        fix: t('fix.toolVersion', { name: tool.name, range, fix: toolMissingFix(tool.name, os, tool.install, t) }),
    };
}
//# sourceMappingURL=tool-probe.js.map