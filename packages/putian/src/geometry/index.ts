/**
 * Putian's geometry, generated deterministically from the seed: grids as Voronoi cells inside
 * an outline shaped and placed like Putian, merged upward so that every village, town, county
 * and the city shares its edges exactly with its children, and units and facilities as points
 * inside their grid.
 * @module
 */
import { Delaunay } from 'd3-delaunay';
import { feature, merge, mergeArcs } from 'topojson-client';
import { topology } from 'topojson-server';
import { areaContains, type AreaGeometry, type LonLat, type MultiPolygonGeometry, type PointGeometry } from '@jiceng/core/geo';
import type { PutianData } from '../generate.js';
import { createRng, type Rng } from '../random.js';
import { need } from '@jiceng/core/errors';
import { DATA } from '../shapes.js';

type TopoPolygon = Extract<Parameters<typeof merge>[1], unknown[]>[number];

/**
 * The seat of a county-level division, at its real approximate coordinates (WGS-84, to about
 * 0.01°, i.e. a kilometre: good enough to place the generated map, not for navigation).
 *
 * @example
 * ```ts
 * const s: PutianSeat = { code: '350304000000', name: '荔城区', at: [119.02, 25.43] };
 * ```
 */
export interface PutianSeat {
  code: string;
  name: string;
  at: LonLat;
}

/**
 * The approximate seats of Putian's seven county-level divisions.
 *
 * @example
 * ```ts
 * import { PUTIAN_SEATS } from '@jiceng/putian';
 * PUTIAN_SEATS.find((s) => s.name === '仙游县')!.at; // [118.69, 25.36]
 * ```
 */
export const PUTIAN_SEATS: readonly PutianSeat[] = Object.freeze([
  { code: '350302000000', name: '城厢区', at: [119.00, 25.43] },
  { code: '350303000000', name: '涵江区', at: [119.12, 25.46] },
  { code: '350304000000', name: '荔城区', at: [119.02, 25.43] },
  { code: '350305000000', name: '秀屿区', at: [119.10, 25.32] },
  { code: '350322000000', name: '仙游县', at: [118.69, 25.36] },
  { code: '3503B1000000', name: '湄洲湾北岸经济开发区', at: [119.03, 25.27] },
  { code: '3503M1000000', name: '湄洲岛国家旅游度假区', at: [119.12, 25.07] },
] as PutianSeat[]);

/**
 * A rough outline of Putian's mainland and of Meizhou Island (WGS-84, closed rings). It is a
 * hand-drawn approximation of the real coast and border, not survey data.
 *
 * @example
 * ```ts
 * import { PUTIAN_OUTLINE } from '@jiceng/putian';
 * PUTIAN_OUTLINE.coordinates.length; // 2: the mainland and Meizhou Island
 * ```
 */
export const PUTIAN_OUTLINE: MultiPolygonGeometry = Object.freeze({
  type: 'MultiPolygon',
  coordinates: [
    [[[118.45, 25.30], [118.55, 25.18], [118.72, 25.15], [118.85, 25.20], [118.95, 25.22], [119.00, 25.18], [119.06, 25.17],
      [119.13, 25.17], [119.19, 25.16], [119.23, 25.21], [119.26, 25.28], [119.22, 25.35], [119.18, 25.38], [119.25, 25.42],
      [119.32, 25.45], [119.22, 25.52], [119.10, 25.58], [119.05, 25.72], [118.92, 25.78], [118.85, 25.62], [118.75, 25.58],
      [118.60, 25.55], [118.50, 25.45], [118.45, 25.30]]],
    [[[119.09, 25.03], [119.15, 25.05], [119.16, 25.10], [119.12, 25.12], [119.09, 25.09], [119.09, 25.03]]],
  ],
}) as MultiPolygonGeometry;

/**
 * Putian's generated geometry, in WGS-84.
 *
 * @example
 * ```ts
 * const g: PutianGeometry = generatePutianGeometry(generatePutian({ seed: 1 }));
 * g.areas.get('350304000000')!.type; // 'MultiPolygon' (荔城区)
 * ```
 */
