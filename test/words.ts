// What the engine hands up (messages, plain text, errors) in the words a learner reads: the
// tests translate at the edge, as the UI and the reporters do.
import type {PreflightCheck} from '../src/engine/environment/types.js';
import {errorParam, say, translator, userErrorText, type Message, type Text, type Translate} from '../src/render/i18n.js';

export const english = translator('en');

export const words = (text: Text, t: Translate = english): string => say(t, text);

export const errorWords = (err: unknown, t: Translate = english): string => say(t, errorParam(err));

/** A machine check with its detail and fix as sentences. */
export function checkWords(c: PreflightCheck, t: Translate = english): Omit<PreflightCheck, 'detail' | 'fix'> & {detail: string; fix?: string} {
  const {detail, fix, ...rest} = c;
  return {...rest, detail: say(t, detail), ...(fix !== undefined ? {fix: say(t, fix)} : {})};
}

/** A promise that must reject: its error in words. */
export async function rejection(p: Promise<unknown>, t: Translate = english): Promise<string> {
  try {
    await p;
  } catch (err) {
    return errorWords(err, t);
  }
  throw new Error('expected a rejection');
}

/** A usage error's hint in words ('' when it has none). */
export const hintWords = (err: {readonly hint?: Message | undefined}, t: Translate = english): string => (err.hint ? t(err.hint) : '');

/** A usage error as main.ts prints it after `katarun: error:`: its sentence, then its hint. */
export const userErrorWords = (err: {readonly msg: Message; readonly hint?: Message | undefined}, t: Translate = english): string => userErrorText(t, err);

/**
 * The lines of `text` that hold an English sentence: four Latin words in a row (commands, flags,
 * paths and ids are shorter, or broken by `<`, `'`, `-`, `=`, `/`).
 */
export const englishLines = (text: string): string[] => text.split('\n').filter((line) => /\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){3}\b/.test(line));

/** What `fn` throws, in words: a usage error's sentence and hint, or another error's text. */
export function thrownWords(fn: () => unknown, t: Translate = english): string {
  try {
    fn();
  } catch (err) {
    const e = err as {msg?: Message; hint?: Message};
    return e.msg ? userErrorWords({msg: e.msg, hint: e.hint}, t) : errorWords(err, t);
  }
  throw new Error('expected a throw');
}
