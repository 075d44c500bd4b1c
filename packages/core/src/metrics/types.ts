/**
 * The shapes metrics take and give: options, filters, values, figures, slices, series,
 * rankings and scores, and one case's fact row.
 * @module
 */
import type { CaseFacts, CaseSource } from '../cases/facts.js';
import type { LocalizedText } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { CoverageDef, CoverageFigure } from '../overlay/types.js';
import type { CloseRateBase, IndicatorDef } from './indicators.js';
import type { FactColumn, MeasureDef } from './measure.js';
import type { PeriodInfo, PeriodRef, PeriodUnit, TimeRange } from './period.js';

/**
 * Which cases count: category positions, topic indices (through the category → topic
 * mapping) and sources. Omitted fields keep everything; given fields must all match.
 *
 * @example
 * ```ts
 * const f: CaseFilter = { topics: [2], sources: ['hotline', 'citizen'] };
 * ```
 */
export interface CaseFilter {
  categories?: number[];
  topics?: number[];
  sources?: CaseSource[];
}

/**
 * A figure that is not about cases but about nodes (units, patrolled units, grids with a
 * party branch…): each node's own value, summed up the hierarchy.
 *
 * @example
 * ```ts
 * const branches: NodeMeasureInput = { code: 'gridsWithBranch', name: { zh: '有党支部的网格', en: 'grids with a branch' }, own: ownArray };
 * ```
 */
export interface NodeMeasureInput {
  code: string;
  name: LocalizedText;
  /** Value per node position (length = hierarchy size). */
  own: ArrayLike<number>;
}

/**
 * A figure answered per subtree by someone else (e.g. the party overlay's coverage), read
 * when asked — never summed by the engine.
 *
 * @example
 * ```ts
 * const m: SubtreeMeasureInput = { code: 'grids', name: { zh: '网格数', en: 'grids' }, subtree: (i) => hierarchy.countByLevel(i)[4] };
 * ```
 */
export interface SubtreeMeasureInput {
  code: string;
  name: LocalizedText;
  /** The figure for the subtree of node i. */
  subtree: (node: number) => number;
}

/**
 * What metrics need of the party overlay: coverage per subtree (`Overlay` has it).
 *
 * @example
 * ```ts
 * const src: CoverageSource = overlay; // from buildOverlay(...)
 * ```
 */
export interface CoverageSource {
  coverage(node: number, def: CoverageDef): CoverageFigure;
}

/**
 * Options of {@link createMetrics}.
 *
 * @example
 * ```ts
 * const opts: MetricsOptions = { hierarchy, facts, now: Date.now(), closeRateBase: 'collected' };
 * ```
 */
export interface MetricsOptions {
  hierarchy: HierarchyIndex;
  facts: CaseFacts;
  /** The evaluation time ("as of"): open, overdue, backlog ages and due-to-close use it. */
  now: number;
  /**
   * The cohort measured: cases reported in this period (default: all cases). Everything
   * that happened to those cases up to `now` counts.
   */
  period?: PeriodRef | TimeRange;
  filter?: CaseFilter;
  /** Topic index per category position (category → topic), for topic slices and filters. */
  categoryTopics?: ArrayLike<number>;
  /** Display names per category position and per topic index. */
  categoryNames?: LocalizedText[];
  topicNames?: LocalizedText[];
  /** Denominator of 办结率 (default `'registered'`; Putian publishes `'collected'`). */
  closeRateBase?: CloseRateBase;
  /** Extra case measures, evaluated with the built-in ones. */
  measures?: MeasureDef[];
  /** Extra indicators; one with a built-in code replaces the built-in. */
  indicators?: IndicatorDef[];
  /** Extra node measures, summed up the hierarchy from each node's own value. */
  nodeMeasures?: NodeMeasureInput[];
  /** Extra measures answered per subtree by their source. */
  subtreeMeasures?: SubtreeMeasureInput[];
  /**
   * Organisation coverage: each definition becomes the indicator `coverage:<id>` (percent),
   * with the measures `coverage:<id>:num` and `coverage:<id>:den`, read from the overlay.
   */
  coverage?: { source: CoverageSource; defs: readonly CoverageDef[] };
  /** Positions of the units patrolled in the period (duplicates are fine). */
  patrolledUnits?: ArrayLike<number>;
  /** Use the interpreter instead of generated code (same results; slower). */
  interpret?: boolean;
}

