/**
 * Reading the lists: project progress rolled up the hierarchy (weighted by budget, like
 * Decidim's accountability results roll children up into their parent), pooled funding by
 * source, per-sector summaries, and the items of a level, a node or a policy.
 * @module
 */
import { issue, type JcIssue } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { netCents, toCents } from './funding.js';
import {
  ITEM_STATUSES, SECTORS, type EmpoweredRef, type ItemStatus, type ListKind, type ListsState, type Project,
  type Responsibility, type SectorId, type WorkItem,
} from './types.js';
import { need } from '../errors/args.js';
import { LISTS, HIERARCHY } from '../shapes.js';

/**
 * Project figures per node (its subtree), as columns indexed by pre-order position. Every
 * column is a sum over the subtree's projects (or a ratio of two such sums), so a figure means
 * the same at every level: a project without funding counts in `progress` at its town, its
 * county and the city alike.
 *
 * @example
 * ```ts
 * const r = rollUpProjects(state, hierarchy);
 * r.progress[0]; // the city's mean progress over its projects, 0–100 (NaN without projects)
 * ```
 */
export interface ProjectRollup {
  /** Funding (yuan) of the subtree's projects that are not cancelled: ledger allocations net of releases, plus declared funding. */
  budget: Float64Array;
  /** Spent (yuan) against the ledger allocations of the subtree's projects (cancelled ones included: spent money stays spent). */
  spent: Float64Array;
  /** Mean progress of the subtree's projects, cancelled ones left out, each project counting once; NaN where there is none. */
  progress: Float64Array;
  /** Budget-weighted mean progress of the subtree's funded projects (not cancelled); NaN where none is funded. */
  fundedProgress: Float64Array;
  /** Projects (not cancelled) without any funding. */
  unfunded: Float64Array;
  /** Number of projects per status. */
  byStatus: Record<ItemStatus, Float64Array>;
  /** Projects whose owner code is not in the hierarchy. */
  unplaced: string[];
}

/** A project's declared budget: the sum of its `funding` entries. @example `budgetOf({ funding: [{ source: 'a', amount: 2 }, { source: 'b', amount: 3 }] } as Project) // 5` */
export function budgetOf(p: Pick<Project, 'funding'>): number {
  need('budgetOf', 'p', p, 'object', { funding: 'iterable' });
  let s = 0;
  for (const f of p.funding) s += f.amount;
  return s;
}

/**
 * Ledger allocations (net of releases) and spendings per project id, in cents.
 *
 * @example
 * ```ts
 * ledgerByProject(state).get('PRJ-1'); // { allocated: 80000000, spent: 12000000 }
 * ```
 */
export function ledgerByProject(state: ListsState): Map<string, { allocated: number; spent: number }> {
  need('ledgerByProject', 'state', state, 'object', LISTS);
  const out = new Map<string, { allocated: number; spent: number }>();
  for (const a of Object.values(state.funding.allocations)) {
    if (a.target.kind !== 'project') continue;
    let e = out.get(a.target.id);
    if (!e) out.set(a.target.id, (e = { allocated: 0, spent: 0 }));
    e.allocated += netCents(a);
    e.spent += toCents(a.spent);
  }
  return out;
}

/**
 * A project's funding in yuan: ledger allocations net of releases plus declared funding;
 * 0 for a cancelled project (its unspent money went back to the sources).
 *
 * @example
 * ```ts
 * projectBudget(state, state.projects['PRJ-1']); // 1000000
 * ```
 */
export function projectBudget(state: ListsState, p: Project, ledger = ledgerByProject(state)): number {
  need('projectBudget', 'state', state, 'object', LISTS);
  need('projectBudget', 'p', p, 'object', { id: 'string', funding: 'iterable' });
  need('projectBudget', 'ledger', ledger, 'map');
  if (p.status === 'cancelled') return 0;
  return ((ledger.get(p.id)?.allocated ?? 0) + toCents(budgetOf(p))) / 100;
}

/**
 * Rolls project funding, statuses and progress up the hierarchy in O(nodes + projects).
 *
 * @example
 * ```ts
 * const r = rollUpProjects(state, hierarchy);
 * const town = hierarchy.indexOf('350304001000');
 * console.log(r.budget[town], r.progress[town], r.byStatus.active[town]);
 * ```
 */
