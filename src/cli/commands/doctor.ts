// Placeholder until the 'doctor' command lands; it says so instead of pretending to work.
import {UserError} from '../exit-codes.js';

export async function run(_argv: string[]): Promise<number> {
  throw new UserError("'doctor' is not available in this build yet", 2);
}
