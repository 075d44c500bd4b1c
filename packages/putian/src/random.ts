/**
 * Seeded randomness for the generator: a small fast PRNG (sfc32 seeded through splitmix32),
 * exact apportionment of a total over weighted bins, and exact weighted selection.
 * Same seed, same numbers, on every platform (only 32-bit integer arithmetic).
 * @module
 */

/**
 * A seeded pseudo-random number generator.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.next();     // a float in [0, 1)
 * rng.int(6);     // an integer in 0..5
 * ```
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in `0..n-1`. */
  int(n: number): number;
  /** A float in `[lo, hi)`. */
  range(lo: number, hi: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Creates a PRNG from an integer seed (sfc32, state filled by splitmix32). Two generators
 * with the same seed give the same sequence.
 *
 * @example
 * ```ts
 * const a = createRng(7), b = createRng(7);
 * a.next() === b.next();  // true
 * ```
 */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + next() * (hi - lo),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), each at
 * least `min`. The parts always add up to `total` exactly.
 *
 * @example
 * ```ts
 * apportion(10, [1, 1, 2]);     // [3, 2, 5] or [2, 3, 5]: proportional, sums to 10
 * apportion(10, [1, 9], 3);     // [3, 7]
 * ```
 */
export function apportion(total: number, weights: ArrayLike<number>, min = 0): number[] {
  const n = weights.length;
  const rest = total - min * n;
  if (n === 0 || rest < 0) throw new RangeError(`cannot split ${total} into ${n} parts of at least ${min}`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const parts = new Array<number>(n);
  const frac = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = sum > 0 ? (rest * weights[i]) / sum : rest / n;
    parts[i] = Math.floor(exact);
    frac[i] = exact - parts[i];
    given += parts[i];
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => frac[y] - frac[x] || x - y);
  for (let k = 0; given < rest; k++, given++) parts[order[k % n]]++;
  for (let i = 0; i < n; i++) parts[i] += min;
  return parts;
}

/**
 * Chooses exactly `m` of the items `0..n-1` at random, each with a chance proportional to
 * its weight (Efraimidis–Spirakis keys); items with weight 0 are never chosen, items with
 * weight `Infinity` always. Returns a 0/1 flag per item.
 *
 * @example
 * ```ts
 * const rng = createRng(1);
 * const flags = chooseExactly(rng, 10, 3, (i) => (i < 5 ? 4 : 1));
 * flags.reduce((a, b) => a + b, 0);  // 3, most likely among the first five
 * ```
 */
export function chooseExactly(rng: Rng, n: number, m: number, weight: (i: number) => number): Uint8Array {
  const keys = new Float64Array(n);
  let eligible = 0;
  let forced = 0;
  for (let i = 0; i < n; i++) {
    const w = weight(i);
    if (w === Infinity) {
      eligible++;
      forced++;
      keys[i] = 0;
    } else if (w > 0) {
      eligible++;
      // log(u) / w with u in (0, 1) is negative and larger for larger w (forced items: 0).
      keys[i] = Math.log((rng.next() * 4294967296 + 0.5) / 4294967297) / w;
    } else {
      keys[i] = -Infinity;
    }
  }
  if (m > eligible || forced > m) throw new RangeError(`cannot choose ${m} of ${eligible} eligible items (${forced} forced)`);
  const flags = new Uint8Array(n);
  if (m === 0) return flags;
  const threshold = nthSmallest(Float64Array.from(keys), n - m);
  let above = 0;
  for (let i = 0; i < n; i++) if (keys[i] > threshold) { flags[i] = 1; above++; }
  for (let i = 0; i < n && above < m; i++) if (keys[i] === threshold) { flags[i] = 1; above++; }
  return flags;
}

/** The k-th smallest value (0-based) of `a`, by quickselect; reorders `a`. */
function nthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * Shuffles an array in place (Fisher–Yates) and returns it.
 *
 * @example
 * ```ts
 * shuffle(createRng(3), [1, 2, 3, 4]);  // the same permutation for seed 3, every time
 * ```
 */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
