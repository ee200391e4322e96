// The terminal board prints what learners sent as text: even a view that still held escapes
// (an older server, a crafted answer) cannot move the cursor, set a title or the clipboard.
import {describe, expect, it} from 'vitest';
import {formatBoard} from '../../src/class/terminal-board.js';
import {parseBoardUrl, parseJoinTarget} from '../../src/class/join-target.js';
import {translator} from '../../src/render/i18n.js';
import type {BoardView} from '../../src/class/board-view.js';
import {thrownWords} from '../words.js';

const cell = (status: 'passed' | 'active' | 'pending', lastFail?: string) => ({status, timeMs: 65_000, estimateMin: 1, attempts: 1, hints: 0, solution: false, ...(lastFail ? {lastFail} : {})});

describe('terminal board', () => {
  it('sanitises names and FAIL lines, and sorts nothing itself (the server did)', () => {
    const view: BoardView = {
      now: Date.UTC(2026, 0, 1, 10),
      joinCode: 'ABC234',
      scenarios: [{id: 'basics', title: 'Basics', learners: 1, finished: 0, ready: 0, notReady: 0, hands: 1, steps: [{step: 0, title: 'One', passed: 0, on: 1, stuck: 1, failing: 1, topFails: [{line: 'x\u001b]52;c;aGk=\u0007y', count: 1}]}]}],
      learners: [
        {id: 'a', name: '<script>\u001b[2J\u001b]0;pwned\u0007Eve', scenario: {id: 'basics', title: 'Basics'}, currentStep: 0, steps: [cell('active', 'port\u001b[31m 8080')], hand: {step: 0, at: 1}, stuck: true, finished: false, away: false, urgency: 0, joinedAt: 0, lastSeen: 0, events: 3},
      ],
    };
    const out = formatBoard(view, translator('en'), 200).join('\n');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('<script>Eve');
    expect(out).toContain('1× xy');
    expect(out).toContain('✋ hand up · ⚠ stuck  FAIL: port 8080');
    expect(out).toContain('step 1/1 1:05/1m');
  });

  it('shows an hour and more as the page and the TUI do (h:mm:ss), not as 75 minutes', () => {
    const view: BoardView = {
      now: Date.UTC(2026, 0, 1, 10),
      joinCode: 'ABC234',
      scenarios: [],
      learners: [{id: 'a', name: 'Ann', scenario: {id: 'basics', title: 'Basics'}, currentStep: 0, steps: [{...cell('active'), timeMs: 75 * 60_000 + 5_000}], stuck: false, finished: false, away: false, urgency: 0, joinedAt: 0, lastSeen: 0, events: 1}],
    };
    expect(formatBoard(view, translator('en'), 200).join('\n')).toContain('step 1/1 1:15:05/1m');
  });

  it('reads join and board URLs, and says what a bad one lacks', () => {
    expect(parseJoinTarget('http://192.168.1.20:8642/j/abc234')).toEqual({base: 'http://192.168.1.20:8642', code: 'ABC234'});
    expect(parseJoinTarget('192.168.1.20:8642/ABC234')).toEqual({base: 'http://192.168.1.20:8642', code: 'ABC234'});
    expect(parseJoinTarget('ABC234', {KATARUN_CLASS_SERVER: '10.0.0.5:8642'})).toEqual({base: 'http://10.0.0.5:8642', code: 'ABC234'});
    expect(thrownWords(() => parseJoinTarget('ABC234', {}))).toMatch(/a code without a server/);
    expect(thrownWords(() => parseJoinTarget('ftp://h/j/ABC234'))).toMatch(/'ftp:' is not http/);
    expect(parseBoardUrl('http://127.0.0.1:8642/board#token=t0k', undefined)).toEqual({base: 'http://127.0.0.1:8642', token: 't0k'});
    expect(thrownWords(() => parseBoardUrl('http://127.0.0.1:8642/board', undefined))).toMatch(/no token/);
  });
});
