// The key-hint line at the bottom of the live region, and the transient message line above it.

import {Text} from 'ink';
import type {UiMessage} from './ui-state.js';

export function KeyHints({text}: {readonly text: string}) {
  return (
    <Text wrap="truncate-end" dimColor>
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
