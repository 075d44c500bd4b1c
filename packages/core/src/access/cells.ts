/**
 * Small-cell suppression: counts of people below a minimum cell size are not shown, so that
 * no one can be singled out from a dashboard.
 * @module
 */
import { argumentError } from '../errors/args.js';
import { need } from '../errors/args.js';

/** The default minimum cell size. @example `DEFAULT_MIN_CELL // 5` */
export const DEFAULT_MIN_CELL = 5;

/**
 * One cell after suppression: the count, or `null` with `suppressed: true`.
 *
 * @example
 * ```ts
 * const c: SuppressedCell = { count: null, suppressed: true };
 * ```
 */
export interface SuppressedCell {
  count: number | null;
  suppressed: boolean;
}

/**
 * Options of {@link suppressSmallCells}.
 *
 * @example
 * ```ts
 * const o: SuppressOptions = { minCell: 10, complementary: true };
 * ```
 */
export interface SuppressOptions {
  /** Counts from 1 to `minCell − 1` are suppressed (default 5). Zero is shown. */
  minCell?: number;
  /**
   * When exactly one cell of the group is suppressed, also suppress the smallest other
   * non-zero cell, so that the hidden one cannot be recovered from a published total
   * (default true).
   */
  complementary?: boolean;
}

/**
 * Suppresses small counts in one group of cells (for example the counts per group in one
 * town, whose total is shown too). Keys are kept; suppressed cells have `count: null`.
 *
 * @example
 * ```ts
 * suppressSmallCells({ a: 12, b: 3, c: 7 });
 * // { a: { count: 12, suppressed: false }, b: { count: null, suppressed: true }, c: { count: null, suppressed: true } }
 * ```
 */
export function suppressSmallCells<K extends string>(
  counts: Readonly<Record<K, number>>,
  options: SuppressOptions = {},
): Record<K, SuppressedCell> {
  need('suppressSmallCells', 'counts', counts, 'object');
  need('suppressSmallCells', 'options', options, 'object');
  const min = options.minCell ?? DEFAULT_MIN_CELL;
  const keys = Object.keys(counts) as K[];
  const hidden = new Set<K>(keys.filter((k) => counts[k] > 0 && counts[k] < min));
  if ((options.complementary ?? true) && hidden.size === 1) {
    let next: K | undefined;
    for (const k of keys) if (!hidden.has(k) && counts[k] > 0 && (next === undefined || counts[k] < counts[next])) next = k;
    if (next !== undefined) hidden.add(next);
  }
  const out = {} as Record<K, SuppressedCell>;
  for (const k of keys) out[k] = hidden.has(k) ? { count: null, suppressed: true } : { count: counts[k], suppressed: false };
  return out;
}

/**
 * Suppresses a single total: `null` when it is between 1 and `minCell − 1`.
 *
 * @example
 * ```ts
 * suppressCount(3); // null
 * suppressCount(0); // 0
 * ```
 */
export function suppressCount(count: number, minCell = DEFAULT_MIN_CELL): number | null {
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) throw argumentError('suppressCount', 'count', { zh: '非负的有限数', en: 'a finite number ≥ 0' });
  if (!Number.isInteger(minCell) || minCell < 0) throw argumentError('suppressCount', 'minCell', { zh: '非负整数', en: 'an integer ≥ 0' });
  return count > 0 && count < minCell ? null : count;
}
