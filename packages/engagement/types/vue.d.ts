/**
 * Vue 3 typings for the elements of @jiceng/engagement: typed properties and `@event` handlers in
 * templates. Add `import type {} from '@jiceng/engagement/vue';` once; tell the compiler the tags are
 * custom elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('jc-')`.
 */
import type { DefineComponent } from 'vue';
import type { ElementProps, VueEventProps } from '@jiceng/ui';
import type { JcEngagementCommandDetail, JcLedger, JcServiceBoard } from '@jiceng/engagement';

declare module 'vue' {
  interface GlobalComponents {
    'jc-service-board': DefineComponent<ElementProps<JcServiceBoard> & VueEventProps<{ 'jc-command': CustomEvent<JcEngagementCommandDetail> }>>;
    'jc-ledger': DefineComponent<ElementProps<JcLedger> & VueEventProps<{}>>;
  }
}

export {};
