/**
 * The working calendar of the case loop. It lives in `@jiceng/core/calendar`; the names the
 * case loop has always exported are re-exported here.
 * @module
 */
export {
  addTimeLimit, addWorkingDays, addWorkingHours, addWorkingMs, createCalendar, formatLocal, isWorkingDay,
  workingMsBetween, type CalendarDef, type WorkingCalendar,
} from '../calendar/calendar.js';
