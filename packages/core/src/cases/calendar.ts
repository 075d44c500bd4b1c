/**
 * The working calendar: weekends, public holidays and make-up working days 调休 as data,
 * working hours of the day, and deadline arithmetic in working hours and working days.
 *
 * All arithmetic runs in a fixed UTC offset (Asia/Shanghai: +08:00, no daylight saving) on
 * integer day numbers, never in the machine's time zone: the same instant gives the same
 * deadline on every server. (date-fns' own day arithmetic works in the machine's zone,
 * which is why the calendar counts days itself.)
 * @module
 */
import { fail, ok, type JcIssue, type Result } from '../errors.js';
import { caseIssue } from './messages.js';
import type { TimeLimit } from './categories.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * A working calendar as data (plain JSON).
 *
 * @example
 * ```ts
 * const def: CalendarDef = {
 *   id: 'cn', utcOffsetMinutes: 480, weekend: [0, 6],
 *   holidays: ['2025-10-01'], workdays: ['2025-09-28'],
 *   hours: [['08:00', '12:00'], ['14:30', '17:30']],
 * };
 * ```
 */
export interface CalendarDef {
  id: string;
  /** Offset from UTC in minutes; Asia/Shanghai is 480. */
  utcOffsetMinutes: number;
  /** Weekend days, 0 = Sunday … 6 = Saturday. */
  weekend: number[];
  /** Public holidays (YYYY-MM-DD, local dates): not working even on a weekday. */
  holidays: string[];
  /** Make-up working days 调休 (YYYY-MM-DD): working even on a weekend. */
  workdays: string[];
  /** Working periods of a working day, local `HH:MM` from–to, in order. */
  hours: [string, string][];
}

/**
 * A checked, compiled calendar. Build with {@link createCalendar}.
 *
 * @example
 * ```ts
 * const cal = createCalendar(CHINA_CALENDAR_2025_2026);
 * if (cal.ok) isWorkingDay(cal.value, Date.parse('2025-01-26T10:00:00+08:00')); // true (调休)
 * ```
 */
export interface WorkingCalendar {
  readonly def: CalendarDef;
  /** Offset in ms. */
  readonly offset: number;
  /** Working periods as [start, end) ms after local midnight. */
  readonly periods: readonly (readonly [number, number])[];
  /** Working ms in one working day. */
  readonly dayMs: number;
  readonly weekend: ReadonlySet<number>;
  /** Holiday day numbers (days since 1970-01-01, local). */
  readonly holidayDays: ReadonlySet<number>;
  /** Make-up working day numbers. */
  readonly workdayDays: ReadonlySet<number>;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) return NaN;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const back = new Date(t);
  if (back.getUTCFullYear() !== +m[1] || back.getUTCMonth() !== +m[2] - 1 || back.getUTCDate() !== +m[3]) return NaN;
  return t / DAY;
}

function minutes(hhmm: string): number {
  const m = TIME_RE.exec(hhmm);
  if (!m || +m[1] > 24 || +m[2] > 59) return NaN;
  return +m[1] * 60 + +m[2];
}

/**
 * Checks and compiles a calendar definition: dates must be real `YYYY-MM-DD` dates,
 * working periods ordered and non-overlapping, and at least one working period per day.
 *
 * @example
 * ```ts
 * const r = createCalendar({ ...CHINA_CALENDAR_2025_2026, hours: [['09:00', '17:00']] });
 * ```
 */
export function createCalendar(def: CalendarDef): Result<WorkingCalendar> {
  const errors: JcIssue[] = [];
  const days = (list: string[], column: string) => {
    const s = new Set<number>();
    list.forEach((d, i) => {
      const n = dayNumber(d);
      if (Number.isNaN(n)) errors.push(caseIssue('E_BAD_DATE', d, column, i + 1));
      else s.add(n);
    });
    return s;
  };
  const holidayDays = days(def.holidays, 'holidays');
  const workdayDays = days(def.workdays, 'workdays');
  const periods: [number, number][] = [];
  let last = -1;
  def.hours.forEach(([a, b], i) => {
    const s = minutes(a) * MINUTE;
    const e = minutes(b) * MINUTE;
    if (!(s < e) || s < last || e > DAY) errors.push(caseIssue('E_BAD_HOURS', `${a}–${b}`, 'hours', i + 1));
    else {
      periods.push([s, e]);
      last = e;
    }
  });
  if (!errors.length && periods.length === 0) errors.push(caseIssue('E_NO_WORKING_TIME', undefined, 'hours'));
  if (!Number.isInteger(def.utcOffsetMinutes) || Math.abs(def.utcOffsetMinutes) > 14 * 60) {
    errors.push(caseIssue('E_BAD_HOURS', String(def.utcOffsetMinutes), 'utcOffsetMinutes'));
  }
  if (errors.length) return fail(errors);
  return ok(Object.freeze({
    def,
    offset: def.utcOffsetMinutes * MINUTE,
    periods: Object.freeze(periods.map((p) => Object.freeze(p))),
    dayMs: periods.reduce((sum, [s, e]) => sum + e - s, 0),
    weekend: new Set(def.weekend),
    holidayDays,
    workdayDays,
  }));
}

/** The local day number (days since 1970-01-01 in the calendar's offset) of an instant. */
function localDay(cal: WorkingCalendar, t: number): number {
  return Math.floor((t + cal.offset) / DAY);
}

function isWorkingDayNumber(cal: WorkingCalendar, d: number): boolean {
  if (cal.workdayDays.has(d)) return true;
  if (cal.holidayDays.has(d)) return false;
  return !cal.weekend.has((d + 4) % 7); // 1970-01-01 was a Thursday
}

