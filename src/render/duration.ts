// How long something took, in the two shapes katarun shows: a running clock on the screens
// ("1:05") and a spoken duration in reports ("850 ms", "1.5 s" / "1,5 с", "2 min 5 s").

import {translator, type Translate} from './i18n.js';

/** "0:42", "1:05", "1:02:03": whole seconds, never negative. */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

let english: Translate | undefined;

/** "850 ms", "1.5 s", "2 min 5 s", in `t`'s language (English when none is given). */
export function spokenDuration(ms: number, t: Translate = (english ??= translator('en'))): string {
  if (ms < 1000) return t('report.ms', {n: Math.round(ms)});
  if (ms < 60_000) return t('report.s', {n: t.number(ms / 1000, {minimumFractionDigits: 1, maximumFractionDigits: 1})});
  const m = Math.floor(ms / 60_000);
  return t('report.min', {m, s: Math.round((ms - m * 60_000) / 1000)});
}
