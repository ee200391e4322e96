// Is a command-line tool on PATH, and is its version in the range a scenario asks for?
// Each tool is asked for its version the way it answers fastest and without a cluster.

import {tmpdir} from 'node:os';
import type {ToolRequirement} from '../../scenario/model.js';
import {message} from '../../render/i18n.js';
import {runProcess} from '../../shell/index.js';
import type {PreflightCheck} from '../environment/types.js';
import {hostOs, toolMissingFix} from './os-fixes.js';
import {findVersion, formatVersion, satisfies} from './semver-range.js';

const VERSION_ARGS: Record<string, readonly string[]> = {
  kind: ['version'],
  kubectl: ['version', '--client', '-o', 'json'],
  istioctl: ['version', '--remote=false'],
  docker: ['version', '--format', '{{.Client.Version}}'],
  helm: ['version', '--short'],
};

/** kubectl's JSON names the version in gitVersion; everything else prints it plainly. */
function versionText(name: string, output: string): string {
  if (name === 'kubectl') {
    const m = /"gitVersion":\s*"([^"]+)"/.exec(output);
    if (m) return m[1]!;
  }
  return output;
}

export interface ToolProbeOptions {
  readonly env: Readonly<Record<string, string>>;
  /** A missing tool that the scenario can do without (istioctl: setup fetches it). */
  readonly optional?: boolean;
  readonly timeoutMs?: number;
}

export async function probeTool(tool: ToolRequirement, opts: ToolProbeOptions): Promise<PreflightCheck> {
  const id = `tool:${tool.name}`;
  const severity = opts.optional ? 'warning' : 'error';
  const os = hostOs(process.platform, opts.env);
  const res = await runProcess(tool.name, VERSION_ARGS[tool.name] ?? ['--version'], {
    cwd: tmpdir(),
    env: opts.env,
    timeoutMs: opts.timeoutMs ?? 15_000,
    maxOutputBytes: 16 * 1024,
  });
  if (res.exitCode === 127) {
    return {id, ok: false, severity, detail: message('preflight.toolMissing', {name: tool.name}), fix: toolMissingFix(tool.name, os, tool.install)};
  }
  const version = findVersion(versionText(tool.name, res.output));
  if (!version) {
    const detail = res.timedOut ? message('preflight.toolSilent', {name: tool.name}) : message('preflight.toolNoVersion', {name: tool.name, code: String(res.exitCode)});
    return {id, ok: !tool.range, severity: tool.range ? severity : 'warning', detail, ...(tool.range ? {fix: toolMissingFix(tool.name, os, tool.install)} : {})};
  }
  const found = `${tool.name} ${formatVersion(version)}`;
  if (!tool.range) return {id, ok: true, severity, detail: found};
  const range = tool.range;
  const inRange = satisfies(version, range);
  if (inRange === undefined) return {id, ok: true, severity: 'warning', detail: message('preflight.toolBadRange', {tool: found, range})};
  if (inRange) return {id, ok: true, severity, detail: message('preflight.toolInRange', {tool: found, range})};
  return {
    id,
    ok: false,
    severity,
    detail: message('preflight.toolOutside', {tool: found, range}),
    fix: message('fix.toolVersion', {name: tool.name, range, fix: toolMissingFix(tool.name, os, tool.install)}),
  };
}
