/**
 * What a dashboard shows for one node and one period, as plain data: KPIs with the previous
 * period's values, a monthly trend, a breakdown by category or topic, the children ranked by
 * an indicator, the share closed at each level, and coverage figures.
 * @module
 */
import { argumentError, isObject, needObject } from '../errors/args.js';
import type { LocalizedText } from '../errors/errors.js';
import type { CompositeDef, IndicatorUnit } from './indicators.js';
import type { Metrics } from './engine.js';
import type { IndicatorValue, RankedNode, ScoreResult } from './types.js';
import { describePeriod, periodOf, shiftPeriod, type PeriodInfo, type PeriodRef } from './period.js';

/**
 * One KPI tile: the indicator in the period and in the period before.
 *
 * @example
 * ```ts
 * const k: KpiFigure = {
 *   code: 'closeRate', name: { zh: '结案率', en: 'close rate' }, unit: 'percent', better: 'higher',
 *   value: 93.72, numerator: 911, denominator: 972,
 *   previous: { value: 92.1, numerator: 840, denominator: 912 }, change: 1.62,
 * };
 * ```
 */
export interface KpiFigure extends IndicatorValue {
  code: string;
  name: LocalizedText;
  unit: IndicatorUnit;
  better?: 'higher' | 'lower';
  /** How the indicator is defined (states the denominator), if known. */
  note?: LocalizedText;
  previous: IndicatorValue;
  /** value − previous value (percentage points for percents), or null. */
  change: number | null;
}

/**
 * One month of the trend.
 *
 * @example
 * ```ts
 * const p: TrendPoint = { period: describePeriod({ unit: 'month', key: 24203 }), collected: 972, closed: 911, rate: 93.72 };
 * ```
 */
export interface TrendPoint {
  period: PeriodInfo;
  collected: number;
  closed: number;
  /** The trend's rate indicator (default 结案率), or null. */
  rate: number | null;
}

/**
 * One category (or topic) of the breakdown.
 *
 * @example
 * ```ts
 * const b: BreakdownItem = { key: 3, label: { zh: '矛盾纠纷', en: 'Disputes' }, collected: 120, closed: 118, rate: 98.3, share: 12.5 };
 * ```
 */
export interface BreakdownItem {
  key: number;
  label: LocalizedText;
  collected: number;
  closed: number;
  rate: number | null;
  /** Share of the node's collected cases in the period, in percent. */
  share: number | null;
}

/**
 * Cases closed by bodies of one level, and at that level or below.
 *
 * @example
 * ```ts
 * const l: LevelShare = { level: 'village', name: { zh: '村居', en: 'Village' }, closed: 420, share: 42, atOrBelow: 910, shareAtOrBelow: 91 };
 * ```
 */
export interface LevelShare {
  level: string;
  name: LocalizedText;
  closed: number;
  share: number | null;
  atOrBelow: number;
  shareAtOrBelow: number | null;
}

/**
 * One coverage figure (patrol, party organisation, governance centres).
 *
 * @example
 * ```ts
 * const c: CoverageItem = { code: 'coverage:grid-party-branch', name: { zh: '网格党支部覆盖率', en: 'Grids with a grid party branch' }, value: 67.3, numerator: 7025, denominator: 10439 };
 * ```
 */
export interface CoverageItem extends IndicatorValue {
  code: string;
  name: LocalizedText;
  note?: LocalizedText;
}

/**
 * Everything a dashboard needs for one node and one period — plain, serialisable data.
 *
 * @example
 * ```ts
 * const s: DashboardSlice = dashboardSlice(metrics, town, { unit: 'month', key: 2024 * 12 + 2 });
 * s.kpis.find((k) => k.code === 'closeRate')?.value;
 * ```
 */
