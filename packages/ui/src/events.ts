/**
 * The one `jc-select` event every Jiceng element sends when the user chooses a node.
 * @module
 */

/**
 * `detail` of `jc-select`, the same from every element that sends it (`<jc-grid-tree>`,
 * `<jc-map>`, `<jc-dashboard>` and `<jc-ranking>`), so one handler serves them all. Every
 * sender gives `code`, the node the user acted on. The elements that hold a hierarchy index
 * — the tree and the map — also give `codes` (every node selected now; the map's is
 * `[code]`) and `positions` (their pre-order positions in the index); the dashboard's
 * ranking, which knows codes only, gives `code` alone. A handler that serves every sender
 * reads `e.detail.codes ?? [e.detail.code]`.
 *
 * @example
 * ```ts
 * document.addEventListener('jc-select', (e) => {
 *   const { code, codes = [code] } = e.detail; // typed: the global event map knows jc-select
 *   map.show(code);
 *   tree.selected = codes;
 * });
 * ```
 */
export interface JcSelectDetail {
  /** The node the user acted on. */
  code: string;
  /**
   * Every selected code, in pre-order (the tree and the map; the map's is `[code]`). In the
   * tree's `scope` mode each code stands for its whole subtree and only the topmost fully
   * selected nodes are listed.
   */
  codes?: string[];
  /** Pre-order positions of `codes` in the current hierarchy index (the tree and the map). */
  positions?: number[];
}

declare global {
  interface HTMLElementEventMap {
    'jc-select': CustomEvent<JcSelectDetail>;
  }
}
