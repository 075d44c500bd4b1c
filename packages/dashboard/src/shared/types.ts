/**
 * The plain data the dashboard elements take as properties. The host (or the core's
 * metrics) computes it; the elements only show it. A figure of `null` was suppressed for
 * privacy (too few cases to show) and is displayed as such — never as 0.
 * @module
 */

/**
 * One figure: a number, or `null` when the core suppressed it because it rests on too few
 * cases (small-cell suppression). `NaN` (or an absent figure) means "no data" — e.g. a rate
 * whose base is 0 — and shows as a dash without the privacy note.
 *
 * @example
 * ```ts
 * const shown: Figure = 1234;
 * const hidden: Figure = null; // shows as "<5" with an explanation
 * ```
 */
export type Figure = number | null;

/**
 * How a figure is written: `count` (integer, 1,234), `percent` (a fraction 0..1 written as
 * 99.5%), `score` (a mean such as 4.62).
 *
 * @example
 * ```ts
 * const f: ValueFormat = 'percent'; // 0.995 → "99.5%"
 * ```
 */
export type ValueFormat = 'count' | 'percent' | 'score';

/**
 * Which direction of change is good for an indicator.
 *
 * @example
 * ```ts
 * const overdueBetter: Better = 'lower';
 * ```
 */
export type Better = 'higher' | 'lower';

/**
 * The length of the period the dashboard shows.
 *
 * @example
 * ```ts
 * const p: PeriodKind = 'quarter';
 * ```
 */
export type PeriodKind = 'month' | 'quarter' | 'year';

/**
 * The indicators the dashboard knows by name — the codes of `@jiceng/core`'s built-in
 * indicators: collected 采集, closed 办结, `banjieRate` 办结率, `onTimeCloseRate` 按期结案率,
 * overdue 超期在办, `satisfiedRate` 满意率.
 *
 * @example
 * ```ts
 * const id: IndicatorId = 'banjieRate';
 * ```
 */
export type IndicatorId = 'collected' | 'closed' | 'banjieRate' | 'onTimeCloseRate' | 'overdue' | 'satisfiedRate';

/**
 * How an indicator is written and judged.
 *
 * @example
 * ```ts
 * const def: IndicatorDef = { id: 'overdue', format: 'count', better: 'lower' };
 * ```
 */
export interface IndicatorDef {
  /** Indicator id; the six {@link IndicatorId}s have built-in labels, others need `label`. */
  id: string;
  format: ValueFormat;
  better: Better;
  /** Display label; defaults to the translated name of a known id, else the id. */
  label?: string;
  /** Unit written after counts, e.g. `件`. */
  unit?: string;
}

/**
 * A figure for the selected period and the same figure for the period before.
 *
 * @example
 * ```ts
 * const closed: KpiFigure = { value: 4120, previous: 3987 };
 * ```
 */
export interface KpiFigure {
  value: Figure;
  /** The previous period's figure; omit when there is none. */
  previous?: Figure;
}

/**
 * One point of the monthly trend. `period` is a label as written by the core's
 * `periodLabel` (`2024-03`, `2024-Q1`, `2024`).
 *
 * @example
 * ```ts
 * const p: TrendPoint = { period: '2024-03', cases: 4410, closed: 4388, rate: 0.995 };
 * ```
 */
export interface TrendPoint {
  period: string;
  /** Cases collected in the period. */
  cases: Figure;
  /** Cases closed in the period. */
  closed: Figure;
  /** The rate drawn on the right axis — 办结率 (closed / collected) — as a fraction 0..1. */
  rate: Figure;
}

/**
 * One bar of a breakdown, e.g. a case category.
 *
 * @example
 * ```ts
 * const b: BreakdownItem = { code: 'env', label: '生态环保', value: 812 };
 * ```
 */
export interface BreakdownItem {
  /** Stable id, sent in events. */
  code: string;
  /** Display label (user text: always rendered as text). */
  label: string;
  value: Figure;
}

