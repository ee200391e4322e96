// The loader's Katacoda path mapping (`/root` and `~` → the workspace, bin folders → its
// `bin/`), adapted to the engine's PathMapper so assets, file and open actions share it.
import { join } from 'node:path';
import { mapTargetIntoWorkspace, WORKSPACE_BIN } from '../scenario/assets/workspace-target.js';
export const defaultPathMapper = (target, workspace) => {
    const r = mapTargetIntoWorkspace(target, workspace);
    if (!r.ok)
        throw new Error(r.reason);
    return r.path;
};
/** The workspace's bin folder, which shells and scripts get first on PATH. */
export const workspaceBin = (workspace) => join(workspace, WORKSPACE_BIN);
//# sourceMappingURL=path-mapper.js.map