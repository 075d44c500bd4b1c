/**
 * Badges: one number per node from any map of numbers, coloured by thresholds.
 * @module
 */
import { need } from '@jiceng/ui';

/**
 * Where a badge turns to the warning and to the alarm colour. With `higherIsBetter` (a close
 * rate, say) the bands run the other way: below `warn` warns, below `bad` alarms.
 *
 * @example
 * ```ts
 * const open: BadgeThresholds = { warn: 10, bad: 50 };                       // open cases
 * const rate: BadgeThresholds = { warn: 0.98, bad: 0.95, higherIsBetter: true }; // close rate
 * ```
 */
export interface BadgeThresholds {
  warn: number;
  bad: number;
  higherIsBetter?: boolean;
}

/**
 * A number per node: a `Map` from code to value, or values by pre-order position (as the
 * metrics package produces them, e.g. a `Float64Array` of length `hierarchy.size`).
 * `NaN`, `undefined` and missing entries show no badge.
 *
 * @example
 * ```ts
 * tree.badges = new Map([['350302000000', 12]]);
 * tree.badges = { values: openCasesByPosition, thresholds: { warn: 10, bad: 50 } };
 * ```
 */
export type BadgeSource =
  | ReadonlyMap<string, number>
  | { values: ArrayLike<number>; thresholds?: BadgeThresholds };

/** The colour band of a badge. @example `const t: BadgeTone = 'warn';` */
export type BadgeTone = 'none' | 'ok' | 'warn' | 'bad';

/**
 * The band of `value` under `thresholds` (`'none'` without thresholds).
 *
 * @example
 * ```ts
 * badgeTone(12, { warn: 10, bad: 50 }); // 'warn'
 * badgeTone(0.99, { warn: 0.98, bad: 0.95, higherIsBetter: true }); // 'ok'
 * ```
 */
export function badgeTone(value: number, thresholds: BadgeThresholds | undefined): BadgeTone {
  need('badgeTone', 'value', value, 'number');
  need('badgeTone', 'thresholds', thresholds, 'object?');
  if (!thresholds) return 'none';
  const { warn, bad, higherIsBetter } = thresholds;
  if (higherIsBetter) return value <= bad ? 'bad' : value <= warn ? 'warn' : 'ok';
  return value >= bad ? 'bad' : value >= warn ? 'warn' : 'ok';
}

/**
 * The badge value of the node at `position` with `code`, or undefined for none.
 *
 * @example
 * ```ts
 * badgeValue(new Map([['a', 3]]), 0, 'a'); // 3
 * ```
 */
export function badgeValue(source: BadgeSource | undefined, position: number, code: string): number | undefined {
  need('badgeValue', 'source', source, 'object?');
  need('badgeValue', 'position', position, 'integer');
  need('badgeValue', 'code', code, 'string');
  if (!source) return undefined;
  const v: unknown = source instanceof Map ? source.get(code) : (source as { values: ArrayLike<number> }).values[position];
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}
