// What the CLI hands the UI: the scenario to open (or the list to pick from) and the few
// side effects the UI may ask for. The UI itself never loads files or spawns processes.

import type {Engine} from '../engine/types.js';
import type {PreflightReport} from '../engine/environment/types.js';
import type {CopyResult} from '../render/clipboard.js';
import type {UiLang} from '../render/i18n.js';
import type {Scenario} from '../scenario/model.js';
import type {ShellSession} from '../shell/types.js';

export interface ScenarioSession {
  readonly scenario: Scenario;
  /** The step (0-based) saved progress stopped at; the intro offers to continue there. */
  readonly resumeStep?: number;
  /** What the machine has of what the scenario needs (shown on the intro). */
  readonly preflight?: () => Promise<PreflightReport>;
  /** Name of a kind cluster that starting would create; the UI asks first. */
  readonly clusterToCreate?: string;
  /** The same, found out when the learner starts (the check may take a moment, so not before the first frame). */
  readonly missingCluster?: () => Promise<string | undefined>;
  /**
   * Name of an existing kind cluster of the scenario's name that katarun did not create (it may
   * be the learner's own): the UI asks before a run uses it, and says how to avoid it on no.
   */
  readonly foreignCluster?: () => Promise<string | undefined>;
  /** Another katarun has this scenario open (its workspace and progress): the UI asks before opening a separate copy. */
  readonly openElsewhere?: {readonly pid: string; readonly since: number};
  /** The cluster or kube context the steps touch, for the header. */
  readonly target?: string;
  createEngine(options: EngineChoice): Engine | Promise<Engine>;
  /** The instructor's class this run reports to (--join), if any. */
  readonly classroom?: ClassroomLink;
}

/** What the learner agreed to when starting. */
export interface EngineChoice {
  readonly createCluster: boolean;
  /** Use the existing kind cluster katarun did not create, for this run only (never deleted by `down`). */
  readonly useExistingCluster?: boolean;
  /** A separate throw-away workspace, progress not saved: the scenario is open in another katarun. */
  readonly separate?: boolean;
}

/** What the UI sees of a class: the connection and pace in a few words, and a raised hand. */
export interface ClassroomLink {
  subscribe(listener: () => void): () => void;
  /** "class: 12 of 18 past step 3", "class: offline, 4 queued"… */
  status(): string;
  /** Raise the hand on the current step, or lower it; says which. */
  toggleHand(): {readonly up: boolean; readonly step: number};
}

export interface PickerEntry {
  readonly id: string;
  readonly title: string;
  readonly difficulty?: string;
  readonly time?: string;
  readonly languages: readonly string[];
  readonly steps: number;
  readonly bundled: boolean;
  /** Saved progress: the step (1-based) it stopped at. */
  readonly saved?: {readonly step: number; readonly total: number};
  readonly dir: string;
}

export interface PickerSource {
  readonly entries: readonly PickerEntry[];
  open(entry: PickerEntry): Promise<ScenarioSession>;
}

/** Hands the terminal to a shell session until the learner presses Ctrl-]. */
export type DropIn = (session: ShellSession, banner: string) => Promise<void>;

export interface AppProps {
  readonly session?: ScenarioSession;
  readonly picker?: PickerSource;
  readonly lang: UiLang;
  readonly copy: (text: string) => Promise<CopyResult>;
  readonly onExit: (code: number) => void;
  readonly dropIn?: DropIn;
  /** Told about the engine once the intro starts it, so every exit path can dispose it. */
  readonly onEngine?: (engine: Engine) => void;
}
