// The PTY shell knows whether it is at its prompt: a command the learner typed makes it busy
// and a queued command waits (or is cancelled) instead of being typed into that program;
// a REPL in the foreground is recognised as reading the terminal; `exec bash` and a
// function named `printf` do not break the markers.

import {describe, expect, it} from 'vitest';
import {ptyAvailable, sessionStarter, waitFor} from './helpers.js';

const start = sessionStarter();
const pty = async () => (await start('pty')).s;

const hasPython = (await import('node:child_process')).spawnSync('python3', ['-c', '1']).status === 0;

// Without the optional PTY addon there is no prompt to watch (the pipe session has no learner typing).
describe.runIf(ptyAvailable)('PTY session: busy terminal', () => {
  it('a command typed by the learner makes the terminal busy; a queued command waits for the prompt and is not swallowed', async () => {
    const s = await pty();
    expect(s.atPrompt).toBe(true);
    s.write('sleep 30\r');
    expect(await waitFor(() => !s.atPrompt, 5000)).toBe(true);
    expect(await waitFor(() => s.foreground()?.command === 'sleep 30', 5000)).toBe(true);
    expect(s.foreground()?.readsTerminal).toBe(false);
    let done = false;
    const queued = s.run('echo after-sleep').then((r) => ((done = true), r));
    // Still waiting while sleep holds the terminal: nothing was typed into it.
    await expect(waitFor(() => s.screen().includes('after-sleep'), 300)).rejects.toThrow();
    expect(done).toBe(false);
    s.write('\x03');
    const r = await queued;
    expect(r.exitCode).toBe(0);
    expect(r.tail).toEqual(['after-sleep']);
    // The prompt's own marker follows the command's end marker: wait for it, not assume it.
    expect(await waitFor(() => s.atPrompt, 5000)).toBe(true);
    // Nothing of katarun's own text reached the screen.
    expect(s.screen()).not.toContain('__kc_d');
  });

  it('a command waiting for a busy terminal is cancelled by its signal, unsent', async () => {
    const s = await pty();
    s.write('sleep 30\r');
    // Ctrl-C must reach the sleep itself, not the shell in the moment before it forks.
    expect(await waitFor(() => s.foreground()?.command === 'sleep 30', 5000)).toBe(true);
    const ac = new AbortController();
    const waiting = s.run('echo never > /dev/null', {signal: ac.signal});
    ac.abort();
    expect(await waiting).toMatchObject({cancelled: true, exitCode: 130});
    s.write('\x03');
    expect(await waitFor(() => s.atPrompt, 5000)).toBe(true);
    expect((await s.run('echo free')).tail).toEqual(['free']);
    expect(s.screen()).not.toContain('never');
  });

  it.runIf(hasPython)('a REPL in the foreground reads the terminal; a sleep does not', async () => {
    const s = await pty();
    s.write('python3 -q\r');
    expect(await waitFor(() => s.foreground()?.readsTerminal === true, 8000)).toBe(true);
    expect(s.foreground()?.command).toMatch(/python3/);
    s.write('print(6*7)\r');
    expect(await waitFor(() => s.screen().includes('42'), 5000)).toBe(true);
    s.write('exit()\r');
    expect(await waitFor(() => s.atPrompt, 5000)).toBe(true);
  });

  it('`exec bash` in a command: the new bash is re-attached, the command ends, exports and folder carry over', async () => {
    const s = await pty();
    await s.run('export KEEP_ME=yes; mkdir -p sub && cd sub');
    // A plain `exec bash` reads ~/.bashrc, which may add to PROMPT_COMMAND (pyenv does).
    let replacedHeard = 0;
    s.onReplaced(() => replacedHeard++);
    const r = await s.run(`exec bash --rcfile <(echo 'PROMPT_COMMAND="true;$PROMPT_COMMAND"')`);
    expect(r.replaced).toBe(true);
    expect(replacedHeard).toBe(1);
    const after = await s.run('echo "$KEEP_ME $(basename "$PWD")"');
    expect(after.tail).toEqual(['yes sub']);
    // A mark without words: the engine's notice says what happened, in the learner's language.
    expect(s.screen()).toContain('── katarun ⇄ T1 · exec ──');
    expect(s.screen()).not.toContain('replaced');
    // A redirect-only exec keeps the shell: nothing is replaced and commands go on.
    const redirect = await s.run('exec 3>/dev/null');
    expect(redirect.replaced).toBeUndefined();
    expect((await s.run('echo still')).tail).toEqual(['still']);
  });

  it('a function named printf (or export, cd, read) does not break the markers', async () => {
    const s = await pty();
    await s.run('printf() { echo shadowed; }; export() { :; }; cd() { :; }; read() { :; }');
    const r = await s.run('echo fine');
    expect(r.tail).toEqual(['fine']);
    expect((await s.run('false')).exitCode).toBe(1);
  });
});
