/**
 * Where a report is: coordinates to the grid that contains them (and the nearest unit in it)
 * through `@jiceng/core/geo`, else an address matched against the hierarchy's names, else a
 * node code given as `address_id`. Coordinates are WGS-84 on the wire; a city whose map is
 * GCJ-02 converts at this edge.
 * @module
 */
import { buildAreaIndex, fromWgs84, toWgs84, type AreaGeometry, type AreaIndex, type GeoCrs, type LonLat, type PointGeometry } from '@jiceng/core/geo';
import type { HierarchyIndex } from '@jiceng/core';

/**
 * A city's map as the Open311 edge reads it: areas (grids at least) and unit points by node
 * code, in `crs` (default WGS-84).
 *
 * @example
 * ```ts
 * const geo = generatePutianGeometry(generatePutian({ seed: 1 }));
 * const g: Open311Geometry = { areas: geo.areas, units: geo.units };
 * ```
 */
export interface Open311Geometry {
  crs?: GeoCrs;
  areas: ReadonlyMap<string, AreaGeometry>;
  units?: ReadonlyMap<string, PointGeometry>;
}

/**
 * A place found for a report: the node and how it was found.
 *
 * @example
 * ```ts
 * const p: Located = { pos: 1234, by: 'coordinates' };
 * ```
 */
export interface Located {
  pos: number;
  by: 'coordinates' | 'address' | 'address_id';
}

/**
 * Resolves reports' locations within a jurisdiction and gives nodes' points back in WGS-84.
 *
 * @example
 * ```ts
 * const loc = new Locator(h, geometry);
 * loc.byCoordinates(root, 119.01, 25.44)?.pos;
 * ```
 */
export class Locator {
  private readonly h: HierarchyIndex;
  private readonly source: Open311Geometry | (() => Open311Geometry) | undefined;
  private geo: Open311Geometry | undefined;
  private index: AreaIndex | undefined;
  private readonly centroids = new Map<string, LonLat>();

  constructor(h: HierarchyIndex, geometry?: Open311Geometry | (() => Open311Geometry)) {
    this.h = h;
    this.source = geometry;
  }

  /** True if the city has a map. */
  get hasMap(): boolean {
    return this.source !== undefined;
  }

  private map(): Open311Geometry | undefined {
    if (!this.geo && this.source) this.geo = typeof this.source === 'function' ? this.source() : this.source;
    return this.geo;
  }

  /** The index over the deepest level of areas the map has (the grids). */
  private areaIndex(): AreaIndex | undefined {
    if (this.index) return this.index;
    const g = this.map();
    if (!g) return undefined;
    let deepest = -1;
    for (const code of g.areas.keys()) {
      const p = this.h.indexOf(code);
      if (p >= 0) deepest = Math.max(deepest, this.h.levelOf[p]);
    }
    const at = function* (h: HierarchyIndex): Generator<[string, AreaGeometry]> {
      for (const [code, a] of g.areas) {
        const p = h.indexOf(code);
        if (p >= 0 && h.levelOf[p] === deepest) yield [code, a];
      }
    };
    this.index = buildAreaIndex(at(this.h));
    return this.index;
  }

  /**
   * The node holding a WGS-84 position inside `root`'s subtree: the nearest unit of the
   * grid that contains it when units have points, else the grid; undefined outside.
   *
   * @example
   * ```ts
   * loc.byCoordinates(h.indexOf('350300000000'), 119.01, 25.44);
   * ```
   */
  byCoordinates(root: number, lon: number, lat: number): Located | undefined {
    const idx = this.areaIndex();
    const g = this.geo;
    if (!idx || !g) return undefined;
    const [x, y] = fromWgs84([lon, lat], g.crs ?? 'WGS84');
    const code = idx.locate(x, y);
    const area = code === undefined ? -1 : this.h.indexOf(code);
    if (area < 0 || !this.h.isAncestor(root, area)) return undefined;
    let best = area;
    let bestD = Infinity;
    if (g.units) {
      for (const k of this.h.children(area)) {
        const p = g.units.get(this.h.code(k));
        if (!p) continue;
        const d = (p.coordinates[0] - x) ** 2 + (p.coordinates[1] - y) ** 2;
        if (d < bestD) { bestD = d; best = k; }
      }
    }
    return { pos: best, by: 'coordinates' };
  }

  /**
   * The deepest node below `root` whose names, level by level, the address contains (a
   * level may be left out of the address); undefined if nothing below `root` matched.
   *
   * @example
   * ```ts
   * loc.byAddress(root, '莆田市城厢区龙桥街道…'); // the street's node, or deeper
   * ```
   */
  byAddress(root: number, address: string): Located | undefined {
    const h = this.h;
    const text = address.toLowerCase();
    const match = (p: number) => {
      const zh = h.name(p), en = h.nameEn(p);
      return Math.max(zh && text.includes(zh.toLowerCase()) ? zh.length : 0, en && en !== zh && text.includes(en.toLowerCase()) ? en.length : 0);
    };
    const best = (ps: number[]) => {
      let at = -1, len = 0;
      for (const p of ps) {
        const m = match(p);
        if (m > len) { len = m; at = p; }
      }
      return at;
    };
    let pos = root;
    for (;;) {
      const kids = h.children(pos);
      let next = best(kids);
      if (next < 0) next = best(kids.flatMap((k) => h.children(k))); // a level left out
      if (next < 0) break;
      pos = next;
    }
    return pos === root ? undefined : { pos, by: 'address' };
  }

  /**
   * A node's point in WGS-84: a unit's point, an area's centroid (the mean of its outline's
   * vertices), or the nearest ancestor's; undefined without a map.
   *
   * @example
   * ```ts
   * loc.pointOf(h.indexOf('350302001001001001')); // [119.0…, 25.4…]
   * ```
   */
  pointOf(pos: number): LonLat | undefined {
    const g = this.map();
    if (!g) return undefined;
    for (let p = pos; p >= 0; p = this.h.parents[p]) {
      const code = this.h.code(p);
      const u = g.units?.get(code);
      if (u) return toWgs84(u.coordinates, g.crs ?? 'WGS84');
      const c = this.centroids.get(code);
      if (c) return c;
      const a = g.areas.get(code);
      if (a) {
        const ring = a.type === 'Polygon' ? a.coordinates[0] : a.coordinates[0]?.[0];
        if (!ring?.length) continue;
        const n = ring.length > 1 ? ring.length - 1 : 1;
        let x = 0, y = 0;
        for (let i = 0; i < n; i++) { x += ring[i][0]; y += ring[i][1]; }
        const w = toWgs84([x / n, y / n], g.crs ?? 'WGS84');
        this.centroids.set(code, w);
        return w;
      }
    }
    return undefined;
  }

  /** The city's map position of a WGS-84 position (for the register command's lng/lat). */
  toCity(lon: number, lat: number): LonLat {
    return fromWgs84([lon, lat], this.map()?.crs ?? 'WGS84');
  }
}
