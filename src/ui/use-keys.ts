// The one keyboard listener. It is inactive while the shell owns the terminal, and when stdin
// is not a TTY: Ink's isRawModeSupported is `undefined` (not false) for piped stdin, and
// useInput would throw on it, so the check is `=== true` (notes/tech.md §3.4).

import {useInput, useStdin} from 'ink';
import {keyToIntent, type Intent, type Overlay, type Screen} from './keymap.js';

export function useKeys(handle: (intent: Intent) => void, screen: Screen, overlay: Overlay, active: boolean): void {
  const {isRawModeSupported} = useStdin();
  useInput(
    (input, key) => {
      const intent = keyToIntent(input, key, screen, overlay);
      if (intent) handle(intent);
    },
    {isActive: active && isRawModeSupported === true},
  );
}
