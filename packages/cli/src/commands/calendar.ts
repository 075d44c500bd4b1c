/**
 * `jiceng calendar`: the working calendar from the command line — a year's holidays and
 * make-up working days, and the deadline of a time limit.
 * @module
 */
import { type JcIssue, type Lang } from '@jiceng/core';
import { formatIssue } from '@jiceng/core/errors';
import {
  calendarIssue, CHINA_SCHEDULES, createCalendar, dayNumberOfDate, dueAfter, formatInstant,
  parseInstant, readCalendarFile, weekdayOfDayNumber, type CalendarFileContents, type TimeLimitUnit,
} from '@jiceng/core/calendar';
import { EXIT, parseCommandArgs, usageError, type Command } from '../command.js';
import type { CliIo } from '../io.js';

const WEEKDAYS: Record<Lang, string[]> = {
  zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/**
 * Parses a limit as the command line writes it: `<n>d` working days, `<n>h` working hours
 * (decimals allowed), `<n>cd` calendar days 自然日; `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseLimit('3d');   // { amount: 3, unit: 'workDays' }
 * parseLimit('1.5h'); // { amount: 1.5, unit: 'workHours' }
 * parseLimit('15cd'); // { amount: 15, unit: 'calendarDays' }
 * ```
 */
export function parseLimit(text: string): { amount: number; unit: TimeLimitUnit } | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{1,5})(cd|d)$/.exec(text) ?? /^(\d{1,5}(?:\.\d{1,3})?)(h)$/.exec(text);
  if (!m) return undefined;
  const unit: TimeLimitUnit = m[2] === 'h' ? 'workHours' : m[2] === 'cd' ? 'calendarDays' : 'workDays';
  return { amount: Number(m[1]), unit };
}

/** The schedules and definition to use: the official ones, or a city's file. */
async function load(path: string | undefined, io: CliIo, lang: Lang): Promise<CalendarFileContents | number> {
  if (path === undefined) {
    const r = readCalendarFile({ years: [] }, CHINA_SCHEDULES);
    if (!r.ok) throw new Error('the official calendar does not build');
    return r.value;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(path)));
  } catch (e) {
    return report(io, lang, [calendarIssue('E_CALENDAR_FILE', e instanceof SyntaxError || e instanceof TypeError ? (e).message : `${path}: ${(e as { code?: string }).code ?? String(e)}`)], path);
  }
  const r = readCalendarFile(json);
  return r.ok ? r.value : report(io, lang, r.errors, path);
}

function report(io: CliIo, lang: Lang, errors: JcIssue[], file?: string): number {
  for (const e of errors) io.err(`${formatIssue(file ? { ...e, file } : e, lang)}\n`);
  return EXIT.problems;
}

