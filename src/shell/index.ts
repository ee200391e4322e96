// The shell layer's public face: everything outside src/shell/ imports from here.

export type * from './types.js';
export {runProcess, runScript, startBackground, type BackgroundOptions, type ScriptLanguage} from './process.js';
export {disposeAll, killAllSync} from './process-registry.js';
export {ShellStartError} from './session-base.js';
export {endSandbox} from './sandbox.js';
