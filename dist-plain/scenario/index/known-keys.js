// Every index.json key katarun understands, by place, and the known ones it cannot honour
// (with what happens instead). Katacoda, Killercoda and O'Reilly fields plus the katarun key.
const set = (...keys) => new Set(keys);
// pathwayTitle, icon, private and noindex only mattered to the hosted catalogue: accepted quietly.
export const TOP_KEYS = set('title', 'description', 'difficulty', 'time', 'type', 'details', 'environment', 'backend', 'interface', 'katarun', 'pathwayTitle', 'icon', 'private', 'noindex', 'files', 'embedded_survey_url');
export const TOP_UNSUPPORTED = {
    files: 'there is no editor pane; open the files in your own editor',
    embedded_survey_url: 'Katacoda\'s end-of-scenario survey is not shown',
};
export const DETAILS_KEYS = set('intro', 'steps', 'finish', 'assets');
export const PAGE_KEYS = set('title', 'text', 'credits', 'courseData', 'code', 'background', 'foreground');
export const STEP_KEYS = set('title', 'text', 'verify', 'background', 'foreground', 'courseData', 'code', 'answer', 'hint', 'katarun');
export const ASSET_KEYS = set('file', 'target', 'chmod');
export const ENVIRONMENT_KEYS = set('uilayout', 'terminals', 'hideintro', 'hidefinish', 'showdashboard', 'dashboard', 'dashboards', 'hidesidebar', 'showide', 'uisettings', 'uieditorpath', 'hideHiddenFiles', 'exclusionPatterns', 'uimessage1');
export const ENVIRONMENT_UNSUPPORTED = {
    dashboard: 'dashboard tabs are not shown; the step text should give the URL to open',
    dashboards: 'dashboard tabs are not shown; the step text should give the URL to open',
    showdashboard: 'dashboard tabs are not shown; the step text should give the URL to open',
    showide: 'there is no IDE pane; use your own editor',
    uieditorpath: 'there is no editor pane; use your own editor',
    uisettings: 'there is no editor pane, so editor settings have no effect',
    exclusionPatterns: 'there is no file tree pane',
    hideHiddenFiles: 'there is no file tree pane',
    uimessage1: 'custom UI messages are not shown',
};
export const TERMINAL_KEYS = set('name', 'target', 'command');
// dockerimage: the older Katacoda name of imageid (the Kubernetes bootcamp still uses it).
export const BACKEND_KEYS = set('imageid', 'dockerimage', 'port');
export const INTERFACE_KEYS = set('layout');
export const KATARUN_KEYS = set('environment', 'tools', 'cluster', 'minMemoryMiB', 'minCpus', 'assetsDir', 'setup', 'teardown', 'checkTimeout', 'checkInterval');
export const KATARUN_STEP_KEYS = set('checkTimeout', 'checkInterval', 'hints', 'solution', 'time');
export const TOOL_KEYS = set('name', 'range', 'install');
export const CLUSTER_KEYS = set('name', 'nodeImage', 'config', 'hostPorts');
/** Layouts that are a terminal (or several) and nothing else. */
export const TERMINAL_LAYOUTS = set('terminal', 'terminal-terminal', 'terminal-terminal-terminal');
//# sourceMappingURL=known-keys.js.map