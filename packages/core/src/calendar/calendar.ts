/**
 * The working calendar: weekends, public holidays and make-up working days 调休 as data with
 * the years they cover, working hours of the day (with seasonal hours), and deadline
 * arithmetic in working hours, working days and calendar days 自然日.
 *
 * All arithmetic runs in the calendar's fixed UTC offset on integer day numbers (see
 * `time.ts`), never in the machine's time zone: the same instant gives the same deadline on
 * every server.
 *
 * A calendar states the years it covers. A deadline that needs a day outside them is refused
 * with `E_CALENDAR_COVERAGE`, unless the host chose the explicit fallback `'weekdays'`
 * (Monday–Friday, no holidays), in which case the deadline is returned marked `estimated`.
 * @module
 */
import { z } from 'zod';
import { fail, JcError, ok, type JcIssue, type Result } from '../errors/errors.js';
import { calendarError, calendarIssue, textOf, type CalendarCode } from './messages.js';
import {
  dateOfDayNumber, DAY_MS, dayNumberOfDate, firstDayOfYear, formatInstant, localDayNumber, monthDayOfDayNumber,
  weekdayOfDayNumber,
} from './time.js';

const MINUTE = 60_000;

/**
 * The units a time limit may be given in: working hours, working days, calendar days 自然日.
 *
 * @example
 * ```ts
 * TIME_LIMIT_UNITS.includes('calendarDays'); // true
 * ```
 */
export const TIME_LIMIT_UNITS = ['workHours', 'workDays', 'calendarDays'] as const;

/**
 * A time limit in working hours 工作时, working days 工作日 or calendar days 自然日: what a category
 * allows for a step (`@jiceng/core/cases`), counted on the working calendar.
 *
 * @example
 * ```ts
 * const rubbish: TimeLimit = { amount: 4, unit: 'workHours' };
 * const demolish: TimeLimit = { amount: 20, unit: 'workDays' };
 * const reply: TimeLimit = { amount: 15, unit: 'calendarDays' };
 * ```
 */
export interface TimeLimit {
  amount: number;
  unit: 'workHours' | 'workDays' | 'calendarDays';
}

/**
 * A unit of {@link TIME_LIMIT_UNITS}.
 *
 * @example
 * ```ts
 * const u: TimeLimitUnit = 'calendarDays';
 * ```
 */
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

/**
 * Working hours that apply between two dates of every year (`MM-DD`, inclusive), e.g. the
 * summer afternoon of Fujian offices. A range whose `from` is after its `to` wraps the year end.
 *
 * @example
 * ```ts
 * const summer: SeasonalHours = { from: '06-01', to: '09-30', hours: [['08:00', '12:00'], ['15:00', '18:00']] };
 * ```
 */
export interface SeasonalHours {
  /** First day (`MM-DD`). */
  from: string;
  /** Last day (`MM-DD`), inclusive. */
  to: string;
  /** Working periods on those days, local `HH:MM` from–to, in order. */
  hours: [string, string][];
}

/**
 * A working calendar as data (plain JSON).
 *
 * @example
 * ```ts
 * const def: CalendarDef = {
 *   id: 'cn', utcOffsetMinutes: 480, weekend: [0, 6], years: [2025],
 *   holidays: ['2025-10-01'], workdays: ['2025-09-28'],
 *   hours: [['08:00', '12:00'], ['14:30', '17:30']],
 * };
 * ```
 */
export interface CalendarDef {
  id: string;
  /** Offset from UTC in minutes; Asia/Shanghai is 480 (`CHINA_UTC_OFFSET_MINUTES`). */
  utcOffsetMinutes: number;
  /** Weekend days, 0 = Sunday … 6 = Saturday. */
  weekend: number[];
  /**
   * The years whose holidays and make-up days this calendar holds completely. A date in any
   * other year is outside its coverage (`E_CALENDAR_COVERAGE`).
   */
  years: number[];
  /** Public holidays (YYYY-MM-DD, local dates): not working even on a weekday. */
  holidays: string[];
  /** Make-up working days 调休 (YYYY-MM-DD): working even on a weekend. */
  workdays: string[];
  /** Working periods of a working day, local `HH:MM` from–to, in order. */
  hours: [string, string][];
  /** Seasonal working hours that replace `hours` on their days; the first match wins. */
  seasons?: SeasonalHours[];
}

