/**
 * The benchmark page: <jc-map> (canvas 2D) and OpenLayers (its canvas renderer, no WebGL) on
 * the same work — every area of the generated Putian (city to 10,439 grids) outlined, and the
 * 533,500 case points clustered — in the same browser, one after the other. Driven by
 * ../map.bench.ts. Data come from files the driver serves (areas.json, nodes.json, points.bin).
 */
import type { HierarchyConfig, HierarchyIndex, NodeInput } from '../../packages/core/src/hierarchy/index.js';
import { buildHierarchy } from '../../packages/core/src/hierarchy/build.js';
import type { AreaGeometry } from '../../packages/core/src/geo/types.js';
import '../../packages/map/src/define.js';
import { buildScene, mercator, PointBins, projectInPlace, type JcMap, type MapLayer } from '../../packages/map/src/index.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Cluster from 'ol/source/Cluster.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import type { FeatureLike } from 'ol/Feature.js';

const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
const twoFrames = async () => { await raf(); await raf(); };
const host = () => document.getElementById('host')!;

let hierarchy: HierarchyIndex;
let areas: Map<string, AreaGeometry>;
let areasJson: { type: 'FeatureCollection'; features: { type: 'Feature'; id: string; properties: { level: number }; geometry: AreaGeometry }[] };
let points: Float64Array;
let stageSize: [number, number] = [0, 0];

async function load() {
  const [nodes, geo, bin] = await Promise.all([
    fetch('nodes.json').then((r) => r.json() as Promise<{ nodes: NodeInput[]; config: HierarchyConfig }>),
    fetch('areas.json').then((r) => r.json() as Promise<[string, AreaGeometry][]>),
    fetch('points.bin').then((r) => r.arrayBuffer()),
  ]);
  const t0 = performance.now();
  const built = buildHierarchy(nodes.config, nodes.nodes);
  if (!built.ok) throw new Error('hierarchy');
  hierarchy = built.value;
  const buildMs = performance.now() - t0;
  areas = new Map(geo);
  areasJson = { type: 'FeatureCollection', features: geo.map(([code, g]) => ({ type: 'Feature', id: code, properties: { level: hierarchy.levelOf[hierarchy.indexOf(code)] }, geometry: g })) };
  points = new Float64Array(bin);
  return { nodes: hierarchy.size, areas: areas.size, grids: geo.filter(([c]) => hierarchy.level(hierarchy.indexOf(c)).id === 'grid').length, points: points.length / 2, buildMs };
}

const layer = (style: 'cluster' | 'density'): MapLayer[] => [{ id: 'cases', kind: 'points', style, label: '案件', points, color: '#0969da' }];

async function mountOurs(style: 'cluster' | 'density'): Promise<{ el: JcMap; ms: number; workMs: number }> {
  host().replaceChildren();
  await twoFrames();
  const t0 = performance.now();
  const el = document.createElement('jc-map');
  el.style.cssText = 'inline-size: 1280px; --jc-map-height: 800px';
  el.hierarchy = hierarchy;
  el.geometry = areas;
  el.layers = layer(style);
  host().append(el);
  await el.updateComplete;
  el.paint();
  flush([el.shadowRoot!.querySelector('canvas')!.getContext('2d')!]);
  const workMs = performance.now() - t0;
  await twoFrames();
  const stage = el.shadowRoot!.querySelector<HTMLElement>('.stage')!;
  stageSize = [stage.clientWidth, stage.clientHeight];
  return { el, ms: performance.now() - t0, workMs };
}

/** The per-frame work of a pan-then-zoom sequence: `frames` pans of 12 px, then zooms of ×1.06 in and out. */
async function frames(step: (k: number) => void, paint: () => void, n: number) {
  const work: number[] = [], intervals: number[] = [];
  let last = await raf();
  for (let k = 0; k < n; k++) {
    const t = performance.now();
    step(k);
    paint();
    work.push(performance.now() - t);
    const now = await raf();
    intervals.push(now - last);
    last = now;
  }
  return { work, intervals };
}
/**
 * Canvas 2D records drawing and rasterises it later; reading one pixel makes the raster happen
 * now, inside the measured frame, for ours and OpenLayers alike.
 */
