// The shell layer's public face: everything outside src/shell/ imports from here.
export { runProcess, runScript, startBackground } from './process.js';
export { disposeAll, killAllSync } from './process-registry.js';
//# sourceMappingURL=index.js.map