/**
 * The view state of a tree over a pre-order hierarchy index: which nodes are expanded,
 * loading or filtered, and the flat list of visible rows that the virtual list draws.
 * Pure data, no DOM: a subtree is the range `[i, ends[i])`, so skipping a collapsed subtree
 * is one jump and the visible rows cost O(visible), not O(size).
 * @module
 */
import type { HierarchyIndex } from '@jiceng/core';
import { argumentError, FINITE, need } from '@jiceng/ui';

/**
 * A visible row is a node position (≥ 0) or, for the "loading…" row under parent p, `~p` (< 0).
 *
 * @example
 * ```ts
 * const r = placeholderRow(5); // -6
 * isPlaceholder(r) && placeholderParent(r); // 5
 * ```
 */
export function placeholderRow(parent: number): number {
  if (!Number.isSafeInteger(parent)) throw argumentError('placeholderRow', 'parent', FINITE);
  return ~parent;
}
/** True for a placeholder row. @example `isPlaceholder(-1); // true` */
export function isPlaceholder(row: number): boolean {
  if (typeof row !== 'number') throw argumentError('isPlaceholder', 'row', FINITE);
  return row < 0;
}
/** The parent of a placeholder row. @example `placeholderParent(-6); // 5` */
export function placeholderParent(row: number): number {
  if (!Number.isSafeInteger(row)) throw argumentError('placeholderParent', 'row', FINITE);
  return ~row;
}

/** The search filter: matches, their ancestors, and what the user opened inside it. */
interface Filter {
  /** 1 for a match or an ancestor of a match. */
  keep: Uint8Array;
  /** 1 for a match. */
  match: Uint8Array;
  /** Expanded while filtering (starts as the ancestors of matches). */
  expanded: Uint8Array;
  /** Nodes the user expanded while filtering that show all their children. */
  showAll: Uint8Array;
  matches: number[];
}

/**
 * Expansion, lazy loading and search filtering over one hierarchy index.
 *
 * @example
 * ```ts
 * const v = new TreeView(index, false);
 * v.setExpanded(0, true);
 * v.rows(); // Int32Array: the root and its children
 * ```
 */
