/**
 * Calendar arithmetic in China Standard Time (Asia/Shanghai, UTC+08:00, no daylight saving):
 * local dates of instants, month addition clamped to month ends, leap years, working days.
 * Independent of the machine's time zone.
 * @module
 */

import { createCalendar, isWorkingDay, type WorkingCalendar } from '../calendar/calendar.js';
import { CHINA_CALENDAR } from '../calendar/china.js';
import { CHINA_UTC_OFFSET_MS } from '../calendar/time.js';
import { need } from '../errors/args.js';
import { DAY as LOCAL_DATE } from '../shapes.js';


const DAY = 86_400_000;

/**
 * A calendar date (month 1–12).
 *
 * @example
 * ```ts
 * const d: LocalDate = { y: 2024, m: 2, d: 29 };
 * ```
 */
export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

/**
 * The Shanghai calendar date of an instant.
 *
 * @example
 * ```ts
 * shanghaiDate(Date.parse('2024-12-31T16:00:00Z')); // { y: 2025, m: 1, d: 1 }
 * ```
 */
export function shanghaiDate(ms: number): LocalDate {
  need('shanghaiDate', 'ms', ms, 'time');
  const t = new Date(ms + CHINA_UTC_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * The instant a Shanghai calendar day starts (00:00 +08:00).
 *
 * @example
 * ```ts
 * new Date(startOfShanghaiDay({ y: 2025, m: 1, d: 1 })).toISOString(); // '2024-12-31T16:00:00.000Z'
 * ```
 */
export function startOfShanghaiDay(date: LocalDate): number {
  need('startOfShanghaiDay', 'date', date, 'object', LOCAL_DATE);
  return Date.UTC(date.y, date.m - 1, date.d) - CHINA_UTC_OFFSET_MS;
}

/**
 * True for leap years of the Gregorian calendar.
 *
 * @example
 * ```ts
 * isLeapYear(2024); // true
 * isLeapYear(2100); // false
 * ```
 */
export function isLeapYear(y: number): boolean {
  need('isLeapYear', 'y', y, 'integer');
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Number of days in a month.
 *
 * @example
 * ```ts
 * daysInMonth(2024, 2); // 29
 * ```
 */
export function daysInMonth(y: number, m: number): number {
  need('daysInMonth', 'y', y, 'integer');
  need('daysInMonth', 'm', m, 'integer');
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes its last day
 * (Nov 30 + 3 months = Feb 28, or Feb 29 in a leap year).
 *
 * @example
 * ```ts
 * addLocalMonths({ y: 2023, m: 11, d: 30 }, 3); // { y: 2024, m: 2, d: 29 }
 * ```
 */
export function addLocalMonths(date: LocalDate, months: number): LocalDate {
  need('addLocalMonths', 'date', date, 'object', LOCAL_DATE);
  need('addLocalMonths', 'months', months, 'integer');
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/**
 * Adds calendar days.
 *
 * @example
 * ```ts
 * addLocalDays({ y: 2024, m: 12, d: 25 }, 14); // { y: 2025, m: 1, d: 8 }
 * ```
 */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  need('addLocalDays', 'date', date, 'object', LOCAL_DATE);
  need('addLocalDays', 'days', days, 'integer');
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * Decides whether a date is a working day. See {@link chinaWorkingDays} (the default) and
 * {@link calendarWorkingDays} to use a city's own calendar.
 *
 * @example
 * ```ts
 * const cal: WorkingDayFn = (d) => weekdaysOnly(d) && !(d.m === 10 && d.d <= 7);
 * ```
 */
export type WorkingDayFn = (date: LocalDate) => boolean;

/**
 * Adapts a working calendar of the case loop (`createCalendar`) to a {@link WorkingDayFn}:
 * its holidays and make-up working days 调休 count.
 *
 * @example
 * ```ts
 * const cal = createCalendar(CHINA_CALENDAR, { fallback: 'weekdays' });
 * if (cal.ok) calendarWorkingDays(cal.value)({ y: 2025, m: 10, d: 8 }); // false (National Day)
 * ```
 */
export function calendarWorkingDays(cal: WorkingCalendar): WorkingDayFn {
  return (date) => isWorkingDay(cal, startOfShanghaiDay(date) + DAY / 2);
}

let chinaDefault: WorkingDayFn | undefined;
/**
 * The default working days of the registry: mainland China's official calendar
 * (`CHINA_CALENDAR`, holidays and 调休 of 2016–2026); outside those years it knows no
 * holidays and counts Monday to Friday (the calendar's explicit `fallback: 'weekdays'`).
 *
 * @example
 * ```ts
 * chinaWorkingDays()({ y: 2026, m: 2, d: 14 }); // true: a Saturday make-up working day
 * ```
 */
export function chinaWorkingDays(): WorkingDayFn {
  if (!chinaDefault) {
    const cal = createCalendar(CHINA_CALENDAR, { fallback: 'weekdays' });
    chinaDefault = cal.ok ? calendarWorkingDays(cal.value) : weekdaysOnly;
  }
  return chinaDefault;
}

/**
 * Monday to Friday are working days.
 *
 * @example
 * ```ts
 * weekdaysOnly({ y: 2026, m: 11, d: 28 }); // false (a Saturday)
 * ```
 */
export const weekdaysOnly: WorkingDayFn = (date) => {
  need('weekdaysOnly', 'date', date, 'object', LOCAL_DATE);
  const wd = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return wd !== 0 && wd !== 6;
};

/**
 * The date `n` working days after `date` (the start date itself does not count).
 *
 * @example
 * ```ts
 * addLocalWorkingDays({ y: 2026, m: 11, d: 27 }, 5); // { y: 2026, m: 12, d: 4 } (Fri → next Fri)
 * ```
 */
export function addLocalWorkingDays(date: LocalDate, n: number, isWorkingDay: WorkingDayFn = chinaWorkingDays()): LocalDate {
  need('addLocalWorkingDays', 'date', date, 'object', LOCAL_DATE);
  need('addLocalWorkingDays', 'n', n, 'integer');
  need('addLocalWorkingDays', 'isWorkingDay', isWorkingDay, 'function');
  let d = date;
  let left = n;
  let guard = 0;
  while (left > 0) {
    d = addLocalDays(d, 1);
    if (isWorkingDay(d)) left--;
    if (++guard > 3660) break; // a calendar without working days must not hang
  }
  return d;
}

/**
 * Number of days of year `y` within [from, to) — both instants — counted in whole Shanghai days.
 *
 * @example
 * ```ts
 * daysInYearBetween(2024, Date.parse('2024-01-01T00:00:00+08:00'), Date.parse('2025-01-01T00:00:00+08:00')); // 366
 * ```
 */
export function daysInYearBetween(y: number, from: number, to: number): number {
  need('daysInYearBetween', 'y', y, 'integer');
  need('daysInYearBetween', 'from', from, 'time');
  need('daysInYearBetween', 'to', to, 'time');
  const a = Math.max(from, startOfShanghaiDay({ y, m: 1, d: 1 }));
  const b = Math.min(to, startOfShanghaiDay({ y: y + 1, m: 1, d: 1 }));
  return b > a ? Math.ceil((b - a) / DAY) : 0;
}