export function rollUpProjects(state: ListsState, h: HierarchyIndex): ProjectRollup {
  need('rollUpProjects', 'state', state, 'object', LISTS);
  need('rollUpProjects', 'h', h, 'object', HIERARCHY);
  const n = h.size;
  const budget = new Float64Array(n), spent = new Float64Array(n), weighted = new Float64Array(n), weight = new Float64Array(n);
  const sum = new Float64Array(n), count = new Float64Array(n), unfunded = new Float64Array(n);
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, new Float64Array(n)])) as Record<ItemStatus, Float64Array>;
  const unplaced: string[] = [];
  const ledger = ledgerByProject(state);
  for (const p of Object.values(state.projects)) {
    const i = h.indexOf(p.owner);
    if (i < 0) { unplaced.push(p.id); continue; }
    byStatus[p.status][i] += 1;
    spent[i] += (ledger.get(p.id)?.spent ?? 0) / 100;
    if (p.status === 'cancelled') continue;
    const b = projectBudget(state, p, ledger);
    budget[i] += b;
    sum[i] += p.progress;
    count[i] += 1;
    if (b > 0) { weighted[i] += b * p.progress; weight[i] += b; } else unfunded[i] += 1;
  }
  const cols = [budget, spent, weighted, weight, sum, count, unfunded, ...Object.values(byStatus)];
  const parents = h.parents;
  for (let i = n - 1; i > 0; i--) {
    const q = parents[i];
    if (q < 0) continue;
    for (const c of cols) c[q] += c[i];
  }
  const progress = new Float64Array(n), fundedProgress = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    progress[i] = count[i] > 0 ? sum[i] / count[i] : NaN;
    fundedProgress[i] = weight[i] > 0 ? weighted[i] / weight[i] : NaN;
  }
  return { budget, spent, progress, fundedProgress, unfunded, byStatus, unplaced };
}

/**
 * One source's share of a pooled funding 资金拼盘.
 *
 * @example
 * ```ts
 * const s: PooledSource = { source: 'F-CX-2024', amount: 800_000, spent: 120_000, projects: 2, work: 0, checked: true };
 * ```
 */
export interface PooledSource {
  /** A ledger source id, or the name of a declared source. */
  source: string;
  /** Allocated (net of releases) or declared, yuan. */
  amount: number;
  /** Spent, yuan (ledger only). */
  spent: number;
  /** Projects it funds. */
  projects: number;
  /** Work-item allocations it funds. */
  work: number;
  /** True for a ledger source (budget, purpose and period checked); false for declared funding. */
  checked: boolean;
}

/**
 * The pooled funding 资金拼盘 of a node's subtree, per source, largest first: ledger
 * allocations to the projects owned there and to the work items of its nodes (net of
 * releases), and the declared funding of its projects. Cancelled projects count only what
 * they spent.
 *
 * @example
 * ```ts
 * fundingBySource(state, hierarchy, 0); // [{ source: 'F-CITY-2024', amount: 1.2e7, spent: 3e6, projects: 14, work: 54, checked: true }, …]
 * ```
 */
export function fundingBySource(state: ListsState, h: HierarchyIndex, node: number): PooledSource[] {
  need('fundingBySource', 'state', state, 'object', LISTS);
  need('fundingBySource', 'h', h, 'object', HIERARCHY);
  need('fundingBySource', 'node', node, 'integer');
  const inside = (code: string | undefined) => { const i = code === undefined ? -1 : h.indexOf(code); return i >= 0 && h.isAncestor(node, i); };
  return pool(state, (p) => inside(p.owner), (code) => inside(code));
}

/**
 * The pooled funding 资金拼盘 of one project, per source.
 *
 * @example
 * ```ts
 * projectFunding(state, 'PRJ-1').map((s) => `${s.source} ${s.amount}`);
 * ```
 */
export function projectFunding(state: ListsState, projectId: string): PooledSource[] {
  need('projectFunding', 'state', state, 'object', LISTS);
  need('projectFunding', 'projectId', projectId, 'string');
  return pool(state, (p) => p.id === projectId, () => false);
}

