// The one keyboard listener. It is inactive while the shell owns the terminal, and when stdin
// is not a TTY: Ink's isRawModeSupported is `undefined` (not false) for piped stdin, and
// useInput would throw on it, so the check is `=== true` (notes/tech.md §3.4).
//
// The listener reads the screen and overlay of the latest render through a ref: Ink re-subscribes
// useInput's handler in a passive effect, and a key that arrives between a render and that effect
// (a busy event loop during an output flood makes the gap long) would otherwise be mapped with
// the previous render's overlay — a `q` right after closing the help was taken as "close help".

import {useRef} from 'react';
import {useInput, useStdin} from 'ink';
import {keyToIntent, type Intent, type Overlay, type Screen} from './keymap.js';

export function useKeys(handle: (intent: Intent) => void, screen: Screen, overlay: Overlay, active: boolean): void {
  const {isRawModeSupported} = useStdin();
  const latest = useRef({handle, screen, overlay});
  latest.current = {handle, screen, overlay};
  useInput(
    (input, key) => {
      const now = latest.current;
      const intent = keyToIntent(input, key, now.screen, now.overlay);
      if (intent) now.handle(intent);
    },
    {isActive: active && isRawModeSupported === true},
  );
}
