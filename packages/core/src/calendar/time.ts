/**
 * The one module for instants, local dates and the UTC offset. Every other module of Jiceng
 * that needs China Standard Time (Asia/Shanghai, UTC+08:00, no daylight saving since 1991)
 * imports {@link CHINA_UTC_OFFSET_MINUTES} or {@link CHINA_UTC_OFFSET_MS} from here.
 *
 * Local dates are integer day numbers (days since 1970-01-01 in the calendar's offset), so
 * the arithmetic never depends on the machine's time zone. ISO 8601 text is parsed here:
 * the offset written in the text is honoured and impossible dates (30 February, 25:00) are
 * refused.
 * @module
 */
import { argumentError } from '../errors/args.js';

/**
 * The offset of China Standard Time (Asia/Shanghai) from UTC, in minutes.
 *
 * @example
 * ```ts
 * CHINA_UTC_OFFSET_MINUTES; // 480
 * ```
 */
export const CHINA_UTC_OFFSET_MINUTES = 480;

/**
 * The offset of China Standard Time from UTC, in milliseconds.
 *
 * @example
 * ```ts
 * new Date(Date.UTC(2025, 0, 1) - CHINA_UTC_OFFSET_MS).toISOString(); // '2024-12-31T16:00:00.000Z'
 * ```
 */
export const CHINA_UTC_OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;

/**
 * Milliseconds in a day.
 *
 * @example
 * ```ts
 * DAY_MS; // 86_400_000
 * ```
 */
export const DAY_MS = 86_400_000;

/** A number argument, or NaN for anything else (never a coercion that could throw). */
const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Whether a Date holds a time (not an Invalid Date). */
const isValid = (d: Date): boolean => !Number.isNaN(d.getTime());

/** The UTC midnight of a real calendar date, or NaN (30 February, month 13). */
function utcDate(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t.getTime() : NaN;
}

/**
 * The day number (days since 1970-01-01) of a `YYYY-MM-DD` date; `NaN` unless the text is
 * exactly a real date.
 *
 * @example
 * ```ts
 * dayNumberOfDate('1970-01-02'); // 1
 * dayNumberOfDate('2025-02-30'); // NaN
 * ```
 */
export function dayNumberOfDate(date: unknown): number {
  if (typeof date !== 'string') return NaN;
  const m = DATE_RE.exec(date);
  if (!m || Number.isNaN(utcDate(+m[1], +m[2], +m[3]))) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS;
}

/**
 * The `YYYY-MM-DD` text of a day number (`''` for one that is not a date).
 *
 * @example
 * ```ts
 * dateOfDayNumber(20_089); // '2025-01-01'
 * ```
 */
export function dateOfDayNumber(day: number): string {
  const d = new Date(num(day) * DAY_MS);
  return isValid(d) ? d.toISOString().slice(0, 10) : '';
}

/**
 * The local day number of instant `t` at offset `offsetMs` (default China Standard Time).
 *
 * @example
 * ```ts
 * localDayNumber(Date.parse('2024-12-31T16:00:00Z')); // 20_089 (2025-01-01 in Beijing)
 * ```
 */
export function localDayNumber(t: number, offsetMs: number = CHINA_UTC_OFFSET_MS): number {
  if (!Number.isFinite(t) || !Number.isFinite(offsetMs)) throw argumentError('localDayNumber', Number.isFinite(t) ? 'offsetMs' : 't', { zh: '有限数', en: 'a finite number' });
  return Math.floor((num(t) + num(offsetMs)) / DAY_MS);
}

/**
 * The weekday of a day number, 0 = Sunday … 6 = Saturday.
 *
 * @example
 * ```ts
 * weekdayOfDayNumber(0); // 4: 1970-01-01 was a Thursday
 * ```
 */
export function weekdayOfDayNumber(day: number): number {
  if (!(typeof day === 'number' && Math.abs(day) <= 1e8)) throw argumentError('weekdayOfDayNumber', 'day', { zh: '±1 亿以内的日序号', en: 'a day number within ±100,000,000' });
  return (((num(day) + 4) % 7) + 7) % 7;
}

/**
 * The year of a day number.
 *
 * @example
 * ```ts
 * yearOfDayNumber(20_089); // 2025
 * ```
 */
export function yearOfDayNumber(day: number): number {
  if (!(typeof day === 'number' && Math.abs(day) <= 1e8)) throw argumentError('yearOfDayNumber', 'day', { zh: '±1 亿以内的日序号', en: 'a day number within ±100,000,000' });
  return new Date(num(day) * DAY_MS).getUTCFullYear();
}

/**
 * The first day number of a year.
 *
 * @example
 * ```ts
 * firstDayOfYear(1970); // 0
 * ```
 */
export function firstDayOfYear(year: number): number {
  if (!(typeof year === 'number' && Math.abs(year) <= 270_000)) throw argumentError('firstDayOfYear', 'year', { zh: '±27 万以内的年份', en: 'a year within ±270,000' });
  return Date.UTC(num(year), 0, 1) / DAY_MS;
}

/**
 * Month and day of a day number as one integer `month * 100 + day` (e.g. 1001 for 1 October),
 * the form seasonal working hours compare.
 *
 * @example
 * ```ts
 * monthDayOfDayNumber(20_089); // 101
 * ```
 */
export function monthDayOfDayNumber(day: number): number {
  if (!(typeof day === 'number' && Math.abs(day) <= 1e8)) throw argumentError('monthDayOfDayNumber', 'day', { zh: '±1 亿以内的日序号', en: 'a day number within ±100,000,000' });
  const d = new Date(num(day) * DAY_MS);
  return (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/**
 * Parses an ISO 8601 instant that states its offset (`2025-10-08T09:00:00+08:00` or `…Z`);
 * `NaN` for anything else, including a time without an offset (which would be read in the
 * machine's zone) and impossible dates.
 *
 * @example
 * ```ts
 * parseInstant('2025-10-08T09:00+08:00'); // 1759885200000
 * parseInstant('2025-10-08T09:00');       // NaN: no offset
 * ```
 */
export function parseInstant(text: unknown): number {
  const m = typeof text === 'string' ? INSTANT_RE.exec(text) : null;
  if (!m) return NaN;
  const [h, min, s] = [+m[4], +m[5], +(m[6] ?? 0)];
  // 24:00 (the end of a day) is a time; 24:01 and :60 are not, nor an offset's :60.
  if (h > 24 || min > 59 || s > 59 || (h === 24 && (min > 0 || s > 0 || m[7] !== undefined && +m[7] > 0))) return NaN;
  const day = utcDate(+m[1], +m[2], +m[3]);
  const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]);
  if (Number.isNaN(day) || +m[11] > 59) return NaN;
  return day + ((h * 60 + min) * 60 + s) * 1000 + +(m[7] ?? '0').padEnd(3, '0') - offset * 60_000;
}

/**
 * Formats instant `t` as ISO 8601 local time with the offset, to the second, e.g.
 * `2025-10-09T11:00:00+08:00`; `''` for a non-finite `t`.
 *
 * @example
 * ```ts
 * formatInstant(0); // '1970-01-01T08:00:00+08:00'
 * formatInstant(0, 0); // '1970-01-01T00:00:00+00:00'
 * ```
 */
export function formatInstant(t: number, offsetMinutes: number = CHINA_UTC_OFFSET_MINUTES): string {
  if (typeof t !== 'number' || typeof offsetMinutes !== 'number' || !Number.isFinite(t) || !Number.isFinite(offsetMinutes)) return '';
  const local = new Date(t + offsetMinutes * 60_000);
  if (!isValid(local)) return '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local.toISOString().slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
