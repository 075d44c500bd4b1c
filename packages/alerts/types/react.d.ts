/**
 * React 19 typings for the elements of @jiceng/alerts: typed properties and `on<event>` handlers.
 * Add `import type {} from '@jiceng/alerts/react';` once in a TSX project.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProps, ReactEventProps } from '@jiceng/ui';
import type { JcAlertCommandDetail, JcAlerts, JcDispatchBoard } from '@jiceng/alerts';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jc-alerts': ElementProps<JcAlerts> & ReactEventProps<{ 'jc-command': CustomEvent<JcAlertCommandDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcAlerts>, JcAlerts>, keyof ElementProps<JcAlerts>>;
      'jc-dispatch-board': ElementProps<JcDispatchBoard> & ReactEventProps<{ 'jc-command': CustomEvent<JcAlertCommandDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcDispatchBoard>, JcDispatchBoard>, keyof ElementProps<JcDispatchBoard>>;
    }
  }
}
export {};
