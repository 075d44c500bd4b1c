/**
 * Geometry import: GeoJSON features and TopoJSON geometries keyed by a `code` property, and CSV rows of
 * code/longitude/latitude, each checked (valid and closed, codes that exist, the right kind
 * for the node's level, a child inside its parent within a tolerance) with errors named by
 * feature or row. A dataset with any error yields nothing.
 * @module
 */
import Papa from 'papaparse';
import { fail, issue, ok, type JcIssue, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { decodeText, unifyRowBreaks } from '../io/text.js';
import { toWgs84 } from './crs.js';
import { areaContains, vertices } from './locate.js';
import type { AreaGeometry, GeoCrs, GeometryByCode, LonLat, NodeGeometry } from './types.js';
import { need, needKey } from '../errors/args.js';
import { CRS_NAMES, HIERARCHY } from '../shapes.js';

/**
 * Options of {@link importGeoJson} and {@link importPointsCsv}.
 *
 * @example
 * ```ts
 * const opts: GeoImportOptions = { crs: 'GCJ02', file: 'grids.geojson', toleranceMetres: 5 };
 * ```
 */
export interface GeoImportOptions {
  /** The coordinate system the dataset is in (required: there is no safe default in China). */
  crs: GeoCrs;
  /** The file name, for error locations. */
  file?: string;
  /** Level ids whose nodes are points (default: the last level, units). */
  pointLevels?: readonly string[];
  /** How far (metres) a child may stick out of its parent before it is an error (default 1). */
  toleranceMetres?: number;
  /** Geometries already known (e.g. the areas, when importing unit points); checked against, not returned. */
  existing?: GeometryByCode;
}

const M_PER_DEG_LAT = 110_574;

/** Distance in metres from (x, y) to the nearest edge of an area (equirectangular, fine at city scale). */
function metresToBoundary(g: AreaGeometry, x: number, y: number): number {
  const kx = Math.cos((y * Math.PI) / 180) * 111_320, ky = M_PER_DEG_LAT;
  let best = Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) for (const ring of poly) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1][0] - x) * kx, ay = (ring[i - 1][1] - y) * ky;
      const bx = (ring[i][0] - x) * kx, by = (ring[i][1] - y) * ky;
      const dx = bx - ax, dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
      const px = ax + t * dx, py = ay + t * dy;
      const d = px * px + py * py;
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

/** Where one feature or row came from, for its issues. */
interface Where { file?: string; row: number; column?: string }

const at = (w: Where, column?: string): Omit<JcIssue, 'code' | 'zh' | 'en'> =>
  ({ ...(w.file ? { file: w.file } : {}), row: w.row, ...(column ?? w.column ? { column: column ?? w.column } : {}) });

const validPos = (p: unknown): p is LonLat =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((v) => typeof v === 'number' && Number.isFinite(v))
  && (p[0] as number) >= -180 && (p[0] as number) <= 180 && (p[1] as number) >= -90 && (p[1] as number) <= 90;

