/**
 * The list checks' context built from a hierarchy (and, optionally, a category table).
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { need } from '../errors/args.js';
import { HIERARCHY } from '../shapes.js';

/**
 * What the checks may consult: level ids, node codes and category ids. Omitted checks are
 * skipped.
 *
 * @example
 * ```ts
 * const ctx: ListContext = { levels: config.levels.map((l) => l.id), nodeExists: (c) => h.indexOf(c) >= 0, categoryExists: (id) => table.indexOf(id) >= 0 };
 * ```
 */
export interface ListContext {
  levels?: readonly string[];
  nodeExists?: (code: string) => boolean;
  categoryExists?: (id: string) => boolean;
  /** The level id of a node (for 列入同级财政预算 and work-item targets). */
  levelOf?: (code: string) => string | undefined;
  /** True if `code` lies in the subtree of `ancestor` (a source funds only its own area). */
  isWithin?: (ancestor: string, code: string) => boolean;
}

/**
 * A {@link ListContext} that checks levels, node codes, a node's level and subtree
 * membership against a built hierarchy, and category ids against `categoryExists`.
 *
 * @example
 * ```ts
 * const ctx = listContextOf(hierarchy, (id) => categories.indexOf(id) >= 0);
 * ctx.levelOf?.('350302000000'); // 'county'
 * ```
 */
export function listContextOf(h: HierarchyIndex, categoryExists?: (id: string) => boolean): ListContext {
  need('listContextOf', 'h', h, 'object', HIERARCHY);
  need('listContextOf', 'categoryExists', categoryExists, 'function?');
  const levelIds = h.config.levels.map((l) => l.id);
  return {
    levels: levelIds,
    nodeExists: (code) => h.indexOf(code) >= 0,
    levelOf: (code) => { const i = h.indexOf(code); return i < 0 ? undefined : levelIds[h.levelOf[i]]; },
    isWithin: (ancestor, code) => { const a = h.indexOf(ancestor), i = h.indexOf(code); return a >= 0 && i >= 0 && h.isAncestor(a, i); },
    ...(categoryExists ? { categoryExists } : {}),
  };
}
