/**
 * The error messages of the working calendar, in Chinese and English, in one table.
 * @module
 */
import { issue, JcError, type JcIssue } from '../errors/errors.js';

/**
 * Every code the working calendar can report, with its zh and en message.
 *
 * @example
 * ```ts
 * CALENDAR_MESSAGES.E_CALENDAR_COVERAGE[1]; // 'the date lies outside the years the calendar covers'
 * ```
 */
export const CALENDAR_MESSAGES = {
  E_CALENDAR_COVERAGE: ['日期超出工作日历覆盖的年份（请补充该年的放假安排，或明确选择按周一至周五估算）', 'the date lies outside the years the calendar covers (add that year\'s holiday schedule, or choose the Monday–Friday estimate explicitly)'],
  E_BAD_CALENDAR: ['工作日历无效', 'invalid working calendar'],
  E_CALENDAR_FILE: ['日历文件无效', 'invalid calendar file'],
  E_BAD_DATE: ['日期无效，应为 YYYY-MM-DD', 'invalid date, expected YYYY-MM-DD'],
  E_BAD_HOURS: ['工作时段无效', 'invalid working hours'],
  E_NO_WORKING_TIME: ['日历中没有工作时间', 'the calendar has no working time'],
  E_BAD_TIME: ['时间无效，应为带时区偏移的 ISO 8601 时间或有限的毫秒数', 'invalid time: expected an ISO 8601 time with offset or finite epoch milliseconds'],
  E_BAD_LIMIT: ['时限无效，应为非负的数量和单位 workHours、workDays 或 calendarDays', 'invalid time limit: expected a non-negative amount and a unit of workHours, workDays or calendarDays'],
  E_BAD_YEAR: ['年份无效', 'invalid year'],
} as const satisfies Record<string, readonly [string, string]>;

/**
 * A code of {@link CALENDAR_MESSAGES}.
 *
 * @example
 * ```ts
 * const code: CalendarCode = 'E_CALENDAR_COVERAGE';
 * ```
 */
export type CalendarCode = keyof typeof CALENDAR_MESSAGES;

/**
 * An issue of the working calendar with its zh/en message; `detail` (the offending value) is
 * appended to both.
 *
 * @example
 * ```ts
 * calendarIssue('E_CALENDAR_COVERAGE', '2027-01-04');
 * ```
 */
export function calendarIssue(code: CalendarCode, detail?: string, column?: string, row?: number): JcIssue {
  const known = typeof code === 'string' && Object.hasOwn(CALENDAR_MESSAGES, code);
  const [zh, en] = known ? CALENDAR_MESSAGES[code] : CALENDAR_MESSAGES.E_BAD_CALENDAR;
  const tail = detail === undefined ? '' : `: ${textOf(detail)}`;
  const where = { ...(typeof column === 'string' && column ? { column } : {}), ...(typeof row === 'number' ? { row } : {}) };
  return issue(known ? code : 'E_BAD_CALENDAR', `${zh}${tail}`, `${en}${tail}`, where);
}

/**
 * A short text for any value, for an error message: never throws (objects without a
 * prototype, symbols), at most 200 characters.
 *
 * @example
 * ```ts
 * textOf(Object.create(null)); // '[object]'
 * ```
 */
export function textOf(x: unknown): string {
  let t: string;
  try {
    t = typeof x === 'object' && x !== null ? JSON.stringify(x) ?? '[object]' : String(x);
  } catch {
    t = `[${typeof x}]`;
  }
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}

/**
 * Throws a {@link JcError} of the working calendar.
 *
 * @example
 * ```ts
 * if (!Number.isFinite(t)) calendarError('E_BAD_TIME', String(t));
 * ```
 */
export function calendarError(code: CalendarCode, detail?: string, column?: string): never {
  throw new JcError(calendarIssue(code, detail, column));
}
