/**
 * Point aggregation for the topic layers: points binned on square cells of a power-of-two
 * lattice over the layer's extent, one level of the lattice per zoom step, computed the first
 * time a level is drawn. A density layer draws one cell per few pixels; a cluster layer draws
 * one disc per cell of about 60 pixels, at the mean position of its points. Pure: no DOM.
 * @module
 */
import { argumentError } from '@jiceng/core/errors';

/**
 * The non-empty cells of one lattice level, sorted row by row (key = row × 2^level + column).
 *
 * @example
 * ```ts
 * const level: BinLevel = bins.level(8);
 * level.counts[0]; // points in the first non-empty cell
 * ```
 */
export interface BinLevel {
  /** The level: the extent is cut into 2^level × 2^level cells. */
  readonly level: number;
  /** Cell side in world metres. */
  readonly cell: number;
  /** Row-major keys of the non-empty cells, ascending. */
  readonly keys: Float64Array;
  /** Points per cell. */
  readonly counts: Uint32Array;
  /** Mean x of the cell's points, world metres. */
  readonly meanX: Float64Array;
  /** Mean y of the cell's points, world metres. */
  readonly meanY: Float64Array;
  /** The largest count. */
  readonly max: number;
}

/**
 * Points (world metres) ready to be binned at any level.
 *
 * @example
 * ```ts
 * import { PointBins } from '@jiceng/map';
 * const bins = new PointBins(Float64Array.of(0, 0, 10, 10, 990, 990));
 * bins.level(1).counts; // Uint32Array [2, 1]: two points in the lower-left quarter, one in the upper-right
 * ```
 */
export class PointBins {
  /** Number of points. */
  readonly size: number;
  /** West and south edge of the lattice, world metres. */
  readonly x0: number;
  /** South edge of the lattice. */
  readonly y0: number;
  /** Side of the (square) lattice in metres. */
  readonly side: number;
  readonly #xy: Float64Array;
  readonly #levels = new Map<number, BinLevel>();

  /** @param xy interleaved x, y in world metres. */
  constructor(xy: Float64Array) {
    if (!(xy instanceof Float64Array)) throw argumentError('PointBins', 'xy', { zh: 'Float64Array', en: 'a Float64Array' });
    this.#xy = xy;
    this.size = xy.length >> 1;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let k = 0; k < xy.length; k += 2) {
      const x = xy[k], y = xy[k + 1];
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
    if (!this.size) x0 = y0 = x1 = y1 = 0;
    this.x0 = x0;
    this.y0 = y0;
    this.side = Math.max(x1 - x0, y1 - y0, 1) * (1 + 1e-9);
  }

  /** Whether a level is computed already (drawing it costs no binning). @example `bins.has(9);` */
  has(level: number): boolean {
    return this.#levels.has(level);
  }

  /**
   * The computed level nearest to `level` (the finer one on a tie), or undefined when none is
   * computed yet: what a frame draws while the level it wants is being binned.
   *
   * @example
   * ```ts
   * bins.nearest(12)?.level; // 11 while 12 is not computed yet
   * ```
   */
  nearest(level: number): BinLevel | undefined {
    let best: BinLevel | undefined;
    for (const lv of this.#levels.values()) {
      const d = Math.abs(lv.level - level), bd = best ? Math.abs(best.level - level) : Infinity;
      if (d < bd || (d === bd && lv.level > best!.level)) best = lv;
    }
    return best;
  }

  /**
   * The cells of a level (0–24), computed on first use: one key per point, a sort, a run
   * count, then the mean position of each cell.
   *
   * @example
   * ```ts
   * bins.level(10).keys.length; // non-empty cells at 1,024 × 1,024
   * ```
   */
  level(level: number): BinLevel {
    const l = Math.max(0, Math.min(24, Math.round(level)));
    let got = this.#levels.get(l);
    if (got) return got;
    const dim = 2 ** l, cell = this.side / dim;
    got = dim * dim <= DENSE_CELLS ? this.#dense(l, dim, cell) : this.#sorted(l, dim, cell);
    this.#levels.set(l, got);
    return got;
  }