/**
 * One child node with its indicator values, for the ranking.
 *
 * @example
 * ```ts
 * const r: RankingItem = { code: '350302001000', name: '霞林街道', values: { banjieRate: 0.991, overdue: 4 } };
 * ```
 */
export interface RankingItem {
  /** Node code, sent in `jc-select`. */
  code: string;
  /** Node name (user text). */
  name: string;
  /** Values by indicator id (rates as fractions 0..1). */
  values: Partial<Record<string, Figure>>;
}

/**
 * The share of closed cases closed at one level.
 *
 * @example
 * ```ts
 * const l: LevelShare = { level: 'village', label: '村居', closed: 2210, share: 0.41 };
 * ```
 */
export interface LevelShare {
  /** Level id. */
  level: string;
  /** Level name (display). */
  label: string;
  /** Cases closed at this level. */
  closed: Figure;
  /** Share 0..1 of all closed cases. */
  share: Figure;
}

/**
 * Where cases were closed: per level, and the two headline shares 小事不出村 (closed at
 * village level or below) and 大事不出镇 (at town level or below).
 *
 * @example
 * ```ts
 * const s: LevelShares = { levels: [], withinVillage: 0.78, withinTown: 0.97 };
 * ```
 */
export interface LevelShares {
  levels: LevelShare[];
  /** Share closed at village level or below. */
  withinVillage?: Figure;
  /** Share closed at town level or below. */
  withinTown?: Figure;
}

/**
 * One organisation coverage figure, e.g. grid party branches, party-member grid heads of all
 * grid heads.
 *
 * @example
 * ```ts
 * const c: CoverageFigure = { id: 'party-grid-heads', label: '党员网格长', value: 6807, total: 9796, rate: 0.695 };
 * ```
 */
export interface CoverageFigure {
  id: string;
  /** Display label (user text). */
  label: string;
  value: Figure;
  /** What the value is out of, if anything. */
  total?: Figure;
  /** The share value/total as computed by the core, if given. */
  rate?: Figure;
}

/**
 * A topic the host can filter by (epidemic control 疫情防控, work safety 安全生产, …).
 *
 * @example
 * ```ts
 * const t: TopicOption = { id: 'safety', label: '安全生产' };
 * ```
 */
export interface TopicOption {
  id: string;
  label: string;
}

/**
 * Everything `<jc-dashboard>` shows for one node and period.
 *
 * @example
 * ```ts
 * const data: DashboardData = {
 *   node: { code: '350300000000', name: '莆田市' },
 *   period: '2024-03',
 *   kpis: { collected: { value: 4410, previous: 4302 }, banjieRate: { value: 0.995, previous: 0.993 } },
 *   trend: [], breakdown: [], children: [], levels: { levels: [] }, coverage: [],
 * };
 * ```
 */
export interface DashboardData {
  /** The selected node. */
  node: { code: string; name: string; level?: string };
  /** The selected period as a core period label: `2024-03`, `2024-Q1`, `2024`. */
  period: string;
  /**
   * Set while the period is still running: the point its KPIs run to, `YYYY-MM-DD HH:mm` in
   * China time (e.g. `2026-03-05 14:20`); their previous figures then cover the same span of
   * the previous period, and the dashboard says so ("与上年同期比（截至 03-05 14:20）"). Omit
   * when whole periods are compared.
   */
  until?: string;
  /** KPI figures by indicator id (the six {@link IndicatorId}s are shown in order). */
  kpis: Partial<Record<IndicatorId, KpiFigure>>;
  /** Trend over time, oldest first. */
  trend: TrendPoint[];
  /** Cases by category. */
  breakdown: BreakdownItem[];
  /** The child nodes with their indicator values. */
  children: RankingItem[];
  /** Share closed per level. */
  levels: LevelShares;
  /** Organisation coverage figures. */
  coverage: CoverageFigure[];
}
