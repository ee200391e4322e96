// The cheap test that stands in front of string-width's RGI_Emoji regexp in the bundle
// (scripts/bundle.mjs): a segment that fails it cannot be an RGI emoji, so the ~13 ms regexp is
// compiled only when a segment could be one. Every RGI emoji sequence holds a pictograph, an
// emoji-presentation character, a skin-tone modifier, a regional indicator, U+20E3 or U+FE0F;
// test/scripts/emoji-prefilter.test.ts checks that against V8's own RGI_Emoji.
export const MAY_BE_EMOJI_SOURCE = String.raw`[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3\uFE0F]`;
