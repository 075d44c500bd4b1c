/**
 * `@jiceng/core/calendar`: the working calendar.
 * Official holiday schedules with the years they cover, working and seasonal hours, deadlines
 * in working hours, working days and calendar days, a city's own calendar file, and the one UTC
 * offset of the project (`CHINA_UTC_OFFSET_MS`, +08:00).
 *
 * @example
 * ```ts
 * import { createCalendar, CHINA_CALENDAR, addWorkingDays } from '@jiceng/core/calendar';
 * const cal = createCalendar(CHINA_CALENDAR);
 * if (cal.ok) console.log(new Date(addWorkingDays(cal.value, Date.parse('2026-02-13T09:00:00+08:00'), 1)));
 * ```
 * @module
 */
export {
  addTimeLimit, addWorkingDays, addWorkingHours, addWorkingMs, type CalendarDef, calendarDefSchema,
  type CalendarOptions, createCalendar, type Deadline, dueAfter, formatLocal, isWorkingDay, resumedDue,
  type TimeLimit,
  type SeasonalHours, TIME_LIMIT_UNITS, type TimeLimitUnit, type WorkingCalendar, workingMsBetween,
} from './calendar.js';
export {
  calendarFromSchedules, CHINA_CALENDAR, CHINA_CALENDAR_2025_2026, CHINA_SCHEDULES,
  DEFAULT_OFFICE_HOURS, type HolidayNotice, type HolidayPeriod, type YearSchedule,
} from './china.js';
export {
  type CalendarFile, type CalendarFileContents, calendarFileSchema, calendarFromFile, readCalendarFile,
  yearScheduleSchema,
} from './file.js';
export { CALENDAR_MESSAGES, type CalendarCode, calendarIssue } from './messages.js';
export {
  CHINA_UTC_OFFSET_MINUTES, CHINA_UTC_OFFSET_MS, DAY_MS, dayNumberOfDate, formatInstant, parseInstant,
  weekdayOfDayNumber,
} from './time.js';
