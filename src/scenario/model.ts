// The scenario model: what a scenario folder means once it has been loaded.
// Everything here is plain, readonly data. Nothing in this file runs or reads anything;
// the loader builds it, the engine and the UI only read it.

/** A place in a scenario's files. `file` is an absolute path; lines and columns are 1-based. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

export type Severity = 'error' | 'warning';

/** A compiler-style message: `file:line:col: severity: message — hint`. */
export interface Diagnostic {
  readonly severity: Severity;
  /** A stable, short identifier such as `index/unknown-key` or `markdown/unsupported`. */
  readonly code: string;
  readonly message: string;
  /** How to fix it. */
  readonly hint?: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** `T1`, `T2`, … — one persistent shell each, started on first use. */
export type TerminalId = `T${number}`;

interface ActionBase {
  /** 1-based number of the action within its page, in document order. Keys `1`–`9` use it. */
  readonly id: number;
  /** The exact text of the action as written (placeholders not yet resolved). */
  readonly text: string;
  readonly source: SourceRef;
  /** Where on the page the action stands: in the body, or inside a `<details>` hint/solution block. */
  readonly context: 'body' | 'hint' | 'solution';
  /** Written as a fenced block (```…```{{exec}}) rather than inline code. */
  readonly block: boolean;
}

export interface ExecAction extends ActionBase {
  readonly kind: 'exec';
  readonly terminal: TerminalId;
  /** `HOST2` and the like as written; mapped onto a local terminal with a warning. */
  readonly host?: string;
  /** Send Ctrl-C to the terminal before typing. */
  readonly interrupt: boolean;
  /** `{{execute ctrl-seq}}`: the text names a key chord (`^C`, `^D`, `^ESC`…), not a command. */
  readonly ctrlSeq: boolean;
  /** `{{execute no-newline}}`: type the text without pressing Enter. */
  readonly noNewline: boolean;
}

export interface CopyAction extends ActionBase {
  readonly kind: 'copy';
}

export interface OpenAction extends ActionBase {
  readonly kind: 'open';
  /** The path to open, as written (Katacoda paths such as `/root/app.js` are mapped into the workspace). */
  readonly path: string;
}

/** `<pre class="file" data-filename=… data-target=replace|prepend|append|insert>`. */
export interface FileAction extends ActionBase {
  readonly kind: 'file';
  readonly path: string;
  readonly mode: 'replace' | 'prepend' | 'append' | 'insert';
  /** The line to insert at, for `insert`. */
  readonly marker?: string;
}

export type Action = ExecAction | CopyAction | OpenAction | FileAction;
export type ActionKind = Action['kind'];

/** `>>Q1: question<<` with its answer lines. */
export interface Quiz {
  readonly id: string;
  readonly question: string;
  readonly kind: 'exact' | 'contains' | 'single' | 'multiple';
  /** For exact/contains: the accepted answers. For single/multiple: every option. */
  readonly options: readonly string[];
  /** Indexes into options that are correct (single/multiple) — or all of them for exact/contains. */
  readonly correct: readonly number[];
  readonly source: SourceRef;
}

export interface ImageRef {
  readonly alt: string;
  readonly src: string;
  readonly source: SourceRef;
}

export type ScriptRole = 'background' | 'foreground' | 'verify' | 'solution' | 'hint' | 'setup' | 'teardown';

/** A script file of the scenario. `language` is chosen by extension: `.mjs`/`.js` run under zx, the rest under bash. */
export interface Script {
  readonly role: ScriptRole;
  /** Absolute path of the script file. */
  readonly path: string;
  readonly language: 'bash' | 'zx';
  /** Where the script was named (the index.json line). */
  readonly source: SourceRef;
}

export interface Check {
  readonly script: Script;
  /** Give up after this long (ms). Overridden by `--check-timeout`. */
  readonly timeoutMs: number;
  /** First polling interval (ms); the engine backs off from here. */
  readonly intervalMs: number;
  /**
   * How an attempt passes: `exit` on exit status 0; `done` when a line of its output reads
   * `done` (Katacoda's rule, for scripts that print it themselves — see check-rule.ts).
   */
  readonly rule: 'done' | 'exit';
}

export interface Hint {
  /** Markdown text of the hint. */
  readonly text: string;
  readonly source: SourceRef;
  /** Katacoda challenge hint scripts print their hint; they get the seconds on the step as `$1`. */
  readonly script?: Script;
}

/** The markdown and scripts of one screen: intro, a step or the finish. */
export interface Page {
  readonly kind: 'intro' | 'step' | 'finish';
  readonly title: string;
  /** Markdown source as written (placeholders not resolved). Empty when the page has no text file. */
  readonly body: string;
  /** The markdown file, when there is one. */
  readonly textFile?: string;
  readonly actions: readonly Action[];
  readonly quizzes: readonly Quiz[];
  readonly images: readonly ImageRef[];
  readonly background?: Script;
  readonly foreground?: Script;
}

export interface Step extends Page {
  readonly kind: 'step';
  /** 0-based position among the steps. */
  readonly index: number;
  readonly check?: Check;
  readonly hints: readonly Hint[];
  /** A script that does what the step asks: run headless before the check, offered on `a` in the TUI. */
  readonly solution?: Script;
  /** Katacoda `answer`: a markdown page with the solution, shown on `a`. */
  readonly answer?: {readonly file: string; readonly body: string};
  /** Minutes the step is expected to take, when the scenario says. */
  readonly timeMinutes?: number;
}

export interface Asset {
  /** `client`, `host01`, `host02`… as written. All hosts are the local machine. */
  readonly host: string;
  /** The glob as written (a star, a double star, `app/**` + `/*.json`, a plain name). */
  readonly pattern: string;
  /** Target folder as written (`/usr/local/bin/`, `~/`, `/root/app`). */
  readonly target: string;
  readonly chmod?: string;
  /** Files the glob matched, relative to the scenario's assets folder (or the shared `assets/`). */
  readonly files: readonly string[];
  /** The folder the files are relative to (absolute). */
  readonly baseDir: string;
  readonly source: SourceRef;
}

export interface ToolRequirement {
  /** Command name on PATH, e.g. `kind`, `kubectl`, `istioctl`, `docker`. */
  readonly name: string;
  /** A semver range such as `>=0.27.0` or `1.30.x`; absent = any version. */
  readonly range?: string;
  /** How to install it, shown when it is missing. */
  readonly install?: string;
}

export interface KindCluster {
  readonly name: string;
  /** Pinned node image, e.g. `kindest/node:v1.34.0@sha256:…`. */
  readonly nodeImage?: string;
  /** kind config file (absolute path), when the scenario ships one. */
  readonly config?: string;
  /** Host ports the cluster maps (checked free by doctor). */
  readonly hostPorts: readonly number[];
}

export interface TerminalDef {
  readonly name: string;
  readonly target?: string;
  readonly command?: string;
}

/** What a scenario needs from the machine. */
export interface Environment {
  /** `bash`: a local shell is enough. `kind`: a local kind cluster (or `--context`). */
  readonly kind: 'bash' | 'kind';
  /** `backend.imageid` as written, if any. */
  readonly imageId?: string;
  readonly tools: readonly ToolRequirement[];
  readonly cluster?: KindCluster;
  readonly terminals: readonly TerminalDef[];
  readonly uilayout?: string;
  /** Minimum free memory (MiB) and CPUs, checked by doctor. */
  readonly minMemoryMiB?: number;
  readonly minCpus?: number;
}

export interface Scenario {
  /** Folder name, e.g. `basics`, `istio-egress`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly difficulty?: string;
  /** The time estimate as written (`"10 minutes"`), and in minutes when it parses. */
  readonly time?: string;
  readonly timeMinutes?: number;
  /** `challenge@0.9` and the like; absent for ordinary scenarios. */
  readonly type?: string;
  /** Language of this copy (`en` unless loaded from a `_<lang>/` mirror). */
  readonly lang: string;
  /** Every language this scenario exists in. */
  readonly languages: readonly string[];
  /** Absolute path of the scenario folder that was loaded. */
  readonly dir: string;
  /** Absolute path of index.json / index.yaml. */
  readonly indexFile: string;
  readonly intro?: Page;
  readonly steps: readonly Step[];
  readonly finish?: Page;
  readonly assets: readonly Asset[];
  /** The folder asset globs and asset-relative paths resolve in (`assets/`, or `katarun.assetsDir`). */
  readonly assetsDir?: string;
  readonly environment: Environment;
  /** Scenario-level setup/teardown scripts from the katarun key (cluster prerequisites and the like). */
  readonly setup?: Script;
  readonly teardown?: Script;
  /** sha256 over index and every file the scenario references; progress is keyed on it. */
  readonly contentHash: string;
  /** Everything the loader had to say. Errors make the scenario invalid. */
  readonly diagnostics: readonly Diagnostic[];
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');
