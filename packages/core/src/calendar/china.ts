/**
 * Mainland China's official working calendar, 2016–2026: each year's public holidays 放假 and
 * make-up working days 调休上班 as the State Council General Office announced them in its
 * yearly notice 国务院办公厅关于20xx年部分节假日安排的通知 (and, where it changed a year
 * afterwards, the later notice). Transcribed from the notices' text; each entry cites them.
 *
 * A holiday period is listed from its first to its last day off as the notice states it
 * (`X月X日至X日放假调休`); where the notice says "与周末连休" (joined to the weekend) the
 * weekend days are included, so that a period reads as the days people were off.
 *
 * 2020: the Spring Festival was extended by 国办发明电〔2020〕1号 (26 Jan 2020, COVID-19) to
 * 2 February; the make-up working day of Saturday 1 February was thereby cancelled. The
 * calendar models the extension, because it is what government offices observed.
 * 2019: Labour Day was changed by 国办发明电〔2019〕4号 to 1–4 May, with 28 April and 5 May
 * as make-up working days; the calendar models the changed schedule.
 * 2025: from 2025 the Spring Festival Eve 除夕 and 2 May are statutory holidays (State Council
 * decision of 12 Nov 2024 amending 全国年节及纪念日放假办法), which the 2025 and 2026 notices apply.
 * @module
 */
import { JcError, type LocalizedText } from '../errors/errors.js';
import { calendarIssue } from './messages.js';
import type { CalendarDef } from './calendar.js';
import { CHINA_UTC_OFFSET_MINUTES } from './time.js';

/**
 * A notice that fixes (part of) a year's schedule.
 *
 * @example
 * ```ts
 * const n: HolidayNotice = { title: '国务院办公厅关于2025年部分节假日安排的通知', number: '国办发明电〔2024〕12号', date: '2024-11-12' };
 * ```
 */
export interface HolidayNotice {
  /** The notice's title. */
  title: string;
  /** Its document number, e.g. `国办发明电〔2024〕12号`. */
  number: string;
  /** Its date (YYYY-MM-DD). */
  date: string;
}

/**
 * One holiday period: the festival and its first and last day off (YYYY-MM-DD, inclusive).
 *
 * @example
 * ```ts
 * const p: HolidayPeriod = { name: { zh: '国庆节', en: 'National Day' }, from: '2025-10-01', to: '2025-10-08' };
 * ```
 */
export interface HolidayPeriod {
  name: LocalizedText;
  from: string;
  to: string;
}

/**
 * The schedule of one year: its notices, holiday periods and make-up working days. The dates
 * may reach into the previous December (the New Year holiday of the 2019 and 2023 notices).
 *
 * @example
 * ```ts
 * const y = CHINA_SCHEDULES.find((s) => s.year === 2023)!;
 * y.workdays; // ['2023-01-28', '2023-01-29', '2023-04-23', …]
 * ```
 */
export interface YearSchedule {
  year: number;
  notices: HolidayNotice[];
  holidays: HolidayPeriod[];
  workdays: string[];
}

const N = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  spring: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labour: { zh: '劳动节', en: 'Labour Day' },
  dragon: { zh: '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  national: { zh: '国庆节', en: 'National Day' },
  midAutumnNational: { zh: '中秋节、国庆节', en: 'Mid-Autumn Festival and National Day' },
} as const satisfies Record<string, LocalizedText>;

const h = (name: LocalizedText, from: string, to: string = from): HolidayPeriod => ({ name, from, to });
const notice = (year: number, number: string, date: string): HolidayNotice => ({
  title: `国务院办公厅关于${year}年部分节假日安排的通知`, number, date,
});

/**
 * The official schedules of 2016–2026, one entry per year, oldest first.
 *
 * @example
 * ```ts
 * CHINA_SCHEDULES.map((s) => s.year); // [2016, 2017, …, 2026]
 * ```
 */
