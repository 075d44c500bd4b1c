/**
 * The records of the lists 清单: work list 工作清单, sector list 板块清单, project list 项目清单,
 * responsibility list 权责清单, references into the empowered-matters catalogue 赋权事项目录,
 * and the "1+4+21+N" policy documents every item may cite.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
import { emptyLedger, type FundingLedger } from './funding.js';

/**
 * The four sectors of the Putian model: organisation restructuring 组织重构, resource
 * consolidation 资源重整, force integration 力量整合, digital empowerment 数字赋能.
 *
 * @example
 * ```ts
 * SECTORS.map((s) => SECTOR_NAMES[s].zh); // ['组织重构', '资源重整', '力量整合', '数字赋能']
 * ```
 */
export const SECTORS = ['organisation', 'resources', 'forces', 'digital'] as const;
/** A sector id. @example `const s: SectorId = 'digital';` */
export type SectorId = (typeof SECTORS)[number];
/** Display names of the sectors. @example `SECTOR_NAMES.forces.en // 'Force integration'` */
export const SECTOR_NAMES: Readonly<Record<SectorId, LocalizedText>> = Object.freeze({
  organisation: { zh: '组织重构', en: 'Organisation restructuring' },
  resources: { zh: '资源重整', en: 'Resource consolidation' },
  forces: { zh: '力量整合', en: 'Force integration' },
  digital: { zh: '数字赋能', en: 'Digital empowerment' },
});

/**
 * The kinds of the "1+4+21+N" policy set: 1 overall plan 总体方案, 4 sector plans 板块方案,
 * 21 supporting rules 配套制度, N measures 具体举措.
 *
 * @example
 * ```ts
 * const k: PolicyKind = 'supporting';
 * ```
 */
export const POLICY_KINDS = ['overall', 'sector', 'supporting', 'measure'] as const;
/** A policy kind. @example `const k: PolicyKind = 'overall';` */
export type PolicyKind = (typeof POLICY_KINDS)[number];

/**
 * One policy document.
 *
 * @example
 * ```ts
 * const p: PolicyDoc = { id: 'P1', kind: 'overall', title: { zh: '网格化基层治理总体方案', en: 'Overall plan' }, number: '莆委办〔2022〕1号', issued: '2022-03-01' };
 * ```
 */
export interface PolicyDoc {
  id: string;
  kind: PolicyKind;
  title: LocalizedText;
  /** Document number 文号. */
  number?: string;
  /** Issuing body. */
  issuer?: string;
  /** ISO date issued. */
  issued?: string;
  /** The sector a sector plan belongs to. */
  sector?: SectorId;
}

/** How often a duty recurs. @example `const f: Frequency = 'weekly';` */
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'as-needed';
/** All frequencies. @example `FREQUENCIES.includes('daily') // true` */
export const FREQUENCIES: readonly Frequency[] = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'as-needed'];

/**
 * One recurring duty of a level (and optionally a role) — a row of the work list.
 *
 * @example
 * ```ts
 * const w: WorkItem = { id: 'W-grid-1', level: 'grid', role: 'grid-worker', duty: { zh: '网格巡查', en: 'grid patrol' }, frequency: 'daily', policies: ['P1'] };
 * ```
 */
export interface WorkItem {
  id: string;
  /** Level id in the hierarchy configuration. */
  level: string;
  /** Role (e.g. `grid-head`, `unit-head`, `grid-worker`), if the duty is a role's. */
  role?: string;
  /** Code of the one node (of `level`) whose own item this is; absent for a duty of every node of the level. */
  node?: string;
  duty: LocalizedText;
  frequency?: Frequency;
  policies: string[];
}

/** The state of a list item or project. @example `const s: ItemStatus = 'active';` */
export type ItemStatus = 'planned' | 'active' | 'suspended' | 'completed' | 'cancelled';
/** All item states. @example `ITEM_STATUSES.length // 5` */
export const ITEM_STATUSES: readonly ItemStatus[] = ['planned', 'active', 'suspended', 'completed', 'cancelled'];

/**
 * One item of the sector list.
 *
 * @example
 * ```ts
 * const s: SectorItem = { id: 'S-d-1', sector: 'digital', title: { zh: '全市一张图', en: 'one map for the city' }, owner: '350300000000', status: 'active', policies: [] };
 * ```
 */
export interface SectorItem {
  id: string;
  sector: SectorId;
  title: LocalizedText;
  /** Code of the responsible node, if any. */
  owner?: string;
  status: ItemStatus;
  policies: string[];
}

