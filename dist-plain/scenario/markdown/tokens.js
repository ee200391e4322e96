// The marked token types katarun adds. The tokenizers here create them; the render layer
// registers renderers under the same names. lexPage() stamps `action`/`actionId` (and
// `quiz`) onto them, so a renderer can label exactly what the engine will run.
export const TOKEN_TYPES = ['katarunAction', 'katarunBlock', 'katarunFile', 'katarunQuiz', 'katarunDetails'];
//# sourceMappingURL=tokens.js.map