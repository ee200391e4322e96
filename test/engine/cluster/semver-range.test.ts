// The version ranges tool requirements use, and reading versions out of tools' own output.
import {describe, expect, it} from 'vitest';
import {findVersion, satisfies} from '../../../src/engine/cluster/semver-range.js';

describe('semver ranges for tool requirements', () => {
  it('reads versions the way kind, kubectl and istioctl print them', () => {
    expect(findVersion('kind v0.31.0 go1.25.5 linux/amd64')).toEqual([0, 31, 0]);
    expect(findVersion('v1.32.4-dispatcher')).toEqual([1, 32, 4]);
    expect(findVersion('client version: 1.30.3')).toEqual([1, 30, 3]);
    expect(findVersion('no digits here')).toBeUndefined();
  });

  it.each([
    ['1.30.3', '1.30.x', true],
    ['1.31.0', '1.30.x', false],
    ['0.31.0', '>=0.31.0', true],
    ['0.30.9', '>=0.31.0', false],
    ['1.34.2', '>=1.33.0 <1.37.0', true],
    ['1.37.0', '>=1.33.0 <1.37.0', false],
    ['1.2.9', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['0.2.5', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.30.0', '1.29.x || 1.30.x', true],
    ['5.0.0', '*', true],
    ['1.30.3', '>= 1.30', true],
  ])('%s in %s is %s', (v, range, want) => {
    expect(satisfies(findVersion(v)!, range)).toBe(want);
  });

  it('says it cannot read a range rather than guessing', () => {
    expect(satisfies([1, 0, 0], 'latest')).toBeUndefined();
  });
});
