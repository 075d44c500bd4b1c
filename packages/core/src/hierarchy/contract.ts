/**
 * The read-only view of a built hierarchy that components, metrics and the case loop use.
 * Nodes are addressed by their pre-order position (`0..size-1`, the root is 0), so that a
 * subtree is the contiguous range `[i, end[i])`.
 * @module
 */
import type { HierarchyConfig, LevelDef, NodeInput } from './types.js';

/**
 * An immutable, indexed hierarchy. Build one with `buildHierarchy`.
 *
 * @example
 * ```ts
 * const h = buildHierarchy(config, nodes);           // Result<HierarchyIndex>
 * if (h.ok) {
 *   const idx = h.value;
 *   const town = idx.indexOf('350302001000');
 *   idx.isAncestor(0, town);                          // true: the city contains the town
 *   idx.children(town).map((c) => idx.name(c));
 * }
 * ```
 */
export interface HierarchyIndex {
  /** The configuration the index was built with. */
  readonly config: HierarchyConfig;
  /** Number of nodes. */
  readonly size: number;
  /** Parent position per node; -1 for the root. */
  readonly parents: Int32Array;
  /** Exclusive end of each node's subtree: the subtree of i is `[i, ends[i])`. */
  readonly ends: Int32Array;
  /** Depth per node (root = 0). */
  readonly depths: Uint8Array;
  /** Level position (index into `config.levels`) per node. */
  readonly levelOf: Uint8Array;

  /** Position of a node by code, or -1. */
  indexOf(code: string): number;
  /** Code of the node at position i. */
  code(i: number): string;
  /** Chinese name of the node at i. */
  name(i: number): string;
  /** English name of the node at i, or the Chinese one if none. */
  nameEn(i: number): string;
  /** The level definition of node i. */
  level(i: number): LevelDef;
  /** Number of children of i. */
  childCount(i: number): number;
  /** Positions of i's children, in order. */
  children(i: number): number[];
  /** True if a is b or an ancestor of b (O(1)). */
  isAncestor(a: number, b: number): boolean;
  /** The ancestor of i (or i itself) at the given level id or level position, or -1. */
  ancestorAt(i: number, level: string | number): number;
  /** Positions from the root to i, inclusive. */
  path(i: number): number[];
  /** Number of nodes of each level in the subtree of i (indexed by level position). */
  countByLevel(i: number): number[];
  /**
   * Nodes whose name contains the query, whose pinyin initials start with / contain it
   * (`lcq` → 荔城区), or whose code starts with it; at most `limit` positions, in pre-order.
   */
  search(query: string, limit?: number): number[];
  /** The node at i as a plain input record (for export and display). */
  node(i: number): NodeInput;
}