export interface PutianGeometry {
  /** Always `'WGS84'`. */
  crs: 'WGS84';
  /** Every node from city to grid by code: grids are Polygons, the levels above MultiPolygons. */
  areas: Map<string, AreaGeometry>;
  /** Every unit's point by code. */
  units: Map<string, PointGeometry>;
  /** Every facility's point by facility id, inside a grid of the node it serves. */
  facilities: Map<string, PointGeometry>;
}

/** Ray casting on one ring, with core's own test. */
const ringContains = (ring: LonLat[], x: number, y: number): boolean => areaContains({ type: 'Polygon', coordinates: [ring] }, x, y);

/** Position of (x, y) along a Hilbert curve of order 16 over the unit square. */
function hilbert(x: number, y: number): number {
  const n = 1 << 16;
  let xi = Math.min(n - 1, Math.floor(x * n)), yi = Math.min(n - 1, Math.floor(y * n)), d = 0;
  for (let s = n >> 1; s > 0; s >>= 1) {
    const rx = (xi & s) > 0 ? 1 : 0, ry = (yi & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) { if (rx === 1) { xi = n - 1 - xi; yi = n - 1 - yi; } const t = xi; xi = yi; yi = t; }
  }
  return d;
}

/** `n` points uniformly inside a ring (rejection sampling in its box). */
function sample(rng: Rng, ring: LonLat[], n: number): LonLat[] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ring) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const out: LonLat[] = [];
  while (out.length < n) {
    const p: LonLat = [rng.range(x0, x1), rng.range(y0, y1)];
    if (ringContains(ring, p[0], p[1])) out.push(p);
  }
  return out;
}

/** A point strictly inside a convex cell: inside the triangle (seed, v_k, v_k+1), never on an edge. */
function pointIn(rng: Rng, seed: LonLat, cell: readonly LonLat[]): LonLat {
  const k = rng.int(cell.length - 1);
  const a = cell[k], b = cell[k + 1];
  let u = rng.range(0.05, 0.9), v = rng.range(0.05, 0.9);
  if (u + v > 0.9) { u = 0.9 - u; v = 0.9 - v; }
  u = Math.max(u, 0.02); v = Math.max(v, 0.02);
  return [seed[0] + u * (a[0] - seed[0]) + v * (b[0] - seed[0]), seed[1] + u * (a[1] - seed[1]) + v * (b[1] - seed[1])];
}

/**
 * Generates Putian's geometry from generated data, deterministically from `data.seed`:
 * 1. one seed point per grid, uniformly inside {@link PUTIAN_OUTLINE} (Meizhou Island's grids on
 *    the island), given to the counties by distance to their seats ({@link PUTIAN_SEATS}) with
 *    additive weights balanced so that each county gets exactly its grid count;
 * 2. within a county, the points in Hilbert-curve order to its grids in pre-order, so towns and
 *    villages are runs of neighbouring cells;
 * 3. grids are the Voronoi cells of their points (points outside the outline, on a lattice, make
 *    the coast); villages, towns, counties and the city are the `merge` of their grids in one
 *    topology, so each shares its edges exactly with its children;
 * 4. each unit and facility a point strictly inside its grid (a facility of a higher node inside
 *    one of that node's grids).
 *
 * @example
 * ```ts
 * import { generatePutian, generatePutianGeometry } from '@jiceng/putian';
 * const geo = generatePutianGeometry(generatePutian({ seed: 1 }));
 * geo.areas.size; // 11474 (city, counties, towns, villages and grids)
 * ```
 */
