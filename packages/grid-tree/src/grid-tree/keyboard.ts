/**
 * The keyboard of `<jc-grid-tree>`: a roving focus over the shown rows and type-ahead, as
 * the WAI-ARIA tree pattern asks.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { need, type UiLang } from '@jiceng/ui';
import { isPlaceholder, type TreeView } from './tree-view.js';
import type { VirtualScroller } from './scroller.js';

/** Keystrokes closer together than this continue one type-ahead string. */
const TYPEAHEAD_MS = 600;

/**
 * What a {@link TreeKeyboard} needs from its element.
 * @example `{ view: () => this.view, lang: () => 'zh', scroller, rowEl: (p) => …, expand: (r, on) => …, select: (r) => … }`
 */
export interface TreeKeyboardOptions {
  /** The rows shown now, or null before there is a hierarchy. */
  view: () => TreeView | null;
  /** The language names are typed in. */
  lang: () => UiLang;
  /** The scroller that brings the active row into view. */
  scroller: VirtualScroller;
  /** The row element of a pre-order position, if drawn. */
  rowEl: (pos: number) => HTMLElement | null;
  /** Expands or collapses a node. */
  expand: (pos: number, on: boolean) => void;
  /** Selects a node (Enter, Space). */
  select: (pos: number) => void;
}

/**
 * A Lit reactive controller for a tree's keyboard: it holds the active row (the one tab
 * stop, roving tabindex), moves it with the arrows, Home, End, PageUp and PageDown, expands
 * and collapses with Right and Left, expands all siblings with `*`, selects with Enter and
 * Space, and moves to the next row whose name or code starts with the typed characters. The
 * row it moves to gets DOM focus after the next render.
 *
 * @example
 * ```ts
 * readonly #keys = new TreeKeyboard(this, { view: () => this.view, lang: () => 'zh', scroller, rowEl, expand, select });
 * // <div role="tree" @keydown=${this.#keys.onKey}> … tabindex=${pos === this.#keys.active ? 0 : -1}
 * ```
 */
export class TreeKeyboard implements ReactiveController {
  /** Pre-order position of the active row (the tab stop), or -1. */
  active = -1;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #opts: TreeKeyboardOptions;
  #focusPending = false;
  #typed = '';
  #typedAt = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, opts: TreeKeyboardOptions) {
    need('TreeKeyboard', 'host', host, 'object', { addController: 'function' });
    need('TreeKeyboard', 'opts', opts, 'object', { view: 'function', lang: 'function', scroller: 'object', rowEl: 'function', expand: 'function', select: 'function' });
    this.#host = host;
    this.#opts = opts;
    host.addController(this);
  }

  /** Whether a row of the tree has DOM focus now. @example `if (keys.hasFocus()) keys.focusLater();` */
  hasFocus(): boolean {
    const a = this.#host.shadowRoot?.activeElement;
    return !!a && a.classList.contains('row');
  }

  /** Gives the active row DOM focus after the next render. @example `keys.focusLater();` */
  focusLater(): void {
    this.#focusPending = true;
  }

  /**
   * Makes shown row k (clamped, never the loading row) active, scrolls it into view and
   * focuses it after the next render.
   * @example `keys.moveTo(0);`
   */
  moveTo(k: number): void {
    const view = this.#opts.view();
    if (!view) return;
    const rows = view.rows();
    if (!rows.length) return;
    k = Math.max(0, Math.min(rows.length - 1, k));
    if (isPlaceholder(rows[k])) k = k > 0 ? k - 1 : k + 1;
    if (k < 0 || k >= rows.length || isPlaceholder(rows[k])) return;
    this.active = rows[k];
    this.#opts.scroller.ensureVisible(k, rows.length);
    this.#focusPending = true;
    this.#host.requestUpdate();
  }

  /** The tree's `keydown` listener. @example `<div role="tree" @keydown=${keys.onKey}>` */
  readonly onKey = (e: KeyboardEvent): void => {
    const view = this.#opts.view();
    if (!view || e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = view.rows();
    const r = this.active;
    const k = rows.indexOf(r);
    if (k < 0) return;
    const h = view.index;
    const { expand, select } = this.#opts;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        this.moveTo(k + 1);
        break;
      case 'ArrowUp':
        this.moveTo(k - 1);
        break;
      case 'ArrowRight':
        if (view.hasChildren(r)) {
          if (!view.isExpanded(r)) expand(r, true);
          else if (k + 1 < rows.length && rows[k + 1] >= 0 && h.parents[rows[k + 1]] === r) this.moveTo(k + 1);
        }
        break;
      case 'ArrowLeft':
        if (view.hasChildren(r) && view.isExpanded(r)) expand(r, false);
        else if (h.parents[r] >= 0) this.moveTo(rows.indexOf(h.parents[r]));
        break;
      case 'Home':
        this.moveTo(0);
        break;
      case 'End':
        this.moveTo(rows.length - 1);
        break;
      case 'PageDown':
      case 'PageUp': {
        const page = this.#opts.scroller.pageRows();
        this.moveTo(k + (e.key === 'PageDown' ? page : -page));
        break;
      }
      case '*': {
        const p = h.parents[r];
        const sibs = p < 0 ? [r] : view.visibleChildren(p);
        for (const c of sibs) if (view.hasChildren(c) && !view.needsLoad(c)) expand(c, true);
        break;
      }
      case 'Enter':
      case ' ':
        select(r);
        break;
      default:
        handled = e.key.length === 1 && e.key.trim() !== '' && this.#typeahead(e.key, k);
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** Moves to the next row whose name (or code) starts with the typed characters. */
  #typeahead(ch: string, k: number): boolean {
    const now = performance.now();
    const fresh = now - this.#typedAt > TYPEAHEAD_MS;
    this.#typed = (fresh ? '' : this.#typed) + ch.toLowerCase();
    this.#typedAt = now;
    const view = this.#opts.view()!;
    const rows = view.rows();
    const h = view.index;
    const en = this.#opts.lang() === 'en';
    const t = this.#typed;
    const n = rows.length;
    // A new search starts after the active row; a continued one may stay on it.
    const start = fresh || t.length === 1 ? k + 1 : k;
    for (let step = 0; step < n; step++) {
      const j = (start + step) % n;
      const r = rows[j];
      if (r < 0) continue;
      const name = (en ? h.nameEn(r) : h.name(r)).toLowerCase();
      if (name.startsWith(t) || h.code(r).startsWith(t)) {
        this.moveTo(j);
        return true;
      }
    }
    return true;
  }

  /** @internal Focuses the active row once it is drawn. */
  hostUpdated(): void {
    if (this.#focusPending) {
      this.#focusPending = false;
      this.#opts.rowEl(this.active)?.focus({ preventScroll: true });
    }
  }
}
