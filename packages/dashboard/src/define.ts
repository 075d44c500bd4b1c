/**
 * Registers the dashboard elements: `<jc-kpi>`, `<jc-trend>`, `<jc-breakdown>`,
 * `<jc-ranking>` and `<jc-dashboard>`. Loading it twice is harmless.
 * @module
 */
import { defineElement } from '@jiceng/ui';
import { VERSION } from './version.js';
import { JcBreakdown } from './breakdown/breakdown.js';
import { JcDashboard } from './dashboard/dashboard.js';
import { JcKpi } from './kpi/kpi.js';
import { JcRanking } from './ranking/ranking.js';
import { JcTrend } from './trend/trend.js';

/** The version the elements are registered with. It comes from the package's package.json (src/version.ts, written at build). @example `DASHBOARD_VERSION // '0.1.0'` */
export const DASHBOARD_VERSION: string = VERSION;

defineElement('jc-kpi', JcKpi, DASHBOARD_VERSION);
defineElement('jc-trend', JcTrend, DASHBOARD_VERSION);
defineElement('jc-breakdown', JcBreakdown, DASHBOARD_VERSION);
defineElement('jc-ranking', JcRanking, DASHBOARD_VERSION);
defineElement('jc-dashboard', JcDashboard, DASHBOARD_VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'jc-kpi': JcKpi;
    'jc-trend': JcTrend;
    'jc-breakdown': JcBreakdown;
    'jc-ranking': JcRanking;
    'jc-dashboard': JcDashboard;
  }
}
