/**
 * The case context for Putian: the default categories, the China working calendar, the
 * default policy, every town empowered for the enforcement categories, and a settable clock.
 * @module
 */
import { argumentError, needHierarchy, needObject } from '@jiceng/core';
import {
  buildCategoryTable, CHINA_CALENDAR_2025_2026, createCalendar, createEmpoweredCatalogue,
  DEFAULT_CASE_POLICY, DEFAULT_CATEGORIES, type CaseContext, type CategoryTable, type HierarchyIndex,
} from '@jiceng/core';

/**
 * A `CaseContext` whose clock is the `now` field, so a simulation (or a demo) can move
 * time forward explicitly.
 *
 * @example
 * ```ts
 * const ctx = createPutianCaseContext(hierarchy);
 * ctx.now = Date.parse('2025-03-03T09:00:00+08:00');
 * ctx.clock(); // that instant
 * ```
 */
export interface PutianCaseContext extends CaseContext {
  /** The current time the clock returns, epoch ms. */
  now: number;
}

/**
 * Builds the Putian case context over a built hierarchy: the default social-governance
 * categories, the China 2025–2026 working calendar (dates outside it count weekends only),
 * the default role × command × level policy, and an empowered-matters catalogue in which
 * every town may enforce every enforcement category (Fujian gave towns 477 penalty powers).
 *
 * @example
 * ```ts
 * import { buildHierarchy } from '@jiceng/core';
 * const data = generatePutian({ seed: 1 });
 * const h = buildHierarchy(data.config, data.nodes);
 * if (h.ok) {
 *   const ctx = createPutianCaseContext(h.value);
 *   ctx.categories.get('city.rubbish')?.name.zh; // '暴露垃圾'
 * }
 * ```
 */
export function createPutianCaseContext(hierarchy: HierarchyIndex, opts: { newId?: () => string } = {}): PutianCaseContext {
  needHierarchy('createPutianCaseContext', hierarchy);
  needObject('createPutianCaseContext', 'opts', opts);
  if (opts.newId !== undefined && typeof opts.newId !== 'function') throw argumentError('createPutianCaseContext', 'opts.newId', { zh: '函数', en: 'a function' });
  const categories = putianCategories(hierarchy);
  const cal = createCalendar(CHINA_CALENDAR_2025_2026);
  if (!cal.ok) throw new Error(`calendar: ${cal.errors.map((e) => e.en).join('; ')}`);
  const enforcement = categories.list.filter((c) => c.enforcement).map((c) => c.id);
  const townLevel = hierarchy.config.levels.findIndex((l) => l.id === 'town');
  const entries: Record<string, string[]> = {};
  for (let i = 0; i < hierarchy.size; i++) if (hierarchy.levelOf[i] === townLevel) entries[hierarchy.code(i)] = enforcement;
  let seq = 0;
  const ctx: PutianCaseContext = {
    hierarchy,
    categories,
    calendar: cal.value,
    policy: DEFAULT_CASE_POLICY,
    catalogue: createEmpoweredCatalogue(entries),
    now: 0,
    clock: () => ctx.now,
    newId: opts.newId ?? (() => `PT-N${String(++seq).padStart(6, '0')}`),
  };
  return ctx;
}

/**
 * The default category table checked against the hierarchy's levels.
 *
 * @example
 * ```ts
 * putianCategories(hierarchy).list.length; // the default social-governance set
 * ```
 */
export function putianCategories(hierarchy: HierarchyIndex): CategoryTable {
  needHierarchy('putianCategories', hierarchy);
  const t = buildCategoryTable(DEFAULT_CATEGORIES, hierarchy.config);
  if (!t.ok) throw new Error(`categories: ${t.errors.map((e) => e.en).join('; ')}`);
  return t.value;
}