/**
 * What to do with a date outside the calendar's years: nothing (the default: refuse with
 * `E_CALENDAR_COVERAGE`) or `'weekdays'` (count Monday–Friday, no holidays, and mark the
 * result estimated).
 *
 * @example
 * ```ts
 * const opts: CalendarOptions = { fallback: 'weekdays' };
 * ```
 */
export interface CalendarOptions {
  fallback?: 'weekdays';
}

/**
 * A checked, compiled calendar. Build with {@link createCalendar}.
 *
 * @example
 * ```ts
 * const cal = createCalendar(CHINA_CALENDAR);
 * if (cal.ok) isWorkingDay(cal.value, Date.parse('2025-01-26T10:00:00+08:00')); // true (调休)
 * ```
 */
export interface WorkingCalendar {
  readonly def: CalendarDef;
  /** Offset in ms. */
  readonly offset: number;
  /** Default working periods as [start, end) ms after local midnight. */
  readonly periods: readonly (readonly [number, number])[];
  /** Working ms in one working day with the default periods. */
  readonly dayMs: number;
  readonly weekend: ReadonlySet<number>;
  /** Holiday day numbers (days since 1970-01-01, local). */
  readonly holidayDays: ReadonlySet<number>;
  /** Make-up working day numbers. */
  readonly workdayDays: ReadonlySet<number>;
  /** The covered years. */
  readonly years: ReadonlySet<number>;
  /** The fallback chosen for dates outside the covered years, if any. */
  readonly fallback?: 'weekdays';
  /** Covered day numbers as sorted half-open intervals [from, to). */
  readonly coverage: readonly (readonly [number, number])[];
  /** Compiled seasonal hours: month-day range (`M*100+D`, inclusive) and periods. */
  readonly seasons: readonly { readonly from: number; readonly to: number; readonly periods: readonly (readonly [number, number])[] }[];
}

/**
 * A deadline: the instant, and `estimated: true` when it was computed with the weekday
 * fallback over a date outside the calendar's years.
 *
 * @example
 * ```ts
 * const d: Deadline = { at: Date.parse('2025-10-09T17:30:00+08:00') };
 * ```
 */
export interface Deadline {
  at: number;
  estimated?: true;
}

const TIME_RE = /^(\d{2}):(\d{2})$/;
const MONTH_DAY_RE = /^(\d{2})-(\d{2})$/;

function minutes(hhmm: unknown): number {
  const m = typeof hhmm === 'string' ? TIME_RE.exec(hhmm) : null;
  if (!m || +m[1] > 24 || +m[2] > 59) return NaN;
  return +m[1] * 60 + +m[2];
}

function monthDay(md: unknown): number {
  if (typeof md !== 'string') return NaN;
  const m = MONTH_DAY_RE.exec(md);
  if (!m) return NaN;
  // 2024 is a leap year: 02-29 is a valid seasonal boundary.
  return Number.isNaN(dayNumberOfDate(`2024-${md}`)) ? NaN : +m[1] * 100 + +m[2];
}

const hoursSchema = z.array(z.tuple([z.string(), z.string()]));
/**
 * The zod schema of a {@link CalendarDef} (the shape; dates and hours are checked by
 * {@link createCalendar}).
 *
 * @example
 * ```ts
 * calendarDefSchema.safeParse(CHINA_CALENDAR).success; // true
 * ```
 */
export const calendarDefSchema = z.object({
  id: z.string().min(1).max(100),
  utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60),
  weekend: z.array(z.number().int().min(0).max(6)).max(7),
  years: z.array(z.number().int().min(1900).max(2200)),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  hours: hoursSchema,
  seasons: z.array(z.object({ from: z.string(), to: z.string(), hours: hoursSchema })).optional(),
});

