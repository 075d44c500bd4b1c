/**
 * The lists govern the case loop: the empowered-matters catalogue 赋权事项目录 and the
 * responsibility list 权责清单, as they stood at any instant, turned into the case loop's
 * {@link CaseRules}. One source of truth: the catalogue dispatch and escalation check is the
 * lists' own, versioned by its events (when a change was recorded) and by each entry's
 * effective dates (`since`, `until`).
 * @module
 */
import type { CategoryTable, EmpoweredCatalogue } from '../cases/categories.js';
import type { CaseRules } from '../cases/rules.js';
import type { ListEvent } from './events.js';
import type { EmpoweredRef, Responsibility } from './types.js';
import { need } from '../errors/args.js';
import { CHINA_UTC_OFFSET_MS } from '../calendar/time.js';

/** The rules-relevant part of the lists at one version. */
interface Snapshot {
  empowered: Map<string, EmpoweredRef[]>;
  /** category id → level ids whose 权责清单 rows cite it. */
  levels: Map<string, Set<string>>;
}

/**
 * The lists' rules over time, for the case loop (`CaseContext.rules`), plus the catalogue
 * as it stood at an instant (for `CaseContext.catalogue` and reports).
 *
 * @example
 * ```ts
 * const rules = listRules(listLog, categories, hierarchy.config.levels.map((l) => l.id));
 * const ctx = { ...caseContext, rules, catalogue: rules.catalogueAt(Date.now()) };
 * ```
 */
export interface ListRules extends CaseRules {
  /** The version (number of rules-relevant events) in force at an instant. */
  versionAt(at: number): number;
  /** The empowered-matters catalogue in force at an instant: entries recorded by then and effective that day. */
  catalogueAt(at: number): EmpoweredCatalogue;
  /** Adds a list event recorded later (no earlier than the last one); returns the new version. */
  append(e: ListEvent): number;
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
const dayOf = (at: number) => new Date(at + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
const effective = (r: EmpoweredRef, day: string) => (r.since === undefined || r.since <= day) && (r.until === undefined || day < r.until);
const relevant = (e: ListEvent) => (e.type === 'list.upserted' || e.type === 'list.removed') && (e.kind === 'empowered' || e.kind === 'responsibilities');

/**
 * Builds the lists' rules from their (checked, time-ordered) events:
 * - `empowered(node, category, at)`: an entry of the node's catalogue, recorded by `at` and
 *   effective on that day, names the category or one of its parents;
 * - `handleLevel(category, at)`: of the levels whose 权责清单 rows cite the category (or its
 *   nearest cited parent), the lowest; undefined when no row cites it;
 * - `closeLevels(category, at)`: that level and every level above it.
 *
 * A case keeps the rules of its first dispatch (`rulesInstant`), so a later change of a list
 * does not touch cases already dispatched.
 *
 * @example
 * ```ts
 * const rules = listRules(events, categories, ['city', 'county', 'town', 'village', 'grid', 'unit']);
 * rules.empowered('350302101000', 'city.illegal-building', Date.now()); // true if listed and in force
 * ```
 */
export function listRules(events: readonly ListEvent[], categories: CategoryTable, levels: readonly string[]): ListRules {
  need('listRules', 'events', events, 'array');
  need('listRules', 'categories', categories, 'object', { list: 'array', get: 'function' });
  need('listRules', 'levels', levels, 'array');
  const log: { at: number; e: ListEvent }[] = [];
  const cache = new Map<number, Snapshot>();
  const append = (e: ListEvent): number => {
    if (!relevant(e)) return log.length;
    const at = Date.parse(e.at);
    if (log.length && at < log[log.length - 1].at) throw new RangeError(`listRules: list events out of time order at ${e.at}`);
    log.push({ at, e });
    return log.length;
  };
  for (const e of events) append(e);

  const versionAt = (at: number): number => {
    let lo = 0, hi = log.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (log[mid].at <= at) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const snapshot = (v: number): Snapshot => {
    let s = cache.get(v);
    if (s) return s;
    const emp = new Map<string, EmpoweredRef>();
    const resp = new Map<string, Responsibility>();
    for (let k = 0; k < v; k++) {
      const e = log[k].e;
      if (e.type === 'list.upserted') {
        if (e.kind === 'empowered') emp.set(e.record.id, e.record);
        else if (e.kind === 'responsibilities') resp.set(e.record.id, e.record);
      } else if (e.type === 'list.removed') {
        (e.kind === 'empowered' ? emp : resp).delete(e.id);
      }
    }
    const empowered = new Map<string, EmpoweredRef[]>();
    for (const r of emp.values()) { let l = empowered.get(r.node); if (!l) empowered.set(r.node, (l = [])); l.push(r); }
    const lv = new Map<string, Set<string>>();
    for (const r of resp.values()) for (const c of r.categories) { let l = lv.get(c); if (!l) lv.set(c, (l = new Set())); l.add(r.level); }
    s = { empowered, levels: lv };
    cache.set(v, s);
    return s;
  };
  const lowestLevel = (category: string, at: number): number => {
    const lv = snapshot(versionAt(at)).levels;
    for (let i = categories.indexOf(category); i >= 0; i = categories.list[i].parent) {
      const set = lv.get(categories.list[i].id);
      if (!set) continue;
      let lowest = -1;
      for (const l of set) lowest = Math.max(lowest, levels.indexOf(l));
      return lowest;
    }
    return -1;
  };
  return {
    versionAt,
    append: (e) => { const n = append(e); cache.clear(); return n; },
    empowered(nodeCode, categoryId, at) {
      const refs = snapshot(versionAt(at)).empowered.get(nodeCode);
      if (!refs) return false;
      const day = dayOf(at);
      for (let i = categories.indexOf(categoryId); i >= 0; i = categories.list[i].parent) {
        const id = categories.list[i].id;
        if (refs.some((r) => r.category === id && effective(r, day))) return true;
      }
      return false;
    },
    handleLevel(categoryId, at) {
      const i = lowestLevel(categoryId, at);
      return i < 0 ? undefined : levels[i];
    },
    closeLevels(categoryId, at) {
      const i = lowestLevel(categoryId, at);
      return i < 0 ? undefined : levels.slice(0, i + 1);
    },
    catalogueAt(at) {
      const day = dayOf(at);
      const out = new Map<string, Set<string>>();
      for (const [node, refs] of snapshot(versionAt(at)).empowered) {
        const set = new Set(refs.filter((r) => effective(r, day)).map((r) => r.category));
        if (set.size) out.set(node, set);
      }
      return out;
    },
  };
}