/**
 * One indicator's value with its parts; `value` is null when the denominator is 0.
 *
 * @example
 * ```ts
 * const v: IndicatorValue = { value: 93.72, numerator: 911, denominator: 972 };
 * ```
 */
export interface IndicatorValue {
  value: number | null;
  numerator: number;
  denominator: number | null;
}

/**
 * Every indicator of one node for one period — the shape a chart or a table takes.
 *
 * @example
 * ```ts
 * const f = metrics.figures(0);
 * f.values.closeRate.value; // e.g. 93.72
 * ```
 */
export interface NodeFigures {
  node: number;
  code: string;
  name: LocalizedText;
  level: string;
  period: PeriodInfo | TimeRange | null;
  values: Record<string, IndicatorValue>;
}

/** How a slice groups the node's cases. @example `const by: SliceBy = 'category';` */
export type SliceBy = 'none' | 'child' | 'descendants' | 'category' | 'topic' | 'source' | 'closedLevel';

/**
 * Options of {@link Metrics.slice}.
 *
 * @example
 * ```ts
 * metrics.slice(town, { by: 'category', period: { unit: 'month', key: 2024 * 12 + 2 } });
 * ```
 */
export interface SliceOptions {
  by?: SliceBy;
  /** For `by: 'descendants'`: the level id whose nodes (in the subtree) are the groups. */
  level?: string;
  /** Cohort period (default: the engine's period). */
  period?: PeriodRef | TimeRange;
  /** Filter (default: the engine's filter). */
  filter?: CaseFilter;
  /** Indicator codes to include (default all). */
  codes?: string[];
  /** Compute medians too (scans the rows again; `by` 'none' or 'child' only). */
  medians?: boolean;
  /** Keep groups without any case (default false, except 'child' and 'none'). */
  empty?: boolean;
  /**
   * Evaluate the cases as they stood at this time (epoch ms) instead of the engine's `now`: a
   * case counts as registered, closed, due or overdue only if it was by then (its current
   * status and rating are read as they are). `dashboardSlice`'s `until` uses it to read the
   * previous period's same span as it stood at the same point.
   */
  asOf?: number;
}

/**
 * One group of a slice: its key, label and indicator values.
 *
 * @example
 * ```ts
 * const row: SliceRow = { key: 3, label: { zh: '环境卫生', en: 'sanitation' }, values: { collected: { value: 12, numerator: 12, denominator: null } } };
 * ```
 */
export interface SliceRow {
  key: number;
  /** The node position for 'child' rows. */
  node?: number;
  label: LocalizedText;
  values: Record<string, IndicatorValue>;
}

/**
 * One point of a time series.
 *
 * @example
 * ```ts
 * metrics.series(0, { unit: 'month', count: 12 })[11].period.label; // '2024-12'
 * ```
 */
export interface SeriesPoint {
  period: PeriodInfo;
  values: Record<string, IndicatorValue>;
}

/**
 * Options of {@link Metrics.series}.
 *
 * @example
 * ```ts
 * const o: SeriesOptions = { unit: 'week', count: 8, codes: ['collected', 'closed', 'banjieRate'] };
 * ```
 */
export interface SeriesOptions {
  unit: PeriodUnit;
  /** Last period (default: the one containing `now`). */
  to?: PeriodRef;
  /** Number of periods (default 12). */
  count?: number;
  filter?: CaseFilter;
  codes?: string[];
}

/**
 * A ranked child node.
 *
 * @example
 * ```ts
 * metrics.rank(0, 'closeRate')[0]; // { rank: 1, node: 5, code: '350304000000', name: {…}, value: 99.1, … }
 * ```
 */
export interface RankedNode extends IndicatorValue {
  rank: number;
  node: number;
  code: string;
  name: LocalizedText;
}

/**
 * A composite score and its parts.
 *
 * @example
 * ```ts
 * const s: ScoreResult = metrics.score(0, DEFAULT_COMPOSITE);
 * ```
 */
export interface ScoreResult {
  code: string;
  score: number | null;
  grade: string | null;
  parts: { indicator: string; weight: number; value: number | null; score: number | null }[];
}

/**
 * One case's facts as a plain record (a snapshot of one row of {@link CaseFacts}).
 *
 * @example
 * ```ts
 * const before = readFactRow(facts, 17); // take it before the lifecycle changes row 17
 * ```
 */
export type CaseFactRow = { [K in FactColumn]: number };