export const CHINA_SCHEDULES: readonly YearSchedule[] = Object.freeze([
  {
    year: 2016,
    notices: [notice(2016, '国办发明电〔2015〕18号', '2015-12-10')],
    holidays: [
      h(N.newYear, '2016-01-01', '2016-01-03'),
      h(N.spring, '2016-02-07', '2016-02-13'),
      h(N.qingming, '2016-04-02', '2016-04-04'),
      h(N.labour, '2016-04-30', '2016-05-02'),
      h(N.dragon, '2016-06-09', '2016-06-11'),
      h(N.midAutumn, '2016-09-15', '2016-09-17'),
      h(N.national, '2016-10-01', '2016-10-07'),
    ],
    workdays: ['2016-02-06', '2016-02-14', '2016-06-12', '2016-09-18', '2016-10-08', '2016-10-09'],
  },
  {
    year: 2017,
    notices: [notice(2017, '国办发明电〔2016〕17号', '2016-12-01')],
    holidays: [
      h(N.newYear, '2016-12-31', '2017-01-02'),
      h(N.spring, '2017-01-27', '2017-02-02'),
      h(N.qingming, '2017-04-02', '2017-04-04'),
      h(N.labour, '2017-04-29', '2017-05-01'),
      h(N.dragon, '2017-05-28', '2017-05-30'),
      h(N.midAutumnNational, '2017-10-01', '2017-10-08'),
    ],
    workdays: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
  },
  {
    year: 2018,
    notices: [notice(2018, '国办发明电〔2017〕12号', '2017-11-30')],
    holidays: [
      h(N.newYear, '2017-12-30', '2018-01-01'),
      h(N.spring, '2018-02-15', '2018-02-21'),
      h(N.qingming, '2018-04-05', '2018-04-07'),
      h(N.labour, '2018-04-29', '2018-05-01'),
      h(N.dragon, '2018-06-16', '2018-06-18'),
      h(N.midAutumn, '2018-09-22', '2018-09-24'),
      h(N.national, '2018-10-01', '2018-10-07'),
    ],
    workdays: ['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30'],
  },
  {
    year: 2019,
    notices: [
      notice(2019, '国办发明电〔2018〕15号', '2018-12-06'),
      { title: '国务院办公厅关于调整2019年劳动节假期安排的通知', number: '国办发明电〔2019〕4号', date: '2019-03-22' },
    ],
    holidays: [
      h(N.newYear, '2018-12-30', '2019-01-01'),
      h(N.spring, '2019-02-04', '2019-02-10'),
      h(N.qingming, '2019-04-05', '2019-04-07'),
      h(N.labour, '2019-05-01', '2019-05-04'),
      h(N.dragon, '2019-06-07', '2019-06-09'),
      h(N.midAutumn, '2019-09-13', '2019-09-15'),
      h(N.national, '2019-10-01', '2019-10-07'),
    ],
    workdays: ['2018-12-29', '2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
  },
  {
    year: 2020,
    notices: [
      notice(2020, '国办发明电〔2019〕16号', '2019-11-21'),
      { title: '国务院办公厅关于延长2020年春节假期的通知', number: '国办发明电〔2020〕1号', date: '2020-01-26' },
    ],
    holidays: [
      h(N.newYear, '2020-01-01'),
      h(N.spring, '2020-01-24', '2020-02-02'),
      h(N.qingming, '2020-04-04', '2020-04-06'),
      h(N.labour, '2020-05-01', '2020-05-05'),
      h(N.dragon, '2020-06-25', '2020-06-27'),
      h(N.midAutumnNational, '2020-10-01', '2020-10-08'),
    ],
    workdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  {
    year: 2021,
    notices: [notice(2021, '国办发明电〔2020〕27号', '2020-11-25')],
    holidays: [
      h(N.newYear, '2021-01-01', '2021-01-03'),
      h(N.spring, '2021-02-11', '2021-02-17'),
      h(N.qingming, '2021-04-03', '2021-04-05'),
      h(N.labour, '2021-05-01', '2021-05-05'),
      h(N.dragon, '2021-06-12', '2021-06-14'),
      h(N.midAutumn, '2021-09-19', '2021-09-21'),
      h(N.national, '2021-10-01', '2021-10-07'),
    ],
    workdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  {
    year: 2022,
    notices: [notice(2022, '国办发明电〔2021〕11号', '2021-10-25')],
    holidays: [
      h(N.newYear, '2022-01-01', '2022-01-03'),
      h(N.spring, '2022-01-31', '2022-02-06'),
      h(N.qingming, '2022-04-03', '2022-04-05'),
      h(N.labour, '2022-04-30', '2022-05-04'),
      h(N.dragon, '2022-06-03', '2022-06-05'),
      h(N.midAutumn, '2022-09-10', '2022-09-12'),
      h(N.national, '2022-10-01', '2022-10-07'),
    ],
    workdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    notices: [notice(2023, '国办发明电〔2022〕16号', '2022-12-08')],
    holidays: [
      h(N.newYear, '2022-12-31', '2023-01-02'),
      h(N.spring, '2023-01-21', '2023-01-27'),
      h(N.qingming, '2023-04-05'),
      h(N.labour, '2023-04-29', '2023-05-03'),
      h(N.dragon, '2023-06-22', '2023-06-24'),
      h(N.midAutumnNational, '2023-09-29', '2023-10-06'),
    ],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    notices: [notice(2024, '国办发明电〔2023〕7号', '2023-10-25')],
    holidays: [
      h(N.newYear, '2023-12-30', '2024-01-01'),
      h(N.spring, '2024-02-10', '2024-02-17'),
      h(N.qingming, '2024-04-04', '2024-04-06'),
      h(N.labour, '2024-05-01', '2024-05-05'),
      h(N.dragon, '2024-06-08', '2024-06-10'),
      h(N.midAutumn, '2024-09-15', '2024-09-17'),
      h(N.national, '2024-10-01', '2024-10-07'),
    ],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    notices: [notice(2025, '国办发明电〔2024〕12号', '2024-11-12')],
    holidays: [
      h(N.newYear, '2025-01-01'),
      h(N.spring, '2025-01-28', '2025-02-04'),
      h(N.qingming, '2025-04-04', '2025-04-06'),
      h(N.labour, '2025-05-01', '2025-05-05'),
      h(N.dragon, '2025-05-31', '2025-06-02'),
      h(N.midAutumnNational, '2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    notices: [notice(2026, '国办发明电〔2025〕7号', '2025-11-04')],
    holidays: [
      h(N.newYear, '2026-01-01', '2026-01-03'),
      h(N.spring, '2026-02-15', '2026-02-23'),
      h(N.qingming, '2026-04-04', '2026-04-06'),
      h(N.labour, '2026-05-01', '2026-05-05'),
      h(N.dragon, '2026-06-19', '2026-06-21'),
      h(N.midAutumn, '2026-09-25', '2026-09-27'),
      h(N.national, '2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
] satisfies YearSchedule[]);

/**
 * Government office hours used by default: 08:00–12:00 and 14:30–17:30 (Fujian offices move
 * the afternoon in summer: give `seasons`).
 *
 * @example
 * ```ts
 * DEFAULT_OFFICE_HOURS[1]; // ['14:30', '17:30']
 * ```
 */
export const DEFAULT_OFFICE_HOURS: readonly (readonly [string, string])[] = Object.freeze([
  Object.freeze(['08:00', '12:00'] as const),
  Object.freeze(['14:30', '17:30'] as const),
]);

/** Every date of an inclusive range of YYYY-MM-DD dates. */
function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  if (!(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) <= 400 * 86_400_000)) return [from, to];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * A calendar definition from year schedules: their holidays and make-up days, covering
 * exactly their years, with `base`'s offset, weekend and hours.
 *
 * @example
 * ```ts
 * const cal2024 = calendarFromSchedules(CHINA_SCHEDULES.filter((s) => s.year === 2024), { id: 'cn-2024' });
 * ```
 */
export function calendarFromSchedules(
  schedules: readonly YearSchedule[],
  base: Partial<Omit<CalendarDef, 'holidays' | 'workdays' | 'years'>> = {},
): CalendarDef {
  if (!Array.isArray(schedules) || typeof base !== 'object' || base === null) throw new JcError(calendarIssue('E_BAD_CALENDAR', 'schedules'));
  try {
    return definitionOf(schedules, base);
  } catch {
    throw new JcError(calendarIssue('E_BAD_CALENDAR', 'schedules'));
  }
}

function definitionOf(schedules: readonly YearSchedule[], base: Partial<Omit<CalendarDef, 'holidays' | 'workdays' | 'years'>>): CalendarDef {
  return {
    id: base.id ?? 'cn',
    utcOffsetMinutes: base.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES,
    weekend: base.weekend ?? [0, 6],
    years: schedules.map((s) => s.year),
    holidays: schedules.flatMap((s) => s.holidays.flatMap((p) => datesOf(p.from, p.to))),
    workdays: schedules.flatMap((s) => s.workdays),
    hours: base.hours ?? DEFAULT_OFFICE_HOURS.map(([a, b]) => [a, b] as [string, string]),
    ...(base.seasons ? { seasons: base.seasons } : {}),
  };
}

/**
 * Mainland China's working calendar 2016–2026 (every year's holidays and 调休 from its
 * notice), government office hours 08:00–12:00 and 14:30–17:30, covering the years 2016–2026.
 *
 * @example
 * ```ts
 * const cal = createCalendar(CHINA_CALENDAR);
 * ```
 */
export const CHINA_CALENDAR: CalendarDef = Object.freeze(calendarFromSchedules(CHINA_SCHEDULES, { id: 'cn-2016-2026' }));

/**
 * The 2025 and 2026 part of {@link CHINA_CALENDAR} (covers only those two years; kept for
 * hosts that built on it).
 *
 * @example
 * ```ts
 * const cal = createCalendar(CHINA_CALENDAR_2025_2026);
 * ```
 */
export const CHINA_CALENDAR_2025_2026: CalendarDef = Object.freeze(
  calendarFromSchedules(CHINA_SCHEDULES.filter((s) => s.year >= 2025), { id: 'cn-2025-2026' }),
);
