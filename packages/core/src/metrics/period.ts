/**
 * Calendar periods in China Standard Time (Asia/Shanghai, UTC+08:00, no daylight saving):
 * day, ISO week (Monday first), month, quarter and year, each numbered by an integer key so
 * that bucketing a case is arithmetic, not a `Date` per row.
 * @module
 */
import { CHINA_UTC_OFFSET_MS } from '../calendar/time.js';

import { argumentError, isObject, needString } from '../errors/args.js';

/** The length of a period. @example `const u: PeriodUnit = 'month';` */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** All period units, shortest first. @example `PERIOD_UNITS.includes('week') // true` */
export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

function needUnit(fn: string, unit: unknown): void {
  if (!(PERIOD_UNITS as readonly unknown[]).includes(unit)) throw argumentError(fn, 'unit', { zh: `${PERIOD_UNITS.join('、')} 之一`, en: `one of ${PERIOD_UNITS.join(', ')}` });
}
function needPeriod(fn: string, p: unknown): void {
  if (!isObject(p) || !(PERIOD_UNITS as readonly unknown[]).includes(p.unit) || !Number.isSafeInteger(p.key) || Math.abs(p.key as number) > 1e8) {
    throw argumentError(fn, 'p', { zh: '期间 { unit, key }（key 为整数）', en: 'a period { unit, key } with an integer key' });
  }
}

/**
 * One calendar period: its unit and its integer key (days since 1970-01-01 for a day, weeks
 * since Monday 1969-12-29 for a week, `year × 12 + month − 1` for a month,
 * `year × 4 + quarter − 1` for a quarter, the year itself for a year).
 *
 * @example
 * ```ts
 * const march2024: PeriodRef = { unit: 'month', key: 2024 * 12 + 2 };
 * ```
 */
export interface PeriodRef {
  unit: PeriodUnit;
  key: number;
}

/**
 * A half-open time range `[from, to)` in epoch milliseconds.
 *
 * @example
 * ```ts
 * const r: TimeRange = { from: Date.parse('2024-01-01T00:00:00+08:00'), to: Date.parse('2025-01-01T00:00:00+08:00') };
 * ```
 */
export interface TimeRange {
  from: number;
  to: number;
}

/**
 * A period described for display and charts: unit, key, label and its time range.
 *
 * @example
 * ```ts
 * describePeriod({ unit: 'quarter', key: 2024 * 4 }); // { unit: 'quarter', key: 8096, label: '2024-Q1', from: …, to: … }
 * ```
 */