/**
 * zod issues as calendar issues (zh/en), each with its field path as the column.
 *
 * @example
 * ```ts
 * const r = calendarDefSchema.safeParse({});
 * if (!r.success) zodIssues('E_BAD_CALENDAR', r.error)[0].column; // 'id'
 * ```
 */
export function zodIssues(code: CalendarCode, error: z.ZodError): JcIssue[] {
  const issues = Array.isArray(error?.issues) ? error.issues : [];
  return issues.map((i) => calendarIssue(code, String(i?.message), Array.isArray(i?.path) ? i.path.join('.') || undefined : undefined));
}

function compilePeriods(hours: [string, string][], column: string, errors: JcIssue[]): [number, number][] {
  const periods: [number, number][] = [];
  let last = -1;
  hours.forEach(([a, b], i) => {
    const s = minutes(a) * MINUTE;
    const e = minutes(b) * MINUTE;
    if (!(s < e) || s < last || e > DAY_MS) errors.push(calendarIssue('E_BAD_HOURS', `${a}–${b}`, column, i + 1));
    else {
      periods.push([s, e]);
      last = e;
    }
  });
  if (periods.length === 0 && !errors.length) errors.push(calendarIssue('E_NO_WORKING_TIME', undefined, column));
  return periods;
}

/**
 * Checks and compiles a calendar definition: the shape (zod), real `YYYY-MM-DD` dates, working
 * periods ordered and non-overlapping, at least one working period per day, valid seasonal
 * ranges, and the covered years. `options.fallback` chooses what dates outside those years do.
 *
 * @example
 * ```ts
 * const r = createCalendar({ ...CHINA_CALENDAR, hours: [['09:00', '17:00']] });
 * const lenient = createCalendar(CHINA_CALENDAR, { fallback: 'weekdays' });
 * ```
 */
export function createCalendar(def: CalendarDef, options: CalendarOptions = {}): Result<WorkingCalendar> {
  const shape = calendarDefSchema.safeParse(def);
  if (!shape.success) return fail(zodIssues('E_BAD_CALENDAR', shape.error));
  if (options === null || typeof options !== 'object' || (options.fallback !== undefined && options.fallback !== 'weekdays')) {
    return fail([calendarIssue('E_BAD_CALENDAR', textOf((options as CalendarOptions | null)?.fallback), 'fallback')]);
  }
  const errors: JcIssue[] = [];
  const days = (list: string[], column: string) => {
    const s = new Set<number>();
    list.forEach((d, i) => {
      const n = dayNumberOfDate(d);
      if (Number.isNaN(n)) errors.push(calendarIssue('E_BAD_DATE', d, column, i + 1));
      else s.add(n);
    });
    return s;
  };
  const holidayDays = days(def.holidays, 'holidays');
  const workdayDays = days(def.workdays, 'workdays');
  const periods = compilePeriods(def.hours, 'hours', errors);
  const seasons = (def.seasons ?? []).map((s, i) => {
    const from = monthDay(s.from);
    const to = monthDay(s.to);
    if (Number.isNaN(from) || Number.isNaN(to)) errors.push(calendarIssue('E_BAD_DATE', `${s.from}–${s.to}`, `seasons.${i}`));
    return Object.freeze({ from, to, periods: Object.freeze(compilePeriods(s.hours, `seasons.${i}.hours`, errors).map((p) => Object.freeze(p))) });
  });
  if (errors.length) return fail(errors);
  const years = [...new Set(def.years)].sort((a, b) => a - b);
  const coverage: [number, number][] = [];
  for (const y of years) {
    const from = firstDayOfYear(y);
    const to = firstDayOfYear(y + 1);
    const last = coverage[coverage.length - 1];
    if (last && last[1] === from) last[1] = to;
    else coverage.push([from, to]);
  }
  return ok(Object.freeze({
    def,
    offset: def.utcOffsetMinutes * MINUTE,
    periods: Object.freeze(periods.map((p) => Object.freeze(p))),
    dayMs: periods.reduce((sum, [s, e]) => sum + e - s, 0),
    weekend: new Set(def.weekend),
    holidayDays,
    workdayDays,
    years: new Set(years),
    ...(options.fallback ? { fallback: options.fallback } : {}),
    coverage: Object.freeze(coverage.map((c) => Object.freeze(c))),
    seasons: Object.freeze(seasons),
  }));
}