export interface DashboardSlice {
  node: {
    pos: number;
    code: string;
    name: LocalizedText;
    level: string;
    levelName: LocalizedText;
    /** From the root to the node, for a breadcrumb. */
    path: { pos: number; code: string; name: LocalizedText }[];
    childCount: number;
  };
  period: PeriodInfo;
  previous: PeriodInfo;
  /** The evaluation time of the figures (epoch ms). */
  asOf: number;
  /**
   * With the `until` option only: the KPIs cover the period up to `until` and the previous
   * period up to `previousUntil` (the same span from its start), each as it stood then.
   */
  span?: { until: number; previousUntil: number };
  kpis: KpiFigure[];
  trend: TrendPoint[];
  breakdown: { by: 'category' | 'topic'; items: BreakdownItem[] };
  ranking: { indicator: string; name: LocalizedText; unit: IndicatorUnit; order: 'asc' | 'desc'; rows: RankedNode[] };
  levels: LevelShare[];
  coverage: CoverageItem[];
  /** The composite score, when asked for. */
  score?: ScoreResult;
}

/**
 * Options of {@link dashboardSlice}.
 *
 * @example
 * ```ts
 * const o: DashboardOptions = { kpis: ['collected', 'banjieRate'], rankBy: 'overdue', trendMonths: 24 };
 * ```
 */
export interface DashboardOptions {
  /** KPI indicator codes (default: collected, closed, banjieRate, closeRate, onTimeCloseRate, overdue, satisfiedRate, avgCloseHours). */
  kpis?: string[];
  /** Months in the trend, ending with the period's last month (default 12). */
  trendMonths?: number;
  /** The trend's rate indicator (default 'closeRate'). */
  trendRate?: string;
  /** Breakdown by category (default) or topic. */
  breakdown?: 'category' | 'topic';
  /** At most this many breakdown items, largest first (default 10; the rest are dropped). */
  breakdownLimit?: number;
  /** Indicator to rank the children by (default 'closeRate'). */
  rankBy?: string;
  rankLimit?: number;
  /** Coverage indicator codes (default: patrolCoverage and every `coverage:*`). */
  coverage?: string[];
  /** A composite score to include. */
  composite?: CompositeDef;
  /**
   * Compare like with like in a period still running: the KPIs count the cases reported from
   * the period's start up to `until` (epoch ms, within the period), as they stood at `until`,
   * and the previous period's the same span — from its start to the same offset (at most its
   * end) — as they stood at that point: a case counts as closed, due or overdue only if it
   * was by then. So 2026 to 03-05 14:20 is compared with 2025-01-01 to 2025-03-05 14:20 as it
   * stood then, not with the whole of 2025, whose cases are all closed by now. Pass the
   * clock's now for the period that holds it; omit it to compare whole periods (a past
   * period). The trend, breakdown, ranking and level shares are not affected.
   */
  until?: number;
}

const DEFAULT_KPIS = ['collected', 'closed', 'banjieRate', 'closeRate', 'onTimeCloseRate', 'overdue', 'satisfiedRate', 'avgCloseHours'];

/**
 * Builds the {@link DashboardSlice} of a node for a period (any unit; the previous period is
 * the one before it, the trend is monthly). Cost: a few scans of the node's cases. For the
 * period that holds now, pass `until: now` so that its KPIs are compared with the same span
 * of the previous period (see `until` in {@link DashboardOptions}).
 *
 * @example
 * ```ts
 * const slice = dashboardSlice(metrics, hierarchy.indexOf('350304000000'), { unit: 'quarter', key: 2025 * 4 + 3 }, { rankBy: 'onTimeCloseRate' });
 * slice.trend.map((p) => [p.period.label, p.rate]);
 * slice.ranking.rows[0].name.zh;
 * // 2026 to date against 2025 over the same span, each as it stood at the same point
 * const now = Date.parse('2026-03-05T14:20:00+08:00');
 * const ytd = dashboardSlice(metrics, 0, { unit: 'year', key: 2026 }, { until: now });
 * ytd.span; // { until: now, previousUntil: Date.parse('2025-03-05T14:20:00+08:00') }
 * ytd.kpis.find((k) => k.code === 'closeRate')!.previous; // 2025-01-01 … 03-05 14:20, as it stood then
 * ```
 */