/** Checks a geometry's shape and converts it to WGS-84; pushes issues and returns undefined on error. */
function readGeometry(raw: unknown, crs: GeoCrs, w: Where, errors: JcIssue[], base = 'geometry.coordinates', typeAt = 'geometry.type'): NodeGeometry | undefined {
  const g = raw as { type?: unknown; coordinates?: unknown } | null;
  const bad = (code: string, zh: string, en: string, column = 'geometry') => { errors.push(issue(code, zh, en, at(w, column))); return undefined; };
  if (!g || typeof g !== 'object' || typeof g.type !== 'string') return bad('E_GEO_GEOMETRY', '缺少几何对象', 'the geometry is missing');
  const conv = (p: LonLat): LonLat => toWgs84([p[0], p[1]], crs);
  const ring = (r: unknown, path: string): LonLat[] | undefined => {
    if (!Array.isArray(r)) return bad('E_GEO_GEOMETRY', `${path} 不是坐标数组`, `${path} is not an array of positions`, path);
    for (let k = 0; k < r.length; k++) {
      if (!validPos(r[k])) return bad('E_GEO_COORD', `${path}[${k}] 坐标无效（经度须在 −180…180，纬度须在 −90…90）`, `${path}[${k}] is not a valid position (longitude −180…180, latitude −90…90)`, `${path}[${k}]`);
    }
    if (r.length < 4) return bad('E_GEO_RING_SHORT', `${path} 环至少需要 4 个坐标（首尾相同）`, `${path}: a ring needs at least 4 positions (first = last)`, path);
    const f = r[0] as LonLat, l = r[r.length - 1] as LonLat;
    if (f[0] !== l[0] || f[1] !== l[1]) return bad('E_GEO_RING_OPEN', `${path} 环未闭合（首尾坐标不同）`, `${path}: the ring is not closed (first and last positions differ)`, path);
    return (r as LonLat[]).map(conv);
  };
  const polygon = (p: unknown, path: string): LonLat[][] | undefined => {
    if (!Array.isArray(p) || p.length === 0) return bad('E_GEO_GEOMETRY', `${path} 多边形没有环`, `${path}: the polygon has no rings`, path);
    const out: LonLat[][] = [];
    for (let k = 0; k < p.length; k++) { const r = ring(p[k], `${path}[${k}]`); if (!r) return undefined; out.push(r); }
    return out;
  };
  if (g.type === 'Point') {
    if (!validPos(g.coordinates)) return bad('E_GEO_COORD', '点坐标无效（经度须在 −180…180，纬度须在 −90…90）', 'the point is not a valid position (longitude −180…180, latitude −90…90)', base);
    return { type: 'Point', coordinates: conv(g.coordinates) };
  }
  if (g.type === 'Polygon') {
    const c = polygon(g.coordinates, base);
    return c && { type: 'Polygon', coordinates: c };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return bad('E_GEO_GEOMETRY', '多多边形为空', 'the multipolygon is empty', base);
    const out: LonLat[][][] = [];
    for (let k = 0; k < g.coordinates.length; k++) { const p = polygon(g.coordinates[k], `${base}[${k}]`); if (!p) return undefined; out.push(p); }
    return { type: 'MultiPolygon', coordinates: out };
  }
  return bad('E_GEO_TYPE', `不支持的几何类型“${g.type}”（应为 Point、Polygon 或 MultiPolygon）`, `unsupported geometry type "${g.type}" (expected Point, Polygon or MultiPolygon)`, typeAt);
}

/** Accepts one geometry for a code: the code exists, is new, and the kind fits its level. */
function accept(h: HierarchyIndex, opts: GeoImportOptions, code: unknown, g: NodeGeometry, w: Where, codeColumn: string,
  out: GeometryByCode, where: Map<string, Where>, errors: JcIssue[], typeColumn = 'geometry.type'): void {
  if (typeof code !== 'string' || code === '') { errors.push(issue('E_GEO_CODE_MISSING', '缺少节点编码', 'the node code is missing', at(w, codeColumn))); return; }
  const i = h.indexOf(code);
  if (i < 0) { errors.push(issue('E_GEO_UNKNOWN_CODE', `编码 ${code} 不在层级中`, `code ${code} is not in the hierarchy`, at(w, codeColumn))); return; }
  if (out.has(code)) { errors.push(issue('E_GEO_DUPLICATE', `编码 ${code} 重复（第 ${where.get(code)!.row} 行/要素已有几何）`, `code ${code} appears twice (already at row/feature ${where.get(code)!.row})`, at(w, codeColumn))); return; }
  const levels = h.config.levels;
  const pointLevels = opts.pointLevels ?? [levels[levels.length - 1].id];
  const level = h.level(i);
  const wantPoint = pointLevels.includes(level.id);
  if (wantPoint !== (g.type === 'Point')) {
    errors.push(issue('E_GEO_KIND', `${level.name.zh}节点 ${code} 的几何应为${wantPoint ? '点' : '面'}`, `${level.name.en} ${code} must have ${wantPoint ? 'a point' : 'an area'} geometry`, at(w, typeColumn)));
    return;
  }
  out.set(code, g);
  where.set(code, w);
}

/**
 * Checks that every geometry lies inside its nearest ancestor that has an area, within
 * `toleranceMetres` (every vertex of an area, or the point). Issues are located at the
 * child's feature or row.
 */
function checkNesting(h: HierarchyIndex, all: GeometryByCode, fresh: GeometryByCode, where: Map<string, Where>, tol: number, errors: JcIssue[]): void {
  for (const [code, g] of fresh) {
    let p = h.parents[h.indexOf(code)];
    let pg: NodeGeometry | undefined;
    while (p >= 0 && !((pg = all.get(h.code(p))) && pg.type !== 'Point')) p = h.parents[p]!;
    if (p < 0 || !pg || pg.type === 'Point') continue;
    for (const [x, y] of vertices(g)) {
      if (areaContains(pg, x, y)) continue;
      const d = metresToBoundary(pg, x, y);
      if (d <= tol) continue;
      errors.push(issue('E_GEO_OUTSIDE_PARENT', `${code} 超出上级 ${h.code(p)} 的范围约 ${Math.round(d)} 米（${x.toFixed(6)}, ${y.toFixed(6)}）`,
        `${code} lies about ${Math.round(d)} m outside its parent ${h.code(p)} (${x.toFixed(6)}, ${y.toFixed(6)})`, at(where.get(code)!, 'geometry')));
      break;
    }
  }
}

