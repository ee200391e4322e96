// The bundle puts a cheap test in front of string-width's RGI_Emoji regexp
// (scripts/emoji-prefilter.mjs): it must let every RGI emoji through, or an emoji would be
// measured one column wide and the TUI's lines would overflow.
import {describe, expect, it} from 'vitest';
// @ts-expect-error a plain .mjs build script, no types
import {MAY_BE_EMOJI_SOURCE} from '../../scripts/emoji-prefilter.mjs';

const rgi = /^\p{RGI_Emoji}$/v;
const mayBe = new RegExp(MAY_BE_EMOJI_SOURCE as string, 'u');

describe('the emoji prefilter', () => {
  it('passes every RGI emoji V8 knows of one code point, with FE0F and keycaps, every flag pair and the long sequences', () => {
    const found: string[] = [];
    const missed: string[] = [];
    const consider = (s: string) => {
      if (!rgi.test(s)) return;
      found.push(s);
      if (!mayBe.test(s)) missed.push(s);
    };
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      for (const s of [c, `${c}\uFE0F`, `${c}\uFE0F\u20E3`, `${c}\u20E3`]) consider(s);
    }
    for (let a = 0x1f1e6; a <= 0x1f1ff; a++) for (let b = 0x1f1e6; b <= 0x1f1ff; b++) consider(String.fromCodePoint(a, b));
    for (const s of ['👨‍👩‍👧‍👦', '👍🏽', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏳️‍🌈', '❤️‍🔥', '🧑🏿‍🚀', '#️⃣', '*️⃣']) consider(s);
    expect(found.length).toBeGreaterThan(1500);
    expect(missed).toEqual([]);
    // CPU-bound: every code point through the /v RGI_Emoji test, a few seconds alone and about a
    // minute with a CPU hog beside the whole suite; the deadline is for a hang, not for speed.
  }, 180_000);

  it("stops the text an intro is made of (letters, Cyrillic, CJK, the key hints' dots and dashes); pictographs like ▶ ✔ go on to the full test", () => {
    for (const s of ['a', 'Ж', '中', '·', '–', '…', '→', '│', '⧉', '✘', '⏎']) expect(mayBe.test(s), s).toBe(false);
    for (const s of ['▶', '✔']) expect(mayBe.test(s), s).toBe(true);
  });
});
