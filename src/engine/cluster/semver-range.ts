// Tool requirements' version ranges (`>=0.31.0`, `<1.37`, `1.30.x`, `^1.2`, `~1.2.3`, `a b`,
// `a || b`) through the `semver` package, and reading a version out of a tool's own output.
// Only preflight (doctor, and run/test before they start) imports this, so `semver` is not
// loaded on the way to the first frame. Pre-release and build suffixes are dropped, because
// tools print versions like `v1.32.4-dispatcher` that are releases for our purpose.

import semver from 'semver';

export type Version = readonly [number, number, number];

/** The first `major.minor[.patch]` in a text such as `kind v0.31.0 go1.25 linux/amd64`. */
export function findVersion(text: string): Version | undefined {
  const found = semver.coerce(text);
  return found ? [found.major, found.minor, found.patch] : undefined;
}

export const formatVersion = (v: Version): string => v.join('.');

/** Does `version` satisfy `range`? undefined when the range cannot be read. */
export function satisfies(version: Version, range: string): boolean | undefined {
  if (semver.validRange(range) === null) return undefined;
  return semver.satisfies(formatVersion(version), range);
}
