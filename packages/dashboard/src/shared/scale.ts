/**
 * The two scales the charts use — linear (with `nice`, `ticks` and `clamp`) and point — with
 * d3-scale's arithmetic (d3-array's tick increments, d3-scale's `nice` loop and point
 * placement), so that every tick and coordinate is the same number it was. d3-scale itself
 * pulls d3-interpolate, d3-color, d3-format and d3-array into the bundle (about 29 KB
 * minified, 10 KB gzipped: a third of the drop-in dashboard) for what, over numbers, is these
 * few lines.
 * @module
 */

/** A linear map from a numeric domain to a numeric range. */
export interface LinearScale {
  /** The position of `x`; `undefined` for a missing or non-numeric value (as d3's `unknown`). */
  (x: number): number;
  /** The domain `[d0, d1]` (a copy). */
  domain(): [number, number];
  /** Extends the domain to round values (d3-scale's `nice`), in place; returns the scale. */
  nice(count?: number): LinearScale;
  /** About `count` round values within the domain (d3-array's `ticks`). */
  ticks(count?: number): number[];
}

const e10 = Math.sqrt(50), e5 = Math.sqrt(10), e2 = Math.sqrt(2);

/** d3-array's `tickSpec`: the first and last tick index and the increment (negative: its inverse). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1: number, i2: number, inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** d3-array's `ticks`. */
function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1, out = new Array<number>(n);
  for (let i = 0; i < n; ++i) {
    const k = reverse ? i2 - i : i1 + i;
    out[i] = inc < 0 ? k / -inc : k * inc;
  }
  return out;
}

/**
 * A linear scale from `domain` to `range`, optionally clamped to the domain.
 *
 * @example
 * ```ts
 * const y = scaleLinear([0, 87], [200, 0]).nice(5);
 * y.domain(); // [0, 100]
 * y(50); // 100
 * ```
 */
export function scaleLinear(domain: readonly [number, number], range: readonly [number, number], clamp = false): LinearScale {
  let [d0, d1] = domain;
  const [r0, r1] = range;
  const scale = ((x: number) => {
    if (x == null || Number.isNaN(x = +x)) return undefined as unknown as number;
    if (clamp) x = d0 <= d1 ? Math.max(d0, Math.min(d1, x)) : Math.max(d1, Math.min(d0, x));
    // d3's bimap: a descending domain is normalised from its low end onto the reversed range
    const [a, b, ra, rb] = d1 < d0 ? [d1, d0 - d1, r1, r0] : [d0, d1 - d0, r0, r1];
    const t = b ? (x - a) / b : Number.isNaN(b) ? NaN : 0.5;
    return ra * (1 - t) + rb * t;
  }) as LinearScale;
  scale.domain = () => [d0, d1];
  scale.ticks = (count = 10) => ticks(d0, d1, count);
  scale.nice = (count = 10) => {
    let start = d0, stop = d1, prestep: number | undefined, step: number;
    const rev = stop < start;
    if (rev) [start, stop] = [stop, start];
    for (let maxIter = 10; maxIter-- > 0;) {
      step = tickSpec(start, stop, count)[2];
      if (step === prestep) { [d0, d1] = rev ? [stop, start] : [start, stop]; return scale; }
      if (step > 0) { start = Math.floor(start / step) * step; stop = Math.ceil(stop / step) * step; }
      else if (step < 0) { start = Math.ceil(start * step) / step; stop = Math.floor(stop * step) / step; }
      else break;
      prestep = step;
    }
    return scale;
  };
  return scale;
}

/**
 * A point scale (d3-scale's `scalePoint` with `padding`): evenly spaced positions for the
 * values of `domain` across `range`; `undefined` for a value not in the domain.
 *
 * @example
 * ```ts
 * const x = scalePoint(['a', 'b', 'c'], [0, 120], 0.2);
 * x('b'); // 60
 * ```
 */
export function scalePoint<T>(domain: readonly T[], range: readonly [number, number], padding = 0): (v: T) => number | undefined {
  const keys = [...new Set(domain)];
  const n = keys.length;
  const [a, b] = range;
  const reverse = b < a;
  let start = reverse ? b : a;
  const stop = reverse ? a : b;
  const step = (stop - start) / Math.max(1, n - 1 + padding * 2);
  start += (stop - start - step * (n - 1)) * 0.5;
  const at = new Map<T, number>();
  keys.forEach((k, i) => at.set(k, start + step * (reverse ? n - 1 - i : i)));
  return (v) => at.get(v);
}
