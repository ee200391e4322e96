// The ShellPort over the real shell layer (src/shell). Loaded lazily so that importing the
// engine costs nothing until a shell is needed.

import type {ShellPort} from './shell-port.js';

// Variable specifiers: the shell layer is being built alongside; this keeps the build green meanwhile.
const PROCESS = '../shell/process.js';
const SESSION = '../shell/create-session.js';

interface ProcessModule {
  runScript: ShellPort['runScript'];
  startBackground: ShellPort['startBackground'];
}
interface SessionModule {
  createShellSession: ShellPort['createSession'];
  ctrlSequenceBytes: ShellPort['ctrlSequenceBytes'];
}

let proc: Promise<ProcessModule> | undefined;
let sess: Promise<SessionModule> | undefined;
let ctrl: SessionModule['ctrlSequenceBytes'] | undefined;
const processModule = () => (proc ??= import(PROCESS) as Promise<ProcessModule>);
const sessionModule = () =>
  (sess ??= (import(SESSION) as Promise<SessionModule>).then((m) => {
    ctrl = m.ctrlSequenceBytes;
    return m;
  }));

export function defaultShellPort(): ShellPort {
  return {
    createSession: async (o) => (await sessionModule()).createShellSession(o),
    runScript: async (s, o) => (await processModule()).runScript(s, o),
    startBackground: async (s, o) => (await processModule()).startBackground(s, o),
    // A session exists before any ctrl-seq action can run, so the module is loaded by then.
    ctrlSequenceBytes: (text) => ctrl?.(text),
  };
}
