/**
 * React 19 typings for the elements of @jiceng/case-form: typed properties and `on<event>` handlers.
 * Add `import type {} from '@jiceng/case-form/react';` once in a TSX project.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProps, ReactEventProps } from '@jiceng/ui';
import type { JcCaseActions, JcCaseFile, JcCaseIntake, JcCombobox, JcComboboxChangeDetail, JcCommandDetail, JcSubmitDetail } from '@jiceng/case-form';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jc-case-intake': ElementProps<JcCaseIntake> & ReactEventProps<{ 'jc-submit': CustomEvent<JcSubmitDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcCaseIntake>, JcCaseIntake>, keyof ElementProps<JcCaseIntake>>;
      'jc-case-actions': ElementProps<JcCaseActions> & ReactEventProps<{ 'jc-command': CustomEvent<JcCommandDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcCaseActions>, JcCaseActions>, keyof ElementProps<JcCaseActions>>;
      'jc-combobox': ElementProps<JcCombobox> & ReactEventProps<{ 'jc-change': CustomEvent<JcComboboxChangeDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcCombobox>, JcCombobox>, keyof ElementProps<JcCombobox>>;
      'jc-case-file': ElementProps<JcCaseFile> & ReactEventProps<{}> & Omit<DetailedHTMLProps<HTMLAttributes<JcCaseFile>, JcCaseFile>, keyof ElementProps<JcCaseFile>>;
    }
  }
}
export {};
