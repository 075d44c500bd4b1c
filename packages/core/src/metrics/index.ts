/**
 * `@jiceng/core/metrics`: indicators, slices and series over the case facts and the hierarchy.
 * `createMetrics` aggregates every indicator for every node in one pass over the facts and
 * updates them along the path to the root as events arrive; `dashboardSlice` is what
 * `<jc-dashboard>` shows.
 *
 * @example
 * ```ts
 * import { createMetrics, dashboardSlice, periodOf } from '@jiceng/core/metrics';
 * const m = createMetrics({ hierarchy, facts: store.facts, now: Date.now() });
 * if (m.ok) console.log(m.value.value(0, 'banjieRate'), dashboardSlice(m.value, 0, periodOf(Date.now(), 'month')));
 * ```
 * @module
 */
export {
  type BreakdownItem, type CoverageItem, type DashboardOptions, dashboardSlice, type DashboardSlice,
  type KpiFigure, type LevelShare, type TrendPoint,
} from './dashboard.js';
export { createMetrics, Metrics } from './engine.js';
export {
  BACKLOG_BUCKETS, builtinIndicators, builtinMeasures, type CloseRateBase, type CompositeDef,
  DEFAULT_COMPOSITE, DEFAULT_GRADES, type IndicatorDef, type IndicatorUnit,
} from './indicators.js';
export {
  type CmpOp, compileMeasures, type CompiledMeasures, type Expr, FACT_COLUMNS, type FactColumn, type MeasureDef,
  type Predicate, type TimeColumn,
} from './measure.js';
export {
  describePeriod, parsePeriod, PERIOD_UNITS, type PeriodInfo, periodKey, periodKeys, periodLabel,
  periodOf, periodRange, type PeriodRef, periodStart, type PeriodUnit, shiftPeriod, type TimeRange,
} from './period.js';
export { readFactRow, writeFactRow } from './row.js';
export { applyMetrics, categoryOptions, patrolledUnits } from './sources.js';
export {
  type CaseFactRow, type CaseFilter, type CoverageSource, type IndicatorValue, type MetricsOptions,
  type NodeFigures, type NodeMeasureInput, type RankedNode, type ScoreResult, type SeriesOptions,
  type SeriesPoint, type SliceBy, type SliceOptions, type SliceRow, type SubtreeMeasureInput,
} from './types.js';
