/**
 * The topic layers `<jc-map>` draws over the areas, as plain data.
 * @module
 */
import type { LonLat } from '@jiceng/core/geo';
import { argumentError, FINITE, need } from '@jiceng/core/errors';

/**
 * What every layer has: an id, a name in Chinese (and English), a colour, and whether it
 * starts visible.
 *
 * @example
 * ```ts
 * const base: MapLayerBase = { id: 'cases-open', label: '未办结案件', labelEn: 'Open cases', color: '#cf222e' };
 * ```
 */
export interface MapLayerBase {
  /** Unique among the layers; `jc-layer` and `hiddenLayers` use it. */
  id: string;
  /** Name shown in the layer list (Chinese). */
  label: string;
  /** Name in English; `label` when absent. */
  labelEn?: string;
  /** Any CSS colour; the theme's accent when absent. */
  color?: string;
  /** False to start hidden (the user can switch it on). */
  visible?: boolean;
}

/**
 * Many points (cases of a topic, say): drawn as a density surface (cells of a few pixels,
 * darker where more points fall) or as clusters (a disc with the count per ~60 pixels).
 *
 * @example
 * ```ts
 * const cases: MapPointLayer = { id: 'cases', kind: 'points', style: 'cluster', label: '案件', points: Float64Array.of(119.02, 25.43, 119.03, 25.44) };
 * ```
 */
export interface MapPointLayer extends MapLayerBase {
  kind: 'points';
  /** `density` (the default) or `cluster`. */
  style?: 'density' | 'cluster';
  /** Longitude, latitude, longitude, latitude, … (WGS-84). */
  points: ArrayLike<number>;
}

/**
 * A few marked places (alerts, facilities), each with a label read out in the summary list.
 *
 * @example
 * ```ts
 * const alerts: MapMarkerLayer = { id: 'alerts', kind: 'markers', label: '预警', markers: [{ at: [119.02, 25.43], label: '超期 3 天', tone: 'bad' }] };
 * ```
 */
export interface MapMarkerLayer extends MapLayerBase {
  kind: 'markers';
  /** The places; `tone` picks the warning or alarm colour when no layer colour is given. */
  markers: { at: LonLat; label: string; tone?: 'warn' | 'bad' }[];
}

/**
 * One number per area (close rate per grid, say), filled in classes cut at `breaks`, with a
 * legend. Areas of the level on show that have no value stay unfilled.
 *
 * @example
 * ```ts
 * const rate: MapChoroplethLayer = { id: 'rate', kind: 'choropleth', label: '办结率', values: new Map([['350304000000', 0.99]]), breaks: [0.9, 0.95, 0.99] };
 * ```
 */
export interface MapChoroplethLayer extends MapLayerBase {
  kind: 'choropleth';
  /** Value per node code. */
  values: ReadonlyMap<string, number>;
  /** Ascending class limits: n breaks make n + 1 classes. */
  breaks: number[];
  /** How legend numbers are written; `Intl.NumberFormat` of the language when absent. */
  format?: (value: number) => string;
}

/**
 * Any layer `<jc-map>` draws.
 *
 * @example
 * ```ts
 * map.layers = [cases, alerts, rate] satisfies MapLayer[];
 * ```
 */
export type MapLayer = MapPointLayer | MapMarkerLayer | MapChoroplethLayer;

/**
 * The class of `value` among ascending `breaks` (0 … breaks.length).
 *
 * @example
 * ```ts
 * import { classOf } from '@jiceng/map';
 * classOf(0.97, [0.9, 0.95, 0.99]); // 2
 * ```
 */
export function classOf(value: number, breaks: readonly number[]): number {
  if (typeof value !== 'number') throw argumentError('classOf', 'value', FINITE);
  if (!Array.isArray(breaks)) throw argumentError('classOf', 'breaks', { zh: '数组', en: 'an array' });
  let c = 0;
  while (c < breaks.length && value >= breaks[c]!) c++;
  return c;
}

/**
 * A base map under the areas: raster tiles of the host's tile server (Tianditu, AMap, an
 * intranet server) in Web Mercator XYZ, drawn in the coordinate system they were made in.
 * Jiceng's areas and layers are WGS-84; a GCJ-02 base map (AMap, Tencent) is shifted under them
 * by `fromWgs84` (pass `(p) => fromWgs84(p, 'GCJ02')` of `@jiceng/core/geo`; the element leaves
 * the conversion out of its own bundle). Without a base map the element needs no tile server.
 * A vector style (MapLibre style JSON) is not drawn: give its raster tiles' URL.
 *
 * @example
 * ```ts
 * import { fromWgs84 } from '@jiceng/core/geo';
 * map.basemap = {
 *   url: 'https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}', subdomains: ['1', '2', '3', '4'],
 *   crs: 'GCJ02', fromWgs84: (p) => fromWgs84(p, 'GCJ02'), attribution: '© 高德地图',
 * };
 * ```
 */
export interface MapBasemap {
  /** Tile URL with `{z}`, `{x}` and `{y}` (rows from the north, as XYZ), and `{s}` for a subdomain. */
  url: string;
  /** The coordinate system the tiles were drawn in: `WGS84` or `CGCS2000` (Tianditu), `GCJ02` (AMap, Tencent). */
  crs: 'WGS84' | 'CGCS2000' | 'GCJ02';
  /** WGS-84 → the tiles' system; required for `GCJ02`. */
  fromWgs84?: (p: LonLat) => LonLat;
  /** Values for `{s}`, taken in turn by tile. */
  subdomains?: string[];
  /** The tiles' credit, shown as text in the map's corner. */
  attribution?: string;
  /** The deepest zoom level the server has (18 when absent). */
  maxZoom?: number;
}

/**
 * Checks a base map (the `basemap` of `<jc-map>`); throws a JcError naming the field.
 *
 * @example
 * ```ts
 * import { checkBasemap } from '@jiceng/map';
 * checkBasemap({ url: 'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY', crs: 'CGCS2000', subdomains: ['0', '1'] });
 * ```
 */
export function checkBasemap(b: MapBasemap): MapBasemap {
  need('checkBasemap', 'basemap', b, 'object', { url: 'string', crs: 'string', fromWgs84: 'function?', subdomains: 'array?', attribution: 'string?', maxZoom: 'number?' });
  const bad = !['{z}', '{x}', '{y}'].every((k) => b.url.includes(k)) ? 'url' : !['WGS84', 'CGCS2000', 'GCJ02'].includes(b.crs) ? 'crs' : b.crs === 'GCJ02' && !b.fromWgs84 ? 'fromWgs84' : '';
  if (bad) throw argumentError('checkBasemap', `basemap.${bad}`, { zh: '含 {z}{x}{y} 的瓦片地址，坐标系 WGS84、CGCS2000 或 GCJ02（GCJ02 须有 fromWgs84）', en: 'a tile URL with {z}{x}{y}, crs WGS84, CGCS2000 or GCJ02 (GCJ02 with fromWgs84)' });
  return b;
}