function finish(h: HierarchyIndex, opts: GeoImportOptions, out: GeometryByCode, where: Map<string, Where>, errors: JcIssue[]): Result<GeometryByCode> {
  if (errors.length === 0) {
    const all = new Map(opts.existing ?? []);
    for (const [c, g] of out) all.set(c, g);
    checkNesting(h, all, out, where, opts.toleranceMetres ?? 1, errors);
  }
  return errors.length ? fail(errors) : ok(out);
}

/** JSON text parsed (or an object as given); an unparsable text is one issue naming the format. */
function parseJson(input: string | object, format: string, file: string | undefined): Result<unknown> {
  if (typeof input !== 'string') return ok(input);
  try { return ok(JSON.parse(input) as unknown); } catch (e) {
    return fail([issue('E_GEO_JSON', `${format} 无法解析：${(e as Error).message}`, `${format} cannot be parsed: ${(e as Error).message}`, file ? { file } : {})]);
  }
}

/**
 * Imports node geometries from a GeoJSON FeatureCollection (text or parsed) whose features carry
 * the node's `code` in `properties.code`. Positions are converted from `opts.crs` to WGS-84.
 * Every issue names the feature by its 1-based number (`row`) and the field (`column`).
 *
 * @example
 * ```ts
 * import { importGeoJson } from '@jiceng/core/geo';
 * const r = importGeoJson(text, hierarchy, { crs: 'GCJ02', file: 'grids.geojson' });
 * if (!r.ok) for (const e of r.errors) console.log(e.row, e.code, e.en);
 * ```
 */
export function importGeoJson(input: string | object, h: HierarchyIndex, opts: GeoImportOptions): Result<GeometryByCode> {
  need('importGeoJson', 'h', h, 'object', HIERARCHY);
  need('importGeoJson', 'opts', opts, 'object', { file: 'string?', pointLevels: 'array?' });
  needKey('importGeoJson', 'opts.crs', opts.crs, CRS_NAMES);
  const file = opts.file;
  const doc = parseJson(input, 'GeoJSON', file);
  if (!doc.ok) return doc;
  const fc = doc.value as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return fail([issue('E_GEO_JSON', 'GeoJSON 顶层应为 FeatureCollection', 'the GeoJSON must be a FeatureCollection', file ? { file } : {})]);
  }
  const errors: JcIssue[] = [];
  const out: GeometryByCode = new Map();
  const where = new Map<string, Where>();
  fc.features.forEach((f: unknown, k: number) => {
    const w: Where = { ...(file ? { file } : {}), row: k + 1 };
    const feat = f as { type?: unknown; properties?: { code?: unknown } | null; geometry?: unknown } | null;
    if (!feat || feat.type !== 'Feature') { errors.push(issue('E_GEO_FEATURE', `第 ${k + 1} 个要素不是 Feature`, `feature ${k + 1} is not a Feature`, at(w, 'type'))); return; }
    const g = readGeometry(feat.geometry, opts.crs, w, errors);
    if (g) accept(h, opts, feat.properties?.code, g, w, 'properties.code', out, where, errors);
  });
  return finish(h, opts, out, where, errors);
}

/**
 * Imports point geometries from CSV with the columns `code`, `longitude`, `latitude` (the
 * header is row 1). Positions are converted from `opts.crs` to WGS-84; every issue names its
 * row and column.
 *
 * @example
 * ```ts
 * import { importPointsCsv } from '@jiceng/core/geo';
 * const r = importPointsCsv('code,longitude,latitude\n350304001001001001,119.02,25.43\n', hierarchy, { crs: 'WGS84', existing: areas });
 * ```
 */
