/**
 * The virtual scroller of `<jc-grid-tree>`: which rows to draw, where, and the scroll
 * position, for lists of any length (rows of fixed height).
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { need } from '@jiceng/ui';

/** Above this many pixels the scroll range is scaled, so any number of rows fits. */
const MAX_CANVAS_PX = 10_000_000;

/**
 * The element a {@link VirtualScroller} serves: a Lit element.
 * @example `const host: ScrollerHost = this; // in a LitElement`
 */
export type ScrollerHost = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/**
 * What a {@link VirtualScroller} needs from its element.
 * @example `{ element: () => this.renderRoot.querySelector('.scroller'), rowHeight: () => this.rowHeight }`
 */
export interface VirtualScrollerOptions {
  /** The scrolling element, once rendered. */
  element: () => HTMLElement | null;
  /** Height of every row in pixels. */
  rowHeight: () => number;
}

/**
 * The rows to draw now: list indices `first` (inclusive) to `last` (exclusive), and what
 * {@link VirtualScroller.place} needs to put each at its place.
 * @example `for (let k = w.first; k < w.last; k++) draw(k, scroller.place(k, w));`
 */
export interface ScrollWindow {
  first: number;
  last: number;
  /** Fractional list index of the row at the top of the viewport. */
  f: number;
  /** Row height in pixels. */
  rh: number;
  /** Height of the scrolled canvas in pixels (capped; beyond it positions are scaled). */
  canvas: number;
  /** The scroll position the window was computed at. */
  top: number;
}

/**
 * A Lit reactive controller for a virtual list of fixed-height rows: it tracks the scroll
 * position and the viewport's height (a `ResizeObserver`), tells which rows to draw with
 * some overscan, scales the scroll range above 10,000,000 px so any number of rows fits,
 * and scrolls a row into view after the next render.
 *
 * @example
 * ```ts
 * class List extends LitElement {
 *   readonly #scroller = new VirtualScroller(this, { element: () => this.renderRoot.querySelector('.scroller'), rowHeight: () => 28 });
 *   render() {
 *     const w = this.#scroller.window(items.length, 6);
 *     // draw rows w.first … w.last - 1 at translateY(this.#scroller.place(k, w)), in a canvas of w.canvas px,
 *     // inside <div class="scroller" @scroll=${this.#scroller.onScroll}>
 *   }
 * }
 * ```
 */
export class VirtualScroller implements ReactiveController {
  /** The scroll position (in the possibly scaled canvas), in pixels. */
  top = 0;
  readonly #host: ScrollerHost;
  readonly #opts: VirtualScrollerOptions;
  #vh = 0;
  #dirty = false;
  #measured = false;
  #resize: ResizeObserver | undefined;

  constructor(host: ScrollerHost, opts: VirtualScrollerOptions) {
    need('VirtualScroller', 'host', host, 'object', { addController: 'function' });
    need('VirtualScroller', 'opts', opts, 'object', { element: 'function', rowHeight: 'function' });
    this.#host = host;
    this.#opts = opts;
    host.addController(this);
  }

  /** Row height, viewport height and the canvas for `count` rows. @example `scroller.geometry(rows.length).vh` */
  geometry(count: number) {
    const rh = Math.max(8, this.#opts.rowHeight() || 28);
    const vh = this.#vh || 20 * rh;
    const total = count * rh;
    const canvas = Math.min(total, MAX_CANVAS_PX);
    const scaled = total > canvas;
    // f = fractional index of the row at the top of the viewport.
    const ratio = scaled ? (total - vh) / Math.max(1, canvas - vh) : 1;
    return { rh, vh, total, canvas, scaled, ratio };
  }

  /** The rows of a list of `count` to draw now, `overscan` rows beyond each edge. @example `scroller.window(rows.length, 6)` */
  window(count: number, overscan: number): ScrollWindow {
    const { rh, vh, canvas, ratio } = this.geometry(count);
    const top = this.top;
    const f = (top * ratio) / rh;
    const first = Math.max(0, Math.floor(f) - overscan);
    const last = Math.min(count, Math.ceil(f + vh / rh) + overscan);
    return { first, last, f, rh, canvas, top };
  }

  /** Where row k of a window is drawn (its `translateY`), clamped to the canvas. @example `scroller.place(k, w)` */
  place(k: number, w: ScrollWindow): number {
    return Math.max(0, Math.min(w.canvas - w.rh, w.top + (k - w.f) * w.rh));
  }

  /** How many rows PageUp and PageDown move: one viewport less one row. @example `scroller.pageRows()` */
  pageRows(): number {
    return Math.max(1, Math.floor(this.geometry(0).vh / this.geometry(0).rh) - 1);
  }

  /**
   * Scrolls (in state; applied after the next render) so that row `idx` of a list of `count`
   * is in view; `center` puts a row that was out of view in the middle.
   * @example `scroller.ensureVisible(k, rows.length, true);`
   */
  ensureVisible(idx: number, count: number, center = false): void {
    if (idx < 0) return;
    const { rh, vh, canvas, ratio } = this.geometry(count);
    const f = (this.top * ratio) / rh;
    const rowsInView = vh / rh;
    let nf = f;
    if (center && (idx < f || idx + 1 > f + rowsInView)) nf = idx - rowsInView / 2 + 0.5;
    else if (idx < f) nf = idx;
    else if (idx + 1 > f + rowsInView) nf = idx + 1 - rowsInView;
    if (nf === f) return;
    const s = (Math.max(0, nf) * rh) / ratio;
    this.top = Math.max(0, Math.min(s, Math.max(0, canvas - vh)));
    this.#dirty = true;
  }

  /** Scrolls back to the first row after the next render. @example `scroller.toTop();` */
  toTop(): void {
    this.top = 0;
    this.#dirty = true;
  }

  /** The scrolling element's `scroll` listener. @example `<div @scroll=${scroller.onScroll}>` */
  readonly onScroll = (e: Event): void => {
    const top = (e.currentTarget as HTMLElement).scrollTop;
    if (top !== this.top && !this.#dirty) {
      this.top = top;
      this.#host.requestUpdate();
    }
  };

  #observe(): void {
    const sc = this.#opts.element();
    if (!sc || typeof ResizeObserver === 'undefined') return;
    this.#resize ??= new ResizeObserver((entries) => {
      const h = entries[entries.length - 1].contentRect.height;
      if (h !== this.#vh) {
        this.#vh = h;
        this.#host.requestUpdate();
      }
    });
    this.#resize.observe(sc);
  }

  /** @internal */
  hostConnected(): void {
    if (this.#host.hasUpdated) this.#observe();
  }

  /** @internal */
  hostDisconnected(): void {
    this.#resize?.disconnect();
  }

  /** @internal Measures the viewport after the first render; applies a pending scroll after each. */
  hostUpdated(): void {
    const sc = this.#opts.element();
    if (!this.#measured) {
      this.#measured = true;
      if (sc) {
        this.#vh = sc.clientHeight;
        if (this.#vh) this.#host.requestUpdate();
      }
      this.#observe();
    }
    if (this.#dirty && sc) {
      this.#dirty = false;
      sc.scrollTop = this.top;
      if (Math.abs(sc.scrollTop - this.top) > 1) {
        this.top = sc.scrollTop;
        this.#host.requestUpdate();
      }
    }
  }
}
