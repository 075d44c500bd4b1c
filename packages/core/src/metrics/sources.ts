/**
 * Adapters from the case lifecycle to metrics: the category table's topics and names, the
 * units patrolled in a period, and applying a case event to the store and the metrics
 * together (O(depth) per event).
 * @module
 */
import { argumentError, isList, isObject, needIndex, needObject } from '../errors/args.js';
import type { LocalizedText, Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { CASE_TOPICS, type CategoryTable } from '../cases/categories.js';
import type { CaseFacts } from '../cases/facts.js';
import type { Metrics } from './engine.js';
import { readFactRow } from './row.js';
import type { MetricsOptions } from './types.js';
import { periodRange, type PeriodRef, type TimeRange } from './period.js';

/**
 * The category-related options of {@link createMetrics} from a category table: topic index
 * per category position, topic ids and names, category names.
 *
 * @example
 * ```ts
 * const t = categoryOptions(table);
 * createMetrics({ hierarchy, facts, now, ...t.options });
 * t.topicIds[0]; // e.g. 'social-stability'
 * ```
 */
export function categoryOptions(table: CategoryTable): { options: Pick<MetricsOptions, 'categoryTopics' | 'categoryNames' | 'topicNames'>; topicIds: string[] } {
  if (!isObject(table) || !isList(table.list)) throw argumentError('categoryOptions', 'table', { zh: '类别表（buildCategoryTable）', en: 'a category table (buildCategoryTable)' });
  const topicIds: string[] = [];
  const index = new Map<string, number>();
  const categoryTopics = new Int32Array(table.list.length);
  for (const c of table.list) {
    let k = index.get(c.topic);
    if (k === undefined) { k = topicIds.length; topicIds.push(c.topic); index.set(c.topic, k); }
    categoryTopics[c.index] = k;
  }
  const topicNames: LocalizedText[] = topicIds.map((t) => CASE_TOPICS[t] ?? { zh: t, en: t });
  const categoryNames: LocalizedText[] = table.list.map((c) => c.name);
  return { options: { categoryTopics, categoryNames, topicNames }, topicIds };
}

/**
 * Positions of the units patrolled at least once in a period (for `patrolledUnits`), from
 * patrol records (`unit` code and `at` time). Units unknown to the hierarchy are skipped.
 *
 * @example
 * ```ts
 * const units = patrolledUnits(records, hierarchy, { unit: 'month', key: 2025 * 12 + 2 });
 * createMetrics({ hierarchy, facts, now, patrolledUnits: units });
 * ```
 */
export function patrolledUnits(records: Iterable<{ unit: string; at: number }>, h: HierarchyIndex, period?: PeriodRef | TimeRange): number[] {
  if (records === null || typeof (records as Iterable<unknown>)?.[Symbol.iterator] !== 'function') throw argumentError('patrolledUnits', 'records', { zh: '巡查记录的可迭代对象', en: 'an iterable of patrol records' });
  needIndex('patrolledUnits', h, 'h');
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- checks untyped callers; without it isObject's guard narrows period to Record<string, unknown>
  if (period !== undefined && !isObject(period as unknown)) throw argumentError('patrolledUnits', 'period', { zh: '期间或时间范围', en: 'a period or a time range' });
  const r = period ? ('from' in period ? period : periodRange(period)) : { from: -Infinity, to: Infinity };
  const seen = new Uint8Array(h.size);
  const out: number[] = [];
  for (const p of records) {
    if (!(p.at >= r.from && p.at < r.to)) continue;
    const i = h.indexOf(p.unit);
    if (i >= 0 && !seen[i]) { seen[i] = 1; out.push(i); }
  }
  return out;
}

/**
 * Applies a case event to a store and keeps metrics current: snapshots the case's facts row
 * before, applies, then hands the metrics the delta (O(depth)). A refused event changes
 * neither.
 *
 * @example
 * ```ts
 * const r = applyMetrics(store, metrics, event);
 * if (!r.ok) console.log(r.errors[0].code);
 * metrics.value(0, 'closed');   // already includes the event
 * ```
 */
export function applyMetrics<E extends { caseId: string }>(
  store: { facts: CaseFacts; rowOf(caseId: string): number; apply(e: E): Result<number> },
  metrics: Metrics,
  e: E,
): Result<number> {
  if (!isObject(store) || typeof store.rowOf !== 'function' || typeof store.apply !== 'function') throw argumentError('applyMetrics', 'store', { zh: ' CaseStore', en: 'a CaseStore' });
  if (!isObject(metrics) || typeof metrics.update !== 'function') throw argumentError('applyMetrics', 'metrics', { zh: ' createMetrics 的结果', en: 'what createMetrics returns' });
  needObject('applyMetrics', 'e', e);
  const row = store.rowOf(e.caseId);
  const before = row >= 0 ? readFactRow(store.facts, row) : null;
  const r = store.apply(e);
  if (r.ok) metrics.update(r.value, before, store.facts);
  return r;
}
