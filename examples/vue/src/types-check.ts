// Type-level checks of the Vue typings (what a template's props and @events are checked
// against): each @ts-expect-error must be an error.
import type {} from '@jiceng/grid-tree/vue';
import type {} from '@jiceng/dashboard/vue';
import type { GlobalComponents } from 'vue';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
export const tree: Props<'jc-grid-tree'> = { selection: 'multiple', 'onJc-select': (e) => e.detail.codes };
// @ts-expect-error selection is 'single' | 'multiple' | 'scope'
export const badTree: Props<'jc-grid-tree'> = { selection: 'all' };
// @ts-expect-error jc-select's detail has no such field
export const badEvent: Props<'jc-grid-tree'> = { 'onJc-select': (e) => e.detail.nothing };
export const dash: Props<'jc-dashboard'> = { mode: 'wall', 'onJc-period': (e) => e.detail.period };
