/**
 * React 19 typings for the elements of @jiceng/dashboard: typed properties and `on<event>` handlers.
 * Add `import type {} from '@jiceng/dashboard/react';` once in a TSX project.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProps, ReactEventProps } from '@jiceng/ui';
import type { JcBreakdown, JcCategoryDetail, JcDashboard, JcExportDetail, JcIndicatorDetail, JcKpi, JcPeriodDetail, JcRanking, JcSelectDetail, JcTopicDetail, JcTrend } from '@jiceng/dashboard';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jc-dashboard': ElementProps<JcDashboard> & ReactEventProps<{ 'jc-select': CustomEvent<JcSelectDetail>; 'jc-period': CustomEvent<JcPeriodDetail>; 'jc-topic': CustomEvent<JcTopicDetail>; 'jc-category': CustomEvent<JcCategoryDetail>; 'jc-indicator': CustomEvent<JcIndicatorDetail>; 'jc-export': CustomEvent<JcExportDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcDashboard>, JcDashboard>, keyof ElementProps<JcDashboard>>;
      'jc-kpi': ElementProps<JcKpi> & ReactEventProps<{}> & Omit<DetailedHTMLProps<HTMLAttributes<JcKpi>, JcKpi>, keyof ElementProps<JcKpi>>;
      'jc-trend': ElementProps<JcTrend> & ReactEventProps<{ 'jc-export': CustomEvent<JcExportDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcTrend>, JcTrend>, keyof ElementProps<JcTrend>>;
      'jc-breakdown': ElementProps<JcBreakdown> & ReactEventProps<{ 'jc-category': CustomEvent<JcCategoryDetail>; 'jc-export': CustomEvent<JcExportDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcBreakdown>, JcBreakdown>, keyof ElementProps<JcBreakdown>>;
      'jc-ranking': ElementProps<JcRanking> & ReactEventProps<{ 'jc-select': CustomEvent<JcSelectDetail>; 'jc-indicator': CustomEvent<JcIndicatorDetail>; 'jc-export': CustomEvent<JcExportDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcRanking>, JcRanking>, keyof ElementProps<JcRanking>>;
    }
  }
}
export {};