export function generatePutianGeometry(data: PutianData): PutianGeometry {
  need('generatePutianGeometry', 'data', data, 'object', DATA);
  const rng = createRng((data.seed ^ 0x6e6f) >>> 0);
  const nodes = data.nodes;
  const byCode = new Map(nodes.map((n, i) => [n.code, i]));
  const parent = nodes.map((n) => (n.parent === null ? -1 : byCode.get(n.parent)!));
  const levelOf = nodes.map((n) => n.level);
  const ancestor = (i: number, level: string): number => { while (i >= 0 && levelOf[i] !== level) i = parent[i]!; return i; };

  // Grids per county, in pre-order.
  const seatIndex = new Map(PUTIAN_SEATS.map((s, k) => [s.code, k]));
  const gridsOf: number[][] = PUTIAN_SEATS.map(() => []);
  for (let i = 0; i < nodes.length; i++) {
    if (levelOf[i] !== 'grid') continue;
    const c = seatIndex.get(nodes[ancestor(i, 'county')].code);
    if (c === undefined) throw new Error(`no seat for the county of ${nodes[i].code}`);
    gridsOf[c].push(i);
  }
  const island = PUTIAN_SEATS.findIndex((s) => s.code === '3503M1000000');
  const mainland = PUTIAN_OUTLINE.coordinates[0][0], isle = PUTIAN_OUTLINE.coordinates[1][0];
  const quota = gridsOf.map((g) => g.length);
  const total = quota.reduce((a, b) => a + b, 0);

  // 1. Points, then counties by weighted distance to their seats with exact quotas.
  const pts = sample(rng, mainland, total - quota[island]);
  const owner = new Int32Array(pts.length).fill(-1);
  const mainSeats = PUTIAN_SEATS.map((_, k) => k).filter((k) => k !== island);
  const w = new Float64Array(PUTIAN_SEATS.length);
  const dist = (p: LonLat, k: number) => { const dx = p[0] - PUTIAN_SEATS[k].at[0], dy = (p[1] - PUTIAN_SEATS[k].at[1]) * 1.1; return Math.sqrt(dx * dx + dy * dy); };
  for (let it = 0; it < 40; it++) {
    const got = new Int32Array(PUTIAN_SEATS.length);
    for (const p of pts) {
      let best = -1, bd = Infinity;
      for (const k of mainSeats) { const d = dist(p, k) - w[k]; if (d < bd) { bd = d; best = k; } }
      got[best]++;
    }
    for (const k of mainSeats) w[k] += (0.03 * (quota[k] - got[k])) / quota[k];
  }
  // Exact quotas: hand out (point, county) pairs in order of weighted distance.
  const pairs: [number, number, number][] = [];
  pts.forEach((p, i) => { for (const k of mainSeats) pairs.push([dist(p, k) - w[k], i, k]); });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const left = Int32Array.from(quota);
  for (const [, i, k] of pairs) if (owner[i] === -1 && left[k] > 0) { owner[i] = k; left[k]--; }
  // Each seat lies in its own county: the point nearest a seat (its Voronoi cell holds the seat)
  // goes to that county, which gives back the point of its own nearest the other county.
  const nearest = (at: LonLat) => {
    let best = 0, bd = Infinity;
    pts.forEach((p, i) => { const d = (p[0] - at[0]) ** 2 + (p[1] - at[1]) ** 2; if (d < bd) { bd = d; best = i; } });
    return best;
  };
  const pinned = new Set<number>();
  for (const k of mainSeats) {
    const i = nearest(PUTIAN_SEATS[k].at), was = owner[i];
    pinned.add(i);
    if (was === k) continue;
    let give = -1, gd = Infinity;
    pts.forEach((p, j) => { if (owner[j] === k && !pinned.has(j) && dist(p, was) - w[was] < gd) { gd = dist(p, was) - w[was]; give = j; } });
    owner[i] = k;
    owner[give] = was;
  }
  const seedsOf: LonLat[][] = PUTIAN_SEATS.map(() => []);
  pts.forEach((p, i) => seedsOf[owner[i]].push(p));
  seedsOf[island] = sample(rng, isle, quota[island]);

  // 2. Hilbert order within each county to its grids in pre-order.
  const gridSeed = new Map<number, LonLat>();
  seedsOf.forEach((ps, k) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of ps) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    const s = Math.max(x1 - x0, y1 - y0) || 1;
    const order = ps.map((p) => [hilbert((p[0] - x0) / s, (p[1] - y0) / s), p] as const).sort((a, b) => a[0] - b[0]);
    gridsOf[k].forEach((g, j) => gridSeed.set(g, order[j][1]));
  });

  // 3. Voronoi cells, with an outside lattice for the coast.
  const grids = [...gridSeed.keys()].sort((a, b) => a - b);
  const flat: number[] = [];
  for (const g of grids) flat.push(...gridSeed.get(g)!);
  const bounds = [118.40, 24.98, 119.37, 25.83];
  const step = 0.007;
  for (let x = bounds[0]; x <= bounds[2]; x += step) {
    for (let y = bounds[1]; y <= bounds[3]; y += step) {
      if (!ringContains(mainland, x, y) && !ringContains(isle, x, y)) flat.push(x, y);
    }
  }
  const voronoi = new Delaunay(Float64Array.from(flat)).voronoi(bounds as [number, number, number, number]);
  const cells = new Map<number, LonLat[]>();
  grids.forEach((g, k) => cells.set(g, voronoi.cellPolygon(k)));

  const topo = topology({ grids: { type: 'FeatureCollection', features: grids.map((g) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [cells.get(g)!] } })) } } as never);
  const topoGrids = (topo.objects.grids as unknown as { geometries: TopoPolygon[] }).geometries;
  // Upward, children before parents: each area the arc-merge of its children's merged arcs.
  const areas = new Map<string, AreaGeometry>();
  const merged = new Map<number, TopoPolygon[]>();
  grids.forEach((g, k) => {
    areas.set(nodes[g].code, { type: 'Polygon', coordinates: [cells.get(g)!] });
    const p = parent[g];
    let m = merged.get(p);
    if (!m) merged.set(p, (m = []));
    m.push(topoGrids[k]);
  });
  for (let i = nodes.length - 1; i >= 0; i--) {
    const children = merged.get(i);
    if (!children || levelOf[i] === 'grid') continue;
    const obj = mergeArcs(topo, children);
    areas.set(nodes[i].code, feature(topo, obj).geometry as unknown as MultiPolygonGeometry);
    const p = parent[i];
    if (p < 0) continue;
    let m = merged.get(p);
    if (!m) merged.set(p, (m = []));
    m.push(obj);
  }

  // 4. Units and facilities.
  const units = new Map<string, PointGeometry>();
  for (let i = 0; i < nodes.length; i++) {
    if (levelOf[i] !== 'unit') continue;
    const g = parent[i];
    units.set(nodes[i].code, { type: 'Point', coordinates: pointIn(rng, gridSeed.get(g)!, cells.get(g)!) });
  }
  const facilities = new Map<string, PointGeometry>();
  const gridsUnder = new Map<number, number[]>(data.overlay.facilities.map((f) => [byCode.get(f.node)!, []]));
  for (const g of grids) for (let a = parent[g]; a >= 0; a = parent[a]!) gridsUnder.get(a)?.push(g);
  for (const f of data.overlay.facilities) {
    const i = byCode.get(f.node)!;
    const g = levelOf[i] === 'grid' ? i : rng.pick(gridsUnder.get(i)!);
    facilities.set(f.id, { type: 'Point', coordinates: pointIn(rng, gridSeed.get(g)!, cells.get(g)!) });
  }
  return { crs: 'WGS84', areas, units, facilities };
}

/**
 * Putian's geometry as one GeoJSON FeatureCollection keyed by `properties.code` (areas, then
 * units), ready for `importGeoJson` or a map.
 *
 * @example
 * ```ts
 * import { importGeoJson } from '@jiceng/core/geo';
 * const fc = putianGeoJson(generatePutianGeometry(data));
 * importGeoJson(fc, hierarchy, { crs: 'WGS84', toleranceMetres: 0 }).ok; // true
 * ```
 */
export function putianGeoJson(geo: PutianGeometry): { type: 'FeatureCollection'; features: { type: 'Feature'; properties: { code: string }; geometry: AreaGeometry | PointGeometry }[] } {
  need('putianGeoJson', 'geo', geo, 'object', { areas: 'map', units: 'map', facilities: 'map' });
  const features = [];
  for (const [code, geometry] of [...geo.areas, ...geo.units]) features.push({ type: 'Feature' as const, properties: { code }, geometry });
  return { type: 'FeatureCollection', features };
}
