/**
 * `<jc-map>`: the whole city on one map (全市一张图).
 * @module
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HierarchyIndex } from '@jiceng/core';
import { buildAreaIndex, type AreaGeometry, type AreaIndex, type NodeGeometry } from '@jiceng/core/geo';
import { LanguageController, themeTokens, translate, type JcSelectDetail, type UiLang } from '@jiceng/ui';
import { buildScene, mercator, projectInPlace, unmercator, type MapScene } from './scene.js';
import { PointBins, type BinLevel } from './bins.js';
import { checkBasemap, classOf, type MapBasemap, type MapChoroplethLayer, type MapLayer, type MapMarkerLayer, type MapPointLayer } from './layers.js';
import { fillMap, mapStrings, type MapStrings } from './i18n.js';
import { mapStyles } from './styles.js';
import type { JcLayerDetail } from './events.js';

/** Line widths in CSS pixels by rank of an area level (city first). */
const LINE_WIDTHS = [2.6, 2, 1.4, 0.9, 0.5];
/** A level's lines are drawn once its typical area is this many pixels wide. */
const MIN_AREA_PX = 5;
/** Density cells and cluster cells, in CSS pixels. */
const DENSITY_PX = 4;
const CLUSTER_PX = 64;
const DENSITY_CLASSES = 5;
const PAN_STEP = 0.125;
/** CSS pixels of areas drawn beyond each edge, so that a pan only moves the cached image. */
const BASE_MARGIN = 256;
/** A zoom shows the cached areas scaled until the view has rested this long. */
const SETTLE_MS = 150;
const ZOOM_STEP = 1.5;

interface Colors {
  bg: string; land: string; line: string; strong: string; selected: string; focus: string;
  label: string; halo: string; point: string; warn: string; bad: string; font: string;
}

/**
 * @tagname jc-map
 * @summary The whole city on one map: the areas of every level (city → county → town →
 * village → grid) drawn on a canvas with no tile server, drill-down by click, keyboard or the
 * list of areas, topic layers (density or clusters of points, markers, a choropleth with its
 * legend) switched on and off, and a text summary for screen readers.
 *
 * Drawing is canvas 2D: each level's outlines are one path built once in projected metres and
 * drawn with a transform, points are binned per zoom level, so a pan or zoom redraws the city
 * without rebuilding anything.
 *
 * @example
 * ```html
 * <jc-map id="map"></jc-map>
 * <script type="module">
 *   import '@jiceng/map';
 *   map.hierarchy = index;
 *   map.geometry = geometry.areas;
 *   map.layers = [{ id: 'cases', kind: 'points', label: '案件', points }];
 *   map.addEventListener('jc-select', (e) => tree.selected = e.detail.codes);
 *   tree.addEventListener('jc-select', (e) => map.show(e.detail.code));
 * </script>
 * ```
 *
 * @fires jc-select - The user chose an area: `{ codes, code, positions }`, as `<jc-grid-tree>`.
 * @fires jc-layer - The user switched a layer on or off: `{ id, visible }`.
 * @csspart stage - The map area (focusable; arrow keys, +/−, 0, Enter, Escape).
 * @csspart canvas - The canvas inside it.
 * @csspart attribution - The base map's credit, in the stage's corner.
 * @csspart panel - The side panel with the layers and the areas.
 * @csspart layers - The layer switches.
 * @csspart legend - A choropleth's legend.
 * @csspart regions - The list of the areas on show (a listbox).
 * @csspart region - One area in that list.
 * @csspart up - The button that goes up one level.
 * @cssproperty --jc-map-height - Height of the map (480px).
 * @cssproperty --jc-map-panel-width - Width of the side panel (15rem).
 * @cssproperty --jc-map-bg - Sea and outside colour.
 * @cssproperty --jc-map-land - Fill of the city's land.
 * @cssproperty --jc-map-line - Outlines of the smaller areas.
 * @cssproperty --jc-map-line-strong - Outlines of the larger areas.
 * @cssproperty --jc-map-selected - Fill of the selected area.
 * @cssproperty --jc-map-focus - Outline of the area on show and of the selection.
 * @cssproperty --jc-map-label - Area names.
 * @cssproperty --jc-map-halo - The halo behind area names.
 * @cssproperty --jc-map-point - Colour of point layers without their own.
 * @cssproperty --jc-map-label-font - Font of area names.
 * @cssproperty --jc-color-* - The shared theme tokens of `@jiceng/ui` (fg, bg, accent, focus, warn, bad…).
 */
export class JcMap extends LitElement {
  /** The element's styles: the shared theme tokens, then its own. */
  static override styles = [themeTokens, mapStyles];

  /** The hierarchy whose areas are drawn. */
  @property({ attribute: false }) hierarchy: HierarchyIndex | undefined = undefined;

  /** Areas (and points, ignored here) by node code, WGS-84: `generatePutianGeometry(data).areas` or an import's result. */
  @property({ attribute: false }) geometry: ReadonlyMap<string, NodeGeometry | AreaGeometry> | undefined = undefined;

  /** The topic layers, drawn in order over the areas. */
  @property({ attribute: false }) layers: MapLayer[] = [];

  /**
   * A base map under the areas (the host's raster tiles and their coordinate system), or
   * undefined for none: the element then needs no tile server. A bad one throws (E_ARGUMENT)
   * and the base map stays as it was. See {@link MapBasemap}.
   */
  get basemap(): MapBasemap | undefined {
    return this._basemap;
  }
  set basemap(b: MapBasemap | undefined) {
    const old = this._basemap;
    this._basemap = b === undefined || b === null ? undefined : checkBasemap(b);
    this._tiles.clear();
    this.requestUpdate('basemap', old);
  }
  private _basemap: MapBasemap | undefined;
  private _tiles = new Map<string, HTMLImageElement>();

  /** Accessible name of the map; the built-in one when empty. */
  @property() label = '';

  /** Language of the element (`en…` for English); the page's when unset. */
  @property() override lang!: string;

