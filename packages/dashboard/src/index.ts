/**
 * `@jiceng/dashboard`: `<jc-dashboard>` and its chart elements `<jc-kpi>`, `<jc-trend>`,
 * `<jc-breakdown>`, `<jc-ranking>`. Importing the package registers the elements; the
 * classes, input types, strings and helpers are exported for hosts that build on them.
 * @packageDocumentation
 */
export * from './define.js';
export * from './shared/types.js';
export * from './shared/events.js';
export * from './shared/i18n.js';
export * from './shared/format.js';
export * from './shared/indicators.js';
export * from './shared/table.js';
export { JcDashboardElement, LIVE_PALETTE, type Palette, type Picture } from './shared/base.js';
export { JcKpi } from './kpi/kpi.js';
export { JcTrend } from './trend/trend.js';
export { JcBreakdown, byValueDesc } from './breakdown/breakdown.js';
export { JcRanking, lagGapOf, rankRows } from './ranking/ranking.js';
export { JcDashboard } from './dashboard/dashboard.js';
export { type BarRow } from './shared/bars.js';
export { serializeSvg, svgToPng, fileName } from './shared/export.js';
export { dashboardDataFromSlice, type FromSliceOptions } from './shared/slice.js';
