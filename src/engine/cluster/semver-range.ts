// Just enough semver for tool requirements: `>=0.31.0`, `<1.37`, `1.30.x`, `^1.2`, `~1.2.3`,
// ranges joined by spaces (and) or `||` (or). Pre-release and build suffixes are ignored,
// because tools print versions like `v1.32.4-dispatcher` that are releases for our purpose.

export type Version = readonly [number, number, number];

/** The first `major.minor[.patch]` in a text such as `kind v0.31.0 go1.25 linux/amd64`. */
export function findVersion(text: string): Version | undefined {
  const m = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

export const formatVersion = (v: Version): string => v.join('.');

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** One comparator such as `>=1.2.3`, `1.30.x`, `^1.2`; undefined when it cannot be read. */
function comparator(token: string): ((v: Version) => boolean) | undefined {
  const m = /^(>=|<=|>|<|=|\^|~)?v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/.exec(token);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const parts = [m[2], m[3], m[4]];
  const wild = parts.findIndex((p) => p === undefined || /^[xX*]$/.test(p));
  const nums = parts.map((p) => (p === undefined || /^[xX*]$/.test(p) ? 0 : Number(p))) as unknown as Version;
  const fixed = wild === -1 ? 3 : wild;
  const prefix = (v: Version) => v.slice(0, fixed).every((n, i) => n === nums[i]);
  switch (op) {
    case '>=': return (v) => compare(v, nums) >= 0;
    case '>': return (v) => (fixed < 3 ? compare(v, nums) >= 0 && !prefix(v) : compare(v, nums) > 0);
    case '<=': return (v) => compare(v, nums) <= 0 || prefix(v);
    case '<': return (v) => compare(v, nums) < 0;
    case '^': {
      const keep = nums[0] > 0 ? 1 : nums[1] > 0 ? 2 : 3;
      return (v) => compare(v, nums) >= 0 && v.slice(0, Math.min(keep, fixed)).every((n, i) => n === nums[i]);
    }
    case '~': return (v) => compare(v, nums) >= 0 && v.slice(0, Math.min(2, fixed)).every((n, i) => n === nums[i]);
    default: return fixed === 0 ? () => true : prefix;
  }
}

/** Does `version` satisfy `range`? undefined when the range cannot be read. */
export function satisfies(version: Version, range: string): boolean | undefined {
  const alternatives = range.split('||').map((s) => s.trim()).filter(Boolean);
  if (alternatives.length === 0) return true;
  let any = false;
  for (const alt of alternatives) {
    const tests = alt.replace(/(>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).map(comparator);
    if (tests.some((t) => t === undefined)) return undefined;
    if (tests.every((t) => t!(version))) any = true;
  }
  return any;
}