  /** Colour theme: `light`, `dark`, `wall` (大屏, large type on deep blue) or `auto`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'wall' | 'auto' = 'light';

  /** Overrides of the built-in strings. */
  @property({ attribute: false }) i18n: Partial<MapStrings> = {};

  @state() private _node = -1;
  @state() private _sel = -1;
  @state() private _active = 0;
  @state() private _hidden = new Set<string>();
  private _seenLayers = new Set<string>();
  private _pendingShow: string | null = null;

  private _scene: MapScene | null = null;
  private _paths = new Map<number, Path2D>();
  private _nodePaths = new Map<number, Path2D>();
  private _choropleth = new WeakMap<MapChoroplethLayer, { node: number; paths: Path2D[] }>();
  private _bins = new WeakMap<MapPointLayer, PointBins>();
  private _areaIndex: AreaIndex | null = null;
  private _cx = 0;
  private _cy = 0;
  private _res = 1;
  private _w = 0;
  private _h = 0;
  private _fitted = false;
  private _raf = 0;
  private _colors: Colors | null = null;
  private _ctx: CanvasRenderingContext2D | null = null;
  private _resize: ResizeObserver | undefined;
  private _drag: { x: number; y: number; moved: boolean; id: number } | null = null;
  private _numberFormat: Intl.NumberFormat | undefined;

  /** The code of the area on show (its areas are listed and outlined). Settable: same as {@link show}. */
  get node(): string {
    const h = this.hierarchy;
    return h && this._node >= 0 ? h.code(this._node) : this._pendingShow ?? '';
  }
  set node(code: string) {
    this.show(code);
  }

  /** The code of the selected area, or '' when none. */
  get selected(): string {
    const h = this.hierarchy;
    return h && this._sel >= 0 ? h.code(this._sel) : '';
  }

  /** Ids of the layers switched off. Settable. */
  get hiddenLayers(): string[] {
    return [...this._hidden];
  }
  set hiddenLayers(ids: string[]) {
    this._hidden = new Set(ids);
    for (const l of this.layers) this._seenLayers.add(l.id);
  }

  /** The current view: centre (WGS-84) and metres per CSS pixel. @example `map.view.resolution;` */
  get view(): { center: [number, number]; resolution: number } {
    const s = this._scene;
    return { center: s ? unmercator(this._cx + s.origin[0], this._cy + s.origin[1]) : [0, 0], resolution: this._res };
  }

  /**
   * Shows a node, as when it is chosen in the tree: an area with smaller areas is drilled
   * into (they are listed and outlined); any other node (a grid, a unit) is selected inside
   * its parent. The view fits it. Dispatches no event. Returns false (and changes nothing)
   * for an unknown code; before a hierarchy is set, the call is remembered.
   *
   * @example
   * ```ts
   * tree.addEventListener('jc-select', (e) => map.show(e.detail.code));
   * ```
   */
  show(code: string): boolean {
    const h = this.hierarchy;
    if (!h || !this._scene) {
      this._pendingShow = code;
      this.requestUpdate();
      return true;
    }
    let i = h.indexOf(code);
    if (i < 0) return false;
    // A unit (no area): its grid stands for it.
    while (i >= 0 && !this._hasArea(i)) i = h.parents[i]!;
    if (i < 0) return false;
    if (this._regionsOf(i).length || h.parents[i] < 0) {
      this._node = i;
      this._sel = -1;
    } else {
      this._node = h.parents[i]!;
      this._sel = i;
    }
    this._active = Math.max(0, this._regionsOf(this._node).indexOf(this._sel));
    this.fit(h.code(i));
    return true;
  }

  /**
   * Fits the view to a node's area (the area on show when no code is given).
   * @example `map.fit('350304000000');`
   */
  fit(code?: string): void {
    const s = this._scene, h = this.hierarchy;
    if (!s || !h) return;
    const i = code === undefined ? this._node : h.indexOf(code);
    const b = s.box;
    let x0 = b[i * 4], y0 = b[i * 4 + 1], x1 = b[i * 4 + 2], y1 = b[i * 4 + 3];
    if (!(i >= 0) || Number.isNaN(x0)) [x0, y0, x1, y1] = s.extent;
    this._cx = (x0 + x1) / 2;
    this._cy = (y0 + y1) / 2;
    if (this._w > 0 && this._h > 0) {
      this._res = Math.max((x1 - x0) / (this._w * 0.92), (y1 - y0) / (this._h * 0.92), 0.05);
      this._fitted = true;
    }
    this._invalidate();
  }

  /**
   * Pans the view by CSS pixels (positive `dx` moves the map's content left, i.e. looks east).
   * @example `map.panBy(100, 0);`
   */
  panBy(dx: number, dy: number): void {
    this._movedAt = performance.now();
    this._cx += dx * this._res;
    this._cy -= dy * this._res;
    this._invalidate();
  }

  /**
   * Zooms by a factor (> 1 zooms in) about a point of the stage in CSS pixels (its centre by default).
   * @example `map.zoomBy(2);`
   */
  zoomBy(factor: number, x = this._w / 2, y = this._h / 2): void {
    if (!(factor > 0)) return;
    this._movedAt = performance.now();
    const wx = this._cx + (x - this._w / 2) * this._res, wy = this._cy - (y - this._h / 2) * this._res;
    this._res = Math.min(Math.max(this._res / factor, 0.05), 1e5);
    this._cx = wx - (x - this._w / 2) * this._res;
    this._cy = wy + (y - this._h / 2) * this._res;
    this._invalidate();
  }

  /**
   * The code of the smallest area holding a WGS-84 point (a grid for Putian), or undefined:
   * the same lookup as `buildAreaIndex` of `@jiceng/core/geo`, built on first use over the
   * areas of the deepest area level.
   *
   * @example
   * ```ts
   * map.locate(119.02, 25.43); // '350304001001001'
   * ```
   */
  locate(lon: number, lat: number): string | undefined {
    return this._index()?.locate(lon, lat);
  }

