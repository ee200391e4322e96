// NO_COLOR takes the colour out of what the TUI writes and keeps the rest of the styling.
import {expect, test} from 'vitest';
import {withoutColour} from '../../src/ui/ink-stdout.js';

test('colour parameters go, bold/dim/reset and other sequences stay', () => {
  expect(withoutColour('\x1b[31mred\x1b[39m')).toBe('red');
  expect(withoutColour('\x1b[1;34mdir\x1b[0m $ ')).toBe('\x1b[1mdir\x1b[0m $ ');
  expect(withoutColour('\x1b[38;5;208mo\x1b[48;2;1;2;3mb\x1b[2mdim\x1b[22m')).toBe('ob\x1b[2mdim\x1b[22m');
  expect(withoutColour('\x1b[2K\x1b[1A\x1b[m')).toBe('\x1b[2K\x1b[1A\x1b[m');
});
