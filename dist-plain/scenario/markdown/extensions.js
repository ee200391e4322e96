// The tokenizer extensions, in the order marked should try them, and one shared lexer.
// The render layer builds its own Marked with the same extensions plus renderers.
import { Marked } from 'marked';
import { detailsExtension } from './details.js';
import { fencedActionExtension } from './fenced-action.js';
import { htmlLeadExtension } from './html-lead.js';
import { inlineActionExtension } from './inline-action.js';
import { preFileExtension } from './pre-file.js';
import { quizExtension } from './quiz.js';
export { detailsExtension, htmlLeadExtension, fencedActionExtension, inlineActionExtension, preFileExtension, quizExtension };
export const katarunExtensions = [
    detailsExtension,
    htmlLeadExtension,
    fencedActionExtension,
    preFileExtension,
    quizExtension,
    inlineActionExtension,
];
let shared;
/** A Marked that only lexes (no renderers). Never changed after creation, so it is safe to share. */
export function lexingMarked() {
    shared ??= new Marked({ gfm: true, extensions: [...katarunExtensions] });
    return shared;
}
//# sourceMappingURL=extensions.js.map