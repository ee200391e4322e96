// `background` scripts (and Katacoda's `courseData`): started detached when their page or
// step starts, output to a log file, stopped when the engine is disposed. Each one starts
// at most once per run, even when the learner goes back and forth between steps.

import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Script} from '../scenario/model.js';
import type {BackgroundHandle} from '../shell/types.js';
import type {ShellPort} from './shell-port.js';

/** Lines of a script's log kept for the report. */
const TAIL = 20;

export class BackgroundScripts {
  private readonly started = new Set<string>();
  private readonly handles: BackgroundHandle[] = [];
  private stopped = false;

  constructor(
    private readonly port: ShellPort,
    private readonly logDir: string,
  ) {}

  /**
   * Start `script` once under `key` (e.g. `step-2`); resolves with its log file. `onEnd` hears
   * how it ended when it ends by itself (not when katarun stops it), with the end of its log.
   */
  async start(key: string, script: Script, cwd: string, env: Readonly<Record<string, string>>, onEnd?: (exitCode: number | null, tail: string[]) => void): Promise<string | undefined> {
    if (this.stopped || this.started.has(key)) return undefined;
    this.started.add(key);
    const logFile = join(this.logDir, `background-${key}.log`);
    const handle = await this.port.startBackground(script, {cwd, env, logFile});
    if (this.stopped) {
      await handle.stop();
      return undefined;
    }
    this.handles.push(handle);
    void handle.done.then(async (code) => {
      if (this.stopped || !onEnd) return;
      const text = await readFile(logFile, 'utf8').catch(() => '');
      onEnd(code, text.split('\n').filter((l) => l.trim() !== '').slice(-TAIL));
    });
    return logFile;
  }

  async stopAll(): Promise<void> {
    this.stopped = true;
    const all = this.handles.splice(0);
    await Promise.all(all.map((h) => h.stop().catch(() => undefined)));
  }
}
