/**
 * React 19 typings for the elements of @jiceng/engagement: typed properties and `on<event>` handlers.
 * Add `import type {} from '@jiceng/engagement/react';` once in a TSX project.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProps, ReactEventProps } from '@jiceng/ui';
import type { JcEngagementCommandDetail, JcLedger, JcServiceBoard } from '@jiceng/engagement';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jc-service-board': ElementProps<JcServiceBoard> & ReactEventProps<{ 'jc-command': CustomEvent<JcEngagementCommandDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcServiceBoard>, JcServiceBoard>, keyof ElementProps<JcServiceBoard>>;
      'jc-ledger': ElementProps<JcLedger> & ReactEventProps<{}> & Omit<DetailedHTMLProps<HTMLAttributes<JcLedger>, JcLedger>, keyof ElementProps<JcLedger>>;
    }
  }
}
export {};
