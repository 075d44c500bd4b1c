/**
 * The events `<jc-map>` dispatches, with typed `detail`.
 * @module
 */
import type { JcMap } from './map.js';

/**
 * `jc-select`: the user chose an area (click, Space, Enter to drill down, Escape to go up).
 * The same shape as `<jc-grid-tree>`'s `jc-select`, so one handler serves both.
 *
 * @example
 * ```ts
 * map.addEventListener('jc-select', (e) => tree.selected = (e as CustomEvent<JcMapSelectDetail>).detail.codes);
 * ```
 */
export interface JcMapSelectDetail {
  /** The selected codes (the map selects one area at a time). */
  codes: string[];
  /** The area the user acted on. */
  code: string;
  /** Pre-order positions of `codes` in the hierarchy index. */
  positions: number[];
}

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
  interface HTMLElementTagNameMap {
    'jc-map': JcMap;
  }
  interface HTMLElementEventMap {
    'jc-layer': CustomEvent<JcLayerDetail>;
  }
}
