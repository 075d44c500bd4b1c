/**
 * React 19 typings for the elements of @jiceng/case-form: typed properties and `on<event>` handlers.
 * Add `import type {} from '@jiceng/case-form/react';` once in a TSX project.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProps, ReactEventProps } from '@jiceng/ui';
import type { JcCaseFile, JcCaseForm, JcCommandDetail, JcSubmitDetail } from '@jiceng/case-form';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jc-case-form': ElementProps<JcCaseForm> & ReactEventProps<{ 'jc-submit': CustomEvent<JcSubmitDetail>; 'jc-command': CustomEvent<JcCommandDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcCaseForm>, JcCaseForm>, keyof ElementProps<JcCaseForm>>;
      'jc-case-file': ElementProps<JcCaseFile> & ReactEventProps<{}> & Omit<DetailedHTMLProps<HTMLAttributes<JcCaseFile>, JcCaseFile>, keyof ElementProps<JcCaseFile>>;
    }
  }
}
export {};