export function dashboardSlice(metrics: Metrics, nodePos: number, period: PeriodRef, opts: DashboardOptions = {}): DashboardSlice {
  if (!isObject(metrics) || typeof metrics.figures !== 'function' || !Array.isArray(metrics.indicators)) throw argumentError('dashboardSlice', 'metrics', { zh: ' createMetrics 的结果', en: 'what createMetrics returns' });
  if (!Number.isInteger(nodePos) || nodePos < 0 || nodePos >= metrics.hierarchy.size) throw argumentError('dashboardSlice', 'nodePos', { zh: '层级中的节点位置', en: 'a node position in the hierarchy' });
  const info = describePeriod(period); // checks the period
  needObject('dashboardSlice', 'opts', opts);
  const prevRef = shiftPeriod(period, -1);
  const prevInfo = describePeriod(prevRef);
  const until = opts.until;
  if (until !== undefined && !(typeof until === 'number' && until >= info.from && until <= info.to)) {
    throw argumentError('dashboardSlice', 'opts.until', { zh: `${info.label} 期间内的时间戳（毫秒）`, en: `a time in epoch ms within the period ${info.label}` });
  }
  const span = until === undefined ? undefined : { until, previousUntil: Math.min(prevInfo.to, prevInfo.from + (until - info.from)) };
  const h = metrics.hierarchy;
  const defs = new Map(metrics.indicators.map((d) => [d.code, d]));
  const kpiCodes = opts.kpis ?? DEFAULT_KPIS.filter((c) => defs.has(c));
  const rateCode = opts.trendRate ?? 'closeRate';
  const lastMonth = periodOf(info.to - 1, 'month');
  const trendMonths = Math.max(1, opts.trendMonths ?? 12);

  // One monthly series serves the trend and, for month-aligned periods, every additive KPI
  // of this and the previous period (sums of months); the rest is read by slices.
  const isCase = (c: string | undefined) => c === undefined || metrics.measures.indexOf.has(c);
  const aligned = period.unit === 'month' || period.unit === 'quarter' || period.unit === 'year';
  // (a span is read as it stood at its end, which the series, evaluated now, cannot give)
  const additive = aligned && !span ? kpiCodes.filter((c) => { const d = defs.get(c); return !!d && d.aggregate !== 'median' && isCase(d.numerator) && isCase(d.denominator); }) : [];
  const levelDefs = h.config.levels;
  const levelCodes = levelDefs.map((l) => `closedAtOrBelowShare:${l.id}`);
  const levelsFromSeries = aligned && levelCodes.every((c) => { const d = defs.get(c); return !!d && isCase(d.numerator) && d.aggregate !== 'median'; });
  const firstMonth = Math.min(lastMonth.key - trendMonths + 1, aligned ? periodOf(prevInfo.from, 'month').key : Infinity);
  const series = metrics.series(nodePos, {
    unit: 'month', to: lastMonth, count: lastMonth.key - firstMonth + 1, codes: [...new Set(['collected', 'closed', rateCode, ...additive, ...(levelsFromSeries ? levelCodes : [])])],
  });
  const sumOver = (from: number, to: number, code: string): IndicatorValue => {
    const d = defs.get(code)!;
    let num = 0, den = 0;
    for (const pt of series) {
      if (pt.period.from < from || pt.period.from >= to) continue;
      num += pt.values[code].numerator;
      den += pt.values[code].denominator ?? 0;
    }
    if (d.unit === 'count' || d.denominator === undefined) return { value: num, numerator: num, denominator: null };
    return { value: den === 0 ? null : (num / den) * (d.unit === 'percent' ? 100 : 1), numerator: num, denominator: den };
  };
  const rest = kpiCodes.filter((c) => !additive.includes(c));
  const curRest = !rest.length ? {} : metrics.slice(nodePos, {
    codes: rest, medians: true, ...(span ? { period: { from: info.from, to: span.until }, asOf: span.until } : { period }),
  })[0].values;
  const prevRest = !rest.length ? {} : metrics.slice(nodePos, {
    codes: rest, medians: true, ...(span ? { period: { from: prevInfo.from, to: span.previousUntil }, asOf: span.previousUntil } : { period: prevRef }),
  })[0].values;
  const cur: Record<string, IndicatorValue> = { ...curRest };
  const prev: Record<string, IndicatorValue> = { ...prevRest };
  for (const c of additive) { cur[c] = sumOver(info.from, info.to, c); prev[c] = sumOver(prevInfo.from, prevInfo.to, c); }
  const kpis: KpiFigure[] = kpiCodes.map((code) => {
    const d = defs.get(code)!;
    const v = cur[code], p = prev[code];
    return {
      code, name: d.name, unit: d.unit, ...(d.better ? { better: d.better } : {}), ...(d.note ? { note: d.note } : {}),
      ...v, previous: p, change: v.value !== null && p.value !== null ? v.value - p.value : null,
    };
  });

  const trend = series.slice(-trendMonths)
    .map((p): TrendPoint => ({ period: p.period, collected: p.values.collected.numerator, closed: p.values.closed.numerator, rate: p.values[rateCode].value }));

  const by = opts.breakdown ?? 'category';
  const total = (span ? undefined : cur.collected?.numerator) ?? metrics.slice(nodePos, { period, codes: ['collected'] })[0].values.collected.numerator;
  const items = metrics.slice(nodePos, { by, period, codes: ['collected', 'closed', rateCode] })
    .map((r): BreakdownItem => ({
      key: r.key, label: r.label, collected: r.values.collected.numerator, closed: r.values.closed.numerator,
      rate: r.values[rateCode].value, share: total ? (r.values.collected.numerator / total) * 100 : null,
    }))
    .sort((a, b) => b.collected - a.collected || a.key - b.key)
    .slice(0, opts.breakdownLimit ?? 10);

  const rankBy = opts.rankBy ?? 'closeRate';
  const rd = defs.get(rankBy);
  const order: 'asc' | 'desc' = rd?.better === 'lower' ? 'asc' : 'desc';
  const rows = metrics.rank(nodePos, rankBy, { period, order, ...(opts.rankLimit ? { limit: opts.rankLimit } : {}) });

  const perLevel = new Array<number>(levelDefs.length).fill(0);
  let closedAll = 0;
  if (levelsFromSeries) {
    // closed at level k = closed at or below k − closed at or below k + 1
    const atOrBelow = levelCodes.map((c) => sumOver(info.from, info.to, c).numerator);
    atOrBelow.forEach((n, k) => { perLevel[k] = n - (atOrBelow[k + 1] ?? 0); });
    closedAll = atOrBelow[0] ?? 0;
  } else {
    for (const r of metrics.slice(nodePos, { by: 'closedLevel', period, codes: ['closed'] })) {
      perLevel[r.key] = r.values.closed.numerator;
      closedAll += r.values.closed.numerator;
    }
  }
  const levels: LevelShare[] = [];
  let below = 0;
  for (let k = levelDefs.length - 1; k >= 0; k--) {
    below += perLevel[k];
    levels.unshift({
      level: levelDefs[k].id, name: levelDefs[k].name, closed: perLevel[k],
      share: closedAll ? (perLevel[k] / closedAll) * 100 : null, atOrBelow: below, shareAtOrBelow: closedAll ? (below / closedAll) * 100 : null,
    });
  }

  const covCodes = opts.coverage ?? metrics.indicators.filter((d) => d.code === 'patrolCoverage' || d.code.startsWith('coverage:')).map((d) => d.code);
  const coverage: CoverageItem[] = covCodes.map((code) => {
    const d = defs.get(code)!;
    return { code, name: d.name, ...(d.note ? { note: d.note } : {}), ...metrics.value(nodePos, code) };
  });

  const path = h.path(nodePos).map((pos) => ({ pos, code: h.code(pos), name: { zh: h.name(pos), en: h.nameEn(pos) } }));
  const level = h.level(nodePos);
  const slice: DashboardSlice = {
    node: { pos: nodePos, code: h.code(nodePos), name: { zh: h.name(nodePos), en: h.nameEn(nodePos) }, level: level.id, levelName: level.name, path, childCount: h.childCount(nodePos) },
    period: info,
    previous: prevInfo,
    asOf: metrics.now,
    ...(span ? { span } : {}),
    kpis, trend,
    breakdown: { by, items },
    ranking: { indicator: rankBy, name: rd?.name ?? { zh: rankBy, en: rankBy }, unit: rd?.unit ?? 'count', order, rows },
    levels,
    coverage,
  };
  if (opts.composite) slice.score = metrics.score(nodePos, opts.composite, metrics.slice(nodePos, { period, codes: opts.composite.parts.map((p) => p.indicator), medians: true })[0].values);
  return slice;
}
