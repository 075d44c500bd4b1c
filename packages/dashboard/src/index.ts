/**
 * `@jiceng/dashboard`: `<jc-dashboard>` and its chart elements `<jc-kpi>`, `<jc-trend>`,
 * `<jc-breakdown>`, `<jc-ranking>`. Importing the package registers the elements; the
 * classes, input types, strings and helpers are exported for hosts that build on them.
 * @packageDocumentation
 */
export * from './define.js';
export * from './types.js';
export * from './events.js';
export * from './i18n.js';
export * from './format.js';
export * from './indicators.js';
export * from './table.js';
export { JcDashboardElement, LIVE_PALETTE, type Palette, type Picture } from './base.js';
export { JcKpi } from './kpi.js';
export { JcTrend } from './trend.js';
export { JcBreakdown, byValueDesc } from './breakdown.js';
export { JcRanking, lagGapOf, rankRows } from './ranking.js';
export { JcDashboard } from './dashboard.js';
export { type BarRow } from './bars.js';
export { serializeSvg, svgToPng, fileName } from './export.js';
export { dashboardDataFromSlice, type FromSliceOptions } from './slice.js';
