/**
 * Vue 3 typings for the elements of @jiceng/alerts: typed properties and `@event` handlers in
 * templates. Add `import type {} from '@jiceng/alerts/vue';` once; tell the compiler the tags are
 * custom elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('jc-')`.
 */
import type { DefineComponent } from 'vue';
import type { ElementProps, VueEventProps } from '@jiceng/ui';
import type { JcAlertCommandDetail, JcAlerts, JcDispatchBoard } from '@jiceng/alerts';

declare module 'vue' {
  interface GlobalComponents {
    'jc-alerts': DefineComponent<ElementProps<JcAlerts> & VueEventProps<{ 'jc-command': CustomEvent<JcAlertCommandDetail> }>>;
    'jc-dispatch-board': DefineComponent<ElementProps<JcDispatchBoard> & VueEventProps<{ 'jc-command': CustomEvent<JcAlertCommandDetail> }>>;
  }
}

export {};