/** What a walk over days found: a day outside coverage (NaN if none) and whether the fallback was used. */
interface Walk {
  uncovered: number;
  estimated: boolean;
}

function newWalk(): Walk {
  return { uncovered: NaN, estimated: false };
}

function covered(cal: WorkingCalendar, d: number): boolean {
  const c = cal.coverage;
  for (let i = 0; i < c.length; i++) if (d >= c[i][0] && d < c[i][1]) return true;
  return false;
}

/** True if day `d` is a working day; records in `w` when the day lies outside coverage. */
function workingDay(cal: WorkingCalendar, d: number, w: Walk): boolean {
  if (!covered(cal, d)) {
    if (cal.fallback !== 'weekdays') {
      if (w.uncovered !== w.uncovered) w.uncovered = d;
      return false;
    }
    w.estimated = true;
    return !cal.weekend.has(weekdayOfDayNumber(d));
  }
  if (cal.workdayDays.has(d)) return true;
  if (cal.holidayDays.has(d)) return false;
  return !cal.weekend.has(weekdayOfDayNumber(d));
}

function periodsOn(cal: WorkingCalendar, d: number): readonly (readonly [number, number])[] {
  if (cal.seasons.length === 0) return cal.periods;
  const md = monthDayOfDayNumber(d);
  for (const s of cal.seasons) {
    if (s.from <= s.to ? md >= s.from && md <= s.to : md >= s.from || md <= s.to) return s.periods;
  }
  return cal.periods;
}

/** How many days ahead we search for working time before giving up (a calendar with no working day). */
const HORIZON_DAYS = 3_660;

function isCalendar(cal: unknown): cal is WorkingCalendar {
  const c = cal as WorkingCalendar | null;
  return typeof c === 'object' && c !== null && c.holidayDays instanceof Set && Array.isArray(c.periods) && Array.isArray(c.coverage) && Array.isArray(c.seasons);
}

function check(cal: unknown, t: unknown): CalendarCode | undefined {
  if (!isCalendar(cal)) return 'E_BAD_CALENDAR';
  if (typeof t !== 'number' || !Number.isFinite(t)) return 'E_BAD_TIME';
  return undefined;
}

function walkWorkingMs(cal: WorkingCalendar, t: number, ms: number, w: Walk): number {
  let d = localDayNumber(t, cal.offset);
  let tod = t + cal.offset - d * DAY_MS;
  let left = ms;
  for (let guard = 0; guard < HORIZON_DAYS; guard++, d++, tod = 0) {
    if (!workingDay(cal, d, w)) {
      if (w.uncovered === w.uncovered) return NaN;
      continue;
    }
    for (const [s, e] of periodsOn(cal, d)) {
      if (tod >= e) continue;
      const start = tod > s ? tod : s;
      const avail = e - start;
      if (left <= avail) return d * DAY_MS + start + left - cal.offset;
      left -= avail;
      tod = e;
    }
  }
  return NaN;
}

function endOfDay(cal: WorkingCalendar, d: number): number {
  const p = periodsOn(cal, d);
  return d * DAY_MS + p[p.length - 1][1] - cal.offset;
}

/** From day `d` on (inclusive), the first working day; NaN if none or outside coverage. */
function firstWorkingFrom(cal: WorkingCalendar, d: number, w: Walk): number {
  for (let guard = 0; guard <= HORIZON_DAYS; guard++, d++) {
    if (workingDay(cal, d, w)) return d;
    if (w.uncovered === w.uncovered) return NaN;
  }
  return NaN;
}

