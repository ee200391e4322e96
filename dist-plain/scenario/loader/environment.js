// What the scenario needs from this machine: backend.imageid mapped to bash or kind, the
// katarun key's overrides (environment, tools, cluster, resources), terminals and layout.
import { describePath, isRecord } from '../index/index-reader.js';
import { BACKEND_KEYS, CLUSTER_KEYS, ENVIRONMENT_KEYS, ENVIRONMENT_UNSUPPORTED, INTERFACE_KEYS, TERMINAL_KEYS, TERMINAL_LAYOUTS, TOOL_KEYS } from '../index/known-keys.js';
import { isKnownImage, mapImageId } from '../index/image-map.js';
import { fileRef } from './context.js';
/** Tools a kind scenario needs when it does not list its own. */
const KIND_TOOLS = ['docker', 'kind', 'kubectl'];
function readTools(ctx) {
    const list = ctx.reader.array(['katarun', 'tools']);
    if (!list)
        return undefined;
    const tools = [];
    list.forEach((item, i) => {
        const path = ['katarun', 'tools', i];
        if (typeof item === 'string')
            return void tools.push({ name: item });
        if (!isRecord(item))
            return void ctx.sink.warn('index/type', ctx.reader.file, ctx.reader.at(path), `${describePath(path)} should be {"name": …, "range": …}; it is ignored`);
        ctx.reader.checkKeys(path, TOOL_KEYS);
        const name = ctx.reader.string([...path, 'name']);
        if (!name)
            return void ctx.sink.error('index/tool', ctx.reader.file, ctx.reader.at(path), `${describePath(path)} has no "name"`, 'name the command, e.g. "kubectl"');
        const range = ctx.reader.string([...path, 'range']);
        if (range !== undefined && !/^[\s\dxX*.^~<>=|v-]+$/.test(range)) {
            ctx.sink.warn('index/tool', ctx.reader.file, ctx.reader.at([...path, 'range']), `'${range}' does not look like a version range`, 'write it like >=1.30.0, 1.30.x or ^0.27');
        }
        const install = ctx.reader.string([...path, 'install']);
        tools.push({ name, ...(range ? { range } : {}), ...(install ? { install } : {}) });
    });
    return tools;
}
/** kind (and Docker, whose container names carry it) accept lower-case letters, digits and dashes. */
const KIND_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Room left for kind's own suffixes ("-control-plane") in a container name. */
const KIND_NAME_MAX = 40;
/**
 * The cluster name when the author gives none: from the scenario's folder, which on Killercoda
 * was only a URL slug and may be `Blue-Green`, `cronjob-data_Pipeline` or have spaces.
 */
