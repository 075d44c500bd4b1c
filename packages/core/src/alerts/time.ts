/**
 * Time helpers of the alerts domain: local days, and working time counted backwards from a
 * deadline (when "due within H working hours" starts to hold).
 * @module
 */
import { isWorkingDay, type WorkingCalendar } from '../calendar/calendar.js';
import { argumentError, FINITE, need } from '../errors/args.js';
import { CALENDAR } from '../shapes.js';

const DAY = 86_400_000;
const HORIZON_DAYS = 3_660;
/** The most days {@link WorkingDays} remembers (a century: 36 kB). */
const MAX_SPAN = 36_600;

/**
 * The local day number (days since 1970-01-01 in the calendar's offset) of an instant.
 *
 * @example
 * ```ts
 * localDayOf(calendar, Date.parse('2025-03-10T23:00:00+08:00')); // 20157
 * ```
 */
export function localDayOf(cal: Pick<WorkingCalendar, 'offset'>, t: number): number {
  need('localDayOf', 'cal', cal, 'object', { offset: 'number' });
  return localDayAt(cal.offset, t);
}

/**
 * The instant local day `d` ends (the next local midnight), epoch ms.
 *
 * @example
 * ```ts
 * new Date(endOfLocalDay(calendar, 20157)).toISOString(); // '2025-03-10T16:00:00.000Z'
 * ```
 */
export function endOfLocalDay(cal: Pick<WorkingCalendar, 'offset'>, d: number): number {
  need('endOfLocalDay', 'cal', cal, 'object', { offset: 'number' });
  if (!Number.isFinite(d)) throw argumentError('endOfLocalDay', 'd', FINITE);
  return (d + 1) * DAY - cal.offset;
}

/**
 * The earliest instant from which at most `ms` working ms are left before `due`: the
 * moment a deadline becomes "due within" that much working time. Counted backwards over
 * the calendar's working periods; if exactly `ms` are left at the start of a working period,
 * the answer is the end of the working period before it (nothing is worked in between).
 * `NaN` if the calendar has no working time in reach.
 *
 * @example
 * ```ts
 * // due Monday 10:00, 2 working hours: from Friday 17:30 on (08:00–12:00, 14:30–17:30)
 * workingStartBefore(calendar, Date.parse('2025-03-10T10:00:00+08:00'), 2 * 3_600_000);
 * ```
 */
export function workingStartBefore(cal: WorkingCalendar, due: number, ms: number): number {
  need('workingStartBefore', 'cal', cal, 'object', CALENDAR);
  need('workingStartBefore', 'due', due, 'number');
  need('workingStartBefore', 'ms', ms, 'number');
  return workingStartFrom(new WorkingDays(cal), coverageStart(cal), due, ms);
}

/**
 * A calendar's working days, asked one day at a time and remembered: a flag per local day
 * number in a typed array that grows to the days asked about. The deadline timers walk back
 * over the same few days again and again; the calendar's sets are read once per day.
 * @internal
 */
export class WorkingDays {
  /** Day number of `flags[0]`. */
  private base = 0;
  /** 0 not asked yet, 1 working, 2 not working. */
  private flags = new Uint8Array(0);

  constructor(readonly cal: WorkingCalendar) {}

  /** Is local day `d` (a day number) a working day? Throws as {@link isWorkingDay} does. */
  is(d: number): boolean {
    let i = d - this.base;
    if (i < 0 || i >= this.flags.length) {
      // A day far from the others (a due date decades away): asked directly, not remembered.
      if (this.flags.length > 0 && Math.max(this.base + this.flags.length, d + 1) - Math.min(this.base, d) > MAX_SPAN) return isWorkingDay(this.cal, d * DAY - this.cal.offset);
      this.reach(d);
      i = d - this.base;
    }
    let f = this.flags[i];
    if (f === 0) {
      f = isWorkingDay(this.cal, d * DAY - this.cal.offset) ? 1 : 2;
      this.flags[i] = f;
    }
    return f === 1;
  }

  /** Makes room for day `d`, and a year either side of it. */
  private reach(d: number): void {
    const old = this.flags;
    const from = old.length === 0 ? d - 366 : Math.min(this.base, d - 366);
    const to = old.length === 0 ? d + 366 : Math.max(this.base + old.length, d + 366);
    const flags = new Uint8Array(to - from);
    if (old.length > 0) flags.set(old, this.base - from);
    this.flags = flags;
    this.base = from;
  }
}

/**
 * {@link workingStartBefore} without the argument checks, for a caller that checked the
 * calendar once and derived its `start` ({@link coverageStart}) once: the alert engine, per
 * deadline, with its days remembered ({@link WorkingDays}).
 * @internal
 */
export function workingStartFrom(days: WorkingDays, start: number, due: number, ms: number): number {
  if (!Number.isFinite(due) || !(ms >= 0)) return NaN;
  const cal = days.cal;
  let d = Math.floor((due + cal.offset) / DAY);
  let tod = due + cal.offset - d * DAY;
  let left = ms;
  const periods = cal.periods;
  for (let guard = 0; guard < HORIZON_DAYS; guard++, d--, tod = DAY) {
    // Before the calendar's first covered year (and no fallback chosen) the working time is
    // unknown: the window reaches back to the start of the covered period, no further.
    if (d * DAY - cal.offset < start) return (d + 1) * DAY - cal.offset;
    if (!days.is(d)) continue;
    for (let i = periods.length - 1; i >= 0; i--) {
      const p = periods[i];
      const s = p[0], e = p[1];
      if (tod <= s) continue;
      const end = tod < e ? tod : e;
      const avail = end - s;
      if (left < avail) return d * DAY + end - left - cal.offset;
      left -= avail;
      tod = s;
    }
  }
  return NaN;
}

/**
 * The first instant the calendar knows working time for (local midnight of its first covered
 * year), or `-Infinity` when it falls back to weekdays outside its years.
 *
 * @example
 * ```ts
 * coverageStart(calendar); // 2016-01-01T00:00+08:00 for CHINA_CALENDAR
 * ```
 */
export function coverageStart(cal: WorkingCalendar): number {
  need('coverageStart', 'cal', cal, 'object', CALENDAR);
  return cal.fallback !== undefined || cal.years.size === 0 ? -Infinity : Date.UTC(Math.min(...cal.years), 0, 1) - cal.offset;
}

/**
 * The local day of `t` for a calendar already checked (its `offset`): {@link localDayOf}
 * without the object check, for the alert engine's per-event step. `t` is still checked (a
 * number, not an object: one test).
 * @internal
 */
export function localDayAt(offset: number, t: number): number {
  if (!Number.isFinite(t)) throw argumentError('localDayOf', 't', FINITE);
  return Math.floor((t + offset) / DAY);
}