function walkWorkingDays(cal: WorkingCalendar, t: number, days: number, w: Walk): number {
  let d = localDayNumber(t, cal.offset);
  if (days === 0) {
    const first = firstWorkingFrom(cal, d, w);
    return Number.isNaN(first) ? NaN : endOfDay(cal, first);
  }
  let count = 0;
  for (let guard = 0; count < days; guard++) {
    if (guard > HORIZON_DAYS) return NaN;
    d++;
    if (workingDay(cal, d, w)) count++;
    else if (w.uncovered === w.uncovered) return NaN;
  }
  return endOfDay(cal, d);
}

function walkCalendarDays(cal: WorkingCalendar, t: number, days: number, w: Walk): number {
  // 期间届满的最后一日是节假日的，以节假日后的第一个工作日为期间届满的日期.
  const last = firstWorkingFrom(cal, localDayNumber(t, cal.offset) + days, w);
  return Number.isNaN(last) ? NaN : endOfDay(cal, last);
}

function walkBetween(cal: WorkingCalendar, a: number, b: number, w: Walk): number {
  if (!(b > a)) return 0;
  let total = 0;
  const last = localDayNumber(b, cal.offset);
  for (let d = localDayNumber(a, cal.offset); d <= last; d++) {
    if (!workingDay(cal, d, w)) {
      if (w.uncovered === w.uncovered) return NaN;
      continue;
    }
    const base = d * DAY_MS - cal.offset;
    for (const [s, e] of periodsOn(cal, d)) {
      const from = Math.max(a, base + s);
      const to = Math.min(b, base + e);
      if (to > from) total += to - from;
    }
  }
  return total;
}

/** The outcome of a walk as a Result. */
function settle(at: number, w: Walk): Result<Deadline> {
  if (w.uncovered === w.uncovered) return fail([calendarIssue('E_CALENDAR_COVERAGE', dateOfDayNumber(w.uncovered))]);
  if (!Number.isFinite(at)) return fail([calendarIssue('E_NO_WORKING_TIME')]);
  return ok(w.estimated ? { at, estimated: true } : { at });
}

/** The outcome of a walk as a number, or a thrown JcError. */
function settleOrThrow(at: number, w: Walk): number {
  const r = settle(at, w);
  if (!r.ok) throw new JcError(r.errors[0]);
  return r.value.at;
}

function checkLimit(limit: unknown): CalendarCode | undefined {
  const l = limit as TimeLimit | null;
  if (typeof l !== 'object' || l === null || !(TIME_LIMIT_UNITS as readonly unknown[]).includes(l.unit)) return 'E_BAD_LIMIT';
  if (typeof l.amount !== 'number' || !Number.isFinite(l.amount) || l.amount < 0) return 'E_BAD_LIMIT';
  if (l.unit !== 'workHours' && !Number.isInteger(l.amount)) return 'E_BAD_LIMIT';
  return undefined;
}

function walkLimit(cal: WorkingCalendar, t: number, limit: TimeLimit, w: Walk): number {
  switch (limit.unit) {
    case 'workHours': return walkWorkingMs(cal, t, limit.amount * 3_600_000, w);
    case 'workDays': return walkWorkingDays(cal, t, limit.amount, w);
    default: return walkCalendarDays(cal, t, limit.amount, w);
  }
}

/**
 * The deadline for a time limit that starts at `t`, as a `Result`: refused with
 * `E_CALENDAR_COVERAGE` when a day it needs lies outside the calendar's years (unless the
 * calendar was created with `fallback: 'weekdays'`: then the deadline is marked
 * `estimated`), `E_BAD_LIMIT` for an unknown unit or a negative amount, `E_BAD_TIME` for a
 * non-finite `t`. Units:
 * - `workHours`: working time, counted within the working hours of working days;
 * - `workDays`: the end of working hours on the `amount`-th working day after the date of `t`
 *   (the start day does not count, as in Chinese legal time limits);
 * - `calendarDays` 自然日: the end of working hours on the `amount`-th calendar day after the
 *   date of `t`, moved to the next working day if that day is a holiday or weekend.
 *
 * @example
 * ```ts
 * // Fri 28 Apr 2023 + 1 working day: Labour Day runs 29 Apr–3 May, Thu 4 May is the next working day
 * dueAfter(cal, Date.parse('2023-04-28T10:00:00+08:00'), { amount: 1, unit: 'workDays' });
 * // → { ok: true, value: { at: Date.parse('2023-05-04T17:30:00+08:00') } }
 * ```
 */
