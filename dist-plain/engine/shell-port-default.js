// The ShellPort over the real shell layer (src/shell). The session module (and with it the
// PTY addon) is loaded lazily, so importing the engine costs nothing until a terminal is needed.
import { runScript, startBackground } from '../shell/index.js';
import { ctrlSequenceBytes } from '../shell/ctrl-seq.js';
import { zxCliPath } from '../shell/zx-cli.js';
let sess;
const sessionModule = () => (sess ??= import('../shell/create-session.js'));
export function defaultShellPort() {
    return {
        createSession: async (o) => (await sessionModule()).createShellSession(o),
        runScript: (s, o) => runScript(s.path, s.language, o),
        startBackground: async (s, o) => s.language === 'zx' ? startBackground(process.execPath, [zxCliPath(), s.path], o) : startBackground('bash', [s.path], o),
        ctrlSequenceBytes,
    };
}
//# sourceMappingURL=shell-port-default.js.map