// The pure parts of the sandbox: which Katacoda paths a scenario gets from its workspace, how a
// path translates between the host and the sandbox, the bwrap command line, the sanitiser's
// new cases, symlink-safe writes, and pruning old runs.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {absolutePathsIn, derivedTargets, planSandbox, startFolderInHome} from '../../src/engine/sandbox-plan.js';
import {capLogs, pruneOld} from '../../src/engine/prune-runs.js';
import {readInside, writeInside} from '../../src/engine/safe-path.js';
import {hasHiddenControls, sanitizeText, showControls, stripEscapes} from '../../src/render/sanitize.js';
import {endSandbox, sandboxArgs, toHost, toSandbox, wrapSpawn} from '../../src/shell/sandbox.js';
import {exec, scenario, step} from '../engine/model-fixtures.js';
import {rejection} from '../words.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'katarun-plan-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

describe('which paths are the workspace’s', () => {
  it('finds absolute paths in commands, not in URLs, sed patterns or $VAR/paths', () => {
    expect(absolutePathsIn('cat /my/location/run.sh; curl https://x.io/api/v1; sed s/a/b/ f; ls $HOME/x ~/y a:/b; echo a /opt/z')).toEqual(['/my/location/run.sh', '/opt/z']);
  });

  it('derives /root, /tmp, bin and asset targets, and paths the commands name that do not exist here', () => {
    const s = {
      ...scenario([step(0, [exec(1, 'bash /ks/wait.sh && cat /etc/hosts /proc/cpuinfo && mv x /usr/local/bin/ && cd /home/scrapbook/tutorial')])], {dir}),
      assets: [{host: 'host01', pattern: 'a', target: '/opt/app', files: [], baseDir: dir, source: {file: 'index.json', line: 1}}],
    };
    expect(derivedTargets(s)).toEqual(['/home/scrapbook', '/ks', '/opt/app', '/root', '/tmp', '/usr/local/bin']);
  });

  it('makes a missing path a folder only when the scenario uses it as one', () => {
    // dashohoxha linux-cli lesson4 (`ls -l /bin/usr 2> ls-error.txt` must fail), killercoda
    // learning-linux (`echo amazing > /etc/my-second-file`), `tail /var/log/syslog`: each was made a
    // folder, so the command failed with 'Is a directory' or passed where it should fail.
    const files = scenario([step(0, [exec(1, 'ls -l /usr/katarun-no-such 2> err.txt'), exec(2, 'echo amazing > /etc/katarun-no-such-file'), exec(3, 'tail /var/log/katarun-no-such.log')])], {dir});
    expect(derivedTargets(files)).toEqual(['/root', '/tmp']);
    const folders = scenario([step(0, [exec(1, 'mkdir -p /katarun-data && cd /katarun-data'), exec(2, 'cp x /katarun-app/'), exec(3, 'bash /katarun-ks/wait.sh')])], {dir});
    expect(derivedTargets(folders)).toEqual(['/katarun-app', '/katarun-data', '/katarun-ks', '/root', '/tmp']);
  });

  it("starts the shells where Katacoda's scrapbook images did when the scenario names that folder", () => {
    // katacoda/scenario-examples verified-steps: `git init`, checked by `[ -d /home/scrapbook/tutorial/.git ]`.
    expect(startFolderInHome(scenario([step(0, [exec(1, 'git init'), exec(2, 'ls /home/scrapbook/tutorial/.git')])], {dir}))).toBe('tutorial');
    expect(startFolderInHome(scenario([step(0, [exec(1, 'git init'), exec(2, 'ls /home/scrapbook/other')])], {dir}))).toBe('');
  });

  it('hides the homes, binds the workspace folders in place, shows katarun’s own folders at their paths, blanks Docker for a bash scenario', () => {
    const ws = join(dir, 'ws');
    const s = scenario([step(0, [exec(1, 'cat /usr/local/bin/tool')])], {dir: join(dir, 'scenario')});
    const spec = planSandbox({scenario: s, bwrap: '/usr/bin/bwrap', workspace: ws, writable: [join(dir, 'logs')], env: {HOME: join(dir, 'home'), PATH: '/usr/bin:/bin'}});
    expect(spec.hide).toEqual(['/home', '/root', join(dir, 'home')]);
    expect(spec.binds.slice(0, 3)).toEqual([
      {from: join(ws, 'root'), to: '/root', writable: true},
      {from: join(ws, 'tmp'), to: '/tmp', writable: true},
      {from: join(ws, 'usr', 'local', 'bin'), to: '/usr/local/bin', writable: true},
    ]);
    expect(spec.binds).toContainEqual({from: join(dir, 'logs'), to: join(dir, 'logs'), writable: true});
    expect(spec.binds).toContainEqual({from: join(dir, 'scenario'), to: join(dir, 'scenario'), writable: false});
    expect(spec.blank?.length).toBeGreaterThan(0);
    expect(toSandbox(spec, join(ws, 'root', 'app'))).toBe('/root/app');
    expect(toHost(spec, '/root/app')).toBe(join(ws, 'root', 'app'));
    expect(toHost(spec, '/etc/hosts')).toBe('/etc/hosts');
  });

  it('builds a bwrap command line: read-only root, the run\'s PID namespace joined, dying with katarun, tmpfs homes, binds, chdir into the sandbox path', () => {
    const ws = join(dir, 'ws');
    const spec = {bwrap: '/usr/bin/bwrap', hide: ['/home'], binds: [{from: join(ws, 'root'), to: '/root', writable: true}]};
    const w = wrapSpawn('bash', ['-c', 'true'], join(ws, 'root'), {PATH: '/usr/bin'}, spec);
    endSandbox(spec);
    // sh joins the run's namespace (held by a process of its own), then runs bwrap.
    expect(w.command).toBe('/bin/sh');
    expect(w.args[3]).toBe('/usr/bin/bwrap');
    expect(sandboxArgs(spec, join(ws, 'root'), {}).args.join(' ')).toContain('--die-with-parent --unshare-pid --as-pid-1');
    const a = w.args.slice(4).join(' ');
    expect(a).toContain('--die-with-parent --unshare-uts');
    expect(a).not.toContain('--unshare-pid');
    expect(a).toContain('--ro-bind / /');
    expect(a).toContain('--tmpfs /home');
    expect(a).toContain(`--bind ${join(ws, 'root')} /root`);
    // sh closes the namespace fds bwrap hands through, then becomes the command.
    expect(a).toMatch(/--chdir \/root -- \/bin\/sh -c exec "\$0" "\$@" 7<&- 8<&- bash -c true$/);
    // The workspace folder a bind needs is made (private) when missing.
    expect(statSync(join(ws, 'root')).mode & 0o777).toBe(0o700);
    // A target this machine does not have gets a tmpfs parent with the host's entries put back.
    const merged = sandboxArgs({bwrap: 'bwrap', hide: [], binds: [{from: ws, to: '/katarun-no-such-top/x', writable: true}]}, '/', {}).args.join(' ');
    expect(merged).not.toContain('--ro-bind / /');
    expect(merged).toContain('--ro-bind /usr /usr');
  });

  it("starts bwrap at the host's root, whatever folder inside the sandbox the process asks for", () => {
    // A shell snapshot says /root, which on the host is root's 0700 home: bwrap started there as
    // an unprivileged learner failed before it ran ('bash: permission denied' for every check).
    const spec = {bwrap: '/usr/bin/bwrap', hide: ['/home'], binds: [{from: join(dir, 'ws', 'root'), to: '/root', writable: true}]};
    const w = wrapSpawn('bash', ['-c', 'true'], '/root', {PATH: '/usr/bin'}, spec);
    endSandbox(spec);
    expect(w.cwd).toBe('/');
    expect(w.args.join(' ')).toMatch(/--chdir \/root -- \/bin\/sh -c .* bash -c true$/);
  });
});