export function dueAfter(cal: WorkingCalendar, t: number, limit: TimeLimit): Result<Deadline> {
  const bad = check(cal, t) ?? checkLimit(limit);
  if (bad) return fail([calendarIssue(bad, bad === 'E_BAD_LIMIT' ? textOf(limit) : bad === 'E_BAD_TIME' ? textOf(t) : undefined)]);
  const w = newWalk();
  return settle(walkLimit(cal, t, limit, w), w);
}

/**
 * The instant `ms` of working time after `t`, as a `Result` (see {@link dueAfter} for the
 * coverage rule).
 *
 * @example
 * ```ts
 * dueAfterWorkingMs(cal, Date.parse('2025-09-30T17:00:00+08:00'), 3_600_000); // Oct 9 08:30
 * ```
 */
export function dueAfterWorkingMs(cal: WorkingCalendar, t: number, ms: number): Result<Deadline> {
  const bad = check(cal, t) ?? (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 ? 'E_BAD_LIMIT' : undefined);
  if (bad) return fail([calendarIssue(bad, bad === 'E_BAD_TIME' ? textOf(t) : textOf(ms))]);
  const w = newWalk();
  return settle(walkWorkingMs(cal, t, ms, w), w);
}

/**
 * The deadline of a case resumed at `now` after a suspension 挂账 at `suspendedAt` with its
 * deadline then at `dueAt`: the working time that was left runs again from `now`.
 *
 * @example
 * ```ts
 * resumedDue(cal, suspendedAt, dueAt, Date.now());
 * ```
 */
export function resumedDue(cal: WorkingCalendar, suspendedAt: number, dueAt: number, now: number): Result<Deadline> {
  const bad = check(cal, now) ?? check(cal, suspendedAt) ?? check(cal, dueAt);
  if (bad) return fail([calendarIssue(bad)]);
  const w = newWalk();
  const left = walkBetween(cal, suspendedAt, dueAt, w);
  if (Number.isNaN(left)) return settle(NaN, w);
  return settle(walkWorkingMs(cal, now, left, w), w);
}

/**
 * True if the local date of instant `t` is a working day (make-up days count, holidays do
 * not). Throws a `JcError`: `E_BAD_TIME` for a non-finite `t`, `E_BAD_CALENDAR` for something
 * that is not a compiled calendar, `E_CALENDAR_COVERAGE` for a date outside the calendar's
 * years (unless it has the weekday fallback).
 *
 * @example
 * ```ts
 * isWorkingDay(cal, Date.parse('2025-10-11T09:00:00+08:00')); // true: Saturday make-up day
 * isWorkingDay(cal, Date.parse('2025-10-08T09:00:00+08:00')); // false: National Day holiday
 * ```
 */
export function isWorkingDay(cal: WorkingCalendar, t: number): boolean {
  const bad = check(cal, t);
  if (bad) calendarError(bad, textOf(t));
  const w = newWalk();
  const d = localDayNumber(t, cal.offset);
  const working = workingDay(cal, d, w);
  if (w.uncovered === w.uncovered) calendarError('E_CALENDAR_COVERAGE', dateOfDayNumber(d));
  return working;
}

/**
 * The instant that lies `ms` milliseconds of working time after `t`. Time outside working
 * hours does not count; adding 0 moves `t` forward to the next working moment. Throws a
 * `JcError` on bad arguments or outside coverage (see `dueAfterWorkingMs` for a `Result`).
 *
 * @example
 * ```ts
 * // Friday 17:00 + 2 working hours (08:00–12:00, 14:30–17:30) → Monday 09:30
 * addWorkingMs(cal, Date.parse('2025-03-07T17:00:00+08:00'), 2 * 3_600_000);
 * ```
 */