function flush(ctxs: CanvasRenderingContext2D[]): void {
  for (const c of ctxs) c.getImageData(0, 0, 1, 1);
}
const PAN = 30, ZOOM = 30;
const stepOf = (pan: (dx: number, dy: number) => void, zoom: (f: number) => void) => (k: number) => {
  if (k < PAN) pan(12, k % 2 ? 6 : -6);
  else zoom(k - PAN < ZOOM / 2 ? 1.06 : 1 / 1.06);
};

// ---- OpenLayers ---------------------------------------------------------------------------

const LINE = [2.6, 2, 1.4, 0.9, 0.5];
let olStyles: Style[] = [];
function olAreaStyle(f: FeatureLike, resolution: number): Style | undefined {
  const level = f.get('level') as number;
  const typical = typicalSize[level] ?? 0;
  if (level > 0 && typical / resolution < 5) return undefined; // as ours: a level once its areas are 5 px wide
  return olStyles[level];
}
let typicalSize: number[] = [];
const clusterStyles = new Map<number, Style>();
function olClusterStyle(f: FeatureLike): Style {
  const n = (f.get('features') as unknown[]).length;
  let s = clusterStyles.get(n);
  if (!s) {
    s = new Style({
      image: new Circle({ radius: n === 1 ? 4 : 9 + 3 * Math.log10(n + 1) * 3, fill: new Fill({ color: 'rgba(9,105,218,0.8)' }), stroke: new Stroke({ color: '#fff', width: 1.5 }) }),
      text: n > 1 ? new Text({ text: n >= 1e4 ? `${Math.round(n / 1e3) / 10}万` : String(n), fill: new Fill({ color: '#fff' }), font: '600 11px sans-serif' }) : undefined,
    });
    clusterStyles.set(n, s);
  }
  return s;
}

let olMap: OlMap | undefined;
let olGrids: VectorSource | undefined;

