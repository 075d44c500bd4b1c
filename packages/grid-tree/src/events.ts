/**
 * The events `<jc-grid-tree>` dispatches, with typed `detail`.
 * @module
 */
import type { JcGridTree } from './grid-tree.js';

/**
 * `jc-select`: the selection changed through the user (click, Enter, Space).
 *
 * @example
 * ```ts
 * tree.addEventListener('jc-select', (e) => console.log(e.detail.codes, e.detail.code));
 * ```
 */
export interface JcSelectDetail {
  /**
   * Every selected code, in pre-order. In `scope` mode each code stands for its whole
   * subtree and only the topmost fully selected nodes are listed.
   */
  codes: string[];
  /** The node the user acted on. */
  code: string;
  /** Pre-order positions of `codes` in the current hierarchy index. */
  positions: number[];
}

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
  interface HTMLElementTagNameMap {
    'jc-grid-tree': JcGridTree;
  }
  interface HTMLElementEventMap {
    'jc-select': CustomEvent<JcSelectDetail>;
    'jc-expand': CustomEvent<JcExpandDetail>;
    'jc-search': CustomEvent<JcSearchDetail>;
  }
}
