import {describe, expect, test} from 'vitest';
import {copyText, osc52, screenWrap, type ClipboardDeps} from '../../src/render/clipboard.js';

function deps(env: Record<string, string>, ok: (cmd: string) => boolean, platform: NodeJS.Platform = 'linux', tty = true) {
  const calls: Array<{cmd: string; args: readonly string[]; input: string}> = [];
  const written: string[] = [];
  const d: ClipboardDeps = {
    env,
    platform,
    run: async (cmd, args, input) => {
      calls.push({cmd, args, input});
      return ok(cmd);
    },
    writeTty: tty ? (data) => written.push(data) : undefined,
  };
  return {d, calls, written};
}

describe('copyText', () => {
  test('inside tmux: load-buffer -w with the text on stdin, nothing written to the tty', async () => {
    const {d, calls, written} = deps({TMUX: '/tmp/tmux-1/default,1,0'}, () => true);
    const r = await copyText('kubectl get pods', d);
    expect(r).toEqual({method: 'tmux', text: 'kubectl get pods', ok: true});
    expect(calls).toEqual([{cmd: 'tmux', args: ['load-buffer', '-w', '-'], input: 'kubectl get pods'}]);
    expect(written).toEqual([]);
  });

  test('tmux refusing -w falls back to OSC 52', async () => {
    const {d, written} = deps({TMUX: 'x'}, () => false);
    const r = await copyText('ls', d);
    expect(r.method).toBe('osc52');
    expect(written).toEqual([osc52('ls')]);
  });

  test('over SSH: OSC 52 only, desktop tools are not tried', async () => {
    const {d, calls, written} = deps({SSH_TTY: '/dev/pts/1', DISPLAY: ':0'}, () => true);
    const r = await copyText('echo ✓', d);
    expect(r.method).toBe('osc52');
    expect(written[0]).toBe(`\u001b]52;c;${Buffer.from('echo ✓').toString('base64')}\u0007`);
    expect(calls).toEqual([]);
  });

  test('a local desktop also gets the desktop clipboard', async () => {
    const {d, calls} = deps({DISPLAY: ':0'}, (cmd) => cmd === 'xsel');
    const r = await copyText('x', d);
    expect(r.method).toBe('desktop');
    expect(calls.map((c) => c.cmd)).toEqual(['xclip', 'xsel']);
  });

  test('no tty and no desktop: says nothing was reached, still returns the text', async () => {
    const {d} = deps({}, () => true, 'linux', false);
    expect(await copyText('x', d)).toEqual({method: 'none', text: 'x', ok: false});
  });

  test('a failing runner is not fatal', async () => {
    const d: ClipboardDeps = {env: {TMUX: 'x'}, platform: 'linux', run: async () => { throw new Error('ENOENT'); }};
    expect((await copyText('x', d)).method).toBe('none');
  });

  test('GNU screen gets the sequence wrapped in its DCS', async () => {
    const {d, written} = deps({STY: '123.pts'}, () => false);
    await copyText('x', d);
    expect(written[0]).toBe(screenWrap(osc52('x')));
    expect(written[0]!.startsWith('\u001bP\u001b]52;')).toBe(true);
  });
});
