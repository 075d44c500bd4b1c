/**
 * Vue 3 typings for the elements of @jiceng/case-form: typed properties and `@event` handlers in
 * templates. Add `import type {} from '@jiceng/case-form/vue';` once; tell the compiler the tags are
 * custom elements: `compilerOptions.isCustomElement = (tag) => tag.startsWith('jc-')`.
 */
import type { DefineComponent } from 'vue';
import type { ElementProps, VueEventProps } from '@jiceng/ui';
import type { JcCaseActions, JcCaseFile, JcCaseIntake, JcCombobox, JcComboboxChangeDetail, JcCommandDetail, JcSubmitDetail } from '@jiceng/case-form';

declare module 'vue' {
  interface GlobalComponents {
    'jc-case-intake': DefineComponent<ElementProps<JcCaseIntake> & VueEventProps<{ 'jc-submit': CustomEvent<JcSubmitDetail> }>>;
    'jc-case-actions': DefineComponent<ElementProps<JcCaseActions> & VueEventProps<{ 'jc-command': CustomEvent<JcCommandDetail> }>>;
    'jc-combobox': DefineComponent<ElementProps<JcCombobox> & VueEventProps<{ 'jc-change': CustomEvent<JcComboboxChangeDetail> }>>;
    'jc-case-file': DefineComponent<ElementProps<JcCaseFile> & VueEventProps<{}>>;
  }
}

export {};
