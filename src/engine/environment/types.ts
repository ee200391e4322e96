// What a scenario needs from the machine, checked (preflight / doctor) and provided (prepare):
// a local shell for bash scenarios, a kind cluster behind a guarded KUBECONFIG for kind ones.

import type {UiLang} from '../../render/i18n.js';
import type {Scenario} from '../../scenario/model.js';

// A check's detail and fix are finished text in the learner's language (the provider gets
// `uiLang` and translates where it builds the sentence), not a message key for the reader to
// translate: a fix nests another fix, a scenario's own install text or a tool's error output,
// so keys would need a recursive message type and a translating pass in every reader (the
// intro, doctor human and JSON, test's exit 3). Text keeps all of them unchanged, and the
// engine may use src/render/i18n.ts, the bottom layer.
export interface PreflightCheck {
  /** Stable id, e.g. `docker`, `tool:kind`, `memory`, `port:8080`, `context`. */
  readonly id: string;
  readonly ok: boolean;
  /** What was found, e.g. `kind v0.29.0`, `3.1 GiB free`. */
  readonly detail: string;
  /** How to fix it, when not ok. */
  readonly fix?: string;
  /** A warning does not make the machine not ready. */
  readonly severity: 'error' | 'warning';
}

export interface PreflightReport {
  readonly ready: boolean;
  readonly checks: readonly PreflightCheck[];
  /**
   * The coded question for the UI: a kind cluster of the scenario's name exists that katarun did
   * not create (it may be the learner's own). The TUI asks before using it; headless refuses
   * unless --use-existing-cluster. Absent when that flag was given.
   */
  readonly foreignCluster?: string;
}

export interface EnvironmentOptions {
  /** Run against this existing kube context instead of creating a kind cluster. */
  readonly context?: string;
  /** Create the kind cluster when it is missing (the TUI asks first; headless needs a flag). */
  readonly createCluster: boolean;
  /** Use (and let `down` delete) a kind cluster of the scenario's name that katarun did not create. */
  readonly useExistingCluster?: boolean;
  /** katarun's state dir for this scenario (guarded kubeconfig and logs go here). */
  readonly stateDir: string;
  /** Cache for downloaded tools such as istioctl. */
  readonly cacheDir: string;
  /** The environment tools run with (PATH and the like). */
  readonly env: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Progress lines for the learner. */
  readonly log: (line: string) => void;
  /** The language of what the checks say (--lang, else the locale); default English. */
  readonly uiLang?: UiLang;
}

export interface PreparedEnvironment {
  /** Variables every shell, check and script of the scenario gets (e.g. a guarded KUBECONFIG). */
  readonly env: Readonly<Record<string, string>>;
  /** What the steps will touch, for the header: e.g. `kind-katarun-istio`. */
  readonly target?: string;
}

export interface EnvironmentProvider {
  preflight(scenario: Scenario, options: EnvironmentOptions): Promise<PreflightReport>;
  prepare(scenario: Scenario, options: EnvironmentOptions): Promise<PreparedEnvironment>;
  /** Delete what prepare created (`katarun down`). */
  teardown(scenario: Scenario, options: EnvironmentOptions): Promise<void>;
}
