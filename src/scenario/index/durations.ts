// Durations as scenarios write them: `5m`, `90s`, `1500ms`, `2m30s` (the katarun key) and
// time estimates such as `"10 minutes"`, `"1 hour"`, `"5 минут"` (the index's `time`).

/** The longest delay a Node timer takes (2³¹−1 ms, about 24.8 days); a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `90s` → 90000. A bare number means seconds. Undefined when it does not parse. */
export function parseDurationMs(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text * 1000) : undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
    end = re.lastIndex;
  }
  return end > 0 && end === trimmed.length ? Math.round(total) : undefined;
}

/** A time estimate in minutes: numbers are minutes unless a unit says hours (or seconds). */
export function parseMinutes(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  let total = 0;
  let found = false;
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)?)\s*([^\d\s.,-]*)/g)) {
    const n = Number(m[1]!.replace(',', '.'));
    const unit = m[2]!.toLowerCase();
    found = true;
    if (/^(h|hr|hrs|hour|hours|ч|час|часа|часов|stunde|stunden|heure|heures|hora|horas)$/.test(unit)) total += n * 60;
    else if (/^(s|sec|secs|second|seconds|с|сек)$/.test(unit)) total += n / 60;
    else total += n;
  }
  // "10-15 minutes": a range; take its upper end rather than the sum.
  const range = /(\d+)\s*[-–]\s*(\d+)/.exec(text);
  if (range) return Number(range[2]) * (/(hour|час|h\b)/i.test(text) ? 60 : 1);
  return found ? total : undefined;
}
