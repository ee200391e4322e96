// The ShellPort over the real shell layer (src/shell). The session module (and with it the
// PTY addon) is loaded lazily, so importing the engine costs nothing until a terminal is needed.

import {runScript, startBackground} from '../shell/index.js';
import {ctrlSequenceBytes} from '../shell/ctrl-seq.js';
import {zxNodeArgs} from '../shell/zx-cli.js';
import type {ShellPort} from './shell-port.js';

let sess: Promise<typeof import('../shell/create-session.js')> | undefined;
const sessionModule = () => (sess ??= import('../shell/create-session.js'));

export function defaultShellPort(): ShellPort {
  return {
    createSession: async (o) => (await sessionModule()).createShellSession(o),
    runScript: (s, o) => runScript(s.path, s.language, o),
    startBackground: async (s, o) =>
      s.language === 'zx' ? startBackground(process.execPath, zxNodeArgs(s.path), o) : startBackground('bash', [s.path], o),
    ctrlSequenceBytes,
  };
}
