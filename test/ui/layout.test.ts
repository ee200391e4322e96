import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {quizLayout, stepLayout} from '../../src/ui/layout.js';
import {middleEllipsis} from '../../src/ui/LiveTail.js';
import {shortFolder} from '../../src/engine/terminals.js';
import {clockDuration as formatDuration} from '../../src/render/duration.js';
import {difficultyLabel, progressBar, stepEstimateMinutes, terminalLabel, terminalNames} from '../../src/ui/format.js';
import {translator} from '../../src/render/i18n.js';

describe('stepLayout', () => {
  test('the live region is always shorter than the terminal', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 200}), fc.nat(40), fc.integer({min: 1, max: 8}), fc.boolean(), fc.boolean(), (rows, actions, checkLines, notice, output) => {
        const l = stepLayout({rows, actions, checkLines, notice, output});
        expect(l.total).toBeLessThan(rows);
        expect(l.total).toBe(l.header + l.actions + l.tail + l.check + l.notice + l.keys);
        for (const part of [l.header, l.actions, l.tail, l.check, l.notice, l.keys]) expect(part).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test('at 80×24 everything fits, with a useful output tail', () => {
    const l = stepLayout({rows: 24, actions: 3, checkLines: 1, notice: true, output: true});
    expect(l).toMatchObject({header: 1, actions: 3, check: 1, notice: 1, keys: 1});
    expect(l.tail).toBe(12);
  });

  test('a tiny terminal keeps the key hints and the header first', () => {
    expect(stepLayout({rows: 3, actions: 5, checkLines: 3, notice: true, output: true})).toMatchObject({keys: 1, header: 1, check: 0, actions: 0, tail: 0});
  });
});

describe('format', () => {
  test('durations and the progress bar', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(progressBar(1, 4)).toBe('▰▱▱▱');
    expect(progressBar(4, 4)).toBe('▰▰▰▰');
  });
});

describe('a step\'s time estimate', () => {
  const steps = (...minutes: Array<number | undefined>) => minutes.map((timeMinutes) => (timeMinutes === undefined ? {} : {timeMinutes}));
  test("the step's own estimate wins; else an even share of the scenario's, in whole minutes, at least 1", () => {
    expect(stepEstimateMinutes({timeMinutes: 30, steps: steps(7, undefined)}, 0)).toBe(7);
    expect(stepEstimateMinutes({timeMinutes: 30, steps: steps(7, undefined)}, 1)).toBe(15);
    expect(stepEstimateMinutes({timeMinutes: 5, steps: steps(undefined, undefined, undefined, undefined)}, 2)).toBe(1);
    expect(stepEstimateMinutes({timeMinutes: 2, steps: steps(undefined, undefined, undefined, undefined, undefined)}, 0)).toBe(1);
  });
  test('no estimate at all: none shown', () => {
    expect(stepEstimateMinutes({steps: steps(undefined)}, 0)).toBeUndefined();
    expect(stepEstimateMinutes({timeMinutes: 0, steps: steps(undefined)}, 0)).toBeUndefined();
  });
});

describe('quiz layout', () => {
  test('fits any terminal, the question, an option and the keys first', () => {
    for (const rows of [2, 4, 6, 10, 24]) {
      const l = quizLayout({rows, questionLines: 9, options: 12, input: false, feedback: true, message: true});
      expect(l.total).toBeLessThan(Math.max(rows, 1));
    }
    expect(quizLayout({rows: 6, questionLines: 3, options: 5, input: false, feedback: true, message: false})).toMatchObject({keys: 1, header: 1, question: 1, options: 1, feedback: 1});
    expect(quizLayout({rows: 24, questionLines: 9, options: 3, input: false, feedback: true, message: true})).toMatchObject({question: 4, options: 3, message: 1});
    expect(quizLayout({rows: 24, questionLines: 1, options: 0, input: true, feedback: false, message: false})).toMatchObject({input: 1, total: 4});
  });
});

describe('difficulty', () => {
  test("the common English words speak the UI's language; anything else is shown as written", () => {
    const ru = translator('ru');
    expect(difficultyLabel('beginner', ru)).toBe('начальный');
    expect(difficultyLabel(' Intermediate ', ru)).toBe('средний');
    expect(difficultyLabel('hard', ru)).toBe('продвинутый');
    expect(difficultyLabel('beginner', translator('en'))).toBe('beginner');
    expect(difficultyLabel('для всех', ru)).toBe('для всех');
  });
});

describe('terminal names', () => {
  test("the scenario's names for T2, T3… are kept (made safe, on one line); Katacoda's default 'Terminal N' is not", () => {
    const names = terminalNames([{name: 'Stats'}, {name: 'Terminal 3'}, {name: 'gethostlatency\u001b[2J\n端末'}]);
    expect(names).toEqual({T2: 'Stats', T4: 'gethostlatency 端末'});
    expect(terminalLabel('T2', names)).toBe('T2 Stats');
    expect(terminalLabel('T3', names)).toBe('T3');
  });
});

describe('the live view prompt', () => {
  test('a long command is cut in the middle to the width, its start and end kept', () => {
    expect(middleEllipsis('short', 10)).toBe('short');
    expect(middleEllipsis('abcdefghijklmnopqrstuvwxyz', 11)).toBe('abcdef…wxyz');
    fc.assert(
      fc.property(fc.string({minLength: 0, maxLength: 200}), fc.integer({min: 2, max: 120}), (text, width) => {
        const cut = middleEllipsis(text, width);
        expect(Array.from(cut).length).toBeLessThanOrEqual(Math.max(width, 0));
        if (Array.from(text).length <= width) expect(cut).toBe(text);
        else expect(cut).toContain('…');
      }),
    );
  });

  test('the folder is short: ~ for the home, ~/sub below it, the full path elsewhere', () => {
    expect(shortFolder('/root', '/root')).toBe('~');
    expect(shortFolder('/root', '/root/demo/deeper')).toBe('~/demo/deeper');
    expect(shortFolder('/root', '/tmp')).toBe('/tmp');
    expect(shortFolder('/root', '/rooted')).toBe('/rooted');
  });
});
