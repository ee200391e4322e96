// A tight list item written over several source lines is one paragraph on screen, rewrapped at
// the width: istio-egress's intro showed "…Istio is\n    told not to\n    look at it" at 70 columns.
import {describe, expect, test} from 'vitest';
import {renderMarkdown} from '../../src/render/markdown.js';
import {stripEscapes} from '../../src/render/sanitize.js';

describe('list items over several source lines', () => {
  test('are rewrapped as one text', () => {
    const source = '- the namespace `outside-world`, which plays **the internet**: Istio is told not to\n  look at it, so for the mesh it is as foreign as any website;\n- second\n';
    const lines = stripEscapes(renderMarkdown(source, {width: 70}))
      .split('\n')
      .map((l) => l.trimEnd())
      .filter(Boolean);
    // The source broke after "told not to"; on screen the words flow on ("Istio is" ends the
    // first row at this width, then "told not to look at it…" is one row).
    expect(lines.some((l) => l.includes('told not to look at it'))).toBe(true);
    expect(lines.some((l) => l.trim() === 'told not to')).toBe(false);
  });
});
