/**
 * React 19 typings for the elements of @jiceng/grid-tree: typed properties and `on<event>` handlers.
 * Add `import type {} from '@jiceng/grid-tree/react';` once in a TSX project.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProps, ReactEventProps } from '@jiceng/ui';
import type { JcExpandDetail, JcGridTree, JcSearchDetail, JcSelectDetail } from '@jiceng/grid-tree';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jc-grid-tree': ElementProps<JcGridTree> & ReactEventProps<{ 'jc-select': CustomEvent<Required<JcSelectDetail>>; 'jc-expand': CustomEvent<JcExpandDetail>; 'jc-search': CustomEvent<JcSearchDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcGridTree>, JcGridTree>, keyof ElementProps<JcGridTree>>;
    }
  }
}
export {};
