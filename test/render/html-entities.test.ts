import {describe, expect, test} from 'vitest';
import {decodeEntities, decodeEntitiesForDisplay} from '../../src/render/html-entities.js';

describe('HTML character references', () => {
  test('the whole named table, as real scenarios use it', () => {
    expect(decodeEntities('a &mdash; b &rarr; c &copy; 2024&hellip; caf&eacute; &lt;tag&gt; &amp;&nbsp;')).toBe('a — b → c © 2024… café <tag> &\u00a0');
    expect(decodeEntities('&#x3C;&#60;&#8212;')).toBe('<<—');
    expect(decodeEntities('AT&T and &unknown; stay')).toBe('AT&T and &unknown; stay');
  });
  test('on the terminal a reference to a control character is dropped, with or without its semicolon', () => {
    expect(decodeEntitiesForDisplay('x&#27;[2Jy &#x1b;z &#27w')).toBe('x[2Jy z w');
    expect(decodeEntitiesForDisplay('tab&#9;nl&#10;&mdash;')).toBe('tab\tnl\n—');
  });
});
