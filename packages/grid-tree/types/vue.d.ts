/**
 * Vue 3 typings for the elements of @jiceng/grid-tree: typed properties and `@event` handlers in
 * templates. Add `import type {} from '@jiceng/grid-tree/vue';` once; tell the compiler the tags are
 * custom elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('jc-')`.
 */
import type { DefineComponent } from 'vue';
import type { ElementProps, VueEventProps } from '@jiceng/ui';
import type { JcExpandDetail, JcGridTree, JcSearchDetail, JcSelectDetail } from '@jiceng/grid-tree';

declare module 'vue' {
  interface GlobalComponents {
    'jc-grid-tree': DefineComponent<ElementProps<JcGridTree> & VueEventProps<{ 'jc-select': CustomEvent<Required<JcSelectDetail>>; 'jc-expand': CustomEvent<JcExpandDetail>; 'jc-search': CustomEvent<JcSearchDetail> }>>;
  }
}

export {};