describe('the one sanitiser', () => {
  it('removes bidi overrides and every escape form; shows controls escaped; spots hidden controls', () => {
    expect(sanitizeText('a\u202etxet\u2066b')).toBe('atxetb');
    expect(sanitizeText('x\u001bPq#0\u001b\\y\u001bcz\u009b2Jw')).toBe('xyzw');
    expect(stripEscapes('a\u001b]0;t\u0007b\rc')).toBe('ab\rc');
    expect(showControls('ls \u001b]0;\u0007')).toBe('ls \\x1b]0;\\x07');
    expect(hasHiddenControls('echo a\n\tb')).toBe(false);
    expect(hasHiddenControls('echo a\u001b[201~')).toBe(true);
  });
});

describe('writing into the workspace', () => {
  it('never through a symlink, never out through a linked folder', async () => {
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(join(dir, 'secret'), 'mine\n');
    symlinkSync(join(dir, 'secret'), join(ws, 'notes.txt'));
    symlinkSync(dir, join(ws, 'out'));
    expect(await rejection(writeInside(ws, join(ws, 'notes.txt'), 'x'))).toMatch(/is a symlink; katarun does not write through it/);
    expect(await rejection(readInside(ws, join(ws, 'notes.txt')))).toMatch(/is a symlink; katarun does not follow it/);
    expect(await rejection(writeInside(ws, join(ws, 'out', 'planted'), 'x'))).toMatch(/leads out of the workspace/);
    expect(readFileSync(join(dir, 'secret'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'planted'))).toBe(false);
    await writeInside(ws, join(ws, 'a', 'b.txt'), 'ok');
    expect(await readInside(ws, join(ws, 'a', 'b.txt'))).toBe('ok');
  });
});

describe('pruning', () => {
  it('keeps the newest runs and the current one; cuts a log to its end', () => {
    const runs = join(dir, 'runs');
    for (let i = 0; i < 8; i++) {
      mkdirSync(join(runs, `r${i}`), {recursive: true});
      utimesSync(join(runs, `r${i}`), 1000 + i, 1000 + i);
    }
    const removed = pruneOld(runs, 5, join(runs, 'r0'));
    expect(removed.map((p) => p.slice(-2)).sort()).toEqual(['r1', 'r2']);
    expect(existsSync(join(runs, 'r0'))).toBe(true);
    writeFileSync(join(runs, 'r7', 'big.log'), 'a'.repeat(100) + 'THE END');
    capLogs(runs, 10);
    expect(readFileSync(join(runs, 'r7', 'big.log'), 'utf8')).toBe('aaaTHE END');
  });
});
