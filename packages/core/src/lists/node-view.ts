/**
 * One node's lists: its work list (the duties of its level plus its own items), the
 * responsibility list of its level, its empowered matters, its sectors' items and progress,
 * its projects with their pooled funding, and the funding of its area.
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { toCents } from './funding.js';
import {
  empoweredOf, fundingBySource, ledgerByProject, projectBudget, projectFunding, responsibilitiesOf, rollUpProjects,
  sectorSummary, type PooledSource, type SectorSummary,
} from './rollup.js';
import type { EmpoweredRef, ItemStatus, ListsState, Project, Responsibility, SectorId, SectorItem, WorkItem } from './types.js';
import { need } from '../errors/args.js';
import { LISTS, HIERARCHY } from '../shapes.js';

/**
 * A node's lists, as {@link nodeLists} gives them.
 *
 * @example
 * ```ts
 * const v: NodeLists | undefined = nodeLists(state, hierarchy, '350302001000');
 * v?.work.map((w) => w.duty.zh);
 * ```
 */
export interface NodeLists {
  code: string;
  name: string;
  level: string;
  /** The duties of the node's level (general ones) and the node's own items, by id. */
  work: WorkItem[];
  /** The responsibility list 权责清单 of its level, powers first. */
  responsibilities: Responsibility[];
  /** Its entries of the empowered-matters catalogue. */
  empowered: EmpoweredRef[];
  /** Sector items owned in its subtree, by id. */
  sectorItems: SectorItem[];
  /** Its sectors' figures over its subtree. */
  sectors: Record<SectorId, SectorSummary>;
  /** Projects owned in its subtree, by id, with their funding (yuan) and pooled sources. */
  projects: { project: Project; budget: number; spent: number; funding: PooledSource[] }[];
  /** The subtree's figures (the same definitions at every level). */
  totals: { budget: number; spent: number; progress: number | null; fundedProgress: number | null; unfunded: number; byStatus: Record<ItemStatus, number> };
  /** The pooled funding 资金拼盘 of its area, by source. */
  funding: PooledSource[];
  /** Ledger allocations to work items at this node itself (费随事转), yuan. */
  workFunding: { work: string; source: string; amount: number; spent: number }[];
}

const byId = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));

/**
 * The lists of one node (by code); undefined for a code not in the hierarchy.
 *
 * @example
 * ```ts
 * const v = nodeLists(state, hierarchy, '350302001000');
 * if (v) console.log(v.totals.progress, v.funding.map((f) => `${f.source} ${f.amount}`));
 * ```
 */
export function nodeLists(state: ListsState, h: HierarchyIndex, code: string): NodeLists | undefined {
  need('nodeLists', 'state', state, 'object', LISTS);
  need('nodeLists', 'h', h, 'object', HIERARCHY);
  need('nodeLists', 'code', code, 'string');
  const pos = h.indexOf(code);
  if (pos < 0) return undefined;
  const level = h.config.levels[h.levelOf[pos]].id;
  const inside = (c: string | undefined) => { if (c === undefined) return false; const i = h.indexOf(c); return i >= 0 && h.isAncestor(pos, i); };
  const work = byId(Object.values(state.work).filter((w) => w.level === level && (w.node === undefined || w.node === code)));
  const ledger = ledgerByProject(state);
  const projects = byId(Object.values(state.projects).filter((p) => inside(p.owner)))
    .map((project) => ({ project, budget: projectBudget(state, project, ledger), spent: (ledger.get(project.id)?.spent ?? 0) / 100, funding: projectFunding(state, project.id) }));
  const up = rollUpProjects(state, h);
  const num = (x: number) => (Number.isNaN(x) ? null : x);
  const workFunding = Object.values(state.funding.allocations)
    .filter((a) => a.target.kind === 'work' && a.target.node === code)
    .map((a) => ({ work: a.target.id, source: a.source, amount: (toCents(a.amount) - toCents(a.released)) / 100, spent: a.spent }))
    .sort((a, b) => a.work.localeCompare(b.work) || a.source.localeCompare(b.source));
  return {
    code,
    name: h.name(pos),
    level,
    work,
    responsibilities: responsibilitiesOf(state, level),
    empowered: empoweredOf(state, code),
    sectorItems: byId(Object.values(state.sectors).filter((s) => inside(s.owner))),
    sectors: sectorSummary(state, inside),
    projects,
    totals: {
      budget: up.budget[pos], spent: up.spent[pos], progress: num(up.progress[pos]), fundedProgress: num(up.fundedProgress[pos]), unfunded: up.unfunded[pos],
      byStatus: Object.fromEntries(Object.entries(up.byStatus).map(([k, v]) => [k, v[pos]])) as Record<ItemStatus, number>,
    },
    funding: fundingBySource(state, h, pos),
    workFunding,
  };
}
