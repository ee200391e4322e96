// The one table of exit codes (documented in the README).
import type {Message} from '../render/i18n.js';

export const ExitCode = {
  ok: 0,
  stepFailed: 1,
  invalid: 2,
  envNotReady: 3,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A mistake of the user's (bad flag, missing folder): printed as one line, never a stack trace,
 * in the user's language — its words are a message (and a hint, another), translated where
 * main.ts prints it (`userErrorLine` in render/i18n.ts). Its `message` is the code, for logs.
 */
export class UserError extends Error {
  constructor(
    readonly msg: Message,
    readonly exitCode: number = ExitCode.invalid,
    readonly hint?: Message,
  ) {
    super(msg.code);
    this.name = 'UserError';
  }
}
