// The key-hint line at the bottom of the live region, and the transient message line above it.

import {Text} from 'ink';
import type {UiMessage} from './ui-state.js';

/** `ask`: the line asks a question (y/n) instead of listing keys, so it stands out. */
export function KeyHints({text, ask = false}: {readonly text: string; readonly ask?: boolean}) {
  return (
    <Text wrap="truncate-end" dimColor={!ask} color={ask ? 'yellow' : undefined} bold={ask}>
      {text}
    </Text>
  );
}

export function MessageLine({message}: {readonly message?: UiMessage}) {
  if (!message) return null;
  const color = message.level === 'error' ? 'red' : message.level === 'warning' ? 'yellow' : 'blue';
  return (
    <Text wrap="truncate-end" color={color}>
      {message.text}
    </Text>
  );
}