  /** Coarse levels: one pass into arrays of every cell, then the non-empty ones in key order. */
  #dense(l: number, dim: number, cell: number): BinLevel {
    const xy = this.#xy, n = this.size;
    const cn = new Uint32Array(dim * dim), cx = new Float64Array(dim * dim), cy = new Float64Array(dim * dim);
    for (let p = 0; p < n; p++) {
      const x = xy[2 * p], y = xy[2 * p + 1];
      const k = Math.min(dim - 1, Math.floor((y - this.y0) / cell)) * dim + Math.min(dim - 1, Math.floor((x - this.x0) / cell));
      cn[k]++;
      cx[k] += x;
      cy[k] += y;
    }
    let m = 0;
    for (let k = 0; k < cn.length; k++) if (cn[k]) m++;
    const keys = new Float64Array(m), counts = new Uint32Array(m), meanX = new Float64Array(m), meanY = new Float64Array(m);
    let max = 0;
    for (let k = 0, c = 0; k < cn.length; k++) {
      const v = cn[k];
      if (!v) continue;
      keys[c] = k; counts[c] = v; meanX[c] = cx[k] / v; meanY[c] = cy[k] / v;
      if (v > max) max = v;
      c++;
    }
    return { level: l, cell, keys, counts, meanX, meanY, max };
  }

  /** Fine levels: one key per point, a sort, a run count, then each point's cell by binary search. */
  #sorted(l: number, dim: number, cell: number): BinLevel {
    const xy = this.#xy, n = this.size;
    const keyOf = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const cx = Math.min(dim - 1, Math.floor((xy[2 * p] - this.x0) / cell));
      const cy = Math.min(dim - 1, Math.floor((xy[2 * p + 1] - this.y0) / cell));
      keyOf[p] = cy * dim + cx;
    }
    const sorted = keyOf.slice().sort();
    let m = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[m++] = sorted[k]!;
    const keys = sorted.slice(0, m);
    const counts = new Uint32Array(m), sx = new Float64Array(m), sy = new Float64Array(m);
    for (let p = 0; p < n; p++) {
      const c = lowerBound(keys, keyOf[p]);
      counts[c]++;
      sx[c] += xy[2 * p];
      sy[c] += xy[2 * p + 1];
    }
    let max = 0;
    for (let c = 0; c < m; c++) {
      sx[c] /= counts[c];
      sy[c] /= counts[c];
      if (counts[c] > max) max = counts[c]!;
    }
    return { level: l, cell, keys, counts, meanX: sx, meanY: sy, max };
  }

  /**
   * The finest level whose cells are at least `metres` wide.
   *
   * @example
   * ```ts
   * bins.levelFor(6 * resolution); // cells of about six pixels
   * ```
   */
  levelFor(metres: number): number {
    return Math.max(0, Math.min(24, Math.floor(Math.log2(this.side / Math.max(metres, 1e-9)))));
  }

  /**
   * Calls `f(cell)` for every non-empty cell of `lv` that meets the box `[x0, y0, x1, y1]`
   * (world metres), reading only the rows the box covers.
   *
   * @example
   * ```ts
   * bins.forEachIn(bins.level(10), 0, 0, 5000, 5000, (c) => total += level.counts[c]);
   * ```
   */
  forEachIn(lv: BinLevel, x0: number, y0: number, x1: number, y1: number, f: (cell: number) => void): void {
    const dim = 2 ** lv.level;
    const c0 = Math.max(0, Math.floor((x0 - this.x0) / lv.cell)), c1 = Math.min(dim - 1, Math.floor((x1 - this.x0) / lv.cell));
    const r0 = Math.max(0, Math.floor((y0 - this.y0) / lv.cell)), r1 = Math.min(dim - 1, Math.floor((y1 - this.y0) / lv.cell));
    if (c0 > c1 || r0 > r1) return;
    for (let r = r0; r <= r1; r++) {
      const end = r * dim + c1;
      for (let c = lowerBound(lv.keys, r * dim + c0); c < lv.keys.length && lv.keys[c] <= end; c++) f(c);
    }
  }
}

/** Levels with at most this many cells (level 9 and coarser) are binned into dense arrays. */
const DENSE_CELLS = 1 << 18;

/** First index whose key is ≥ k. */
function lowerBound(keys: Float64Array, k: number): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