  /**
   * Draws the map now (normally done on the next animation frame after any change) and
   * returns the milliseconds it took.
   * @example `const ms = map.paint();`
   */
  paint(): number {
    const t0 = performance.now();
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    this._draw();
    return performance.now() - t0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this._observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    cancelAnimationFrame(this._raf);
    this._raf = 0;
    clearTimeout(this._laterTimer);
    clearTimeout(this._settleTimer);
    clearTimeout(this._recentreTimer);
    this._recentreTimer = undefined;
    this._laterTimer = undefined;
    this._pending.clear();
  }

  /** Moves keyboard focus to the map. @example `map.focus();` */
  override focus(options?: FocusOptions): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (stage) stage.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._base.valid = false;
    if (changed.has('hierarchy') || changed.has('geometry')) {
      const h = this.hierarchy, g = this.geometry;
      const keep = this._node >= 0 && this._scene && h ? this._scene.index.code(this._node) : null;
      this._scene = h && g ? buildScene(h, g) : null;
      this._paths.clear();
      this._nodePaths.clear();
      this._areaIndex = null;
      this._choropleth = new WeakMap();
      this._node = -1;
      this._sel = -1;
      if (this._scene) {
        const target = this._pendingShow ?? keep;
        this._pendingShow = null;
        if (!(target && this.show(target))) this._showRoot();
      }
    }
    if (changed.has('layers')) {
      for (const l of this.layers) {
        if (!this._seenLayers.has(l.id) && l.visible === false) this._hidden.add(l.id);
        this._seenLayers.add(l.id);
      }
    }
    if (changed.has('theme')) this._colors = null;
  }

  protected override firstUpdated(): void {
    this._observe();
  }

  protected override updated(): void {
    this._invalidate();
  }

  private _showRoot(): void {
    const s = this._scene!;
    let root = -1;
    for (let i = 0; i < s.index.size; i++) if (this._hasArea(i)) { root = i; break; }
    this._node = root;
    this._sel = -1;
    this._active = 0;
    this.fit();
  }

  private _observe(): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!stage || typeof ResizeObserver === 'undefined') return;
    this._resize?.disconnect();
    this._resize = new ResizeObserver(() => this._sized(stage));
    this._resize.observe(stage);
    this._sized(stage);
  }

  private _sized(stage: HTMLElement): void {
    const w = stage.clientWidth, h = stage.clientHeight;
    if (w === this._w && h === this._h) return;
    const canvas = stage.querySelector('canvas')!;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(w * dpr));
    canvas.height = Math.max(1, Math.round(h * dpr));
    this._ctx = canvas.getContext('2d');
    const first = !this._fitted;
    this._w = w;
    this._h = h;
    if (first) this.fit();
    else this.paint();
  }

  private _invalidate(): void {
    if (this._raf || !this.isConnected) return;
    this._raf = requestAnimationFrame(() => {
      this._raf = 0;
      this._draw();
    });
  }

  /** Follows the page's language: the element renders again when `<html lang>` changes. */
  readonly #language = new LanguageController(this);

  private get _lang(): UiLang {
    return this.#language.lang;
  }

  private get _strings(): MapStrings {
    return translate(mapStrings, this._lang, this.i18n);
  }

  private _hasArea(i: number): boolean {
    return !!this._scene && !Number.isNaN(this._scene.box[i * 4]);
  }

  /** The areas inside node i (its children that have an area); the last answer is kept, as every frame asks it for the node on show. Read-only. */
  private _regionsOf(i: number): number[] {
    const h = this.hierarchy;
    if (i < 0 || !h) return [];
    const m = this._regions;
    if (m.node !== i || m.h !== h || m.scene !== this._scene) {
      Object.assign(m, { node: i, h, scene: this._scene, list: h.children(i).filter((c) => this._hasArea(c)) });
    }
    return m.list;
  }
  private _regions: { node: number; h: HierarchyIndex | null; scene: MapScene | null; list: number[] } = { node: -1, h: null, scene: null, list: [] };

  private _index(): AreaIndex | null {
    const s = this._scene, g = this.geometry;
    if (!s || !g) return null;
    if (!this._areaIndex) {
      const deepest = s.areaLevels[s.areaLevels.length - 1];
      const areas: [string, AreaGeometry][] = [];
      for (let i = 0; i < s.index.size; i++) {
        if (s.index.levelOf[i] !== deepest) continue;
        const a = g.get(s.index.code(i));
        if (a && a.type !== 'Point') areas.push([s.index.code(i), a]);
      }
      this._areaIndex = buildAreaIndex(areas);
    }
    return this._areaIndex;
  }

  private _name(i: number, lang = this._lang): string {
    const h = this.hierarchy!;
    return lang === 'en' ? h.nameEn(i) : h.name(i);
  }

  private _layerName(l: MapLayer): string {
    return this._lang === 'en' ? l.labelEn ?? l.label : l.label;
  }

  private _format(n: number): string {
    const lang = this._lang === 'en' ? 'en' : 'zh-CN';
    if (!this._numberFormat || this._numberFormat.resolvedOptions().locale !== lang) this._numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    return this._numberFormat.format(n);
  }

  // ---- drawing ------------------------------------------------------------------------

  private _readColors(): Colors {
    const cs = getComputedStyle(this);
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    return {
      bg: v('--jc-map-bg', '#e8eef3'), land: v('--jc-map-land', '#fbfaf7'), line: v('--jc-map-line', '#8c959f'),
      strong: v('--jc-map-line-strong', '#3d444d'), selected: v('--jc-map-selected', 'rgba(180,35,42,.18)'),
      focus: v('--jc-map-focus', '#b4232a'), label: v('--jc-map-label', '#1f2328'), halo: v('--jc-map-halo', '#fff'),
      point: v('--jc-map-point', '#0969da'), warn: v('--jc-warn', '#9a6700'), bad: v('--jc-bad', '#cf222e'),
      font: v('--jc-map-label-font', '600 13px sans-serif'),
    };
  }

  /** One path of the outlines of every area of a level, in world metres. */
  private _levelPath(level: number): Path2D {
    let p = this._paths.get(level);
    if (p) return p;
    p = new Path2D();
    const s = this._scene!;
    for (let i = 0; i < s.index.size; i++) if (s.index.levelOf[i] === level) this._addRings(p, i);
    this._paths.set(level, p);
    return p;
  }

  private _nodePath(i: number): Path2D {
    let p = this._nodePaths.get(i);
    if (!p) {
      p = new Path2D();
      this._addRings(p, i);
      if (this._nodePaths.size > 256) this._nodePaths.clear();
      this._nodePaths.set(i, p);
    }
    return p;
  }

  /**
   * Adds node i's rings to a path. A ring is closed by drawing on to its second vertex rather
   * than by `closePath()`, which Chromium's Path2D makes cost time in proportion to the whole
   * path so far (half of a first render, profiled): a stroke covers the same pixels (the first
   * vertex gets its line join; the repeated segment lies under itself) and a fill closes each
   * ring anyway.
   */
  private _addRings(p: Path2D, i: number): void {
    const { areaRing, ringStart: RS, xs, ys } = this._scene!;
    for (let r = areaRing[i]; r < areaRing[i + 1]; r += 2) {
      const s = RS[r], e = RS[r + 1];
      if (e - s < 3) continue;
      p.moveTo(xs[s], ys[s]);
      for (let v = s + 1; v < e; v++) p.lineTo(xs[v], ys[v]);
      if (xs[e - 1] !== xs[s] || ys[e - 1] !== ys[s]) p.lineTo(xs[s], ys[s]);
      p.lineTo(xs[s + 1], ys[s + 1]);
    }
  }

  private _draw(): void {
    const ctx = this._ctx;
    if (!ctx || !this._w) return;
    const c = (this._colors ??= this._readColors());
    const dpr = ctx.canvas.width / this._w;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = c.bg;
    ctx.fillRect(0, 0, this._w, this._h);
    if (!this._scene || this._node < 0) return;
    if (this._basemap) this._drawTiles(ctx, this._basemap);
    // The areas and the point and marker layers come from a cached image of the view plus a
    // margin: a pan moves it, a zoom in progress scales it, and it is drawn anew (points binned
    // for the new scale) when the view leaves the margin, when the zoom has rested for
    // SETTLE_MS, or when anything it shows changes. Only the labels are drawn every frame.
    const base = this._base;
    const f = base.res / this._res;
    const dx = (this._cx - base.cx) / this._res, dy = (this._cy - base.cy) / this._res;
    const moving = performance.now() - this._movedAt < SETTLE_MS;
    const usable = base.valid && base.dpr === dpr && base.w === this._w && base.h === this._h &&
      (f === 1 ? Math.abs(dx) <= BASE_MARGIN && Math.abs(dy) <= BASE_MARGIN : moving && f > 0.25 && f < 4);
    if (!usable) this._renderBase(c, dpr);
    else if (f !== 1) this._settle();
    else if (moving && (Math.abs(dx) > BASE_MARGIN / 2 || Math.abs(dy) > BASE_MARGIN / 2)) this._recentre();
    const b = this._base, g = b.res / this._res, M = BASE_MARGIN;
    ctx.drawImage(b.canvas, this._w / 2 + (b.cx - this._cx) / this._res - (this._w / 2 + M) * g, this._h / 2 + (this._cy - b.cy) / this._res - (this._h / 2 + M) * g, (this._w + 2 * M) * g, (this._h + 2 * M) * g);
    this._drawLabels(ctx, c, this._lang);
  }

  private _base = { canvas: null as unknown as HTMLCanvasElement, valid: false, cx: 0, cy: 0, res: 1, dpr: 1, w: 0, h: 0 };
  private _movedAt = -Infinity;
  private _settleTimer: ReturnType<typeof setTimeout> | undefined;
  private _recentreTimer: ReturnType<typeof setTimeout> | undefined;

  /** Draws the cached image anew once the view has rested for SETTLE_MS (a zoom, or bins that came in while moving). */
  private _settle(): void {
    clearTimeout(this._settleTimer);
    const rest = () => {
      const left = this._movedAt + SETTLE_MS - performance.now();
      if (left > 0) this._settleTimer = setTimeout(rest, left);
      else {
        this._base.valid = false;
        this._invalidate();
      }
    };
    this._settleTimer = setTimeout(rest, SETTLE_MS);
  }

  /**
   * A pan past half the margin draws the cached image anew about the view in a task of its own
   * after the frame, so that the pan goes on inside the new margin instead of a frame waiting
   * for the redraw once the view leaves the old one. The image shows the same at the same view.
   */
  private _recentre(): void {
    if (this._recentreTimer !== undefined) return;
    this._recentreTimer = setTimeout(() => {
      this._recentreTimer = undefined;
      const ctx = this._ctx, b = this._base;
      if (!ctx || !b.valid || !this._scene || this._node < 0 || b.res !== this._res || b.w !== this._w || b.h !== this._h) return;
      if (b.cx === this._cx && b.cy === this._cy) return;
      this._renderBase((this._colors ??= this._readColors()), b.dpr);
    }, 0);
  }

  /** Draws the areas (land, choropleths, selection, outlines), then the point and marker layers in order, for the current view plus a margin. */
  private _renderBase(c: Colors, dpr: number): void {
    const s = this._scene!, M = BASE_MARGIN, W = this._w + 2 * M, H = this._h + 2 * M;
    const base = this._base;
    base.canvas ??= document.createElement('canvas');
    if (base.canvas.width !== Math.round(W * dpr) || base.canvas.height !== Math.round(H * dpr)) {
      base.canvas.width = Math.round(W * dpr);
      base.canvas.height = Math.round(H * dpr);
    }
    Object.assign(base, { valid: true, cx: this._cx, cy: this._cy, res: this._res, dpr, w: this._w, h: this._h });
    const ctx = base.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, base.canvas.width, base.canvas.height);
    const k = dpr / this._res;
    ctx.setTransform(k, 0, 0, -k, dpr * (W / 2 - this._cx / this._res), dpr * (H / 2 + this._cy / this._res));
    if (!this._basemap) {
      ctx.fillStyle = c.land;
      ctx.fill(this._levelPath(s.areaLevels[0]), 'evenodd');
    }
    for (const l of this.layers) if (l.kind === 'choropleth' && !this._hidden.has(l.id)) this._drawChoropleth(ctx, l, c);
    if (this._sel >= 0) {
      ctx.fillStyle = c.selected;
      ctx.fill(this._nodePath(this._sel), 'evenodd');
    }
    // Outlines, smallest areas first, each level once its areas are big enough to see.
    ctx.lineJoin = 'bevel';
    for (let r = s.areaLevels.length - 1; r >= 0; r--) {
      const level = s.areaLevels[r];
      if (s.typicalSize[level] / this._res < MIN_AREA_PX && r > 0) continue;
      ctx.strokeStyle = r <= 2 ? c.strong : c.line;
      ctx.lineWidth = (LINE_WIDTHS[Math.min(r, LINE_WIDTHS.length - 1)] * dpr) / k;
      ctx.stroke(this._levelPath(level));
    }
    ctx.strokeStyle = c.focus;
    ctx.lineWidth = (3 * dpr) / k;
    ctx.stroke(this._nodePath(this._node));
    if (this._sel >= 0) {
      ctx.lineWidth = (2.5 * dpr) / k;
      ctx.stroke(this._nodePath(this._sel));
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // The language is resolved once (it walks up the DOM), not once per disc.
    const lang = this._lang;
    for (const l of this.layers) {
      if (this._hidden.has(l.id)) continue;
      if (l.kind === 'points') this._drawPoints(ctx, l, c, lang, W, H);
      else if (l.kind === 'markers') this._drawMarkers(ctx, l, c, W, H);
    }
  }

  /**
   * The base map's tiles for the view, at the zoom level nearest the view's resolution, placed
   * where the tiles' coordinate system puts the view's centre (a GCJ-02 map is shifted a few
   * hundred metres under the WGS-84 areas). A tile still loading is skipped and drawn when it
   * arrives; a tile that fails stays blank.
   */
  private _drawTiles(ctx: CanvasRenderingContext2D, b: MapBasemap): void {
    const [ox, oy] = this._scene!.origin;
    let cx = this._cx + ox, cy = this._cy + oy;
    if (b.fromWgs84) [cx, cy] = mercator(...b.fromWgs84(unmercator(cx, cy)));
    const WORLD = 2 * Math.PI * 6378137;
    const z = Math.max(0, Math.min(b.maxZoom ?? 18, Math.round(Math.log2(WORLD / 256 / this._res))));
    const n = 2 ** z, size = WORLD / n, px = size / this._res;
    // tile column and row of the view's top-left corner, as fractions
    const fx = (cx - (this._w / 2) * this._res + WORLD / 2) / size, fy = (WORLD / 2 - cy - (this._h / 2) * this._res) / size;
    const subs = b.subdomains?.length ? b.subdomains : [''];
    for (let ty = Math.max(0, Math.floor(fy)); ty < Math.min(n, fy + this._h / px); ty++) {
      for (let tx = Math.floor(fx); tx < fx + this._w / px; tx++) {
        const x = ((tx % n) + n) % n;
        const url = b.url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(ty)).replace('{s}', subs[(x + ty) % subs.length]);
        let img = this._tiles.get(url);
        if (!img) {
          if (this._tiles.size > 512) this._tiles.clear();
          img = new Image();
          img.onload = () => this._invalidate();
          img.src = url;
          this._tiles.set(url, img);
        }
        if (img.complete && img.naturalWidth) ctx.drawImage(img, (tx - fx) * px, (ty - fy) * px, px + 0.5, px + 0.5);
      }
    }
  }

  private _drawChoropleth(ctx: CanvasRenderingContext2D, l: MapChoroplethLayer, c: Colors): void {
    let cached = this._choropleth.get(l);
    if (!cached || cached.node !== this._node) {
      const paths = Array.from({ length: l.breaks.length + 1 }, () => new Path2D());
      for (const r of this._regionsOf(this._node)) {
        const v = l.values.get(this.hierarchy!.code(r));
        if (v === undefined || Number.isNaN(v)) continue;
        this._addRings(paths[classOf(v, l.breaks)], r);
      }
      cached = { node: this._node, paths };
      this._choropleth.set(l, cached);
    }
    ctx.fillStyle = l.color ?? c.focus;
    cached.paths.forEach((p, i) => {
      ctx.globalAlpha = choroplethAlpha(i, cached.paths.length);
      ctx.fill(p, 'evenodd');
    });
    ctx.globalAlpha = 1;
  }

  private _pointBins(l: MapPointLayer): PointBins {
    let b = this._bins.get(l);
    if (!b) {
      const [ox, oy] = this._scene!.origin;
      // A copy (the layer's array stays as given); a typed array is copied at once, not point by point through its iterator.
      const xy = ArrayBuffer.isView(l.points) ? new Float64Array(l.points) : Float64Array.from(l.points);
      projectInPlace(xy, ox, oy);
      b = new PointBins(xy);
      this._bins.set(l, b);
    }
    return b;
  }

  /** Draws a point layer into a canvas of w × h CSS pixels centred on the view. */
  private _drawPoints(ctx: CanvasRenderingContext2D, l: MapPointLayer, c: Colors, lang: UiLang, w: number, h: number): void {
    const bins = this._pointBins(l);
    if (!bins.size) return;
    const res = this._res, hw = w / 2, hh = h / 2;
    const vx0 = this._cx - hw * res, vx1 = this._cx + hw * res, vy0 = this._cy - hh * res, vy1 = this._cy + hh * res;
    const color = l.color ?? c.point;
    if (l.style === 'cluster') {
      const lv = this._binLevel(bins, bins.levelFor(CLUSTER_PX * res));
      const pad = CLUSTER_PX * res;
      ctx.font = `600 11px ${getFontFamily(c.font)}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const logMax = Math.log10(lv.max + 1);
      ctx.strokeStyle = c.halo;
      ctx.lineWidth = 1.5;
      bins.forEachIn(lv, vx0 - pad, vy0 - pad, vx1 + pad, vy1 + pad, (cell) => {
        const n = lv.counts[cell];
        const x = (lv.meanX[cell] - this._cx) / res + hw, y = (this._cy - lv.meanY[cell]) / res + hh;
        const radius = n === 1 ? 4 : 9 + 15 * (Math.log10(n + 1) / logMax);
        ctx.beginPath();
        ctx.arc(x, y, radius, 0, Math.PI * 2);
        ctx.fillStyle = color;
        ctx.globalAlpha = 0.8;
        ctx.fill();
        ctx.globalAlpha = 1;
        ctx.stroke();
        if (n > 1) {
          ctx.fillStyle = '#fff';
          ctx.fillText(compact(n, lang), x, y);
        }
      });
      return;
    }
    const lv = this._binLevel(bins, bins.levelFor(DENSITY_PX * res));
    // One pixel per cell in a small image, drawn scaled without smoothing: a frame writes the
    // visible cells into a Uint32Array instead of tracing a rectangle each.
    const dim = 2 ** lv.level, logMax = Math.log(lv.max + 1);
    const c0 = Math.max(0, Math.floor((vx0 - bins.x0) / lv.cell)), c1 = Math.min(dim - 1, Math.floor((vx1 - bins.x0) / lv.cell));
    const r0 = Math.max(0, Math.floor((vy0 - bins.y0) / lv.cell)), r1 = Math.min(dim - 1, Math.floor((vy1 - bins.y0) / lv.cell));
    if (c0 > c1 || r0 > r1) return;
    const W = c1 - c0 + 1, H = r1 - r0 + 1;
    const img = this._densityImage(W, H);
    const px = new Uint32Array(img.data.buffer);
    px.fill(0);
    const tones = this._tonesOf(ctx, color);
    bins.forEachIn(lv, vx0, vy0, vx1, vy1, (cell) => {
      const key = lv.keys[cell], row = Math.floor(key / dim), col = key - row * dim;
      px[(r1 - row) * W + (col - c0)] = tones[Math.min(DENSITY_CLASSES - 1, Math.floor((Math.log(lv.counts[cell] + 1) / logMax) * DENSITY_CLASSES))]!;
    });
    const off = this._densityCanvas!;
    off.getContext('2d')!.putImageData(img, 0, 0);
    const cellPx = lv.cell / res;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, 0, 0, W, H, (bins.x0 + c0 * lv.cell - this._cx) / res + hw, (this._cy - (bins.y0 + (r1 + 1) * lv.cell)) / res + hh, W * cellPx, H * cellPx);
    ctx.imageSmoothingEnabled = true;
  }

  /** The density classes' pixels in a colour, worked out once per colour rather than once a frame. */
  private _tonesOf(ctx: CanvasRenderingContext2D, color: string): number[] {
    let tones = this._tones.get(color);
    if (!tones) {
      const [cr, cg, cb] = rgbOf(ctx, color);
      tones = Array.from({ length: DENSITY_CLASSES }, (_, k) => {
        const a = Math.round(255 * (0.25 + (0.7 * k) / (DENSITY_CLASSES - 1)));
        return ((a << 24) | (cb << 16) | (cg << 8) | cr) >>> 0; // little-endian RGBA
      });
      this._tones.set(color, tones);
    }
    return tones;
  }
  private _tones = new Map<string, number[]>();

  private _densityCanvas: HTMLCanvasElement | null = null;
  private _densityImg: ImageData | null = null;
  private _densityImage(w: number, h: number): ImageData {
    const off = (this._densityCanvas ??= document.createElement('canvas'));
    if (off.width < w || off.height < h) {
      off.width = Math.max(off.width, w);
      off.height = Math.max(off.height, h);
    }
    if (!this._densityImg || this._densityImg.width !== w || this._densityImg.height !== h) this._densityImg = new ImageData(w, h);
    return this._densityImg;
  }

  /**
   * The level a frame asked for if it is binned already; otherwise the nearest binned level now
   * and the asked one binned after the frame (then drawn), so a zoom never waits on a sort.
   */
  private _binLevel(bins: PointBins, level: number): BinLevel {
    if (bins.has(level)) {
      // Bin the neighbouring levels while the user looks, so the next zoom step finds them.
      for (const l of [level - 1, level + 1]) if (l >= 0 && l <= 24 && !bins.has(l)) this._later(() => bins.level(l));
      return bins.level(level);
    }
    const near = bins.nearest(level);
    if (!near) return bins.level(level);
    this._later(() => bins.level(level), true);
    return near;
  }

  private _pending = new Map<() => unknown, boolean>();
  private _laterTimer: ReturnType<typeof setTimeout> | undefined;
  /** Runs binning jobs one per task after the current frame; a job for a level drawn with a stand-in redraws the cached image. */
  private _later(job: () => unknown, redraw = false): void {
    this._pending.set(job, redraw || !!this._pending.get(job));
    if (this._laterTimer !== undefined) return;
    const next = () => {
      const [e] = this._pending;
      this._laterTimer = undefined;
      if (!e) return;
      const [j, stale] = e;
      this._pending.delete(j);
      j();
      // While the view moves the cached image keeps its stand-in; it is drawn anew at rest.
      if (stale && performance.now() - this._movedAt < SETTLE_MS) this._settle();
      else if (stale) {
        this._base.valid = false;
        this._invalidate();
      }
      if (this._pending.size) this._laterTimer = setTimeout(next, 0);
    };
    this._laterTimer = setTimeout(next, 0);
  }

  private _drawMarkers(ctx: CanvasRenderingContext2D, l: MapMarkerLayer, c: Colors, w: number, h: number): void {
    const [ox, oy] = this._scene!.origin;
    const res = this._res, hw = w / 2, hh = h / 2;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = c.halo;
    for (const m of l.markers) {
      const [mx, my] = mercator(m.at[0], m.at[1]);
      const x = (mx - ox - this._cx) / res + hw, y = (this._cy - (my - oy)) / res + hh;
      if (x < -10 || y < -10 || x > w + 10 || y > h + 10) continue;
      ctx.fillStyle = l.color ?? (m.tone === 'warn' ? c.warn : c.bad);
      ctx.beginPath();
      ctx.moveTo(x, y - 9);
      ctx.lineTo(x + 8, y + 6);
      ctx.lineTo(x - 8, y + 6);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    }
  }

  private _drawLabels(ctx: CanvasRenderingContext2D, c: Colors, lang: UiLang): void {
    const s = this._scene!, b = s.box, res = this._res, hw = this._w / 2, hh = this._h / 2;
    ctx.font = c.font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = c.halo;
    ctx.fillStyle = c.label;
    const regions = this._regionsOf(this._node);
    for (const r of regions.length ? regions : [this._node]) {
      const wpx = (b[r * 4 + 2] - b[r * 4]) / res;
      const x = ((b[r * 4] + b[r * 4 + 2]) / 2 - this._cx) / res + hw, y = (this._cy - (b[r * 4 + 1] + b[r * 4 + 3]) / 2) / res + hh;
      if (x < 0 || y < 0 || x > this._w || y > this._h) continue;
      const name = this._name(r, lang);
      if (ctx.measureText(name).width > wpx * 0.9) continue;
      ctx.strokeText(name, x, y);
      ctx.fillText(name, x, y);
    }
  }

  // ---- interaction --------------------------------------------------------------------

  /** The area listed for the current node under a stage point, or -1. */
  private _regionAt(x: number, y: number): number {
    const s = this._scene, h = this.hierarchy;
    if (!s || !h) return -1;
    const [lon, lat] = unmercator(this._cx + (x - this._w / 2) * this._res + s.origin[0], this._cy - (y - this._h / 2) * this._res + s.origin[1]);
    const code = this.locate(lon, lat);
    if (code === undefined) return -1;
    let i = h.indexOf(code);
    while (i >= 0 && h.parents[i] !== this._node) i = h.parents[i]!;
    return i;
  }

  private _choose(i: number, drill: boolean): void {
    if (drill && this._regionsOf(i).length) {
      this._node = i;
      this._sel = -1;
      this._active = 0;
      this.fit();
    } else {
      this._sel = i;
      this._active = Math.max(0, this._regionsOf(this._node).indexOf(i));
    }
    this._announce(i);
    this._emitSelect(i);
  }

  /** The area above the one on show, or -1 at the top. */
  private _upTarget(): number {
    const h = this.hierarchy;
    if (!h || this._node < 0) return -1;
    const p = h.parents[this._node];
    return p >= 0 && this._hasArea(p) ? p : -1;
  }

  private _up(): void {
    const p = this._upTarget();
    if (p < 0) return;
    const from = this._node;
    this._node = p;
    this._sel = -1;
    this._active = Math.max(0, this._regionsOf(p).indexOf(from));
    this.fit();
    this._announce(p);
    this._emitSelect(p);
  }

  /** `jc-select` for node i, with the detail of `<jc-grid-tree>`'s. */
  private _emitSelect(i: number): void {
    const code = this.hierarchy!.code(i);
    const detail: Required<JcSelectDetail> = { codes: [code], code, positions: [i] };
    this.dispatchEvent(new CustomEvent('jc-select', { detail, bubbles: true, composed: true }));
  }

  @state() private _said = '';
  private _announce(i: number): void {
    const name = this._name(i);
    this._said = this._regionsOf(i).length ? name : fillMap(this._strings.leaf, { name });
  }

  private _onStageKey(e: KeyboardEvent): void {
    const step = () => Math.min(this._w, this._h) * PAN_STEP;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => this.panBy(-step(), 0),
      ArrowRight: () => this.panBy(step(), 0),
      ArrowUp: () => this.panBy(0, -step()),
      ArrowDown: () => this.panBy(0, step()),
      '+': () => this.zoomBy(ZOOM_STEP),
      '=': () => this.zoomBy(ZOOM_STEP),
      '-': () => this.zoomBy(1 / ZOOM_STEP),
      '0': () => this.fit(),
      Escape: () => this._up(),
      Enter: () => { if (this._sel >= 0) this._choose(this._sel, true); },
    };
    const f = keys[e.key];
    if (!f || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    f();
  }

  private _onListKey(e: KeyboardEvent): void {
    const regions = this._regionsOf(this._node);
    const last = regions.length - 1;
    let a = this._active;
    switch (e.key) {
      case 'ArrowDown': a = Math.min(last, a + 1); break;
      case 'ArrowUp': a = Math.max(0, a - 1); break;
      case 'Home': a = 0; break;
      case 'End': a = last; break;
      case ' ': if (regions[a] !== undefined) this._choose(regions[a], false); break;
      case 'Enter': if (regions[a] !== undefined) this._choose(regions[a], true); break;
      case 'Escape': this._up(); break;
      default: return;
    }
    e.preventDefault();
    if (a !== this._active) {
      this._active = a;
      void this.updateComplete.then(() => this.renderRoot.querySelector('[role="option"].active')?.scrollIntoView?.({ block: 'nearest' }));
    }
  }

  private _onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this._drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
    try { (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId); } catch { /* a synthetic pointer */ }
  }

  private _onPointerMove(e: PointerEvent): void {
    const d = this._drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x, dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    this.panBy(-dx, -dy);
  }

  private _onPointerUp(e: PointerEvent): void {
    const d = this._drag;
    this._drag = null;
    if (!d || d.moved || d.id !== e.pointerId) return;
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const i = this._regionAt(e.clientX - rect.left, e.clientY - rect.top);
    if (i >= 0) this._choose(i, false);
  }

  private _onDblClick(e: MouseEvent): void {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const i = this._regionAt(e.clientX - rect.left, e.clientY - rect.top);
    if (i >= 0) this._choose(i, true);
  }

  private _onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    this.zoomBy(Math.exp(-e.deltaY * 0.002), e.clientX - rect.left, e.clientY - rect.top);
  }

  private _toggle(l: MapLayer, on: boolean): void {
    const next = new Set(this._hidden);
    if (on) next.delete(l.id);
    else next.add(l.id);
    this._hidden = next;
    const detail: JcLayerDetail = { id: l.id, visible: on };
    this.dispatchEvent(new CustomEvent('jc-layer', { detail, bubbles: true, composed: true }));
  }

  // ---- template -----------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this._strings, h = this.hierarchy;
    const ready = !!this._scene && this._node >= 0 && !!h;
    const name = ready ? this._name(this._node) : '';
    const regions = ready ? this._regionsOf(this._node) : [];
    const visible = this.layers.filter((l) => !this._hidden.has(l.id));
    const levelName = regions.length && h ? h.level(regions[0]).name[this._lang] : '';
    const summary = ready
      ? fillMap(s.summary, {
        name, n: regions.length, level: levelName,
        layers: visible.length ? visible.map((l) => `${this._layerName(l)} ${fillMap(s.count, { n: this._format(layerCount(l)) })}`).join(s.comma) : s.noLayers,
      })
      : s.empty;
    const canUp = ready && this._upTarget() >= 0;
    return html`
      <div
        class="stage" part="stage" tabindex="0" role="application"
        aria-roledescription=${s.roleDescription} aria-label=${this.label || s.label} aria-describedby="keys summary"
        @keydown=${this._onStageKey} @pointerdown=${this._onPointerDown} @pointermove=${this._onPointerMove}
        @pointerup=${this._onPointerUp} @pointercancel=${() => (this._drag = null)} @dblclick=${this._onDblClick}
        @wheel=${this._onWheel}
      ><canvas part="canvas" aria-hidden="true"></canvas>${this._basemap?.attribution ? html`<small class="attribution" part="attribution">${this._basemap.attribution}</small>` : nothing}</div>
      <div class="panel" part="panel">
        ${this.layers.length ? html`<fieldset part="layers"><legend>${s.layers}</legend>${this.layers.map((l) => this._renderLayer(l))}</fieldset>` : nothing}
        ${ready ? html`
          <div class="regions-head">
            <span id="regions-label">${fillMap(s.regions, { name })}</span>
            ${canUp ? html`<button class="up" part="up" type="button" @click=${() => this._up()}>${s.up}</button>` : nothing}
          </div>
          ${regions.length ? html`<ul
            role="listbox" part="regions" tabindex="0" aria-labelledby="regions-label"
            aria-activedescendant=${`r-${regions[Math.min(this._active, regions.length - 1)]}`}
            @keydown=${this._onListKey}
          >${regions.map((r, k) => html`<li
            id=${`r-${r}`} role="option" part="region" class=${k === this._active ? 'active' : ''}
            aria-selected=${r === this._sel ? 'true' : 'false'} data-code=${h.code(r)}
            @click=${() => { this._active = k; this._choose(r, false); }} @dblclick=${() => this._choose(r, true)}
          >${this._name(r)}</li>`)}</ul>` : html`<p class="empty">${fillMap(s.leaf, { name })}</p>`}
        ` : html`<p class="empty">${s.empty}</p>`}
      </div>
      <p id="keys" class="jc-visually-hidden">${s.keys}</p>
      <p id="summary" class="jc-visually-hidden" aria-live="polite">${summary} ${this._said}</p>
    `;
  }

  private _renderLayer(l: MapLayer): TemplateResult {
    const on = !this._hidden.has(l.id);
    const color = l.color ?? (l.kind === 'points' ? 'var(--jc-map-point)' : l.kind === 'markers' ? 'var(--jc-bad)' : 'var(--jc-map-focus)');
    const legend = l.kind === 'choropleth' && on ? this._renderLegend(l, color) : nothing;
    return html`<label class="layer"><input type="checkbox" .checked=${on} data-layer=${l.id}
      @change=${(e: Event) => this._toggle(l, (e.target as HTMLInputElement).checked)}
      /><span class="swatch" style="background:${color}"></span>${this._layerName(l)}${l.kind === 'choropleth'
      ? nothing : html`<span class="count">${this._format(layerCount(l))}</span>`}</label>${legend}`;
  }

  private _renderLegend(l: MapChoroplethLayer, color: string): TemplateResult {
    const f = (v: number) => (l.format ? l.format(v) : this._format(v));
    const n = l.breaks.length + 1;
    return html`<ul class="legend" part="legend">${Array.from({ length: n }, (_, i) => {
      const text = i === 0 ? `< ${f(l.breaks[0])}` : i === n - 1 ? `≥ ${f(l.breaks[i - 1])}` : `${f(l.breaks[i - 1])} – ${f(l.breaks[i])}`;
      return html`<li><span class="swatch" style="background:${color};opacity:${choroplethAlpha(i, n)}"></span>${text}</li>`;
    })}</ul>`;
  }
}

/** Opacity of choropleth class i of n. */
const choroplethAlpha = (i: number, n: number) => 0.12 + (0.68 * i) / Math.max(1, n - 1);

/** Points or markers in a layer (0 for a choropleth). */
const layerCount = (l: MapLayer) => (l.kind === 'points' ? l.points.length >> 1 : l.kind === 'markers' ? l.markers.length : l.values.size);

/** A short count for a cluster disc: 12,345 → 1.2万 (zh) or 12k (en). */
function compact(n: number, lang: UiLang): string {
  if (lang === 'en') return n >= 1e6 ? `${Math.round(n / 1e5) / 10}M` : n >= 1e3 ? `${Math.round(n / 100) / 10}k` : String(n);
  return n >= 1e4 ? `${Math.round(n / 1e3) / 10}万` : String(n);
}

/** The family part of a CSS font shorthand. */
function getFontFamily(font: string): string {
  const m = /\d+(?:px|pt|em|rem)\s+(.*)$/.exec(font);
  return m ? m[1] : 'sans-serif';
}

/** The red, green and blue of any CSS colour, as the canvas parses it. */
function rgbOf(ctx: CanvasRenderingContext2D, color: string): [number, number, number] {
  const saved = ctx.fillStyle;
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  const c = String(ctx.fillStyle);
  ctx.fillStyle = saved;
  if (c.startsWith('#')) return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
  const m = c.match(/[\d.]+/g) ?? ['0', '0', '0'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}
