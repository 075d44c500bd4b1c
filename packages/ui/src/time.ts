/**
 * Wall-clock time in China for the elements, without the core: China Standard Time is UTC+8
 * all year (no daylight saving), so a time shown to a grid worker is the instant plus eight
 * hours, whatever the browser's own time zone. The core has the same offset
 * (`CHINA_UTC_OFFSET_MS` of `@jiceng/core/calendar`); a test holds the two equal.
 * @module
 */
import { argumentError, need } from './args.js';

/** China Standard Time's offset from UTC in milliseconds (UTC+8). @example `new Date(t + CHINA_OFFSET_MS).getUTCHours()` */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * `t` (epoch ms) as China's wall-clock time, `YYYY-MM-DDTHH:mm` — the form a
 * `<input type="datetime-local">` takes; slice it or replace the `T` for display.
 *
 * @example
 * ```ts
 * chinaLocalTime(Date.parse('2025-03-03T09:00:00+08:00')); // '2025-03-03T09:00'
 * ```
 */
export function chinaLocalTime(t: number): string {
  need('chinaLocalTime', 't', t, 'number');
  if (Math.abs(t) > 8.64e15) throw argumentError('chinaLocalTime', 't', { zh: '有效的时间戳（毫秒）', en: 'a valid time in epoch milliseconds' });
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * The instant (epoch ms) of China's wall-clock time `YYYY-MM-DDTHH:mm` (a
 * `datetime-local` value, seconds optional); `undefined` for an empty or malformed value (a
 * form's schema then says the field is required).
 *
 * @example
 * ```ts
 * fromChinaLocalTime('2025-03-03T09:00') === Date.parse('2025-03-03T09:00:00+08:00'); // true
 * ```
 */
export function fromChinaLocalTime(v: string): number | undefined {
  need('fromChinaLocalTime', 'v', v, 'string');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/.test(v)) return undefined;
  const t = Date.parse(`${v.length === 16 ? `${v}:00` : v}Z`);
  return Number.isFinite(t) ? t - CHINA_OFFSET_MS : undefined;
}
