/**
 * The events `<jc-map>` dispatches, with typed `detail`.
 * @module
 */
import type { JcSelectDetail } from '@jiceng/ui';

/**
 * `jc-select` of `<jc-map>`: the user chose an area (click, Space, Enter to drill down,
 * Escape to go up). The detail is `@jiceng/ui`'s `JcSelectDetail`, the same as every other
 * element's, with `codes` (`[code]`) and `positions` always filled: this name stays for
 * code written against it.
 *
 * @deprecated Use `JcSelectDetail` from `@jiceng/ui` (the global event map types `jc-select` with it).
 * @example
 * ```ts
 * map.addEventListener('jc-select', (e) => { tree.selected = e.detail.codes ?? [e.detail.code]; });
 * ```
 */
export type JcMapSelectDetail = Required<JcSelectDetail>;

/**
 * `jc-layer`: the user switched a layer on or off.
 *
 * @example
 * ```ts
 * map.addEventListener('jc-layer', (e) => console.log(e.detail.id, e.detail.visible));
 * ```
 */
export interface JcLayerDetail {
  /** The layer's id. */
  id: string;
  /** Whether it is now drawn. */
  visible: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'jc-layer': CustomEvent<JcLayerDetail>;
  }
}
