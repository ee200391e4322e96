// Options of createEngine, and the extra controls the headless runner uses on top of the
// Engine interface the TUI sees.

import type {Diagnostic, TerminalId} from '../scenario/model.js';
import type {CommandResult, ProcessResult} from '../shell/types.js';
import type {EngineDirs} from './dirs.js';
import type {PreflightReport} from './environment/types.js';
import type {ShellPort} from './shell-port.js';
import type {Engine} from './types.js';
import type {PollOutcome} from './verify-poller.js';
import type {PathMapper} from './workspace.js';
import type {SandboxCapability, SandboxMode} from './scenario-world.js';

export interface EngineOptions {
  /** `auto` = PTY when available, else pipes (the TUI); headless picks per scenario (headless/shell-choice.ts). */
  readonly shell?: 'auto' | 'pty' | 'pipe';
  /** `--check-timeout`: overrides every step's own check timeout. */
  readonly checkTimeoutMs?: number;
  /** `--setup-timeout`: stop the scenario's setup script (and fail the run) after this long (default 30 min). */
  readonly setupTimeoutMs?: number;
  /** Kill a single command after this long (headless backstop; default: none). */
  readonly commandTimeoutMs?: number;
  /** The user's environment the shells start from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Create the kind cluster when missing (the TUI asks; headless needs `--create-cluster`). */
  readonly createCluster?: boolean;
  /** Use a kind cluster of the scenario's name that katarun did not create (refused otherwise). */
  readonly useExistingCluster?: boolean;
  /** Use this kube context instead of a kind cluster. */
  readonly context?: string;
  /** XDG folders (default: from the environment). */
  readonly dirs?: EngineDirs;
  readonly now?: () => number;
  /** Coalesce terminal output for this long before updating the store (default 75 ms). */
  readonly outputBatchMs?: number;
  /** Start polling a step's check by itself once its exec actions have run (default true; headless false). */
  readonly autoCheck?: boolean;
  /** Load and save progress (default true; headless false, so a CI run never clobbers a learner's bookmark). */
  readonly progress?: boolean;
  /** Empty the workspace on start (default: when starting at the first step). */
  readonly freshWorkspace?: boolean;
  /** Terminal size for PTY shells. */
  readonly size?: {readonly cols: number; readonly rows: number};
  /** `--sandbox`: bwrap where it works (`auto`, the default), bwrap or fail (`bwrap`), or none. */
  readonly sandbox?: SandboxMode;
  /** A headless run's own id: its workspace and logs are its own (absent: the scenario's workspace, as the TUI uses). */
  readonly runId?: string;
  /** Overrides for tests: the shell layer and the Katacoda path mapping. */
  readonly port?: ShellPort;
  readonly mapPath?: PathMapper;
}

/** What `katarun test` drives, beyond what the TUI needs. */
export interface RunEngine extends Engine {
  readonly workspace: string;
  /** Why the scenario may not run at all (errors); empty when it may. */
  problems(): Diagnostic[];
  preflight(): Promise<PreflightReport>;
  /** Show step `index` (no gating), start its scripts. */
  goTo(index: number): void;
  /** Resolves when the current page's foreground script has been typed and finished. */
  pageReady(): Promise<void>;
  /** Run the step's solution: bash runs in T1 as `bash <file>` (it sees the learner's shell, cannot change it), zx as a process. */
  runSolution(step: number): Promise<CommandResult | ProcessResult | undefined>;
  /**
   * After an action in `terminal` (`ended`: its run): 'prompt' once it ended and the shell is at
   * its prompt, 'input' once a program there (a REPL, an editor, `cat`) waits for typed input.
   */
  settleTerminal(terminal: TerminalId, ended: Promise<unknown>, signal: AbortSignal): Promise<'prompt' | 'input'>;
  /** The command running in `terminal` is a server: one of its processes listens on a TCP port. */
  serving(terminal: TerminalId): Promise<boolean>;
  /** A program other than the shell holds `terminal` and waits for typed input now. */
  awaitsInput(terminal: TerminalId): Promise<boolean>;
  /** The program names of `terminal`'s foreground job, not the shell (`['git', 'less']`); empty at the prompt or for pipes. */
  foregroundPrograms(terminal: TerminalId): Promise<string[]>;
  /** Keys typed into `terminal` as they are, for the program holding it (`q`, Ctrl-D); no Enter added. */
  typeKeys(terminal: TerminalId, keys: string): Promise<void>;
  /** Poll the step's check to the end (pass or timeout); undefined when it has none. */
  checkToEnd(step: number): Promise<PollOutcome | undefined>;
  /** Record the step's result (headless decides it), with its event. */
  finishStep(step: number, status: 'passed' | 'failed' | 'not-run'): void;
  /** Show the finish page. */
  finish(): void;
  /** The raw log folder of this run (terminal logs, background logs). */
  readonly logDir: string;
  /** Whether the scenario's processes run in a sandbox, and why not. */
  readonly sandbox: SandboxCapability;
}
