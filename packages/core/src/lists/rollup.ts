/**
 * Reading the lists: project progress rolled up the hierarchy (weighted by budget, like
 * Decidim's accountability results roll children up into their parent), pooled funding by
 * source, per-sector summaries, and the items of a level, a node or a policy.
 * @module
 */
import { issue, type JcIssue } from '../errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import {
  ITEM_STATUSES, SECTORS, type EmpoweredRef, type ItemStatus, type ListKind, type ListsState, type Project,
  type Responsibility, type SectorId, type WorkItem,
} from './types.js';

/**
 * Project figures per node (its subtree), as columns indexed by pre-order position.
 *
 * @example
 * ```ts
 * const r = rollUpProjects(state, hierarchy);
 * r.progress[0]; // the city's budget-weighted progress, 0–100 (NaN without projects)
 * ```
 */
export interface ProjectRollup {
  /** Total pooled funding (yuan) of the projects in the subtree. */
  budget: Float64Array;
  /**
   * Budget-weighted mean progress of the subtree's projects (cancelled ones left out); the
   * plain mean where none of them has a budget; NaN where there is none.
   */
  progress: Float64Array;
  /** Number of projects per status. */
  byStatus: Record<ItemStatus, Float64Array>;
  /** Projects whose owner code is not in the hierarchy. */
  unplaced: string[];
}

/** A project's budget: the sum of its funding. @example `budgetOf({ funding: [{ source: 'a', amount: 2 }, { source: 'b', amount: 3 }] } as Project) // 5` */
export function budgetOf(p: Pick<Project, 'funding'>): number {
  let s = 0;
  for (const f of p.funding) s += f.amount;
  return s;
}

/**
 * Rolls project budgets, statuses and progress up the hierarchy in O(nodes + projects).
 *
 * @example
 * ```ts
 * const r = rollUpProjects(state, hierarchy);
 * const town = hierarchy.indexOf('350304001000');
 * console.log(r.budget[town], r.progress[town], r.byStatus.active[town]);
 * ```
 */
export function rollUpProjects(state: ListsState, h: HierarchyIndex): ProjectRollup {
  const n = h.size;
  const budget = new Float64Array(n), weighted = new Float64Array(n), plain = new Float64Array(n), count = new Float64Array(n), weight = new Float64Array(n);
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, new Float64Array(n)])) as Record<ItemStatus, Float64Array>;
  const unplaced: string[] = [];
  for (const p of Object.values(state.projects)) {
    const i = h.indexOf(p.owner);
    if (i < 0) { unplaced.push(p.id); continue; }
    const b = budgetOf(p);
    budget[i] += b;
    byStatus[p.status][i] += 1;
    if (p.status === 'cancelled') continue;
    weighted[i] += b * p.progress;
    weight[i] += b;
    plain[i] += p.progress;
    count[i] += 1;
  }
  const cols = [budget, weighted, weight, plain, count, ...Object.values(byStatus)];
  const parents = h.parents;
  for (let i = n - 1; i > 0; i--) {
    const q = parents[i];
    if (q < 0) continue;
    for (const c of cols) c[q] += c[i];
  }
  const progress = new Float64Array(n);
  for (let i = 0; i < n; i++) progress[i] = weight[i] > 0 ? weighted[i] / weight[i] : count[i] > 0 ? plain[i] / count[i] : NaN;
  return { budget, progress, byStatus, unplaced };
}

/**
 * The pooled funding 资金拼盘 of the projects owned in a node's subtree, per source, largest
 * first.
 *
 * @example
 * ```ts
 * fundingBySource(state, hierarchy, 0); // [{ source: '市级财政', amount: 1.2e7, projects: 14 }, …]
 * ```
 */
export function fundingBySource(state: ListsState, h: HierarchyIndex, node: number): { source: string; amount: number; projects: number }[] {
  const by = new Map<string, { source: string; amount: number; projects: number }>();
  for (const p of Object.values(state.projects)) {
    const i = h.indexOf(p.owner);
    if (i < 0 || !h.isAncestor(node, i)) continue;
    const seen = new Set<string>();
    for (const f of p.funding) {
      let e = by.get(f.source);
      if (!e) by.set(f.source, (e = { source: f.source, amount: 0, projects: 0 }));
      e.amount += f.amount;
      if (!seen.has(f.source)) { e.projects++; seen.add(f.source); }
    }
  }
  return [...by.values()].sort((a, b) => b.amount - a.amount || a.source.localeCompare(b.source));
}

/**
 * One sector's summary: its items by status, and its projects' count, budget and
 * budget-weighted progress.
 *
 * @example
 * ```ts
 * sectorSummary(state).digital.items; // number of 数字赋能 items
 * ```
 */
export interface SectorSummary {
  items: number;
  itemsByStatus: Record<ItemStatus, number>;
  projects: number;
  budget: number;
  progress: number | null;
}

