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
  readonly startedAt?: number;
}

export function LiveTail({lines, rows, command, terminal, startedAt}: LiveTailProps) {
  const now = useNow(1000, startedAt !== undefined);
  if (rows <= 0) return null;
  const header = command !== undefined ? 1 : 0;
  const body = lines.slice(-(rows - header)).map(sanitizeAnsiLine);
  return (
    <>
      {command !== undefined ? (
        <Text wrap="truncate-end" color="yellow">
          {terminal} $ {sanitizeText(command).replace(/\n/g, ' ⏎ ')}
          {startedAt !== undefined ? <Text dimColor> · {clockDuration(now - startedAt)} · Ctrl-C</Text> : null}
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
