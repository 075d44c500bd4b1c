/**
 * Mainland China's working calendar for 2025 and 2026, from the State Council General
 * Office holiday notices: 国办发明电〔2024〕12号 (2025) and the notice of 2025-11-04 on the 2026
 * holidays (published by Xinhua). Time zone Asia/Shanghai (UTC+8, no daylight saving).
 * @module
 */
import type { CalendarDef } from './calendar.js';

/** Expands an inclusive range of dates within one month, `range('2025-10', 1, 8)`. */
function range(month: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d++) out.push(`${month}-${String(d).padStart(2, '0')}`);
  return out;
}

/**
 * Public holidays and make-up working days 调休 of 2025 and 2026, with government office
 * hours 08:00–12:00 and 14:30–17:30 ([inferred] default; Fujian offices shift the afternoon
 * in summer — replace `hours` with your own).
 *
 * 2025: New Year Jan 1; Spring Festival Jan 28–Feb 4 (work Sun Jan 26, Sat Feb 8); Qingming
 * Apr 4–6; Labour Day May 1–5 (work Sun Apr 27); Dragon Boat May 31–Jun 2; National Day +
 * Mid-Autumn Oct 1–8 (work Sun Sep 28, Sat Oct 11).
 * 2026: New Year Jan 1–3 (work Sun Jan 4); Spring Festival Feb 15–23 (work Sat Feb 14, Sat
 * Feb 28); Qingming Apr 4–6; Labour Day May 1–5 (work Sat May 9); Dragon Boat Jun 19–21;
 * Mid-Autumn Sep 25–27; National Day Oct 1–7 (work Sun Sep 20, Sat Oct 10).
 *
 * @example
 * ```ts
 * const cal = createCalendar(CHINA_CALENDAR_2025_2026);
 * ```
 */
export const CHINA_CALENDAR_2025_2026: CalendarDef = Object.freeze({
  id: 'cn-2025-2026',
  utcOffsetMinutes: 480,
  weekend: [0, 6],
  holidays: [
    '2025-01-01',
    ...range('2025-01', 28, 31), ...range('2025-02', 1, 4),
    ...range('2025-04', 4, 6),
    ...range('2025-05', 1, 5),
    '2025-05-31', '2025-06-01', '2025-06-02',
    ...range('2025-10', 1, 8),
    ...range('2026-01', 1, 3),
    ...range('2026-02', 15, 23),
    ...range('2026-04', 4, 6),
    ...range('2026-05', 1, 5),
    ...range('2026-06', 19, 21),
    ...range('2026-09', 25, 27),
    ...range('2026-10', 1, 7),
  ],
  workdays: [
    '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
    '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
  ],
  hours: [['08:00', '12:00'], ['14:30', '17:30']],
}) as CalendarDef;
