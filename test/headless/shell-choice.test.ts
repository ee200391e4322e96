// Which shell `katarun test` picks by itself: pipes, unless the scenario types into a program.
import {describe, expect, it} from 'vitest';
import {headlessShell, opensEditor, startsTerminalProgram} from '../../src/headless/shell-choice.js';
import {loadScenario} from '../../src/scenario/load-scenario.js';
import {fixture} from '../engine/integration-helpers.js';

describe('headless shell choice', () => {
  it('a REPL, cat or an editor fed by the next action, ctrl-seq, no-newline: a terminal', async () => {
    expect(headlessShell(await loadScenario(fixture('repl-input'), {}))).toBe('auto');
    expect(headlessShell(await loadScenario(fixture('busy'), {}))).toBe('auto');
  });

  it('an editor opened with nothing typed into it after: a terminal (through pipes `vi f` fails where a learner sees it open)', async () => {
    expect(headlessShell(await loadScenario(fixture('editor-alone'), {}))).toBe('auto');
    for (const c of ['vim notes.txt', 'vi', 'sudo nano -w /etc/hosts', '/usr/bin/vim a b']) expect(opensEditor(c), c).toBe(true);
    for (const c of ['vim -c ":wq" f', 'emacs --batch -l x.el', 'vi -e f < script', 'vim f | cat', 'echo vim', 'git commit -m x']) expect(opensEditor(c), c).toBe(false);
  });

  it("pagers and cat fed by a line: pipes for pagers (they print and end), a terminal for cat", async () => {
    expect(headlessShell(await loadScenario(fixture('pager'), {}))).toBe('pipe');
    expect(headlessShell(await loadScenario(fixture('cat-file'), {}))).toBe('auto');
  });

  it("a REPL fed by the next step's action, and one a foreground script (the intro's or a step's) leaves in T1: a terminal", async () => {
    expect(headlessShell(await loadScenario(fixture('repl-steps'), {}))).toBe('auto');
    expect(headlessShell(await loadScenario(fixture('repl-foreground'), {}))).toBe('auto');
  });

  it('commands that only run (a watcher and its interrupt, checks, a server fetched from T2): pipes', async () => {
    expect(headlessShell(await loadScenario(fixture('flow'), {}))).toBe('pipe');
    expect(headlessShell(await loadScenario(fixture('persist'), {}))).toBe('pipe');
    expect(headlessShell(await loadScenario(fixture('server'), {}))).toBe('pipe');
  });

  it('knows programs that read the terminal from programs that run a file', () => {
    for (const c of ['python3', 'python3 -q', 'node', 'mysql -u root -p', 'cat > notes.txt', 'vim app.conf', 'docker exec -it web bash', 'kubectl exec -it pod -- sh', 'psql -U postgres', '/usr/bin/python3', 'sudo /usr/bin/python3 -i', '~/bin/mongo', './node_modules/.bin/node']) {
      expect(startsTerminalProgram(c), c).toBe(true);
    }
    for (const c of ['python3 app.py', 'cat notes.txt', 'node server.js', 'ls -l', 'docker ps', 'echo cat', 'less /etc/passwd', 'ps aux | less', 'mysql -u root -e "show databases"', 'psql -c "select 1"', '/usr/bin/python3 app.py', 'bin/cat notes.txt']) expect(startsTerminalProgram(c), c).toBe(false);
  });
});