export class TreeView {
  readonly expanded: Uint8Array;
  /** Lazy mode: 1 once a node's children were asked for and arrived. */
  readonly loaded: Uint8Array;
  /** Lazy mode: 1 while a node's children load; 2 when loading failed. */
  readonly loadState: Uint8Array;
  #filter: Filter | null = null;
  #buf: Int32Array = new Int32Array(256);
  #count = 0;
  #dirty = true;
  #touch(): void {
    this.#dirty = true;
    this.#kids.clear();
  }
  readonly #kids = new Map<number, number[]>();
  readonly #lastLevel: number;

  constructor(readonly index: HierarchyIndex, readonly lazy: boolean) {
    need('TreeView', 'index', index, 'object', { size: 'number', indexOf: 'function', code: 'function' });
    need('TreeView', 'lazy', lazy, 'boolean');
    this.expanded = new Uint8Array(index.size);
    this.loaded = new Uint8Array(index.size);
    this.loadState = new Uint8Array(index.size);
    this.#lastLevel = index.config.levels.length - 1;
  }

  /** True when i has children, or (lazy mode) may have children that were not loaded yet. */
  hasChildren(i: number): boolean {
    if (this.index.ends[i] > i + 1) return true;
    return this.lazy && this.loaded[i] === 0 && this.index.levelOf[i] < this.#lastLevel;
  }

  /** True when i's children have to be fetched before it can show them. */
  needsLoad(i: number): boolean {
    return this.lazy && this.index.ends[i] === i + 1 && this.loaded[i] === 0 && this.index.levelOf[i] < this.#lastLevel;
  }

  get filtering(): boolean {
    return this.#filter !== null;
  }

  isExpanded(i: number): boolean {
    return (this.#filter ? this.#filter.expanded[i] : this.expanded[i]) === 1;
  }

  setExpanded(i: number, on: boolean): void {
    const f = this.#filter;
    if (f) {
      f.expanded[i] = on ? 1 : 0;
      if (on && !this.#anyChildKept(i)) f.showAll[i] = 1;
    } else {
      this.expanded[i] = on ? 1 : 0;
    }
    this.#touch();
  }

  /** Expands every ancestor of i (in the unfiltered view). */
  expandAncestors(i: number): void {
    for (let p = this.index.parents[i]; p >= 0; p = this.index.parents[p]) this.expanded[p] = 1;
    this.#touch();
  }

  /** Marks that the rows must be recomputed (after loading state changed). */
  invalidate(): void {
    this.#touch();
  }

  /** True if i is a search match. */
  isMatch(i: number): boolean {
    return this.#filter !== null && this.#filter.match[i] === 1;
  }

  /** Filters the view to `matches` and their ancestors; `null` shows the whole tree again. */
  setFilter(matches: number[] | null): void {
    this.#touch();
    if (!matches) {
      this.#filter = null;
      return;
    }
    const n = this.index.size;
    const parents = this.index.parents;
    const f: Filter = {
      keep: new Uint8Array(n),
      match: new Uint8Array(n),
      expanded: new Uint8Array(n),
      showAll: new Uint8Array(n),
      matches,
    };
    for (const m of matches) {
      f.match[m] = 1;
      f.keep[m] = 1;
      for (let p = parents[m]; p >= 0 && f.expanded[p] === 0; p = parents[p]) {
        f.keep[p] = 1;
        f.expanded[p] = 1;
      }
    }
    this.#filter = f;
  }

  /** The visible rows, in display order. The array is reused: copy it to keep it. */
  rows(): Int32Array {
    if (this.#dirty) this.#compute();
    return this.#buf.subarray(0, this.#count);
  }

  /** The children of i as shown (all of them, or the kept ones while filtering). */
  visibleChildren(i: number): number[] {
    let kids = this.#kids.get(i);
    if (!kids) {
      kids = [];
      const { ends } = this.index;
      const f = this.#filter;
      const all = !f || f.showAll[i] === 1;
      for (let c = i + 1; c < ends[i]; c = ends[c]) if (all || f.keep[c] === 1) kids.push(c);
      this.#kids.set(i, kids);
    }
    return kids;
  }

  /** `[posinset, setsize]` of a node among its shown siblings (1-based). */
  siblingInfo(i: number): [number, number] {
    const p = this.index.parents[i];
    if (p < 0) return [1, 1];
    const kids = this.visibleChildren(p);
    return [kids.indexOf(i) + 1, kids.length];
  }

  #anyChildKept(i: number): boolean {
    const f = this.#filter!;
    const ends = this.index.ends;
    for (let c = i + 1; c < ends[i]; c = ends[c]) if (f.keep[c] === 1) return true;
    return false;
  }

  #push(row: number): void {
    if (this.#count === this.#buf.length) {
      const next = new Int32Array(this.#buf.length * 2);
      next.set(this.#buf);
      this.#buf = next;
    }
    this.#buf[this.#count++] = row;
  }

  #compute(): void {
    this.#count = 0;
    this.#dirty = false;
    const { ends, parents, size } = this.index;
    const f = this.#filter;
    const expanded = f ? f.expanded : this.expanded;
    const lazy = this.lazy;
    let i = 0;
    while (i < size) {
      if (f && f.keep[i] === 0) {
        const p = parents[i];
        if (p < 0 || f.showAll[p] === 0) {
          i = ends[i];
          continue;
        }
      }
      this.#push(i);
      if (expanded[i] === 1) {
        if (lazy && this.loadState[i] !== 0 && ends[i] === i + 1) this.#push(placeholderRow(i));
        i += 1;
      } else {
        i = ends[i];
      }
    }
  }
}

/**
 * "Scope" selection: checking a node checks its whole subtree; a node is mixed when part of
 * its subtree is checked. Kept as two flags per position, so drawing a row is O(1) and
 * toggling costs one range fill plus a walk up the ancestors.
 *
 * @example
 * ```ts
 * const s = new ScopeSelection(index);
 * s.set(town, true);
 * s.state(county); // 'mixed'
 * s.roots();       // [town]
 * ```
 */
export class ScopeSelection {
  readonly checked: Uint8Array;
  readonly mixed: Uint8Array;

  constructor(readonly index: HierarchyIndex) {
    need('ScopeSelection', 'index', index, 'object', { size: 'number', indexOf: 'function', code: 'function' });
    this.checked = new Uint8Array(index.size);
    this.mixed = new Uint8Array(index.size);
  }

  /** The checkbox state of i. */
  state(i: number): 'true' | 'false' | 'mixed' {
    return this.checked[i] ? 'true' : this.mixed[i] ? 'mixed' : 'false';
  }

  /** Checks or unchecks the subtree of i, and updates its ancestors. */
  set(i: number, on: boolean): void {
    const { ends, parents } = this.index;
    this.checked.fill(on ? 1 : 0, i, ends[i]);
    this.mixed.fill(0, i, ends[i]);
    for (let a = parents[i]; a >= 0; a = parents[a]) {
      let all = true;
      let any = false;
      for (let c = a + 1; c < ends[a]; c = ends[c]) {
        if (this.checked[c]) any = true;
        else {
          all = false;
          if (this.mixed[c]) any = true;
        }
      }
      this.checked[a] = all ? 1 : 0;
      this.mixed[a] = !all && any ? 1 : 0;
    }
  }

  /** Unchecks everything. */
  clear(): void {
    this.checked.fill(0);
    this.mixed.fill(0);
  }

  /** The topmost fully checked nodes, in pre-order. */
  roots(): number[] {
    const out: number[] = [];
    const { ends, size } = this.index;
    let i = 0;
    while (i < size) {
      if (this.checked[i]) {
        out.push(i);
        i = ends[i];
      } else if (this.mixed[i]) i += 1;
      else i = ends[i];
    }
    return out;
  }
}