/**
 * One funding source of a project's pooled funding 资金拼盘, in yuan.
 *
 * @example
 * ```ts
 * const f: Funding = { source: '市级财政', amount: 500_000 };
 * ```
 */
export interface Funding {
  source: string;
  amount: number;
}

/**
 * A project milestone (dates are ISO `YYYY-MM-DD`).
 *
 * @example
 * ```ts
 * const m: Milestone = { id: 'M1', title: '完成设计', due: '2024-06-30', done: '2024-06-20' };
 * ```
 */
export interface Milestone {
  id: string;
  title: string;
  due: string;
  done?: string;
}

/**
 * One project of the project list.
 *
 * @example
 * ```ts
 * const p: Project = {
 *   id: 'PRJ-1', name: { zh: '邻里中心改造', en: 'Neighbourhood centre renovation' }, owner: '350304001000',
 *   sector: 'resources', status: 'active', progress: 40,
 *   funding: [{ source: '区级财政', amount: 800_000 }, { source: '社会资本', amount: 200_000 }],
 *   milestones: [], policies: ['P2'],
 * };
 * ```
 */
export interface Project {
  id: string;
  name: LocalizedText;
  /** Code of the owner node. */
  owner: string;
  sector?: SectorId;
  status: ItemStatus;
  /** 0–100. */
  progress: number;
  funding: Funding[];
  milestones: Milestone[];
  policies: string[];
}

/**
 * One row of a level's responsibility list 权责清单: a power 权 or a duty 责, with its legal
 * basis and the case categories it concerns (ids of the category table).
 *
 * @example
 * ```ts
 * const r: Responsibility = { id: 'R-town-7', level: 'town', kind: 'power', matter: { zh: '违法建设查处', en: 'illegal building enforcement' }, basis: '《城乡规划法》第六十五条', categories: ['city.illegal-building'], policies: [] };
 * ```
 */
export interface Responsibility {
  id: string;
  level: string;
  kind: 'power' | 'duty';
  matter: LocalizedText;
  basis?: string;
  categories: string[];
  policies: string[];
}

/**
 * An entry of the empowered-matters catalogue 赋权事项目录: a matter (a case category) a node —
 * usually a town — may enforce, from `since` (inclusive) until `until` (exclusive). The case
 * loop reads this catalogue through `listRules`: one source of truth.
 *
 * @example
 * ```ts
 * const e: EmpoweredRef = { id: 'E-1', node: '350304001000', category: 'city.illegal-building', matter: { zh: '违法建设查处', en: 'illegal building enforcement' }, since: '2022-01-01', policies: [] };
 * ```
 */
export interface EmpoweredRef {
  id: string;
  /** Code of the empowered node (a town). */
  node: string;
  /** Category id in the category table. */
  category: string;
  matter: LocalizedText;
  basis?: string;
  /** First day in force (`YYYY-MM-DD`). */
  since?: string;
  /** First day no longer in force (`YYYY-MM-DD`), if it ends. */
  until?: string;
  policies: string[];
}

/**
 * The lists' state: records by id, per kind.
 *
 * @example
 * ```ts
 * const s: ListsState = emptyLists();
 * Object.keys(s.projects).length; // 0
 * ```
 */
export interface ListsState {
  policies: Record<string, PolicyDoc>;
  work: Record<string, WorkItem>;
  sectors: Record<string, SectorItem>;
  projects: Record<string, Project>;
  responsibilities: Record<string, Responsibility>;
  empowered: Record<string, EmpoweredRef>;
  /** The funding ledger: sources, allocations, spendings. */
  funding: FundingLedger;
  /** Number of events folded in. */
  version: number;
}

/** The record kind of each list. @example `const k: ListKind = 'projects';` */
export type ListKind = 'policies' | 'work' | 'sectors' | 'projects' | 'responsibilities' | 'empowered';

/** The record type of each list kind. @example `const p: ListRecord<'projects'> = project;` */
export type ListRecord<K extends ListKind> = {
  policies: PolicyDoc; work: WorkItem; sectors: SectorItem; projects: Project; responsibilities: Responsibility; empowered: EmpoweredRef;
}[K];

/**
 * An empty state.
 *
 * @example
 * ```ts
 * const s = emptyLists(); s.version; // 0
 * ```
 */
export function emptyLists(): ListsState {
  return { policies: {}, work: {}, sectors: {}, projects: {}, responsibilities: {}, empowered: {}, funding: emptyLedger(), version: 0 };
}
