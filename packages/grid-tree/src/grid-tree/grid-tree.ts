/**
 * `<jc-grid-tree>`: the whole governance hierarchy in one virtual, accessible tree.
 * @module
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { HierarchyIndex } from '@jiceng/core';
import { LanguageController, themeTokens, translate, type JcSelectDetail, type UiLang } from '@jiceng/ui';
import { gridTreeStrings, type GridTreeStrings } from './i18n.js';
import { badgeTone, badgeValue, type BadgeSource, type BadgeThresholds } from './badges.js';
import { TreeView, ScopeSelection, isPlaceholder, placeholderParent } from './tree-view.js';
import { gridTreeStyles } from './styles.js';
import { VirtualScroller } from './scroller.js';
import { TreeKeyboard } from './keyboard.js';
import { TreeSearch } from './search.js';
import type { JcExpandDetail } from './events.js';

/**
 * How the user selects: one node, several nodes, or whole subtrees (checkboxes).
 * @example `tree.selection = 'scope';`
 */
export type GridTreeSelection = 'single' | 'multiple' | 'scope';

/**
 * What a lazy `loader` resolves with: a new index that contains the node's children (the
 * element adopts it as its `hierarchy`), or nothing when the host has set `hierarchy` itself.
 * @example `tree.loader = async (code) => buildIndexWith(await fetchChildren(code));`
 */
export type GridTreeLoader = (code: string) => Promise<HierarchyIndex | void>;

/** Rows drawn beyond each edge of the viewport. */
const OVERSCAN = 6;
const SELECTIONS: readonly GridTreeSelection[] = ['single', 'multiple', 'scope'];

/**
 * @tagname jc-grid-tree
 * @summary A virtual tree of the governance hierarchy (city → county → town → village → grid →
 * unit) that opens instantly on 146,000 nodes, finds nodes by name, code or pinyin initials,
 * selects nodes or whole scopes, shows a number per node, and follows the WAI-ARIA tree
 * pattern.
 *
 * Focus: roving tabindex. The active row always stays in the DOM (drawn at its place even
 * when scrolled out of view), so DOM focus is never lost while the list scrolls, and Tab
 * returns to the same row.
 *
 * @example
 * ```html
 * <jc-grid-tree label="选择网格" selection="scope"></jc-grid-tree>
 * <script type="module">
 *   const tree = document.querySelector('jc-grid-tree');
 *   tree.hierarchy = index;                       // a HierarchyIndex from buildHierarchy
 *   tree.badges = { values: openCases, thresholds: { warn: 10, bad: 50 } };
 *   tree.addEventListener('jc-select', (e) => console.log(e.detail.codes));
 * </script>
 * ```
 *
 * @event jc-select - The user changed the selection. `detail: JcSelectDetail` ({ codes, code, positions }).
 * @event jc-expand - The user expanded or collapsed a node. `detail: JcExpandDetail` ({ code, expanded }).
 * @event jc-search - A typed search ran (debounced). `detail: JcSearchDetail` ({ query, matches, truncated }).
 *
 * @csspart search - The search box (`<input type="search">`).
 * @csspart tree - The scrolling element with `role="tree"`.
 * @csspart row - Every row (`role="treeitem"`); selected rows also have `row-selected`, matches `row-match`, the loading row `row-placeholder`.
 * @csspart toggle - The expand/collapse arrow.
 * @csspart checkbox - The checkbox drawn in `scope` selection mode.
 * @csspart label - The node's name.
 * @csspart match - The highlighted part of a search match.
 * @csspart code - The node's code, shown when a search matched it by code.
 * @csspart badge - The number badge; also `badge-ok`, `badge-warn`, `badge-bad` by threshold band.
 *
 * @cssproperty [--jc-grid-tree-height=400px] - Height of the element.
 * @cssproperty [--jc-grid-tree-indent=18px] - Indentation per level.
 * @cssproperty [--jc-grid-tree-row-bg=transparent] - Row background.
 * @cssproperty [--jc-grid-tree-row-hover-bg=var(--jc-bg-subtle)] - Row background under the pointer.
 * @cssproperty [--jc-grid-tree-selected-bg=var(--jc-selected-bg)] - Background of selected / checked rows.
 * @cssproperty [--jc-grid-tree-focus-ring=2px solid var(--jc-focus)] - Outline of the focused row and search box.
 * @cssproperty [--jc-grid-tree-match-bg=#fff3b0] - Background of the highlighted match.
 * @cssproperty [--jc-grid-tree-match-fg=inherit] - Colour of the highlighted match.
 * @cssproperty [--jc-grid-tree-badge-bg=var(--jc-bg-subtle)] - Badge background (band `none`/`ok`/`warn`).
 * @cssproperty [--jc-grid-tree-badge-fg=var(--jc-fg)] - Badge text colour (band `none`).
 * @cssproperty --jc-color-* - The shared theme tokens of `@jiceng/ui` (fg, bg, accent, focus, ok, warn, bad…).
 */
