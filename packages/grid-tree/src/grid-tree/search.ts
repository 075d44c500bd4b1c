/**
 * The search of `<jc-grid-tree>`: the debounced search box, the filter it puts on the rows,
 * the announcement of what it found, and the `jc-search` event.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HierarchyIndex } from '@jiceng/core';
import { need } from '@jiceng/ui';
import { fill, type GridTreeStrings } from './i18n.js';
import type { TreeView } from './tree-view.js';
import type { TreeKeyboard } from './keyboard.js';
import type { VirtualScroller } from './scroller.js';
import type { JcSearchDetail } from './events.js';

/**
 * The element a {@link TreeSearch} serves: a Lit element with `query`, `searchDelay` and `searchLimit`.
 * @example `const host: SearchHost = this; // in <jc-grid-tree>`
 */
export type SearchHost = ReactiveControllerHost & HTMLElement & {
  query: string;
  readonly searchDelay: number;
  readonly searchLimit: number;
  readonly updateComplete: Promise<boolean>;
};

/**
 * What a {@link TreeSearch} needs from its element.
 * @example `{ view: () => this.view, strings: () => this.strings, keyboard, scroller }`
 */
export interface TreeSearchOptions {
  /** The rows shown now, or null before there is a hierarchy. */
  view: () => TreeView | null;
  /** The element's strings (for the announcement). */
  strings: () => GridTreeStrings;
  /** The keyboard whose active row follows the first match. */
  keyboard: TreeKeyboard;
  /** The scroller, back at the top after a search. */
  scroller: VirtualScroller;
}

/**
 * A Lit reactive controller for a tree's search: typing in the box sets the host's `query`
 * after `searchDelay` ms (Enter or ArrowDown at once, then focus goes to the rows; Escape
 * clears it); {@link TreeSearch.apply} filters the rows to at most `searchLimit` matches by
 * name, code or pinyin initials, makes the first match active, announces the count in
 * {@link TreeSearch.status} and, when the user typed the query, sends `jc-search` after the
 * render.
 *
 * @example
 * ```ts
 * readonly #search = new TreeSearch(this, { view: () => this.view, strings: () => this.strings, keyboard, scroller });
 * willUpdate() { if (this.#search.stale) this.#search.apply(this.hierarchy); }
 * // <input type="search" @input=${this.#search.onInput} @keydown=${this.#search.onKey}> … <div role="status">${this.#search.status}</div>
 * ```
 */
export class TreeSearch implements ReactiveController {
  /** The query the rows are filtered by now (trimmed), or null before the first filter. */
  applied: string | null = null;
  /** The announcement of the last search (how many matched). */
  status = '';
  readonly #host: SearchHost;
  readonly #opts: TreeSearchOptions;
  #user = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: SearchHost, opts: TreeSearchOptions) {
    need('TreeSearch', 'host', host, 'object', { addController: 'function' });
    need('TreeSearch', 'opts', opts, 'object', { view: 'function', strings: 'function', keyboard: 'object', scroller: 'object' });
    this.#host = host;
    this.#opts = opts;
    host.addController(this);
  }

  /** Whether the host's `query` differs from the one applied. @example `if (search.stale) search.apply(h);` */
  get stale(): boolean {
    return this.applied !== this.#host.query.trim();
  }

  /** Forgets the applied filter (a new view has none). @example `search.reset();` */
  reset(): void {
    this.applied = null;
  }

  /** Filters the view by the host's `query` (called before a render). @example `search.apply(index);` */
  apply(h: HierarchyIndex): void {
    const view = this.#opts.view()!;
    const keys = this.#opts.keyboard;
    const q = this.#host.query.trim();
    const wasFiltering = view.filtering;
    this.applied = q;
    const s = this.#opts.strings();
    if (!q) {
      view.setFilter(null);
      this.status = '';
      if (wasFiltering && keys.active >= 0) {
        view.expandAncestors(keys.active);
        this.#opts.scroller.ensureVisible(view.rows().indexOf(keys.active), view.rows().length, true);
      }
      if (this.#user) this.#emit(q, [], false);
      this.#user = false;
      return;
    }
    const limit = Math.max(1, this.#host.searchLimit | 0);
    const found = h.search(q, limit + 1);
    const truncated = found.length > limit;
    const matches = truncated ? found.slice(0, limit) : found;
    view.setFilter(matches);
    this.status = matches.length === 0 ? s.noMatches : truncated ? fill(s.matchesTruncated, { limit }) : fill(s.matches, { n: matches.length });
    if (matches.length) keys.active = matches[0];
    this.#opts.scroller.toTop();
    if (this.#user) this.#emit(q, matches.map((m) => h.code(m)), truncated);
    this.#user = false;
  }

  #emit(query: string, matches: string[], truncated: boolean): void {
    const detail: JcSearchDetail = { query, matches, truncated };
    const host = this.#host;
    // Dispatched after the update so listeners see the filtered rows.
    void host.updateComplete.then(() => host.dispatchEvent(new CustomEvent('jc-search', { detail, bubbles: true, composed: true })));
  }

  /** The search box's `input` listener (debounced by `searchDelay`). @example `<input @input=${search.onInput}>` */
  readonly onInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#user = true;
      this.#host.query = value;
      if (this.applied === value.trim()) this.#user = false;
    }, Math.max(0, this.#host.searchDelay));
  };

  /** The search box's `keydown` listener: Enter and ArrowDown search now and go to the rows, Escape clears. @example `<input @keydown=${search.onKey}>` */
  readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.isComposing)) {
      e.preventDefault();
      clearTimeout(this.#timer);
      const value = (e.target as HTMLInputElement).value;
      if (value.trim() !== this.applied) {
        this.#user = true;
        this.#host.query = value;
      }
      void this.#host.updateComplete.then(() => {
        const rows = this.#opts.view()?.rows();
        if (!rows?.length) return;
        const k = rows.indexOf(this.#opts.keyboard.active);
        this.#opts.keyboard.moveTo(k >= 0 ? k : 0);
      });
    } else if (e.key === 'Escape' && this.#host.query) {
      e.preventDefault();
      clearTimeout(this.#timer);
      (e.target as HTMLInputElement).value = '';
      this.#user = true;
      this.#host.query = '';
    }
  };

  /** @internal Stops a pending debounced search. */
  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
