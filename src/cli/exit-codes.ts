// The one table of exit codes (documented in the README).
export const ExitCode = {
  ok: 0,
  stepFailed: 1,
  invalid: 2,
  envNotReady: 3,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake of the user's (bad flag, missing folder): printed as one line, never a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.invalid,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
