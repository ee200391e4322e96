// The marked token types katarun adds. The tokenizers here create them; the render layer
// registers renderers under the same names. lexPage() stamps `action`/`actionId` (and
// `quiz`) onto them, so a renderer can label exactly what the engine will run.

import type {Token, Tokens} from 'marked';
import type {Action, Quiz} from '../model.js';

export const TOKEN_TYPES = ['katarunAction', 'katarunBlock', 'katarunFile', 'katarunQuiz', 'katarunDetails'] as const;
export type KatarunTokenType = (typeof TOKEN_TYPES)[number];

/** What the `{{…}}` after code asks for. `none` = `{{}}` (plain code); `unknown` = a verb we don't know. */
export type ActionVerb = 'exec' | 'copy' | 'open' | 'none' | 'unknown';

interface ActionCarrier {
  /** The action built from this token; absent for `{{}}`/unknown verbs. */
  action?: Action;
  actionId?: number;
}

/** `` `cmd`{{execute T2}} `` */
export interface ActionToken extends Tokens.Generic, ActionCarrier {
  type: 'katarunAction';
  raw: string;
  text: string;
  verb: ActionVerb;
  /** The words inside the braces after the verb, quotes removed (`T2`, `interrupt`). */
  modifiers: string[];
  /** The braces as written, e.g. `{{execute "T2"}}`. */
  marker: string;
}

/** A fenced block whose closing fence carries the action: ```` ```{{exec}} ```` */
export interface BlockToken extends Tokens.Generic, ActionCarrier {
  type: 'katarunBlock';
  raw: string;
  /** Language from the info string (`bash`, `yaml`), without line highlights like `{2,5}`. */
  lang: string;
  text: string;
  verb: ActionVerb;
  modifiers: string[];
  marker: string;
}

/** `<pre class="file" data-filename=… data-target=…>` */
export interface FileToken extends Tokens.Generic, ActionCarrier {
  type: 'katarunFile';
  raw: string;
  text: string;
  filename?: string;
  /** data-target as written (lower-cased); `replace` when absent. */
  target: string;
  marker?: string;
}

export interface QuizToken extends Tokens.Generic {
  type: 'katarunQuiz';
  raw: string;
  label?: string;
  question: string;
  kind: Quiz['kind'] | 'mixed' | 'empty';
  options: string[];
  /** The style of each answer line, in order (a quiz should use one style). */
  optionKinds: Quiz['kind'][];
  correct: number[];
  quiz?: Quiz;
}

/** `<details><summary>Hint</summary> … </details>`, its inside lexed as markdown. */
export interface DetailsToken extends Tokens.Generic {
  type: 'katarunDetails';
  raw: string;
  summary: string;
  role: 'hint' | 'solution' | 'other';
  /** The markdown between `</summary>` and `</details>`. */
  body: string;
  open: boolean;
  /** No `</details>`: the block runs to the end of the page, as a browser would show it. */
  unclosed?: boolean;
  tokens: Token[];
}

export type KatarunToken = ActionToken | BlockToken | FileToken | QuizToken | DetailsToken;