export function defaultClusterName(id) {
    const slug = id
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `katarun-${slug || 'scenario'}`.slice(0, KIND_NAME_MAX).replace(/-+$/, '');
}
function readCluster(ctx, assetDirs) {
    ctx.reader.object(['katarun', 'cluster']);
    ctx.reader.checkKeys(['katarun', 'cluster'], CLUSTER_KEYS);
    const written = ctx.reader.string(['katarun', 'cluster', 'name']);
    const name = written ?? defaultClusterName(ctx.loc.id);
    if (written !== undefined && !KIND_NAME.test(written)) {
        ctx.sink.error('index/cluster', ctx.reader.file, ctx.reader.at(['katarun', 'cluster', 'name']), `cluster name '${written}' is not a valid kind cluster name`, 'use lower-case letters, digits and dashes');
    }
    const nodeImage = ctx.reader.string(['katarun', 'cluster', 'nodeImage']);
    const config = ctx.reader.has(['katarun', 'cluster', 'config']) ? fileRef(ctx, ['katarun', 'cluster', 'config'], assetDirs) : undefined;
    const hostPorts = [];
    (ctx.reader.array(['katarun', 'cluster', 'hostPorts']) ?? []).forEach((p, i) => {
        if (typeof p === 'number' && Number.isInteger(p) && p > 0 && p < 65536)
            hostPorts.push(p);
        else
            ctx.sink.error('index/cluster', ctx.reader.file, ctx.reader.at(['katarun', 'cluster', 'hostPorts', i]), `host port ${JSON.stringify(p)} is not a port number`, 'use a whole number from 1 to 65535');
    });
    return { name, ...(nodeImage ? { nodeImage } : {}), ...(config ? { config } : {}), hostPorts };
}
function readTerminals(ctx) {
    const out = [];
    (ctx.reader.array(['environment', 'terminals']) ?? []).forEach((t, i) => {
        const path = ['environment', 'terminals', i];
        if (!isRecord(t))
            return;
        ctx.reader.checkKeys(path, TERMINAL_KEYS);
        const name = ctx.reader.string([...path, 'name']) ?? `Terminal ${i + 2}`;
        const target = ctx.reader.string([...path, 'target']);
        const command = ctx.reader.string([...path, 'command']);
        if (command) {
            // Katacoda ran it in the tab as it opened; katarun's terminals open as plain shells (a
            // long-running command there would hold up the actions meant for that terminal).
            ctx.sink.warn('index/terminal-command', ctx.reader.file, ctx.reader.at([...path, 'command']), `the command of terminal '${name}' (${command}) is not run: katarun's terminals open as plain shells`, `if the steps need it, run it from a step: \`${command}\`{{execute T${i + 2}}}`);
        }
        out.push({ name, ...(target ? { target } : {}), ...(command ? { command } : {}) });
    });
    return out;
}
/** The panes of a Katacoda layout that katarun lacks ('editor-terminal' has an editor, 'terminal-iframe' a browser). */
function layoutPanes(layout) {
    const panes = [];
    if (/editor|ide|vscode/i.test(layout))
        panes.push('editor');
    if (/iframe|browser|dashboard|panel|web/i.test(layout))
        panes.push('browser');
    return panes.length > 0 ? panes : ['editor', 'browser'];
}
const LAYOUT_FIX = {
    editor: 'open files in your own editor',
    browser: 'open URLs in your browser',
    both: 'open files in your own editor and URLs in your browser',
};
export function readEnvironment(ctx, assetDirs) {
    const { reader, sink } = ctx;
    reader.object(['environment']);
    reader.checkKeys(['environment'], ENVIRONMENT_KEYS, ENVIRONMENT_UNSUPPORTED);
    reader.object(['backend']);
    reader.checkKeys(['backend'], BACKEND_KEYS);
    reader.object(['interface']);
    reader.checkKeys(['interface'], INTERFACE_KEYS);
    const layout = reader.string(['interface', 'layout']);
    if (layout !== undefined && layout !== 'terminal') {
        sink.warn('index/unsupported', reader.file, reader.at(['interface', 'layout']), `interface layout '${layout}' is not supported; katarun shows the terminal only`, 'use your own editor next to katarun');
    }
    const uilayout = reader.string(['environment', 'uilayout']);
    if (uilayout !== undefined && !TERMINAL_LAYOUTS.has(uilayout)) {
        const panes = layoutPanes(uilayout);
        sink.warn('index/unsupported', reader.file, reader.at(['environment', 'uilayout']), `layout '${uilayout}' has ${panes.length === 1 ? 'a pane' : 'panes'} katarun cannot show (${panes.join(', ')}); only the terminals are shown`, LAYOUT_FIX[panes.length === 1 ? panes[0] : 'both']);
    }
    const imagePath = reader.has(['backend', 'imageid']) || !reader.has(['backend', 'dockerimage']) ? ['backend', 'imageid'] : ['backend', 'dockerimage'];
    const imageId = reader.string(imagePath);
    let kind = 'bash';
    let imageTools = [];
    if (imageId !== undefined) {
        const mapped = mapImageId(imageId);
        kind = mapped.kind;
        imageTools = mapped.tools ?? [];
        const at = reader.at(imagePath);
        if (!isKnownImage(imageId)) {
            sink.warn('index/imageid', reader.file, at, `backend image '${imageId}' is not one katarun can provide; the scenario runs in a local bash shell`, 'set "katarun": {"environment": "kind"} if it needs Kubernetes, or "bash" to silence this');
        }
        else if (mapped.note && reader.get(['katarun', 'environment']) === undefined) {
            sink.warn('index/imageid', reader.file, at, mapped.note, 'set "katarun": {"environment": …} to say what the scenario needs');
        }
    }
    const override = reader.string(['katarun', 'environment']);
    if (override !== undefined) {
        if (override === 'bash' || override === 'kind')
            kind = override;
        else
            sink.error('index/environment', reader.file, reader.at(['katarun', 'environment']), `katarun.environment must be "bash" or "kind", not '${override}'`);
    }
    const tools = readTools(ctx) ?? (kind === 'kind' ? KIND_TOOLS : imageTools).map((name) => ({ name }));
    const minMemoryMiB = reader.number(['katarun', 'minMemoryMiB']);
    const minCpus = reader.number(['katarun', 'minCpus']);
    const hasCluster = reader.has(['katarun', 'cluster']);
    if (hasCluster && kind !== 'kind') {
        sink.warn('index/cluster', reader.file, reader.keyAt(['katarun', 'cluster']), 'katarun.cluster is ignored: the scenario runs in bash', 'set "katarun": {"environment": "kind"}');
    }
    return {
        kind,
        ...(imageId !== undefined ? { imageId } : {}),
        tools,
        ...(kind === 'kind' ? { cluster: readCluster(ctx, assetDirs) } : {}),
        terminals: readTerminals(ctx),
        ...(uilayout !== undefined ? { uilayout } : {}),
        ...(minMemoryMiB !== undefined ? { minMemoryMiB } : {}),
        ...(minCpus !== undefined ? { minCpus } : {}),
    };
}
//# sourceMappingURL=environment.js.map