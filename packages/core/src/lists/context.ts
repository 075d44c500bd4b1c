/**
 * The list checks' context built from a hierarchy (and, optionally, a category table).
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { ListContext } from './events.js';
import { need } from '../io/args.js';
import { HIERARCHY } from '../shapes.js';

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
