/**
 * The rules a case is handled under, when a host supplies them from its lists (the
 * responsibility list 权责清单 and the empowered-matters catalogue 赋权事项目录): who may be
 * empowered, the lowest level that handles a category, the levels that close it — each as in
 * force at an instant. A case keeps the rules of its first dispatch.
 * @module
 */
import { badArgument } from './args.js';
import type { CaseState } from './state.js';

/**
 * Rules in force by time. Built by `listRules` from the list events (`@jiceng/core` lists);
 * when a `CaseContext` carries them they decide empowerment and the handling and closing
 * levels instead of `catalogue` and the category's own `handleLevel`/`closeLevels`.
 *
 * @example
 * ```ts
 * const rules: CaseRules = {
 *   empowered: (node, category) => node === '350302101000' && category === 'city.illegal-building',
 *   handleLevel: () => undefined,
 *   closeLevels: () => undefined,
 * };
 * ```
 */
export interface CaseRules {
  /** True if the node may enforce the category under the rules in force at `at` (epoch ms). */
  empowered(nodeCode: string, categoryId: string, at: number): boolean;
  /** The lowest level id that handles the category at `at`, or undefined to use the category's own. */
  handleLevel(categoryId: string, at: number): string | undefined;
  /** The level ids that may close the category at `at`, or undefined to use the category's own. */
  closeLevels(categoryId: string, at: number): readonly string[] | undefined;
}

/**
 * The instant whose rules govern a case: its first dispatch; before that, now (the clock is
 * read only then). A change of the lists after a case was dispatched does not change how
 * that case is handled.
 *
 * @example
 * ```ts
 * rulesInstant(state, ctx.clock); // state.dispatchedAt once dispatched
 * ```
 */
export function rulesInstant(s: Pick<CaseState, 'dispatchedAt'>, clock: () => number): number {
  if (s === null || typeof s !== 'object' || typeof s.dispatchedAt !== 'number') throw badArgument('s', '案件状态', 'a case state');
  if (typeof clock !== 'function') throw badArgument('clock', '时钟函数', 'a clock function');
  return Number.isNaN(s.dispatchedAt) ? clock() : s.dispatchedAt;
}
