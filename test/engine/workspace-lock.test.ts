// The lock on a scenario's workspace: taken once, refused to a second holder with the owner's
// pid, stale when its owner died or its pid now belongs to another program, released only by
// its owner, private (0600).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {lockFileFor, lockWorkspace, processStartTime} from '../../src/engine/workspace-lock.js';

const root = mkdtempSync(join(tmpdir(), 'katarun-lock-'));
mkdirSync(join(root, 'workspaces'));
afterAll(() => rmSync(root, {recursive: true, force: true}));
let n = 0;
const workspace = () => join(root, 'workspaces', `demo-${++n}`);

/** A pid that was a process a moment ago and is gone now. */
function deadPid(): number {
  const r = spawnSync('true');
  return r.pid!;
}

describe('lockWorkspace', () => {
  it('is taken once; a live owner (here: the parent of this test) keeps it; release frees it', () => {
    const ws = workspace();
    const mine = lockWorkspace(ws);
    expect(mine.ok).toBe(true);
    expect(statSync(lockFileFor(ws)).mode & 0o777).toBe(0o600);
    // Another live process holds it: written as that process would have.
    const other = {pid: process.ppid, started: processStartTime(process.ppid), at: 1};
    if (mine.ok) mine.release();
    expect(existsSync(lockFileFor(ws))).toBe(false);
    writeFileSync(lockFileFor(ws), JSON.stringify(other));
    const second = lockWorkspace(ws);
    expect(second).toEqual({ok: false, owner: other});
  });

  it('a lock whose owner died, or whose pid started at another time, is stale and taken over', () => {
    const ws = workspace();
    writeFileSync(lockFileFor(ws), JSON.stringify({pid: deadPid(), started: '1', at: 1}));
    const taken = lockWorkspace(ws);
    expect(taken.ok).toBe(true);
    if (taken.ok) taken.release();
    writeFileSync(lockFileFor(ws), JSON.stringify({pid: process.ppid, started: 'not-its-start-time', at: 1}));
    expect(lockWorkspace(ws).ok).toBe(true);
  });

  it('a garbled lock file is stale too; release leaves a lock another katarun took alone', () => {
    const ws = workspace();
    writeFileSync(lockFileFor(ws), 'not json');
    const taken = lockWorkspace(ws);
    expect(taken.ok).toBe(true);
    const theirs = JSON.stringify({pid: process.ppid, started: processStartTime(process.ppid), at: 2});
    writeFileSync(lockFileFor(ws), theirs);
    if (taken.ok) taken.release();
    expect(readFileSync(lockFileFor(ws), 'utf8')).toBe(theirs);
  });
});
