/**
 * The case context for Putian: the default categories, the China working calendar, the
 * default policy, the rules of Putian's lists (each town's empowered-matters catalogue and
 * the responsibility list decide dispatch, escalation and closing), and a settable clock.
 * @module
 */
import { argumentError, needHierarchy, needObject } from '@jiceng/core/errors';
import { type HierarchyIndex } from '@jiceng/core';
import {
  buildCategoryTable, DEFAULT_CASE_POLICY, DEFAULT_CATEGORIES, type CaseContext, type CategoryTable,
} from '@jiceng/core/cases';
import { listRules, type ListEvent, type ListRules } from '@jiceng/core/lists';
import { CHINA_CALENDAR, createCalendar } from '@jiceng/core/calendar';
import { putianListEvents } from '../lists.js';

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
  /** The rules of the lists, by time (also in `rules`). */
  rules: ListRules;
}

/**
 * Builds the Putian case context over a built hierarchy: the default social-governance
 * categories, mainland China's official working calendar 2016–2026 (`CHINA_CALENDAR`: every
 * year's holidays and make-up working days; a deadline outside those years is refused with
 * `E_CALENDAR_COVERAGE`, never guessed),
 * the default role × command × level policy, and the rules of Putian's lists
 * ({@link putianListEvents}, or `opts.lists`): a town enforces only what its own catalogue
 * lists (一镇一清单), and `catalogue` is that same catalogue as it stands at the end of 2025.
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
export function createPutianCaseContext(hierarchy: HierarchyIndex, opts: { newId?: () => string; lists?: readonly ListEvent[] } = {}): PutianCaseContext {
  needHierarchy('createPutianCaseContext', hierarchy);
  needObject('createPutianCaseContext', 'opts', opts);
  if (opts.newId !== undefined && typeof opts.newId !== 'function') throw argumentError('createPutianCaseContext', 'opts.newId', { zh: '函数', en: 'a function' });
  const categories = putianCategories(hierarchy);
  const cal = createCalendar(CHINA_CALENDAR);
  if (!cal.ok) throw new Error(`calendar: ${cal.errors.map((e) => e.en).join('; ')}`);
  const rules = listRules(opts.lists ?? putianListEvents(hierarchy), categories, hierarchy.config.levels.map((l) => l.id));
  let seq = 0;
  const ctx: PutianCaseContext = {
    hierarchy,
    categories,
    calendar: cal.value,
    policy: DEFAULT_CASE_POLICY,
    catalogue: rules.catalogueAt(Date.parse('2025-12-31T00:00:00+08:00')),
    rules,
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
export function putianCategories(hierarchy: Pick<HierarchyIndex, 'config'>): CategoryTable {
  // Only the levels are read, so a page without the whole city may pass `{ config }`.
  if (hierarchy === null || typeof hierarchy !== 'object' || hierarchy.config === null || typeof hierarchy.config !== 'object') {
    throw argumentError('putianCategories', 'hierarchy', { zh: ' buildHierarchy 建成的层级（或含其 config 的对象）', en: 'a hierarchy built by buildHierarchy (or an object with its config)' });
  }
  const t = buildCategoryTable(DEFAULT_CATEGORIES, hierarchy.config);
  if (!t.ok) throw new Error(`categories: ${t.errors.map((e) => e.en).join('; ')}`);
  return t.value;
}
