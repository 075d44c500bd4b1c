/**
 * Vue 3 typings for the elements of @jiceng/dashboard: typed properties and `@event` handlers in
 * templates. Add `import type {} from '@jiceng/dashboard/vue';` once; tell the compiler the tags are
 * custom elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('jc-')`.
 */
import type { DefineComponent } from 'vue';
import type { ElementProps, VueEventProps } from '@jiceng/ui';
import type { JcBreakdown, JcCategoryDetail, JcDashboard, JcExportDetail, JcIndicatorDetail, JcKpi, JcPeriodDetail, JcRanking, JcSelectDetail, JcTopicDetail, JcTrend } from '@jiceng/dashboard';

declare module 'vue' {
  interface GlobalComponents {
    'jc-dashboard': DefineComponent<ElementProps<JcDashboard> & VueEventProps<{ 'jc-select': CustomEvent<JcSelectDetail>; 'jc-period': CustomEvent<JcPeriodDetail>; 'jc-topic': CustomEvent<JcTopicDetail>; 'jc-category': CustomEvent<JcCategoryDetail>; 'jc-indicator': CustomEvent<JcIndicatorDetail>; 'jc-export': CustomEvent<JcExportDetail> }>>;
    'jc-kpi': DefineComponent<ElementProps<JcKpi> & VueEventProps<{}>>;
    'jc-trend': DefineComponent<ElementProps<JcTrend> & VueEventProps<{ 'jc-export': CustomEvent<JcExportDetail> }>>;
    'jc-breakdown': DefineComponent<ElementProps<JcBreakdown> & VueEventProps<{ 'jc-category': CustomEvent<JcCategoryDetail>; 'jc-export': CustomEvent<JcExportDetail> }>>;
    'jc-ranking': DefineComponent<ElementProps<JcRanking> & VueEventProps<{ 'jc-select': CustomEvent<JcSelectDetail>; 'jc-indicator': CustomEvent<JcIndicatorDetail>; 'jc-export': CustomEvent<JcExportDetail> }>>;
  }
}

export {};