export function addWorkingMs(cal: WorkingCalendar, t: number, ms: number): number {
  const r = dueAfterWorkingMs(cal, t, ms);
  if (!r.ok) throw new JcError(r.errors[0]);
  return r.value.at;
}

/**
 * The instant `hours` working hours after `t` (throws a `JcError` like {@link addWorkingMs}).
 *
 * @example
 * ```ts
 * addWorkingHours(cal, Date.parse('2025-09-30T16:30:00+08:00'), 4); // 2025-10-09T11:00+08:00
 * ```
 */
export function addWorkingHours(cal: WorkingCalendar, t: number, hours: number): number {
  return addTimeLimit(cal, t, { amount: hours, unit: 'workHours' });
}

/**
 * The end of working hours on the `days`-th working day after the local date of `t` (the
 * start day does not count, as in Chinese legal time limits). `days` = 0 gives the end of
 * the current day's working hours if `t`'s date is a working day, else of the next one.
 * Throws a `JcError` like {@link addWorkingMs}.
 *
 * @example
 * ```ts
 * // Thursday 2025-01-23 + 3 working days → Sunday 2025-01-26 (调休) is day 2, 27th day 3
 * addWorkingDays(cal, Date.parse('2025-01-23T10:00:00+08:00'), 3); // 2025-01-27T17:30+08:00
 * ```
 */
export function addWorkingDays(cal: WorkingCalendar, t: number, days: number): number {
  return addTimeLimit(cal, t, { amount: days, unit: 'workDays' });
}

/**
 * Working time (ms) between two instants: the overlap of `[a, b)` with working hours on
 * working days; 0 if `b <= a`. Throws a `JcError` like {@link addWorkingMs}.
 *
 * @example
 * ```ts
 * workingMsBetween(cal, Date.parse('2025-09-30T17:00:00+08:00'), Date.parse('2025-10-09T09:00:00+08:00'));
 * // 30 min on Sep 30 + 1 h on Oct 9 = 5_400_000
 * ```
 */
export function workingMsBetween(cal: WorkingCalendar, a: number, b: number): number {
  const bad = check(cal, a) ?? check(cal, b);
  if (bad) calendarError(bad);
  const w = newWalk();
  return settleOrThrow(walkBetween(cal, a, b, w), w);
}

/**
 * The deadline for a time limit that starts at `t` (in `workHours`, `workDays` or
 * `calendarDays`; see {@link dueAfter}, which returns a `Result` and the `estimated` mark).
 * Throws a `JcError` (`E_BAD_LIMIT`, `E_BAD_TIME`, `E_CALENDAR_COVERAGE`, …) instead of
 * returning a wrong number.
 *
 * @example
 * ```ts
 * addTimeLimit(cal, now, { amount: 4, unit: 'workHours' });
 * addTimeLimit(cal, now, { amount: 20, unit: 'workDays' });
 * addTimeLimit(cal, now, { amount: 15, unit: 'calendarDays' });
 * ```
 */
export function addTimeLimit(cal: WorkingCalendar, t: number, limit: TimeLimit): number {
  const bad = check(cal, t) ?? checkLimit(limit);
  if (bad) calendarError(bad, bad === 'E_BAD_LIMIT' ? textOf(limit) : textOf(t));
  const w = newWalk();
  const at = walkLimit(cal, t, limit, w);
  // The hot path of generators: no Result allocated when all is well.
  return w.uncovered !== w.uncovered && Number.isFinite(at) ? at : settleOrThrow(at, w);
}

/**
 * Formats an instant as local ISO 8601 with the calendar's offset, e.g.
 * `2025-10-09T11:00:00+08:00` (the form the case file shows); `''` for a non-finite instant.
 *
 * @example
 * ```ts
 * formatLocal(cal, 0); // '1970-01-01T08:00:00+08:00'
 * ```
 */
export function formatLocal(cal: Pick<WorkingCalendar, 'offset'>, t: number): string {
  return formatInstant(t, (cal?.offset ?? NaN) / MINUTE);
}