function pool(state: ListsState, project: (p: Project) => boolean, workNode: (code: string) => boolean): PooledSource[] {
  const by = new Map<string, PooledSource & { seen: Set<string> }>();
  const entry = (source: string, checked: boolean) => {
    const key = `${checked ? 'L' : 'D'}|${source}`;
    let e = by.get(key);
    if (!e) by.set(key, (e = { source, amount: 0, spent: 0, projects: 0, work: 0, checked, seen: new Set() }));
    return e;
  };
  for (const a of Object.values(state.funding.allocations)) {
    if (a.target.kind === 'project') {
      const p = state.projects[a.target.id];
      if (!p || !project(p)) continue;
      const e = entry(a.source, true);
      e.amount += netCents(a); e.spent += toCents(a.spent);
      if (!e.seen.has(p.id)) { e.seen.add(p.id); e.projects++; }
    } else if (workNode(a.target.node)) {
      const e = entry(a.source, true);
      e.amount += netCents(a); e.spent += toCents(a.spent); e.work++;
    }
  }
  for (const p of Object.values(state.projects)) {
    if (p.status === 'cancelled' || !project(p)) continue;
    for (const f of p.funding) {
      const e = entry(f.source, false);
      e.amount += toCents(f.amount);
      if (!e.seen.has(p.id)) { e.seen.add(p.id); e.projects++; }
    }
  }
  return [...by.values()]
    .map(({ seen: _s, ...e }) => ({ ...e, amount: e.amount / 100, spent: e.spent / 100 }))
    .filter((e) => e.amount > 0 || e.spent > 0)
    .sort((a, b) => b.amount - a.amount || a.source.localeCompare(b.source));
}

/**
 * One sector's summary: its items by status, and its projects' count, budget and
 * mean progress (each project counting once, cancelled ones left out; budgets of cancelled projects are 0).
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
 * Summaries of the four sectors, city-wide or (with `within`) over the items and projects
 * whose owner node passes the filter — a node's subtree, say.
 *
 * @example
 * ```ts
 * const s = sectorSummary(state);
 * s.organisation.itemsByStatus.completed;
 * const town = hierarchy.indexOf('350302001000');
 * sectorSummary(state, (code) => code !== undefined && hierarchy.isAncestor(town, hierarchy.indexOf(code)));
 * ```
 */
export function sectorSummary(state: ListsState, within?: (ownerCode: string | undefined) => boolean): Record<SectorId, SectorSummary> {
  need('sectorSummary', 'state', state, 'object', LISTS);
  need('sectorSummary', 'within', within, 'function?');
  const zero = () => Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  const out = Object.fromEntries(SECTORS.map((s) => [s, { items: 0, itemsByStatus: zero(), projects: 0, budget: 0, progress: null }])) as Record<SectorId, SectorSummary>;
  const w = Object.fromEntries(SECTORS.map((s) => [s, { sum: 0, n: 0 }])) as Record<SectorId, { sum: number; n: number }>;
  for (const it of Object.values(state.sectors)) {
    if (within && !within(it.owner)) continue;
    out[it.sector].items++; out[it.sector].itemsByStatus[it.status]++;
  }
  const ledger = ledgerByProject(state);
  for (const p of Object.values(state.projects)) {
    if (!p.sector || (within && !within(p.owner))) continue;
    out[p.sector].projects++;
    out[p.sector].budget += projectBudget(state, p, ledger);
    if (p.status === 'cancelled') continue;
    w[p.sector].sum += p.progress; w[p.sector].n++;
  }
  for (const s of SECTORS) { const a = w[s]; out[s].progress = a.n > 0 ? a.sum / a.n : null; }
  return out;
}

const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));

/**
 * The duties of a level (and role, if given: duties of that role plus the level's general
 * ones), ordered by id. Items of one node (`node` set) are left out: see `nodeLists`.
 *
 * @example
 * ```ts
 * workListOf(state, 'grid', 'grid-worker').map((w) => w.duty.zh);
 * ```
 */
export function workListOf(state: ListsState, level: string, role?: string): WorkItem[] {
  need('workListOf', 'state', state, 'object', LISTS);
  need('workListOf', 'level', level, 'string');
  need('workListOf', 'role', role, 'string?');
  return byId(Object.values(state.work).filter((w) => w.node === undefined && w.level === level && (role === undefined || w.role === undefined || w.role === role)));
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
  need('responsibilitiesOf', 'state', state, 'object', LISTS);
  need('responsibilitiesOf', 'level', level, 'string');
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
  need('empoweredOf', 'state', state, 'object', LISTS);
  need('empoweredOf', 'nodeCode', nodeCode, 'string');
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
  need('citing', 'state', state, 'object', LISTS);
  need('citing', 'policyId', policyId, 'string');
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
  need('empoweredMismatches', 'state', state, 'object', LISTS);
  need('empoweredMismatches', 'catalogue', catalogue, 'map');
  need('empoweredMismatches', 'empowered', empowered, 'function');
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
