// The one table of exit codes (documented in the README).
export const ExitCode = {
    ok: 0,
    stepFailed: 1,
    invalid: 2,
    envNotReady: 3,
    interrupted: 130,
};
/** A mistake of the user's (bad flag, missing folder): printed as one line, never a stack trace. */
export class UserError extends Error {
    exitCode;
    hint;
    constructor(message, exitCode = ExitCode.invalid, hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
        this.name = 'UserError';
    }
}
//# sourceMappingURL=exit-codes.js.map