// Runs one action the way a person at Katacoda's terminal would: exec actions are typed into
// their terminal (after Ctrl-C when flagged), copy hands back the text, file actions write
// into the workspace, open names the mapped file. No terminal output is written here; the
// results go into the store and the event stream.

import type {Action, ExecAction, TerminalId} from '../scenario/model.js';
import type {PoolResult} from './terminals.js';
import {writeFileAction} from './file-action.js';
import {resolvePlaceholders} from './placeholders.js';
import type {EngineMsg} from './reducer.js';
import {errorParam, message, type Message} from '../render/i18n.js';
import type {ShellPort} from './shell-port.js';
import {hasHiddenControls, showControls} from '../render/sanitize.js';
import type {TerminalPool} from './terminals.js';
import type {ActionStatus, EngineEvent} from './types.js';
import {ShellStartError} from '../shell/index.js';

export interface ActionContext {
  readonly port: ShellPort;
  readonly terminals: TerminalPool;
  readonly dispatch: (msg: EngineMsg) => void;
  readonly emit: (event: EngineEvent) => void;
  readonly notice: (level: 'info' | 'warning' | 'error', message: Message) => void;
  /** Map a Katacoda path into the workspace (throws when it escapes). */
  readonly mapPath: (path: string) => string;
  /** The workspace root: file actions never write outside it. */
  readonly workspace: string;
  readonly commandTimeoutMs?: number;
}

export interface ActionOutcome {
  readonly copied?: string;
  readonly opened?: string;
  readonly result?: PoolResult;
}

const warnedHosts = new WeakMap<ActionContext, Set<string>>();

/** `HOST2` → T2: every host is this machine, so each gets a local terminal of its own. */
export function terminalFor(action: ExecAction, ctx?: ActionContext): TerminalId {
  const m = action.host ? /^HOST(\d+)$/i.exec(action.host) : null;
  if (!m) return action.terminal;
  if (ctx) {
    const seen = warnedHosts.get(ctx) ?? new Set<string>();
    warnedHosts.set(ctx, seen);
    if (!seen.has(action.host!)) {
      seen.add(action.host!);
      ctx.notice('warning', message('notice.hostMapped', {host: action.host!, terminal: `T${m[1]}`}));
    }
  }
  return `T${Number(m[1])}`;
}

export async function runAction(ctx: ActionContext, step: number, action: Action): Promise<ActionOutcome> {
  const text = resolve(ctx, action.text);
  // What is shown is what runs: text with control characters (validate's error) is never typed or copied.
  if ((action.kind === 'exec' || action.kind === 'copy') && hasHiddenControls(text)) {
    ctx.dispatch({type: 'action', step, id: action.id, patch: {status: 'failed'}});
    ctx.notice('error', message('notice.controlChars', {text: showControls(text)}));
    return {};
  }
  if (action.kind === 'exec') {
    try {
      return {result: await runExec(ctx, step, action, text)};
    } catch (err) {
      // The terminal's shell could not start: the command never ran. Said once, and told to
      // whoever reports (headless ends the run as the machine's failure, not the scenario's).
      if (!(err instanceof ShellStartError)) throw err;
      const id = terminalFor(action, ctx);
      ctx.dispatch({type: 'action', step, id: action.id, patch: {status: 'failed'}});
      ctx.notice('error', message('notice.terminalFailed', {id, message: err.msg}));
      ctx.emit({type: 'terminal-failed', terminal: id, error: err.msg});
      return {};
    }
  }
  try {
    return await runOther(ctx, step, action, text);
  } catch (err) {
    ctx.dispatch({type: 'action', step, id: action.id, patch: {status: 'failed'}});
    ctx.notice('error', message('notice.error', {message: errorParam(err)}));
    return {};
  }
}

async function runOther(ctx: ActionContext, step: number, action: Exclude<Action, ExecAction>, text: string): Promise<ActionOutcome> {
  switch (action.kind) {
    case 'copy':
      ctx.dispatch({type: 'action', step, id: action.id, patch: {status: 'done'}});
      return {copied: text};
    case 'open': {
      const path = ctx.mapPath(action.path);
      ctx.dispatch({type: 'action', step, id: action.id, patch: {status: 'done'}});
      ctx.notice('info', message('notice.openFile', {path}));
      return {opened: path};
    }
    case 'file': {
      const path = ctx.mapPath(action.path);
      try {
        await writeFileAction(path, action, text, ctx.workspace);
        ctx.dispatch({type: 'action', step, id: action.id, patch: {status: 'done'}});
        ctx.notice('info', message('notice.wrote', {path, mode: action.mode}));
      } catch (err) {
        ctx.dispatch({type: 'action', step, id: action.id, patch: {status: 'failed'}});
        ctx.notice('error', message('notice.writeFailed', {path, message: errorParam(err)}));
      }
      return {opened: path};
    }
  }
}

function resolve(ctx: ActionContext, text: string): string {
  const r = resolvePlaceholders(text);
  if (r.portSelector) ctx.notice('info', message('notice.portSelector'));
  return r.text;
}

async function runExec(ctx: ActionContext, step: number, action: ExecAction, command: string): Promise<PoolResult> {
  const id = terminalFor(action, ctx);
  const set = (status: ActionStatus, extra: {exitCode?: number; durationMs?: number} = {}) =>
    ctx.dispatch({type: 'action', step, id: action.id, patch: {status, ...extra}});
  if (action.interrupt) await ctx.terminals.interrupt(id);
  if (action.ctrlSeq || action.noNewline) {
    const s = await ctx.terminals.session(id);
    const bytes = action.ctrlSeq ? ctx.port.ctrlSequenceBytes(action.text.trim()) : command;
    if (bytes === undefined) ctx.notice('warning', message('notice.unknownKeys', {text: action.text}));
    else s.write(bytes);
    set('done');
    return {exitCode: 0, timedOut: false, interrupted: false, durationMs: 0, tail: [], lineCount: 0};
  }
  set('queued');
  ctx.emit({type: 'action-started', step, action, command});
  const result = await ctx.terminals.run(
    id,
    command,
    {actionId: action.id, onStart: () => set('running')},
    ctx.commandTimeoutMs ? {timeoutMs: ctx.commandTimeoutMs} : {},
  );
  if (result.cancelled) {
    // Never typed: the action is as it was, for Enter to run it later.
    set('idle');
    ctx.notice('info', message('notice.actionCancelled', {n: action.id, id}));
    return result;
  }
  if (result.sentTo !== undefined) {
    set('done');
    ctx.emit({type: 'action-finished', step, action, exitCode: 0, durationMs: 0, tail: []});
    return result;
  }
  const status: ActionStatus = result.timedOut ? 'timed-out' : result.interrupted || result.exitCode === 130 ? 'interrupted' : result.exitCode === 0 ? 'passed' : 'failed';
  set(status, {exitCode: result.exitCode, durationMs: result.durationMs});
  ctx.emit({type: 'action-finished', step, action, exitCode: result.exitCode, durationMs: result.durationMs, tail: result.tail});
  return result;
}
