// The tokenizer extensions, in the order marked should try them, and one shared lexer.
// The render layer builds its own Marked with the same extensions plus renderers.

import {Marked, type TokenizerExtension} from 'marked';
import {detailsExtension} from './details.js';
import {fencedActionExtension} from './fenced-action.js';
import {htmlLeadExtension} from './html-lead.js';
import {inlineActionExtension} from './inline-action.js';
import {preFileExtension} from './pre-file.js';
import {quizExtension} from './quiz.js';

export {detailsExtension, htmlLeadExtension, fencedActionExtension, inlineActionExtension, preFileExtension, quizExtension};

export const katarunExtensions: readonly TokenizerExtension[] = [
  detailsExtension,
  htmlLeadExtension,
  fencedActionExtension,
  preFileExtension,
  quizExtension,
  inlineActionExtension,
];

let shared: Marked | undefined;

/** A Marked that only lexes (no renderers). Never changed after creation, so it is safe to share. */
export function lexingMarked(): Marked {
  shared ??= new Marked({gfm: true, extensions: [...katarunExtensions]});
  return shared;
}