export function importPointsCsv(input: string | Uint8Array, h: HierarchyIndex, opts: GeoImportOptions): Result<GeometryByCode> {
  need('importPointsCsv', 'h', h, 'object', HIERARCHY);
  need('importPointsCsv', 'opts', opts, 'object', { file: 'string?', pointLevels: 'array?' });
  needKey('importPointsCsv', 'opts.crs', opts.crs, CRS_NAMES);
  const file = opts.file;
  const errors: JcIssue[] = [];
  const dec = decodeText(input, file);
  const parsed = Papa.parse<string[]>(unifyRowBreaks(dec.text), { header: false, newline: '\n', skipEmptyLines: 'greedy' });
  const header = (parsed.data[0] ?? []).map((s) => s.trim());
  const col = (name: string) => header.indexOf(name);
  for (const name of ['code', 'longitude', 'latitude']) {
    if (col(name) < 0) errors.push(issue('E_CSV_HEADER', `缺少必填列“${name}”`, `the required column "${name}" is missing`, { ...(file ? { file } : {}), row: 1, column: name }));
  }
  if (errors.length) return fail(errors, dec.warnings);
  const out: GeometryByCode = new Map();
  const where = new Map<string, Where>();
  for (let r = 1; r < parsed.data.length; r++) {
    const cells = parsed.data[r];
    const w: Where = { ...(file ? { file } : {}), row: r + 1 };
    const num = (name: 'longitude' | 'latitude', lim: number): number | undefined => {
      const s = (cells[col(name)] ?? '').trim();
      const v = s === '' ? NaN : Number(s);
      if (Number.isFinite(v) && Math.abs(v) <= lim) return v;
      errors.push(issue('E_GEO_COORD', `${name === 'longitude' ? '经度' : '纬度'}“${s}”无效（应为 −${lim}…${lim} 的数）`, `${name} "${s}" is not a number in −${lim}…${lim}`, at(w, name)));
      return undefined;
    };
    const lon = num('longitude', 180), lat = num('latitude', 90);
    if (lon === undefined || lat === undefined) continue;
    accept(h, opts, (cells[col('code')] ?? '').trim(), { type: 'Point', coordinates: toWgs84([lon, lat], opts.crs) }, w, 'code', out, where, errors);
  }
  const r = finish(h, opts, out, where, errors);
  return r.ok ? ok(r.value, dec.warnings) : fail(r.errors, dec.warnings);
}

/**
 * Options of {@link importTopoJson}: those of {@link importGeoJson}, and which object of the
 * topology to read.
 *
 * @example
 * ```ts
 * const opts: TopoImportOptions = { crs: 'WGS84', object: 'grids', file: 'putian.topojson' };
 * ```
 */
export interface TopoImportOptions extends GeoImportOptions {
  /** The name of the object in `objects` (default: the first). */
  object?: string;
}

type Pos = [number, number];

/**
 * Imports node geometries from a TopoJSON Topology (text or parsed): the geometries of one
 * object (a GeometryCollection, or a single geometry), each carrying the node's code in
 * `properties.code` (else its `id`). Arcs are decoded (quantized ones through `transform`),
 * then every geometry is checked as {@link importGeoJson} checks a feature: issues name the
 * geometry by its 1-based number in the object (`row`) and the field (`column`).
 *
 * @example
 * ```ts
 * import { importTopoJson } from '@jiceng/core/geo';
 * const r = importTopoJson(text, hierarchy, { crs: 'GCJ02', object: 'grids', file: 'grids.topojson' });
 * if (!r.ok) for (const e of r.errors) console.log(e.row, e.code, e.en);
 * ```
 */
