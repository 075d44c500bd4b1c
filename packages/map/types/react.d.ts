/**
 * React 19 typings for the element of @jiceng/map: typed properties and `on<event>` handlers.
 * Add `import type {} from '@jiceng/map/react';` once in a TSX project.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementProps, JcSelectDetail, ReactEventProps } from '@jiceng/ui';
import type { JcLayerDetail, JcMap } from '@jiceng/map';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'jc-map': ElementProps<JcMap> & ReactEventProps<{ 'jc-select': CustomEvent<Required<JcSelectDetail>>; 'jc-layer': CustomEvent<JcLayerDetail> }> & Omit<DetailedHTMLProps<HTMLAttributes<JcMap>, JcMap>, keyof ElementProps<JcMap>>;
    }
  }
}
export {};
