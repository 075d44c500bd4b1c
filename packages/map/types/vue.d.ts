/**
 * Vue 3 typings for the element of @jiceng/map: typed properties and `@event` handlers in
 * templates. Add `import type {} from '@jiceng/map/vue';` once; tell the compiler the tags are
 * custom elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('jc-')`.
 */
import type { DefineComponent } from 'vue';
import type { ElementProps, JcSelectDetail, VueEventProps } from '@jiceng/ui';
import type { JcLayerDetail, JcMap } from '@jiceng/map';

declare module 'vue' {
  interface GlobalComponents {
    'jc-map': DefineComponent<ElementProps<JcMap> & VueEventProps<{ 'jc-select': CustomEvent<Required<JcSelectDetail>>; 'jc-layer': CustomEvent<JcLayerDetail> }>>;
  }
}

export {};
