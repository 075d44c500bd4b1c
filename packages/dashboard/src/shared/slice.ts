/**
 * From the core's `dashboardSlice` to the plain data `<jc-dashboard>` takes: names in the
 * chosen language, percentages (0..100 in the core) as fractions, a rate without a base
 * (the core's `null`) as `NaN` (no data: “—”), and — when asked — small
 * counts suppressed for privacy. Only types are imported from the core, so this adds nothing
 * to a page's bundle but this function.
 * @module
 */
import type { DashboardSlice, IndicatorValue } from '@jiceng/core/metrics';
import type { DashboardData, Figure, IndicatorId, KpiFigure } from './types.js';
import { INDICATORS } from './indicators.js';
import { chinaLocalTime, need } from '@jiceng/ui';

/**
 * Options of {@link dashboardDataFromSlice}.
 *
 * @example
 * ```ts
 * const o: FromSliceOptions = { lang: 'en', minCell: 5 };
 * ```
 */
export interface FromSliceOptions {
  /** Language of names and labels (default `zh`). */
  lang?: 'zh' | 'en';
  /**
   * Suppress counts from 1 to `minCell − 1`, and rates over such a base, as `null` (shown
   * as “<5”/“—”). Omit to show every figure (for actors whose role needs them).
   */
  minCell?: number;
}

/**
 * Converts the core's `DashboardSlice` (from `dashboardSlice`) into {@link DashboardData}. Ask the core for the
 * trend rate the dashboard draws (`trendRate: 'banjieRate'`) and rank by the dashboard's
 * `indicator` (`rankBy`); the ranking carries that one indicator's values.
 *
 * @example
 * ```ts
 * import { dashboardSlice } from '@jiceng/core';
 * const slice = dashboardSlice(metrics, pos, { unit: 'month', key: 2024 * 12 + 2 }, { trendRate: 'banjieRate', rankBy: 'banjieRate' });
 * document.querySelector('jc-dashboard')!.data = dashboardDataFromSlice(slice, { minCell: 5 });
 * ```
 */
export function dashboardDataFromSlice(slice: DashboardSlice, opts: FromSliceOptions = {}): DashboardData {
  need('dashboardDataFromSlice', 'slice', slice, 'object', { node: 'object', period: 'object', previous: 'object', span: 'object?' });
  if (slice.span) need('dashboardDataFromSlice', 'slice.span', slice.span, 'object', { until: 'number' });
  need('dashboardDataFromSlice', 'opts', opts, 'object');
  const lang = opts.lang ?? 'zh';
  const min = opts.minCell ?? 0;
  const small = (n: number | null | undefined) => typeof n === 'number' && n > 0 && n < min;
  const count = (n: number): Figure => (small(n) ? null : n);
  const pct = (v: number | null): number => (v === null ? NaN : v / 100);
  const value = (v: IndicatorValue, unit: string): Figure => {
    if (unit !== 'percent') return v.value === null ? NaN : count(v.value);
    return small(v.denominator) ? null : pct(v.value);
  };
  const kpis: Partial<Record<IndicatorId, KpiFigure>> = {};
  for (const def of INDICATORS) {
    const k = slice.kpis.find((x) => x.code === def.id);
    if (k) kpis[def.id as IndicatorId] = { value: value(k, k.unit), previous: value(k.previous, k.unit) };
  }
  const village = slice.levels.find((l) => l.level === 'village');
  const town = slice.levels.find((l) => l.level === 'town');
  return {
    node: { code: slice.node.code, name: slice.node.name[lang], level: slice.node.level },
    period: slice.period.label,
    // the core's span end, written in China time (UTC+8, no daylight saving)
    ...(slice.span ? { until: chinaLocalTime(slice.span.until).replace('T', ' ') } : {}),
    kpis,
    trend: slice.trend.map((p) => ({
      period: p.period.label, cases: count(p.collected), closed: count(p.closed),
      rate: small(p.collected) ? null : pct(p.rate),
    })),
    breakdown: slice.breakdown.items.map((b) => ({ code: String(b.key), label: b.label[lang], value: count(b.collected) })),
    children: slice.ranking.rows.map((r) => ({
      code: r.code, name: r.name[lang], values: { [slice.ranking.indicator]: value(r, slice.ranking.unit) },
    })),
    levels: {
      levels: slice.levels.map((l) => ({
        level: l.level, label: l.name[lang], closed: count(l.closed), share: small(l.closed) ? null : pct(l.share),
      })),
      ...(village ? { withinVillage: pct(village.shareAtOrBelow) } : {}),
      ...(town ? { withinTown: pct(town.shareAtOrBelow) } : {}),
    },
    coverage: slice.coverage.map((c) => ({
      id: c.code, label: c.name[lang], value: c.numerator, total: c.denominator, rate: pct(c.value),
    })),
  };
}
