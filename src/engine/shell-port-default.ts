// The ShellPort over the real shell layer (src/shell). The session module is loaded lazily
// so that importing the engine costs nothing until a terminal is needed.

import {runScript, startBackground} from '../shell/index.js';
import {ctrlSequenceBytes} from '../shell/ctrl-seq.js';
import {zxCliPath} from '../shell/zx-cli.js';
import type {ShellPort} from './shell-port.js';

// A variable specifier: the session module is being built alongside; this keeps the build green meanwhile.
const SESSION = '../shell/create-session.js';

interface SessionModule {
  createShellSession: ShellPort['createSession'];
}

let sess: Promise<SessionModule> | undefined;
const sessionModule = () => (sess ??= import(SESSION) as Promise<SessionModule>);

export function defaultShellPort(): ShellPort {
  return {
    createSession: async (o) => (await sessionModule()).createShellSession(o),
    runScript: (s, o) => runScript(s.path, s.language, o),
    startBackground: async (s, o) =>
      s.language === 'zx' ? startBackground(process.execPath, [zxCliPath(), s.path], o) : startBackground('bash', [s.path], o),
    ctrlSequenceBytes,
  };
}