/**
 * True if the local date of instant `t` is a working day (make-up days count, holidays do not).
 *
 * @example
 * ```ts
 * isWorkingDay(cal, Date.parse('2025-10-11T09:00:00+08:00')); // true: Saturday make-up day
 * isWorkingDay(cal, Date.parse('2025-10-08T09:00:00+08:00')); // false: National Day holiday
 * ```
 */
export function isWorkingDay(cal: WorkingCalendar, t: number): boolean {
  return isWorkingDayNumber(cal, localDay(cal, t));
}

/** How many days ahead we search for working time before giving up (a calendar with no working day). */
const HORIZON_DAYS = 3_660;

/**
 * The instant that lies `ms` milliseconds of working time after `t`. Time outside working
 * hours does not count; adding 0 moves `t` forward to the next working moment.
 *
 * @example
 * ```ts
 * // Friday 17:00 + 2 working hours (08:00–12:00, 14:30–17:30) → Monday 09:30
 * addWorkingMs(cal, Date.parse('2025-03-07T17:00:00+08:00'), 2 * 3_600_000);
 * ```
 */
export function addWorkingMs(cal: WorkingCalendar, t: number, ms: number): number {
  if (!Number.isFinite(t) || !Number.isFinite(ms) || ms < 0) return NaN;
  let d = localDay(cal, t);
  let tod = t + cal.offset - d * DAY;
  let left = ms;
  for (let guard = 0; guard < HORIZON_DAYS; guard++, d++, tod = 0) {
    if (!isWorkingDayNumber(cal, d)) continue;
    for (const [s, e] of cal.periods) {
      if (tod >= e) continue;
      const start = tod > s ? tod : s;
      const avail = e - start;
      if (left <= avail) return d * DAY + start + left - cal.offset;
      left -= avail;
      tod = e;
    }
  }
  return NaN;
}

/**
 * The instant `hours` working hours after `t`.
 *
 * @example
 * ```ts
 * addWorkingHours(cal, Date.parse('2025-09-30T16:30:00+08:00'), 4); // 2025-10-09T11:00+08:00
 * ```
 */
export function addWorkingHours(cal: WorkingCalendar, t: number, hours: number): number {
  return addWorkingMs(cal, t, hours * 3_600_000);
}

/**
 * The end of working hours on the `days`-th working day after the local date of `t` (the
 * start day does not count, as in Chinese legal time limits). `days` = 0 gives the end of
 * the current day's working hours if `t`'s date is a working day, else of the next one.
 *
 * @example
 * ```ts
 * // Thursday 2025-01-23 + 3 working days → Sunday 2025-01-26 (调休) is day 2, 27th day 3
 * addWorkingDays(cal, Date.parse('2025-01-23T10:00:00+08:00'), 3); // 2025-01-27T17:30+08:00
 * ```
 */
export function addWorkingDays(cal: WorkingCalendar, t: number, days: number): number {
  if (!Number.isFinite(t) || !Number.isInteger(days) || days < 0) return NaN;
  let d = localDay(cal, t);
  let count = 0;
  if (days === 0) {
    for (let guard = 0; !isWorkingDayNumber(cal, d); guard++, d++) if (guard > HORIZON_DAYS) return NaN;
  }
  for (let guard = 0; count < days; guard++) {
    if (guard > HORIZON_DAYS) return NaN;
    d++;
    if (isWorkingDayNumber(cal, d)) count++;
  }
  return d * DAY + cal.periods[cal.periods.length - 1][1] - cal.offset;
}

/**
 * Working time (ms) between two instants: the overlap of `[a, b)` with working hours on
 * working days; 0 if `b <= a`.
 *
 * @example
 * ```ts
 * workingMsBetween(cal, Date.parse('2025-09-30T17:00:00+08:00'), Date.parse('2025-10-09T09:00:00+08:00'));
 * // 30 min on Sep 30 + 1 h on Oct 9 = 5_400_000
 * ```
 */
export function workingMsBetween(cal: WorkingCalendar, a: number, b: number): number {
  if (!(b > a)) return 0;
  let total = 0;
  const last = localDay(cal, b);
  for (let d = localDay(cal, a); d <= last; d++) {
    if (!isWorkingDayNumber(cal, d)) continue;
    const base = d * DAY - cal.offset;
    for (const [s, e] of cal.periods) {
      const from = Math.max(a, base + s);
      const to = Math.min(b, base + e);
      if (to > from) total += to - from;
    }
  }
  return total;
}

/**
 * The deadline for a time limit that starts at `t`.
 *
 * @example
 * ```ts
 * addTimeLimit(cal, now, { amount: 4, unit: 'workHours' });
 * addTimeLimit(cal, now, { amount: 20, unit: 'workDays' });
 * ```
 */
export function addTimeLimit(cal: WorkingCalendar, t: number, limit: TimeLimit): number {
  return limit.unit === 'workHours' ? addWorkingHours(cal, t, limit.amount) : addWorkingDays(cal, t, limit.amount);
}

/**
 * Formats an instant as local ISO 8601 with the calendar's offset, e.g.
 * `2025-10-09T11:00:00+08:00` (the form the case file shows).
 *
 * @example
 * ```ts
 * formatLocal(cal, 0); // '1970-01-01T08:00:00+08:00'
 * ```
 */
export function formatLocal(cal: Pick<WorkingCalendar, 'offset'>, t: number): string {
  if (!Number.isFinite(t)) return '';
  const iso = new Date(t + cal.offset).toISOString().slice(0, 19);
  const off = cal.offset / MINUTE;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${iso}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