async function mountOl(withPoints: boolean): Promise<{ ms: number; workMs: number }> {
  olMap?.setTarget(undefined);
  olMap?.dispose();
  host().replaceChildren();
  const target = document.createElement('div');
  target.style.cssText = `inline-size:${stageSize[0]}px;block-size:${stageSize[1]}px`;
  host().append(target);
  await twoFrames();
  const t0 = performance.now();
  olStyles = LINE.map((w, l) => new Style({ stroke: new Stroke({ color: l <= 2 ? '#3d444d' : '#8c959f', width: w }), fill: l === 0 ? new Fill({ color: '#fbfaf7' }) : undefined }));
  const features = new GeoJSON().readFeatures(areasJson, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  // The typical area size per level, as ours computes it, so both draw the same levels.
  const widths: number[][] = [];
  for (const f of features) { const e = f.getGeometry()!.getExtent(); (widths[f.get('level')] ??= []).push(Math.max(e[2] - e[0], e[3] - e[1])); }
  typicalSize = widths.map((w) => (w.sort((a, b) => a - b), w[w.length >> 1]));
  const source = new VectorSource({ features });
  olGrids = new VectorSource({ features: features.filter((f) => hierarchy.level(hierarchy.indexOf(String(f.getId()))).id === 'grid') });
  const layers: VectorLayer[] = [new VectorLayer({ source, style: olAreaStyle })];
  if (withPoints) {
    const pts: Feature[] = new Array(points.length / 2);
    for (let p = 0; p < pts.length; p++) pts[p] = new Feature(new Point(mercator(points[2 * p], points[2 * p + 1])));
    layers.push(new VectorLayer({ source: new Cluster({ distance: 64, source: new VectorSource({ features: pts }) }), style: olClusterStyle }));
  }
  const extent = source.getExtent();
  olMap = new OlMap({ target, layers, controls: [], interactions: [], view: new View() });
  // Listen before rendering: a vector-only map completes inside renderSync.
  const complete = new Promise<void>((r) => olMap!.once('rendercomplete', () => r()));
  olMap.getView().fit(extent, { padding: [32, 40, 32, 40] });
  olMap.renderSync();
  flush([...host().querySelectorAll('canvas')].map((c) => c.getContext('2d')!));
  const workMs = performance.now() - t0;
  await complete;
  await twoFrames();
  return { ms: performance.now() - t0, workMs };
}

/** The map a frame series driven from the benchmark's side steps, one frame per call (so that its CPU time can be read around each). */
let stepper: { step: (k: number) => void; paint: () => void } | undefined;

const api = {
  load,
  /** Mounts ours for a driven frame series. */
  async oursPrepare(style: 'cluster' | 'density') {
    const { el } = await mountOurs(style);
    const ctx = el.shadowRoot!.querySelector('canvas')!.getContext('2d')!;
    stepper = { step: stepOf((dx, dy) => el.panBy(dx, dy), (f) => el.zoomBy(f)), paint: () => { el.paint(); flush([ctx]); } };
    await twoFrames();
  },
  /** Mounts OpenLayers for a driven frame series. */
  async olPrepare(withPoints: boolean) {
    await mountOl(withPoints);
    const view = olMap!.getView();
    stepper = {
      step: stepOf((dx, dy) => { const c = view.getCenter()!, r = view.getResolution()!; view.setCenter([c[0] + dx * r, c[1] - dy * r]); }, (f) => view.setResolution(view.getResolution()! / f)),
      paint: () => { olMap!.renderSync(); flush([...host().querySelectorAll('canvas')].map((c) => c.getContext('2d')!)); },
    };
    await twoFrames();
  },
  /** Frame k of the series: the view change and the synchronous draw (its wall ms returned), then the next animation frame. */
  async frameStep(k: number) {
    const t = performance.now();
    stepper!.step(k);
    stepper!.paint();
    const ms = performance.now() - t;
    await raf();
    return ms;
  },
  frameCount: () => PAN + ZOOM,
  /** The element as the docs' screenshots show it: a theme, the case points, alerts and a choropleth derived from the points. */
  async showcase(theme: string, node: string, style: 'cluster' | 'density') {
    host().replaceChildren();
    const el = document.createElement('jc-map');
    el.style.cssText = 'inline-size: 1280px; --jc-map-height: 760px';
    el.setAttribute('theme', theme);
    el.hierarchy = hierarchy;
    el.geometry = areas;
    host().append(el);
    await el.updateComplete;
    // Cases in each area listed (the counties, or the towns of the county shown), counted with the map's own lookup.
    const at = node ? hierarchy.indexOf(node) : 0;
    const depth = hierarchy.levelOf[at] + 1;
    const values = new Map<string, number>();
    for (let p = 0; p < points.length; p += 2) {
      const g = el.locate(points[p], points[p + 1]);
      const i = g ? hierarchy.indexOf(g) : -1;
      if (i < 0 || !hierarchy.isAncestor(at, i)) continue;
      const c = hierarchy.code(hierarchy.ancestorAt(i, depth));
      values.set(c, (values.get(c) ?? 0) + 1);
    }
    const sorted = [...values.values()].sort((a, b) => a - b);
    const breaks = [1, 2, 3].map((q) => sorted[Math.floor((q * sorted.length) / 4)]);
    const markers = Array.from({ length: 14 }, (_, k) => ({ at: [points[2 * k * 37_003], points[2 * k * 37_003 + 1]] as [number, number], label: `预警 ${k + 1}`, tone: (k % 3 ? 'bad' : 'warn') }));
    el.layers = [
      { id: 'cases', kind: 'points', style, label: '案件', labelEn: 'Cases', points, color: theme === 'wall' ? '#38f2c5' : '#0969da' },
      { id: 'alerts', kind: 'markers', label: '预警', labelEn: 'Alerts', markers },
      { id: 'count', kind: 'choropleth', label: '案件数（分区）', labelEn: 'Cases by area', values, breaks, format: (v) => v.toFixed(0), visible: node !== '' },
    ];
    if (node) el.show(node);
    await el.updateComplete;
    el.paint();
    await twoFrames();
    return el.getBoundingClientRect().height;
  },
  /** Where a first render's time goes: the projection of the areas, of the points, the first binning, the first and a second draw. */
  async profile() {
    const t0 = performance.now();
    const scene = buildScene(hierarchy, areas);
    const t1 = performance.now();
    const xy = Float64Array.from(points);
    projectInPlace(xy, scene.origin[0], scene.origin[1]);
    const bins = new PointBins(xy);
    const t2 = performance.now();
    bins.level(bins.levelFor(4 * 150));
    const t3 = performance.now();
    const { el, ms } = await mountOurs('density');
    const t4 = performance.now();
    const second = el.paint();
    return { sceneMs: t1 - t0, pointsMs: t2 - t1, binLevelMs: t3 - t2, firstRenderMs: ms, secondPaintMs: second, mountToEnd: t4 - t3 };
  },
  async oursFirstRender(style: 'cluster' | 'density') {
    const r = await mountOurs(style);
    return { ms: r.ms, workMs: r.workMs };
  },
  async oursFrames(style: 'cluster' | 'density') {
    const { el } = await mountOurs(style);
    // Let the first level's bins and paths exist, as after the first render a user sees.
    const ctx = el.shadowRoot!.querySelector('canvas')!.getContext('2d')!;
    return frames(stepOf((dx, dy) => el.panBy(dx, dy), (f) => el.zoomBy(f)), () => { el.paint(); flush([ctx]); }, PAN + ZOOM);
  },
  async olFirstRender(withPoints: boolean) {
    return mountOl(withPoints);
  },
  async olFrames(withPoints: boolean) {
    await mountOl(withPoints);
    const view = olMap!.getView();
    return frames(
      stepOf((dx, dy) => { const c = view.getCenter()!, r = view.getResolution()!; view.setCenter([c[0] + dx * r, c[1] - dy * r]); }, (f) => view.setResolution(view.getResolution()! / f)),
      () => { olMap!.renderSync(); flush([...host().querySelectorAll('canvas')].map((c) => c.getContext('2d')!)); },
      PAN + ZOOM,
    );
  },
  /** Point-in-grid lookups of the same points: ours (`map.locate`, core's binned index) and OpenLayers' `getFeaturesAtCoordinate` (R-tree, then the geometry). */
  async lookups(n: number) {
    const { el } = await mountOurs('density');
    if (!olGrids) await mountOl(false);
    let s = 99;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const lonlat = new Float64Array(2 * n), merc = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      // Half at case points (on land), half uniform over the city's box (many at sea).
      const [lon, lat] = k % 2 ? [118.4 + rnd() * 0.97, 24.98 + rnd() * 0.85] : [points[2 * (k * 7 % (points.length / 2))], points[2 * (k * 7 % (points.length / 2)) + 1]];
      lonlat[2 * k] = lon; lonlat[2 * k + 1] = lat;
      const [x, y] = mercator(lon, lat);
      merc[2 * k] = x; merc[2 * k + 1] = y;
    }
    const tBuild = performance.now();
    el.locate(119, 25.4); // builds the index
    const buildMs = performance.now() - tBuild;
    const ours: (string | undefined)[] = new Array(n), theirs: (string | undefined)[] = new Array(n);
    const t0 = performance.now();
    for (let k = 0; k < n; k++) ours[k] = el.locate(lonlat[2 * k], lonlat[2 * k + 1]);
    const oursUs = ((performance.now() - t0) * 1000) / n;
    const t1 = performance.now();
    for (let k = 0; k < n; k++) theirs[k] = olGrids!.getFeaturesAtCoordinate([merc[2 * k], merc[2 * k + 1]])[0]?.getId() as string | undefined;
    const olUs = ((performance.now() - t1) * 1000) / n;
    let agree = 0, found = 0;
    for (let k = 0; k < n; k++) { if (ours[k] === theirs[k]) agree++; if (ours[k]) found++; }
    return { oursUs, olUs, buildMs, agree, found, n };
  },
};
(window as unknown as { bench: typeof api }).bench = api;
document.title = 'ready';