export function importTopoJson(input: string | object, h: HierarchyIndex, opts: TopoImportOptions): Result<GeometryByCode> {
  need('importTopoJson', 'h', h, 'object', HIERARCHY);
  need('importTopoJson', 'opts', opts, 'object', { file: 'string?', pointLevels: 'array?', object: 'string?' });
  needKey('importTopoJson', 'opts.crs', opts.crs, CRS_NAMES);
  const file = opts.file;
  const whole = (zh: string, en: string) => fail<GeometryByCode>([issue('E_GEO_JSON', zh, en, file ? { file } : {})]);
  const doc = parseJson(input, 'TopoJSON', file);
  if (!doc.ok) return doc;
  const topo = doc.value as { type?: unknown; arcs?: unknown; objects?: unknown; transform?: { scale?: unknown; translate?: unknown } } | null;
  if (!topo || topo.type !== 'Topology' || !Array.isArray(topo.arcs) || !topo.objects || typeof topo.objects !== 'object') {
    return whole('TopoJSON 顶层应为 Topology（含 arcs 与 objects）', 'the TopoJSON must be a Topology with arcs and objects');
  }
  const objects = topo.objects as Record<string, unknown>;
  const name = opts.object ?? Object.keys(objects)[0] ?? '';
  const obj = Object.prototype.hasOwnProperty.call(objects, name) ? objects[name] as { type?: unknown; geometries?: unknown } | null : undefined;
  if (!obj || typeof obj !== 'object') return whole(`TopoJSON 中没有对象“${name}”`, `the TopoJSON has no object "${name}"`);
  const pair = (v: unknown): v is Pos => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
  const tf = topo.transform;
  if (tf !== undefined && !(tf && pair(tf.scale) && pair(tf.translate))) {
    return whole('TopoJSON 的 transform 应有 scale 与 translate 两个数对', 'the TopoJSON transform needs scale and translate, two numbers each');
  }
  const [sx, sy] = tf ? tf.scale as Pos : [1, 1];
  const [tx, ty] = tf ? tf.translate as Pos : [0, 0];
  const arcs = topo.arcs as unknown[];
  const decoded = new Map<number, Pos[]>();
  /** Arc k in absolute positions (quantized arcs are delta-encoded); a malformed position becomes NaN for the checks to name. */
  const arcAt = (k: number): Pos[] => {
    let a = decoded.get(k);
    if (a) return a;
    const raw = Array.isArray(arcs[k]) ? arcs[k] as unknown[] : [];
    let x = 0, y = 0;
    a = raw.map((p) => {
      const q = Array.isArray(p) ? p as unknown[] : [];
      const px = typeof q[0] === 'number' ? q[0] : NaN, py = typeof q[1] === 'number' ? q[1] : NaN;
      if (!tf) return [px, py];
      x += px; y += py;
      return [x * sx + tx, y * sy + ty];
    });
    decoded.set(k, a);
    return a;
  };
  const errors: JcIssue[] = [];
  const out: GeometryByCode = new Map();
  const where = new Map<string, Where>();
  const geometries = obj.type === 'GeometryCollection' ? obj.geometries : [obj];
  if (!Array.isArray(geometries)) return whole(`对象“${name}”的 geometries 不是数组`, `the geometries of object "${name}" are not an array`);
  geometries.forEach((raw: unknown, k: number) => {
    const w: Where = { ...(file ? { file } : {}), row: k + 1 };
    const g = raw as { type?: unknown; arcs?: unknown; coordinates?: unknown; id?: unknown; properties?: { code?: unknown } | null } | null;
    if (!g || typeof g !== 'object') { errors.push(issue('E_GEO_FEATURE', `第 ${k + 1} 个几何不是对象`, `geometry ${k + 1} is not an object`, at(w, 'type'))); return; }
    let bad = false;
    /** A ring from arc indices (~i is arc i reversed); consecutive arcs share their joining position. */
    const ring = (ids: unknown, path: string): Pos[] => {
      if (!Array.isArray(ids)) { bad = true; errors.push(issue('E_GEO_GEOMETRY', `${path} 不是弧编号数组`, `${path} is not an array of arc indices`, at(w, path))); return []; }
      const r: Pos[] = [];
      for (const id of ids) {
        const i = typeof id === 'number' && Number.isInteger(id) ? (id < 0 ? ~id : id) : -1;
        if (!(i >= 0 && i < arcs.length)) {
          bad = true;
          errors.push(issue('E_GEO_ARC', `${path} 引用了不存在的弧 ${String(id)}（共 ${arcs.length} 条）`, `${path} refers to arc ${String(id)}, which does not exist (${arcs.length} arcs)`, at(w, path)));
          return [];
        }
        const a = arcAt(i);
        const seq = (id as number) < 0 ? [...a].reverse() : a;
        r.push(...(r.length ? seq.slice(1) : seq));
      }
      return r;
    };
    let geometry: unknown = { type: g.type };
    const rings = (p: unknown, path: string) => (Array.isArray(p) ? p.map((ids, j) => ring(ids, `${path}[${j}]`)) : p);
    if (g.type === 'Polygon') geometry = { type: 'Polygon', coordinates: rings(g.arcs, 'arcs') };
    else if (g.type === 'MultiPolygon') geometry = { type: 'MultiPolygon', coordinates: Array.isArray(g.arcs) ? g.arcs.map((p, j) => rings(p, `arcs[${j}]`)) : g.arcs };
    else if (g.type === 'Point') {
      const c = g.coordinates;
      geometry = { type: 'Point', coordinates: tf && pair(c) ? [c[0] * sx + tx, c[1] * sy + ty] : c };
    }
    if (bad) return;
    const read = readGeometry(geometry, opts.crs, w, errors, g.type === 'Point' ? 'coordinates' : 'arcs', 'type');
    if (read) accept(h, opts, g.properties?.code ?? (typeof g.id === 'string' ? g.id : undefined), read, w, g.properties?.code !== undefined ? 'properties.code' : 'id', out, where, errors, 'type');
  });
  return finish(h, opts, out, where, errors);
}
