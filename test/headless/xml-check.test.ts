import {expect, test} from 'vitest';
import {parseXml} from './xml-check.js';

test('the XML reader the JUnit tests rely on rejects what a CI server would, and reads the rest', () => {
  expect(() => parseXml('<a>x & y</a>')).toThrow();
  expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
  expect(() => parseXml('<a>\u0007</a>')).toThrow();
  expect(() => parseXml('<a><b></a>')).toThrow();
  expect(() => parseXml('<a/><b/>')).toThrow();
  const root = parseXml('<?xml version="1.0"?><a k="1 &amp; &lt;2&gt;"><b>t &#x41;<![CDATA[<raw> &]]></b></a>');
  expect(root).toMatchObject({name: 'a', attrs: {k: '1 & <2>'}, children: [{name: 'b', text: 't A<raw> &'}]});
});
