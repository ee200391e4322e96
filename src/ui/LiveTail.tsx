// The bounded live tail of the command that is running: its last lines as the terminal shows
// them (the engine batches updates), each cut to one row so the live region's height is known.

import {Text} from 'ink';
import {sanitizeAnsiLine, sanitizeText} from '../render/sanitize.js';
import {clockDuration} from '../render/duration.js';
import {useNow} from './use-now.js';

export interface LiveTailProps {
  readonly lines: readonly string[];
  readonly rows: number;
  readonly command?: string;
  readonly terminal: string;
  /** The shell's folder, short (`~/demo`), as the prompt shows it. */
  readonly cwd?: string;
  readonly startedAt?: number;
  readonly columns?: number;
}

/** `text` cut to `width` columns with `…` in the middle, so its start and its end both stay visible. */
export function middleEllipsis(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  const head = Math.ceil((width - 1) * 0.6);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (width - 1 - head)).join('')}`;
}

export function LiveTail({lines, rows, command, terminal, cwd, startedAt, columns = 80}: LiveTailProps) {
  const now = useNow(1000, startedAt !== undefined);
  if (rows <= 0) return null;
  const header = command !== undefined ? 1 : 0;
  const body = lines.slice(-(rows - header)).map(sanitizeAnsiLine);
  // A short prompt (`T1 ~/demo $`, as Katacoda's `controlplane $`), then the command, cut in the
  // middle when long so that its end and the running time stay on the row.
  const prompt = `${terminal}${cwd ? ` ${sanitizeText(cwd)}` : ''} $ `;
  const clock = startedAt !== undefined ? ` · ${clockDuration(now - startedAt)} · Ctrl-C` : '';
  const shown = command === undefined ? '' : middleEllipsis(sanitizeText(command).replace(/\s*\n\s*/g, ' ⏎ '), Math.max(8, columns - 1 - prompt.length - clock.length));
  return (
    <>
      {command !== undefined ? (
        <Text wrap="truncate-end" color="yellow">
          {prompt}
          {shown}
          {clock ? <Text dimColor>{clock}</Text> : null}
        </Text>
      ) : null}
      {rows - header > 0
        ? body.map((line, i) => (
            <Text key={i} wrap="truncate-end">
              {line || ' '}
            </Text>
          ))
        : null}
    </>
  );
}