export class JcGridTree extends LitElement {
  /** The element's styles: the shared theme tokens, then its own. */
  static override styles = [themeTokens, gridTreeStyles];

  /** The hierarchy index to show (a property only; 146k nodes do not fit an attribute). */
  @property({ attribute: false }) hierarchy: HierarchyIndex | undefined = undefined;

  /**
   * Optional: fetches a node's children on demand. When set, a node without children whose
   * level is not the last one shows an expand arrow; expanding it shows a loading row and
   * calls the loader with the node's code.
   */
  @property({ attribute: false }) loader: GridTreeLoader | undefined = undefined;

  /** `single` (default), `multiple`, or `scope` (a checked node stands for its whole subtree). */
  @property({ reflect: true }) selection: GridTreeSelection = 'single';

  /** Accessible name of the tree; defaults to the localised "治理层级" / "Governance hierarchy". */
  @property() label = '';

  /** Language of the element's own strings (`zh` by default; anything starting with `en` is English). */
  @property() override lang!: string;

  /** `light` (default), `dark`, or `auto` (follows `prefers-color-scheme`). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  /** Overrides for any of the element's strings. */
  @property({ attribute: false }) i18n: Partial<GridTreeStrings> = {};

  /** A number per node to show as a badge. */
  @property({ attribute: false }) badges: BadgeSource | undefined = undefined;

  /** Colour bands of the badges when `badges` is a Map (a `{ values, thresholds }` source brings its own). */
  @property({ attribute: false }) badgeThresholds: BadgeThresholds | undefined = undefined;

  /** Formats a badge value; defaults to the locale's number format (at most one decimal). */
  @property({ attribute: false }) badgeFormat: ((value: number, lang: UiLang) => string) | undefined = undefined;

  /** Milliseconds to wait after the last keystroke in the search box. */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 200;

  /** At most this many matches are shown. */
  @property({ type: Number, attribute: 'search-limit' }) searchLimit = 500;

  /** Hides the search box. */
  @property({ type: Boolean, attribute: 'no-search', reflect: true }) noSearch = false;

  /** Height of every row in pixels (rows are of fixed height for the virtual list). */
  @property({ type: Number, attribute: 'row-height' }) rowHeight = 28;

  /** The current search query; setting it filters at once (without a `jc-search` event). */
  @property() query = '';

  #view: TreeView | null = null;
  #viewIndex: HierarchyIndex | undefined;
  #viewLazy = false;
  #scope: ScopeSelection | null = null;
  #sel = new Set<number>();
  #pendingSelected: string[] | null = null;
  #pendingExpanded: string[] | null = null;
  #pendingReveal: string | null = null;
  #loadResults = new Map<string, boolean>();
  #loading = 0;
  #numberFormat: Intl.NumberFormat | undefined;
  #numberLang: UiLang | undefined;

