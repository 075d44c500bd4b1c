/**
 * Types that framework typings of the Jiceng elements are built from: which of an element's
 * members a template may set, and how its events appear as handler props.
 * @module
 */
import type { LitElement } from 'lit';

/**
 * The settable public fields of element `E` (what a template may pass as a property), all
 * optional: the element's own fields, without LitElement's and HTMLElement's members and
 * without methods.
 *
 * @example
 * ```ts
 * type TreeProps = ElementProps<JcGridTree>; // { hierarchy?: HierarchyIndex; selection?: …; … }
 * ```
 */
export type ElementProps<E extends LitElement> = {
  [K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/**
 * Event handler props as React 19 reads them on custom elements: `on` + the event's exact
 * name (`onjc-select` listens for `jc-select`).
 *
 * @example
 * ```ts
 * type P = ReactEventProps<{ 'jc-select': CustomEvent<{ code: string }> }>; // { 'onjc-select'?: (e) => void }
 * ```
 */
export type ReactEventProps<M> = { [K in keyof M & string as `on${K}`]?: (event: M[K]) => void };

/**
 * Event handler props as Vue 3 templates produce them: `@jc-select` becomes `onJc-select`.
 *
 * @example
 * ```ts
 * type P = VueEventProps<{ 'jc-select': CustomEvent<{ code: string }> }>; // { 'onJc-select'?: (e) => void }
 * ```
 */
export type VueEventProps<M> = { [K in keyof M & string as `on${Capitalize<K>}`]?: (event: M[K]) => void };
