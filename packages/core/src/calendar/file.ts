/**
 * A city's own calendar file (JSON): the years it adds or corrects, and optionally its own
 * working hours and seasonal hours. Checked with zod; every problem comes back with a code,
 * the field path and a zh/en message. Adding a year needs no new release of Jiceng.
 * @module
 */
import { z } from 'zod';
import { isList } from '../errors/args.js';
import { fail, ok, type JcIssue, type Result } from '../errors/errors.js';
import { calendarDefSchema, zodIssues, type CalendarDef, type SeasonalHours } from './calendar.js';
import { calendarFromSchedules, CHINA_SCHEDULES, type YearSchedule } from './china.js';
import { calendarIssue } from './messages.js';
import { dayNumberOfDate, firstDayOfYear } from './time.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = z.string().min(1).max(200);

/**
 * The zod schema of one year's schedule in a calendar file.
 *
 * @example
 * ```ts
 * yearScheduleSchema.safeParse(CHINA_SCHEDULES[0]).success; // true
 * ```
 */
export const yearScheduleSchema = z.object({
  year: z.number().int().min(1900).max(2200),
  notices: z.array(z.object({ title: text, number: z.string().max(100), date })).max(20).default([]),
  holidays: z.array(z.object({ name: z.object({ zh: text, en: text }), from: date, to: date })).max(100),
  workdays: z.array(date).max(100),
}).strict();

/**
 * The zod schema of a calendar file: `{ "years": [ … ], "hours"?: …, "seasons"?: …, "id"?: … }`.
 *
 * @example
 * ```ts
 * calendarFileSchema.safeParse({ years: [] }).success; // true
 * ```
 */
export const calendarFileSchema = z.object({
  id: z.string().min(1).max(100).optional(),
  years: z.array(yearScheduleSchema).max(200),
  hours: calendarDefSchema.shape.hours.optional(),
  seasons: calendarDefSchema.shape.seasons,
}).strict();

/**
 * A calendar file as parsed.
 *
 * @example
 * ```ts
 * const f: CalendarFile = { years: [{ year: 2027, notices: [], holidays: [], workdays: [] }] };
 * ```
 */
export interface CalendarFile {
  id?: string;
  years: YearSchedule[];
  hours?: [string, string][];
  seasons?: SeasonalHours[];
}

/** Dates that must lie in the schedule's year or, for a New Year holiday, the December before. */
function checkYear(y: YearSchedule, at: string): JcIssue[] {
  const errors: JcIssue[] = [];
  const lo = firstDayOfYear(y.year) - 31;
  const hi = firstDayOfYear(y.year + 1);
  const day = (d: string, column: string) => {
    const n = dayNumberOfDate(d);
    if (Number.isNaN(n)) errors.push(calendarIssue('E_BAD_DATE', d, column));
    else if (n < lo || n >= hi) errors.push(calendarIssue('E_BAD_YEAR', `${d} ∉ ${y.year}`, column));
    return n;
  };
  const off = new Set<number>();
  y.holidays.forEach((p, i) => {
    const a = day(p.from, `${at}.holidays.${i}.from`);
    const b = day(p.to, `${at}.holidays.${i}.to`);
    if (a > b) errors.push(calendarIssue('E_BAD_DATE', `${p.from} > ${p.to}`, `${at}.holidays.${i}`));
    for (let d = a; d <= b; d++) off.add(d);
  });
  y.workdays.forEach((w, i) => {
    const n = day(w, `${at}.workdays.${i}`);
    if (off.has(n)) errors.push(calendarIssue('E_BAD_DATE', `${w}: holiday and workday`, `${at}.workdays.${i}`));
  });
  return errors;
}

/**
 * A calendar file read and merged: the schedules (with their notices and holiday names, for
 * display) and the calendar definition made of them.
 *
 * @example
 * ```ts
 * const r = readCalendarFile({ years: [] });
 * if (r.ok) r.value.schedules.length; // 11: the official years, nothing added
 * ```
 */
export interface CalendarFileContents {
  schedules: YearSchedule[];
  def: CalendarDef;
}

/**
 * Reads a city's calendar file (the parsed JSON): checks it, and gives the schedules of
 * `base` (default: the official 2016–2026 schedules) with the file's years added or, for a
 * year both have, replaced, and the calendar made of them; the file's `hours` and `seasons`
 * replace the defaults. See {@link calendarFromFile} for the definition alone.
 *
 * @example
 * ```ts
 * const r = readCalendarFile(JSON.parse(text));
 * if (r.ok) r.value.schedules.map((s) => s.year);
 * ```
 */
export function readCalendarFile(json: unknown, base: readonly YearSchedule[] = CHINA_SCHEDULES): Result<CalendarFileContents> {
  if (!isList(base)) return fail([calendarIssue('E_BAD_CALENDAR', 'base')]);
  const parsed = calendarFileSchema.safeParse(json);
  if (!parsed.success) return fail(zodIssues('E_CALENDAR_FILE', parsed.error));
  const file = parsed.data;
  const errors = file.years.flatMap((y, i) => checkYear(y, `years.${i}`));
  const seen = new Set<number>();
  file.years.forEach((y, i) => {
    if (seen.has(y.year)) errors.push(calendarIssue('E_BAD_YEAR', `${y.year} twice`, `years.${i}.year`));
    seen.add(y.year);
  });
  if (errors.length) return fail(errors);
  const schedules = [...base.filter((s) => !seen.has(s.year)), ...file.years].sort((a, b) => a.year - b.year);
  return ok({
    schedules,
    def: calendarFromSchedules(schedules, {
      id: file.id ?? 'cn-custom',
      ...(file.hours ? { hours: file.hours } : {}),
      ...(file.seasons ? { seasons: file.seasons } : {}),
    }),
  });
}

/**
 * Reads a city's calendar file (the parsed JSON) into a calendar definition: `base`'s years
 * (default: the official 2016–2026 schedules) with the file's years added or replaced; see
 * {@link readCalendarFile}.
 *
 * @example
 * ```ts
 * const def = calendarFromFile(JSON.parse(readFileSync('putian-2027.json', 'utf8')));
 * if (def.ok) createCalendar(def.value);
 * else def.errors.forEach((e) => console.error(formatIssue(e, 'en')));
 * ```
 */
export function calendarFromFile(json: unknown, base: readonly YearSchedule[] = CHINA_SCHEDULES): Result<CalendarDef> {
  const r = readCalendarFile(json, base);
  return r.ok ? ok(r.value.def) : r;
}