  /** Follows the page's language: the tree renders again when `<html lang>` changes. */
  readonly #language = new LanguageController(this);
  /** The virtual list: which rows to draw and where, the scroll position. */
  readonly #scroller: VirtualScroller = new VirtualScroller(this, { element: () => this.renderRoot.querySelector<HTMLElement>('.scroller'), rowHeight: () => this.rowHeight });
  /** Roving focus and type-ahead. */
  readonly #keys: TreeKeyboard = new TreeKeyboard(this, {
    view: () => this.#view,
    lang: () => this.#lang,
    scroller: this.#scroller,
    rowEl: (pos) => this.#rowEl(pos),
    expand: (pos, on) => this.#setExpanded(pos, on),
    select: (pos) => this.#select(pos),
  });
  /** The search box and the filter it puts on the rows. */
  readonly #search: TreeSearch = new TreeSearch(this, { view: () => this.#view, strings: () => this.#strings, keyboard: this.#keys, scroller: this.#scroller });

  /** The selected codes (scope mode: the topmost fully selected nodes). Settable. */
  get selected(): string[] {
    if (!this.#view) return this.#pendingSelected ?? [];
    const h = this.#view.index;
    return this.#selectedPositions().map((p) => h.code(p));
  }
  set selected(codes: string[]) {
    this.#pendingSelected = [...codes];
    this.requestUpdate();
  }

  /** The codes of the expanded nodes (outside search), in pre-order. Settable. */
  get expanded(): string[] {
    const v = this.#view;
    if (!v) return this.#pendingExpanded ?? [];
    const out: string[] = [];
    for (let i = 0; i < v.index.size; i++) if (v.expanded[i]) out.push(v.index.code(i));
    return out;
  }
  set expanded(codes: string[]) {
    this.#pendingExpanded = [...codes];
    this.requestUpdate();
  }

  /**
   * Reveals a node: clears any search, expands its ancestors, scrolls it into view and makes
   * it the active row. Returns false (and changes nothing) for an unknown code. Called before
   * a hierarchy is set, the call is remembered (and returns true) until one arrives.
   * @example `tree.expandTo('350302001000');`
   */
  expandTo(code: string): boolean {
    const h = this.hierarchy;
    if (!h) {
      this.#pendingReveal = code;
      return true;
    }
    if (h.indexOf(code) < 0) return false;
    this.#pendingReveal = code;
    this.requestUpdate();
    return true;
  }

  /** Moves keyboard focus to the active row. @example `tree.focus();` */
  override focus(options?: FocusOptions): void {
    const row = this.#rowEl(this.#keys.active);
    if (row) row.focus(options);
    else super.focus(options);
  }

  get #strings(): GridTreeStrings {
    return translate(gridTreeStrings, this.#lang, this.i18n);
  }

  get #lang(): UiLang {
    return this.#language.lang;
  }

  #rowEl(pos: number): HTMLElement | null {
    return pos < 0 ? null : this.renderRoot.querySelector(`.row[data-pos="${pos}"]`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('selection') && !SELECTIONS.includes(this.selection)) {
      console.warn(`[jiceng] <jc-grid-tree> selection="${this.selection}" is not one of ${SELECTIONS.join(', ')}; using single.`);
    }
    const h = this.hierarchy;
    if (!h) {
      this.#view = null;
      this.#viewIndex = undefined;
      return;
    }
    const lazy = !!this.loader;
    if (this.#viewIndex !== h || this.#viewLazy !== lazy) this.#adopt(h, lazy);
    else if (changed.has('selection')) this.#convertSelection();
    const view = this.#view!;
    const keys = this.#keys;

    for (const [code, ok] of this.#loadResults) {
      const j = h.indexOf(code);
      if (j < 0) continue;
      view.loadState[j] = ok ? 0 : 2;
      view.loaded[j] = ok ? 1 : 0;
    }
    if (this.#loadResults.size) view.invalidate();
    this.#loadResults.clear();

    if (this.#pendingExpanded) {
      view.expanded.fill(0);
      for (const c of this.#pendingExpanded) {
        const j = h.indexOf(c);
        if (j >= 0) view.expanded[j] = 1;
      }
      view.invalidate();
      this.#pendingExpanded = null;
    }
    if (this.#pendingSelected) {
      this.#applySelected(this.#pendingSelected);
      this.#pendingSelected = null;
    }
    if (this.#pendingReveal !== null) {
      const j = h.indexOf(this.#pendingReveal);
      this.#pendingReveal = null;
      if (j >= 0) {
        this.query = '';
        this.#search.apply(h);
        view.expandAncestors(j);
        keys.active = j;
        this.#scroller.ensureVisible(view.rows().indexOf(j), view.rows().length, true);
      }
    }
    if (this.#search.stale) this.#search.apply(h);

    const rows = view.rows();
    if (keys.active < 0 || keys.active >= h.size || rows.indexOf(keys.active) < 0) {
      // The active row was hidden (collapsed or filtered away): fall back to its nearest shown ancestor.
      let a = keys.active >= 0 && keys.active < h.size ? h.parents[keys.active] : -1;
      while (a >= 0 && rows.indexOf(a) < 0) a = h.parents[a];
      const next = a >= 0 ? a : rows.length ? rows.find((r) => r >= 0) ?? -1 : -1;
      if (keys.active !== next && keys.hasFocus()) keys.focusLater();
      keys.active = next;
    }
  }

  /** Builds the view for a new index, carrying expansion, loading, selection and focus over by code. */
  #adopt(h: HierarchyIndex, lazy: boolean): void {
    const old = this.#view;
    const oldSelected = old ? this.selected : null;
    const view = new TreeView(h, lazy);
    if (old) {
      const o = old.index;
      for (let i = 0; i < o.size; i++) {
        if (!old.expanded[i] && !old.loaded[i] && !old.loadState[i]) continue;
        const j = h.indexOf(o.code(i));
        if (j < 0) continue;
        view.expanded[j] = old.expanded[i];
        view.loaded[j] = old.loaded[i];
        view.loadState[j] = old.loadState[i];
      }
      const keys = this.#keys;
      keys.active = keys.active >= 0 && keys.active < o.size ? h.indexOf(o.code(keys.active)) : -1;
    } else if (h.size > 0) {
      view.expanded[0] = 1;
    }
    this.#view = view;
    this.#viewIndex = h;
    this.#viewLazy = lazy;
    this.#scope = null;
    this.#sel = new Set();
    if (oldSelected && !this.#pendingSelected) this.#applySelected(oldSelected);
    this.#search.reset();
  }

  #convertSelection(): void {
    const view = this.#view!;
    const codes = this.#scope
      ? this.#scope.roots().map((p) => view.index.code(p))
      : [...this.#sel].sort((a, b) => a - b).map((p) => view.index.code(p));
    this.#scope = null;
    this.#sel = new Set();
    this.#applySelected(codes);
  }

  get #mode(): GridTreeSelection {
    return SELECTIONS.includes(this.selection) ? this.selection : 'single';
  }

  #applySelected(codes: string[]): void {
    const h = this.#view!.index;
    const positions = codes.map((c) => h.indexOf(c)).filter((j) => j >= 0);
    if (positions.length < codes.length) {
      const unknown = codes.filter((c) => h.indexOf(c) < 0);
      console.warn(`[jiceng] <jc-grid-tree> selected: unknown codes ignored: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? '…' : ''}`);
    }
    if (this.#mode === 'scope') {
      this.#scope = new ScopeSelection(h);
      for (const j of positions) this.#scope.set(j, true);
      this.#sel = new Set();
    } else {
      this.#scope = null;
      this.#sel = new Set(this.#mode === 'single' ? positions.slice(0, 1) : positions);
    }
  }

  #selectedPositions(): number[] {
    if (this.#scope) return this.#scope.roots();
    return [...this.#sel].sort((a, b) => a - b);
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.#strings;
    const view = this.#view;
    const rows = view ? view.rows() : new Int32Array(0);
    const w = this.#scroller.window(rows.length, OVERSCAN);
    const { first, last, rh, canvas } = w;
    const list: number[] = [];
    for (let k = first; k < last; k++) list.push(k);
    const active = this.#keys.active;
    if (active >= 0 && view) {
      const k = rows.indexOf(active);
      // Keep the focused row in the DOM, in row order: the list stays sorted, so the keyed
      // repeat only inserts and removes around it and never moves it (a moved element loses focus).
      if (k >= 0 && k < first) list.unshift(k);
      else if (k >= last) list.push(k);
    }
    const mode = this.#mode;
    return html`
      ${this.noSearch
        ? nothing
        : html`<input class="search" part="search" type="search" autocomplete="off" spellcheck="false" aria-label=${s.searchLabel}
            aria-controls="tree" placeholder=${s.searchPlaceholder} .value=${this.query} @input=${this.#search.onInput}
            @keydown=${this.#search.onKey} />`}
      <div id="tree" class="scroller" part="tree" role="tree" aria-label=${this.label || s.label}
        aria-multiselectable=${mode === 'single' ? nothing : 'true'} aria-busy=${this.#loading > 0 ? 'true' : nothing}
        @scroll=${this.#scroller.onScroll} @keydown=${this.#keys.onKey} @click=${this.#onClick} @dblclick=${this.#onDblClick}>
        <div class="canvas" role="none" style="block-size:${canvas}px;--rh:${rh}px">
          ${repeat(
            list,
            (k) => rows[k],
            (k) => this.#renderRow(rows[k], this.#scroller.place(k, w), mode, s),
          )}
        </div>
      </div>
      <div class="jc-visually-hidden" role="status">${this.#search.status}</div>
    `;
  }

  #renderRow(r: number, y: number, mode: GridTreeSelection, s: GridTreeStrings): TemplateResult {
    const view = this.#view!;
    const h = view.index;
    if (isPlaceholder(r)) {
      const p = placeholderParent(r);
      const failed = view.loadState[p] === 2;
      return html`<div class="row placeholder" part="row row-placeholder" role="treeitem" aria-level=${h.depths[p] + 2}
        aria-setsize="1" aria-posinset="1" aria-disabled="true" style="transform:translateY(${y}px);--d:${h.depths[p] + 1}">
        <span class="toggle" aria-hidden="true"></span><span class="label">${failed ? s.loadError : s.loading}</span>
      </div>`;
    }
    const kids = view.hasChildren(r);
    const open = kids && view.isExpanded(r);
    const [pos, size] = view.siblingInfo(r);
    const lang = this.#lang;
    const name = lang === 'en' ? h.nameEn(r) : h.name(r);
    const match = view.isMatch(r);
    let selected: boolean;
    let checked: 'true' | 'false' | 'mixed' | undefined;
    if (mode === 'scope' && this.#scope) {
      checked = this.#scope.state(r);
      selected = checked === 'true';
    } else {
      selected = this.#sel.has(r);
    }
    const part = `row${selected ? ' row-selected' : ''}${match ? ' row-match' : ''}`;
    return html`<div class="row" part=${part} role="treeitem" data-pos=${r} tabindex=${r === this.#keys.active ? 0 : -1}
      aria-level=${h.depths[r] + 1} aria-setsize=${size} aria-posinset=${pos} aria-expanded=${kids ? String(open) : nothing}
      aria-selected=${checked === undefined ? String(selected) : nothing} aria-checked=${checked ?? nothing}
      aria-busy=${view.loadState[r] === 1 ? 'true' : nothing} style="transform:translateY(${y}px);--d:${h.depths[r]}">
      <span class="toggle${open ? ' open' : ''}" part="toggle" aria-hidden="true">${kids ? '▶' : ''}</span>
      ${checked === undefined
        ? nothing
        : html`<span class="box" part="checkbox" aria-hidden="true">${checked === 'true' ? '✓' : checked === 'mixed' ? '−' : ''}</span>`}
      ${this.#renderLabel(r, name, match)} ${this.#renderBadge(r, s, lang)}
    </div>`;
  }

  /** The name as text, with the matched part in a `<mark>` (never HTML: names are user data). */
  #renderLabel(r: number, name: string, match: boolean): TemplateResult {
    const q = this.#search.applied ?? '';
    if (!match || !q) return html`<span class="label" part="label">${name}</span>`;
    const k = name.toLowerCase().indexOf(q.toLowerCase());
    if (k >= 0) {
      return html`<span class="label" part="label"
        >${name.slice(0, k)}<mark part="match">${name.slice(k, k + q.length)}</mark>${name.slice(k + q.length)}</span
      >`;
    }
    const code = this.#view!.index.code(r);
    if (code.startsWith(q)) {
      return html`<span class="label" part="label">${name}</span>
        <span class="code" part="code"><mark part="match">${q}</mark>${code.slice(q.length)}</span>`;
    }
    // Matched by pinyin initials: the whole name is the match.
    return html`<span class="label" part="label"><mark part="match">${name}</mark></span>`;
  }

  #renderBadge(r: number, s: GridTreeStrings, lang: UiLang): TemplateResult | typeof nothing {
    const src = this.badges;
    if (!src) return nothing;
    const v = badgeValue(src, r, this.#view!.index.code(r));
    if (v === undefined) return nothing;
    const thresholds = src instanceof Map ? this.badgeThresholds : (src as { thresholds?: BadgeThresholds }).thresholds ?? this.badgeThresholds;
    const tone = badgeTone(v, thresholds);
    return html`<span class="badge ${tone}" part="badge badge-${tone}"
      >${this.#format(v, lang)}${tone === 'warn' || tone === 'bad'
        ? html`<span class="jc-visually-hidden">${tone === 'warn' ? s.badgeWarn : s.badgeBad}</span>`
        : nothing}</span
    >`;
  }

  #format(v: number, lang: UiLang): string {
    if (this.badgeFormat) return this.badgeFormat(v, lang);
    if (!this.#numberFormat || this.#numberLang !== lang) {
      this.#numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 1 });
      this.#numberLang = lang;
    }
    return this.#numberFormat.format(v);
  }

  // ---- interaction ------------------------------------------------------------------------

  #setExpanded(r: number, on: boolean): void {
    const view = this.#view!;
    if (!view.hasChildren(r) || view.isExpanded(r) === on) return;
    view.setExpanded(r, on);
    const code = view.index.code(r);
    if (on && view.needsLoad(r) && view.loadState[r] !== 1 && this.loader) this.#load(r, code);
    this.requestUpdate();
    const detail: JcExpandDetail = { code, expanded: on };
    this.dispatchEvent(new CustomEvent('jc-expand', { detail, bubbles: true, composed: true }));
  }

  #load(r: number, code: string): void {
    const view = this.#view!;
    view.loadState[r] = 1;
    view.invalidate();
    this.#loading++;
    let p: Promise<HierarchyIndex | void>;
    try {
      p = Promise.resolve(this.loader!(code));
    } catch (err) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the loader's own throw, passed on unchanged as its rejection would be
      p = Promise.reject(err);
    }
    p.then(
      (next) => {
        this.#loadResults.set(code, true);
        if (next) this.hierarchy = next;
      },
      (err: unknown) => {
        console.warn(`[jiceng] <jc-grid-tree> loading the children of ${code} failed`, err);
        this.#loadResults.set(code, false);
      },
    ).finally(() => {
      this.#loading--;
      this.requestUpdate();
    });
  }

  #select(r: number): void {
    const view = this.#view!;
    const mode = this.#mode;
    if (mode === 'scope') {
      this.#scope ??= new ScopeSelection(view.index);
      this.#scope.set(r, this.#scope.state(r) !== 'true');
    } else if (mode === 'multiple') {
      if (!this.#sel.delete(r)) this.#sel.add(r);
    } else {
      this.#sel = new Set([r]);
    }
    this.requestUpdate();
    const positions = this.#selectedPositions();
    const h = view.index;
    const detail: Required<JcSelectDetail> = { codes: positions.map((p) => h.code(p)), code: h.code(r), positions };
    this.dispatchEvent(new CustomEvent('jc-select', { detail, bubbles: true, composed: true }));
  }

  #rowFromEvent(e: Event): { el: HTMLElement; pos: number; onToggle: boolean } | null {
    let onToggle = false;
    for (const n of e.composedPath()) {
      if (!(n instanceof HTMLElement)) continue;
      if (n.classList.contains('toggle')) onToggle = true;
      if (n.classList.contains('row')) {
        if (!n.dataset.pos) return null;
        return { el: n, pos: Number(n.dataset.pos), onToggle };
      }
      if (n === this) break;
    }
    return null;
  }

  #onClick = (e: MouseEvent): void => {
    const hit = this.#rowFromEvent(e);
    if (!hit || !this.#view) return;
    this.#keys.active = hit.pos;
    hit.el.focus({ preventScroll: true });
    if (hit.onToggle) this.#setExpanded(hit.pos, !this.#view.isExpanded(hit.pos));
    else this.#select(hit.pos);
    this.requestUpdate();
  };

  #onDblClick = (e: MouseEvent): void => {
    const hit = this.#rowFromEvent(e);
    if (!hit || hit.onToggle || !this.#view) return;
    this.#setExpanded(hit.pos, !this.#view.isExpanded(hit.pos));
  };
}
