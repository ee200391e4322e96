// The engine's only door to processes: everything it starts goes through src/shell. Kept
// as one small interface so the engine's own logic can be read (and reasoned about)
// without the shell layer's details.

import type {Script} from '../scenario/model.js';
import type {BackgroundHandle, ProcessOptions, ProcessResult, SandboxSpec, ShellSession, ShellSessionOptions} from '../shell/types.js';

export interface ShellPort {
  createSession(options: ShellSessionOptions): Promise<ShellSession>;
  /** Run a scenario script (bash or zx by its language) to completion. */
  runScript(script: Script, options: ProcessOptions & {readonly args?: readonly string[]}): Promise<ProcessResult>;
  /** Start a scenario script detached, output to `logFile`; it is killed at dispose. */
  startBackground(
    script: Script,
    options: {readonly cwd: string; readonly env: Readonly<Record<string, string>>; readonly logFile: string; readonly sandbox?: SandboxSpec},
  ): Promise<BackgroundHandle>;
  /** The bytes a `ctrl-seq` action names (`^C` → "\x03"), or undefined when unknown. */
  ctrlSequenceBytes(text: string): string | undefined;
  /** A path as the scenario's processes see it (`/root/app` in the sandbox), on this machine. Identity when absent. */
  hostPath?(path: string): string;
}