/**
 * Summaries of the four sectors.
 *
 * @example
 * ```ts
 * const s = sectorSummary(state);
 * s.organisation.itemsByStatus.completed;
 * ```
 */
export function sectorSummary(state: ListsState): Record<SectorId, SectorSummary> {
  const zero = () => Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  const out = Object.fromEntries(SECTORS.map((s) => [s, { items: 0, itemsByStatus: zero(), projects: 0, budget: 0, progress: null }])) as Record<SectorId, SectorSummary>;
  const w = Object.fromEntries(SECTORS.map((s) => [s, { wsum: 0, b: 0, sum: 0, n: 0 }])) as Record<SectorId, { wsum: number; b: number; sum: number; n: number }>;
  for (const it of Object.values(state.sectors)) { out[it.sector].items++; out[it.sector].itemsByStatus[it.status]++; }
  for (const p of Object.values(state.projects)) {
    if (!p.sector) continue;
    const b = budgetOf(p);
    out[p.sector].projects++;
    out[p.sector].budget += b;
    if (p.status === 'cancelled') continue;
    const a = w[p.sector];
    a.wsum += b * p.progress; a.b += b; a.sum += p.progress; a.n++;
  }
  for (const s of SECTORS) { const a = w[s]; out[s].progress = a.b > 0 ? a.wsum / a.b : a.n > 0 ? a.sum / a.n : null; }
  return out;
}

const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));

/**
 * The duties of a level (and role, if given: duties of that role plus the level's general
 * ones), ordered by id.
 *
 * @example
 * ```ts
 * workListOf(state, 'grid', 'grid-worker').map((w) => w.duty.zh);
 * ```
 */
export function workListOf(state: ListsState, level: string, role?: string): WorkItem[] {
  return byId(Object.values(state.work).filter((w) => w.level === level && (role === undefined || w.role === undefined || w.role === role)));
}

/**
 * The responsibility list 权责清单 of a level, powers first, then duties.
 *
 * @example
 * ```ts
 * responsibilitiesOf(state, 'town').filter((r) => r.kind === 'power').length;
 * ```
 */
export function responsibilitiesOf(state: ListsState, level: string): Responsibility[] {
  return byId(Object.values(state.responsibilities).filter((r) => r.level === level)).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'power' ? -1 : 1));
}

/**
 * The empowered matters listed for one node (by code), ordered by id.
 *
 * @example
 * ```ts
 * empoweredOf(state, '350304001000').map((e) => e.category);
 * ```
 */
export function empoweredOf(state: ListsState, nodeCode: string): EmpoweredRef[] {
  return byId(Object.values(state.empowered).filter((e) => e.node === nodeCode));
}

/**
 * Every record that cites a policy document, by list.
 *
 * @example
 * ```ts
 * citing(state, 'P1'); // [{ kind: 'work', id: 'W-grid-1' }, { kind: 'projects', id: 'PRJ-3' }]
 * ```
 */
export function citing(state: ListsState, policyId: string): { kind: ListKind; id: string }[] {
  const out: { kind: ListKind; id: string }[] = [];
  for (const kind of ['work', 'sectors', 'projects', 'responsibilities', 'empowered'] as const) {
    for (const r of Object.values(state[kind]) as { id: string; policies: string[] }[]) if (r.policies.includes(policyId)) out.push({ kind, id: r.id });
  }
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/**
 * Compares the empowered-matter list items with the lifecycle's catalogue (which decides
 * what a town may close): a warning `W_LIST_NOT_EMPOWERED` for every item the catalogue does
 * not empower, and `W_LIST_UNLISTED` for every catalogue entry no list item refers to.
 *
 * @example
 * ```ts
 * const warnings = empoweredMismatches(state, catalogue, (node, cat) => isEmpowered(catalogue, table, node, cat));
 * ```
 */
export function empoweredMismatches(
  state: ListsState,
  catalogue: ReadonlyMap<string, ReadonlySet<string>>,
  empowered: (nodeCode: string, categoryId: string) => boolean,
): JcIssue[] {
  const out: JcIssue[] = [];
  const listed = new Set<string>();
  for (const e of Object.values(state.empowered).sort((a, b) => a.id.localeCompare(b.id))) {
    listed.add(`${e.node}|${e.category}`);
    if (!empowered(e.node, e.category)) {
      out.push(issue('W_LIST_NOT_EMPOWERED', `清单事项 ${e.id} 未列入 ${e.node} 的赋权事项目录：${e.category}`,
        `list item ${e.id}: ${e.category} is not in the empowered-matters catalogue of ${e.node}`, { column: e.id, severity: 'warning' }));
    }
  }
  for (const [node, cats] of [...catalogue.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const c of [...cats].sort()) {
      if (!listed.has(`${node}|${c}`)) {
        out.push(issue('W_LIST_UNLISTED', `赋权事项目录中 ${node} 的 ${c} 没有对应的清单事项`,
          `catalogue entry ${c} of ${node} has no list item`, { column: c, severity: 'warning' }));
      }
    }
  }
  return out;
}