function show(io: CliIo, lang: Lang, cal: CalendarFileContents, yearText: string): number {
  const year = Number(yearText);
  const s = cal.schedules.find((y) => y.year === year);
  if (!s) {
    const years = cal.schedules.map((y) => y.year);
    const span = years.length ? `${years[0]}–${years[years.length - 1]}` : '—';
    return report(io, lang, [calendarIssue('E_CALENDAR_COVERAGE', `${yearText} ∉ ${span}`)]);
  }
  const day = (d: string) => `${d}（${WEEKDAYS[lang][weekdayOfDayNumber(dayNumberOfDate(d))]}）`;
  const dayEn = (d: string) => `${d} (${WEEKDAYS[lang][weekdayOfDayNumber(dayNumberOfDate(d))]})`;
  const lines: string[] = [];
  lines.push(lang === 'en' ? `Working calendar ${year}` : `${year} 年工作日历`);
  for (const n of s.notices) lines.push(lang === 'en' ? `  per ${n.title} (${n.number}, ${n.date})` : `  依据《${n.title}》（${n.number}，${n.date}）`);
  lines.push(lang === 'en' ? 'Holidays:' : '放假：');
  for (const p of s.holidays) {
    const days = dayNumberOfDate(p.to) - dayNumberOfDate(p.from) + 1;
    const span = p.from === p.to ? p.from : lang === 'en' ? `${p.from} – ${p.to}` : `${p.from} 至 ${p.to}`;
    lines.push(lang === 'en' ? `  ${p.name.en}: ${span} (${days} day${days > 1 ? 's' : ''})` : `  ${p.name.zh}：${span}（共 ${days} 天）`);
  }
  lines.push(lang === 'en' ? 'Make-up working days:' : '调休上班：');
  if (!s.workdays.length) lines.push(lang === 'en' ? '  none' : '  无');
  for (const w of s.workdays) lines.push(`  ${lang === 'en' ? dayEn(w) : day(w)}`);
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * `jiceng calendar show <year>` prints a year's holidays 放假 and make-up working days
 * 调休上班 with the notice they come from, or `E_CALENDAR_COVERAGE` (exit 1) for a year the
 * calendar does not cover. `jiceng calendar due <start> <limit>` prints the deadline of a
 * limit (`<n>d` working days, `<n>h` working hours, `<n>cd` calendar days) that starts at an
 * ISO 8601 time with offset, as ISO 8601 in +08:00. `--calendar FILE` uses a city's own
 * calendar file (the official years plus the file's); `--fallback weekdays` estimates dates
 * outside the covered years as Monday–Friday and says so on stderr.
 *
 * @example
 * ```ts
 * const io = memoryIo();
 * await calendarCommand.run(['due', '2023-04-28T10:00:00+08:00', '1d'], io); // 0
 * io.stdout(); // '2023-05-04T17:30:00+08:00\n'
 * ```
 */
export const calendarCommand: Command = {
  name: 'calendar',
  summary: { zh: '工作日历：查看某年的放假与调休安排，计算时限的截止时间', en: "Working calendar: a year's holidays and make-up days, the due time of a time limit" },
  usage: 'jiceng calendar show <year> [--calendar FILE] [--lang en]\n       jiceng calendar due <start> <n>d|<n>h|<n>cd [--calendar FILE] [--fallback weekdays] [--lang en]',
  async run(args, io) {
    const p = parseCommandArgs(calendarCommand, args, { calendar: { type: 'string' }, fallback: { type: 'string' } }, io, { min: 2, max: 3 });
    if (!p.ok) return p.exit;
    const { lang, positionals } = p;
    const [sub, a, b] = positionals;
    const fallback = p.values.fallback as string | undefined;
    if (fallback !== undefined && fallback !== 'weekdays') {
      return usageError(calendarCommand, io, lang, { zh: `--fallback 只能是 weekdays，而不是 ${fallback}`, en: `--fallback must be weekdays, not ${fallback}` });
    }
    if (sub === 'show') {
      if (positionals.length !== 2 || !/^\d{4}$/.test(a)) {
        return usageError(calendarCommand, io, lang, { zh: `年份应为四位数字，而不是 ${positionals.slice(1).join(' ')}`, en: `the year must be four digits, not ${positionals.slice(1).join(' ')}` });
      }
      const cal = await load(p.values.calendar as string | undefined, io, lang);
      return typeof cal === 'number' ? cal : show(io, lang, cal, a);
    }
    if (sub === 'due') {
      if (positionals.length !== 3) return usageError(calendarCommand, io, lang, { zh: '缺少参数', en: 'missing argument' });
      const start = parseInstant(a);
      if (!Number.isFinite(start)) {
        return usageError(calendarCommand, io, lang, { zh: `起始时间应为带时区偏移的 ISO 8601 时间（如 2025-10-08T09:00:00+08:00），而不是 ${a}`, en: `the start must be an ISO 8601 time with offset (e.g. 2025-10-08T09:00:00+08:00), not ${a}` });
      }
      const limit = parseLimit(b);
      if (!limit) {
        return usageError(calendarCommand, io, lang, { zh: `时限应为 <n>d（工作日）、<n>h（工作小时）或 <n>cd（自然日），而不是 ${b}`, en: `the limit must be <n>d (working days), <n>h (working hours) or <n>cd (calendar days), not ${b}` });
      }
      const cal = await load(p.values.calendar as string | undefined, io, lang);
      if (typeof cal === 'number') return cal;
      const c = createCalendar(cal.def, fallback === 'weekdays' ? { fallback: 'weekdays' } : {});
      if (!c.ok) return report(io, lang, c.errors);
      const due = dueAfter(c.value, start, limit);
      if (!due.ok) return report(io, lang, due.errors);
      io.out(`${formatInstant(due.value.at, c.value.def.utcOffsetMinutes)}\n`);
      if (due.value.estimated) {
        io.err(lang === 'en'
          ? `estimated: the limit runs outside the years the calendar covers (its last day is ${cal.def.years[cal.def.years.length - 1]}-12-31); counted Monday–Friday without holidays\n`
          : `估算：时限超出工作日历覆盖的年份（最后一天为 ${cal.def.years[cal.def.years.length - 1]}-12-31），按周一至周五、不计节假日计算\n`);
      }
      return EXIT.ok;
    }
    return usageError(calendarCommand, io, lang, { zh: `未知的子命令 ${sub}（应为 show 或 due）`, en: `unknown sub-command ${sub} (expected show or due)` });
  },
};
