// What must hold before a scenario may run at all: no error diagnostics from the loader and
// no asset, file or open target that lands outside the workspace. Checked before the
// environment is touched, so a bad scenario runs nothing.
import { hasErrors } from '../scenario/model.js';
import { mapInto, planAssets, WorkspaceError } from './workspace.js';
export function runBlockers(scenario, workspace, map) {
    const out = scenario.diagnostics.filter((d) => d.severity === 'error');
    if (hasErrors(out))
        return out;
    try {
        planAssets(scenario, workspace, map);
    }
    catch (err) {
        out.push({ severity: 'error', code: 'engine/asset-escapes', message: err.message, hint: 'use a target inside the workspace, such as ~/ or /root/', file: scenario.indexFile });
    }
    const pages = [scenario.intro, ...scenario.steps, scenario.finish];
    for (const page of pages) {
        for (const a of page?.actions ?? []) {
            if (a.kind !== 'file' && a.kind !== 'open')
                continue;
            try {
                mapInto(map, a.path, workspace);
            }
            catch (err) {
                if (!(err instanceof WorkspaceError))
                    throw err;
                out.push({
                    severity: 'error',
                    code: 'engine/path-escapes',
                    message: err.message,
                    hint: 'write to a path inside the workspace (~/…, /root/…, or a relative path)',
                    file: a.source.file,
                    line: a.source.line,
                    ...(a.source.column !== undefined ? { column: a.source.column } : {}),
                });
            }
        }
    }
    return out;
}
//# sourceMappingURL=validate-run.js.map