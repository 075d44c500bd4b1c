/**
 * The events `<jc-grid-tree>` dispatches, with typed `detail`.
 * @module
 */

/**
 * `jc-select`: the selection changed through the user (click, Enter, Space). Its detail is
 * the one `JcSelectDetail` of `@jiceng/ui`, re-exported here; the tree always fills `codes`
 * and `positions`.
 *
 * @example
 * ```ts
 * tree.addEventListener('jc-select', (e) => console.log(e.detail.codes, e.detail.code));
 * ```
 */
export type { JcSelectDetail } from '@jiceng/ui';

/**
 * `jc-expand`: the user expanded or collapsed a node.
 *
 * @example
 * ```ts
 * tree.addEventListener('jc-expand', (e) => console.log(e.detail.code, e.detail.expanded));
 * ```
 */
export interface JcExpandDetail {
  code: string;
  expanded: boolean;
}

/**
 * `jc-search`: the (debounced) search query changed and was run.
 *
 * @example
 * ```ts
 * tree.addEventListener('jc-search', (e) => console.log(e.detail.query, e.detail.matches.length));
 * ```
 */
export interface JcSearchDetail {
  /** The query as typed (trimmed); empty when the search was cleared. */
  query: string;
  /** Codes of the matching nodes, in pre-order (at most `searchLimit`). */
  matches: string[];
  /** True when there were more matches than `searchLimit`. */
  truncated: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'jc-expand': CustomEvent<JcExpandDetail>;
    'jc-search': CustomEvent<JcSearchDetail>;
  }
}
