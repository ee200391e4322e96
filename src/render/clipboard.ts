// Copy text to the learner's clipboard from a terminal app, by the chain measured in
// notes/tech.md §7: inside tmux its own buffer (`load-buffer -w` also sets the outer
// clipboard); otherwise OSC 52 written straight to the TTY (works locally and over SSH,
// unacknowledged); on a local desktop additionally wl-copy / xclip / xsel / pbcopy.
// Nothing here spawns: the caller passes `run`, backed by the shell layer's runProcess.
// The result always says what happened, so the UI can show the text either way.

export type ClipboardMethod = 'tmux' | 'osc52' | 'desktop' | 'none';

export interface CopyResult {
  readonly method: ClipboardMethod;
  readonly text: string;
  /** False only when nothing could even be attempted. OSC 52 is never acknowledged. */
  readonly ok: boolean;
}

export interface ClipboardDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** Run a program with `input` on its stdin; resolves true when it exits 0. */
  readonly run: (command: string, args: readonly string[], input: string) => Promise<boolean>;
  /** Write raw bytes to the terminal; absent when stdout is not a TTY. */
  readonly writeTty?: (data: string) => void;
}

export const osc52 = (text: string): string => `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;

/** GNU screen passes a sequence on only inside its own DCS; long payloads must be cut into pieces. */
export function screenWrap(sequence: string): string {
  const chunks = sequence.match(/[\s\S]{1,500}/g) ?? [];
  return chunks.map((chunk) => `\u001bP${chunk}\u001b\\`).join('');
}

export function isLocalDesktop(env: ClipboardDeps['env'], platform: NodeJS.Platform): boolean {
  if (env.SSH_TTY || env.SSH_CONNECTION || env.SSH_CLIENT) return false;
  return platform === 'darwin' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function desktopTools(env: ClipboardDeps['env'], platform: NodeJS.Platform): Array<[string, string[]]> {
  if (platform === 'darwin') return [['pbcopy', []]];
  const tools: Array<[string, string[]]> = [];
  if (env.WAYLAND_DISPLAY) tools.push(['wl-copy', []]);
  if (env.DISPLAY) tools.push(['xclip', ['-selection', 'clipboard']], ['xsel', ['--clipboard', '--input']]);
  return tools;
}

async function tryRun(deps: ClipboardDeps, command: string, args: readonly string[], text: string): Promise<boolean> {
  try {
    return await deps.run(command, args, text);
  } catch {
    return false; // not installed, or it could not start: the next link of the chain tries
  }
}

export async function copyText(text: string, deps: ClipboardDeps): Promise<CopyResult> {
  const {env, platform} = deps;
  if (env.TMUX) {
    if (await tryRun(deps, 'tmux', ['load-buffer', '-w', '-'], text)) return {method: 'tmux', text, ok: true};
  }
  let method: ClipboardMethod = 'none';
  if (deps.writeTty) {
    deps.writeTty(env.STY ? screenWrap(osc52(text)) : osc52(text));
    method = 'osc52';
  }
  if (isLocalDesktop(env, platform)) {
    for (const [command, args] of desktopTools(env, platform)) {
      if (await tryRun(deps, command, args, text)) return {method: 'desktop', text, ok: true};
    }
  }
  return {method, text, ok: method !== 'none'};
}