export interface PeriodInfo extends PeriodRef, TimeRange {
  label: string;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 → [year, month 1..12, day 1..31] (H. Hinnant's civil_from_days). */
function civil(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** [year, month 1..12, day] → days since 1970-01-01 (days_from_civil). */
function daysFrom(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * The key of the period of the given unit that contains time `t` (epoch ms), in +08:00.
 * Returns NaN for NaN.
 *
 * @example
 * ```ts
 * periodKey(Date.parse('2024-03-31T23:30:00+08:00'), 'month') === 2024 * 12 + 2; // March, not April
 * ```
 */
export function periodKey(t: number, unit: PeriodUnit): number {
  if (typeof t !== 'number' || t === Infinity || t === -Infinity) throw argumentError('periodKey', 't', { zh: '时间戳（毫秒；NaN 表示无时间）', en: 'a time in epoch ms (NaN for none)' });
  needUnit('periodKey', unit);
  if (t !== t) return NaN; // no time, no period: by contract
  const day = Math.floor((t + CHINA_UTC_OFFSET_MS) / DAY);
  if (unit === 'day') return day;
  if (unit === 'week') return Math.floor((day + 3) / 7);
  const [y, m] = civil(day);
  if (unit === 'month') return y * 12 + m - 1;
  if (unit === 'quarter') return y * 4 + Math.floor((m - 1) / 3);
  return y;
}

/**
 * The period of the given unit that contains `t`.
 *
 * @example
 * ```ts
 * periodOf(Date.parse('2016-12-15T10:00:00+08:00'), 'month'); // { unit: 'month', key: 24203 }
 * ```
 */
export function periodOf(t: number, unit: PeriodUnit): PeriodRef {
  return { unit, key: periodKey(t, unit) };
}

/**
 * The first millisecond of a period (midnight +08:00).
 *
 * @example
 * ```ts
 * new Date(periodStart({ unit: 'year', key: 2024 })).toISOString(); // '2023-12-31T16:00:00.000Z'
 * ```
 */
export function periodStart(p: PeriodRef): number {
  needPeriod('periodStart', p);
  let day: number;
  switch (p.unit) {
    case 'day': day = p.key; break;
    case 'week': day = p.key * 7 - 3; break;
    case 'month': day = daysFrom(Math.floor(p.key / 12), (p.key % 12 + 12) % 12 + 1, 1); break;
    case 'quarter': day = daysFrom(Math.floor(p.key / 4), ((p.key % 4 + 4) % 4) * 3 + 1, 1); break;
    default: day = daysFrom(p.key, 1, 1);
  }
  return day * DAY - CHINA_UTC_OFFSET_MS;
}

/**
 * The time range `[start, next start)` of a period.
 *
 * @example
 * ```ts
 * const { from, to } = periodRange({ unit: 'day', key: 19800 }); // to - from === 86_400_000
 * ```
 */
export function periodRange(p: PeriodRef): TimeRange {
  needPeriod('periodRange', p);
  return { from: periodStart(p), to: periodStart({ unit: p.unit, key: p.key + 1 }) };
}

/**
 * The period `n` steps after (or before, for negative n) `p`.
 *
 * @example
 * ```ts
 * shiftPeriod({ unit: 'month', key: 2024 * 12 }, -1); // December 2023
 * ```
 */
export function shiftPeriod(p: PeriodRef, n: number): PeriodRef {
  needPeriod('shiftPeriod', p);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(p.key + n)) throw argumentError('shiftPeriod', 'n', { zh: '整数', en: 'an integer' });
  return { unit: p.unit, key: p.key + n };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A stable label: `2024-03-05`, `2024-W10` (ISO week), `2024-03`, `2024-Q1`, `2024`.
 *
 * @example
 * ```ts
 * periodLabel({ unit: 'quarter', key: 2024 * 4 + 3 }); // '2024-Q4'
 * ```
 */
export function periodLabel(p: PeriodRef): string {
  needPeriod('periodLabel', p);
  switch (p.unit) {
    case 'day': {
      const [y, m, d] = civil(p.key);
      return `${y}-${pad(m)}-${pad(d)}`;
    }
    case 'week': {
      const thursday = p.key * 7; // Monday is key*7-3, so Thursday is key*7
      const [y] = civil(thursday);
      const week = Math.floor((thursday - daysFrom(y, 1, 1)) / 7) + 1;
      return `${y}-W${pad(week)}`;
    }
    case 'month': return `${Math.floor(p.key / 12)}-${pad((p.key % 12) + 1)}`;
    case 'quarter': return `${Math.floor(p.key / 4)}-Q${(p.key % 4) + 1}`;
    default: return String(p.key);
  }
}

/**
 * The period with its label and time range, for display.
 *
 * @example
 * ```ts
 * describePeriod({ unit: 'month', key: 2016 * 12 + 11 }).label; // '2016-12'
 * ```
 */
export function describePeriod(p: PeriodRef): PeriodInfo {
  needPeriod('describePeriod', p);
  return { unit: p.unit, key: p.key, label: periodLabel(p), ...periodRange(p) };
}

const LABEL_PATTERNS: [RegExp, (m: RegExpMatchArray) => PeriodRef | null][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => {
    const y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const key = daysFrom(y, mo, d);
    return civil(key)[2] === d ? { unit: 'day', key } : null;
  }],
  [/^(\d{4})-W(\d{2})$/, (m) => {
    const y = +m[1], w = +m[2];
    if (w < 1 || w > 53) return null;
    const jan4 = daysFrom(y, 1, 4);
    const key = Math.floor((jan4 + 3) / 7) + w - 1;
    return periodLabel({ unit: 'week', key }) === m[0] ? { unit: 'week', key } : null;
  }],
  [/^(\d{4})-(\d{2})$/, (m) => (+m[2] >= 1 && +m[2] <= 12 ? { unit: 'month', key: +m[1] * 12 + +m[2] - 1 } : null)],
  [/^(\d{4})-Q([1-4])$/, (m) => ({ unit: 'quarter', key: +m[1] * 4 + +m[2] - 1 })],
  [/^(\d{4})$/, (m) => ({ unit: 'year', key: +m[1] })],
];

/**
 * Reads a label written by {@link periodLabel} back into a period, or null if it is not one.
 *
 * @example
 * ```ts
 * parsePeriod('2016-12'); // { unit: 'month', key: 24203 }
 * parsePeriod('2016-13'); // null
 * ```
 */
export function parsePeriod(label: string): PeriodRef | null {
  needString('parsePeriod', 'label', label);
  for (const [re, make] of LABEL_PATTERNS) {
    const m = label.match(re);
    if (m) return make(m);
  }
  return null;
}

/**
 * Fills `out[i]` with the period key of `times[i]` for the first `n` rows, fast: one civil
 * date per distinct day, not per row.
 *
 * @example
 * ```ts
 * const keys = periodKeys(facts.reportedAt, facts.length, 'month');
 * ```
 */
export function periodKeys(times: Float64Array, n: number, unit: PeriodUnit, out?: Float64Array): Float64Array {
  if (!(times instanceof Float64Array)) throw argumentError('periodKeys', 'times', { zh: ' Float64Array', en: 'a Float64Array' });
  if (!Number.isInteger(n) || n < 0 || n > times.length) throw argumentError('periodKeys', 'n', { zh: `0 到 ${times.length} 的整数`, en: `an integer from 0 to ${times.length}` });
  needUnit('periodKeys', unit);
  if (out !== undefined && !(out instanceof Float64Array && out.length >= n)) throw argumentError('periodKeys', 'out', { zh: `长度至少 ${n} 的 Float64Array`, en: `a Float64Array of at least ${n}` });
  out ??= new Float64Array(n);
  let lastDay = NaN;
  let lastKey = NaN;
  for (let i = 0; i < n; i++) {
    const t = times[i];
    if (t !== t) { out[i] = NaN; continue; }
    const day = Math.floor((t + CHINA_UTC_OFFSET_MS) / DAY);
    if (day !== lastDay) {
      lastDay = day;
      lastKey = unit === 'day' ? day : unit === 'week' ? Math.floor((day + 3) / 7) : periodKey(t, unit);
    }
    out[i] = lastKey;
  }
  return out;
}
