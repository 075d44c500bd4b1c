/**
 * `@jiceng/core/lists`: the three lists, the responsibility list, the empowered matters, the policy set and the funding ledger.
 * Event-sourced like the case loop: `evolveListsChecked` checks an event against the state and
 * folds it (`evolveLists` folds one already checked); roll-ups per node and CSV files in and out.
 *
 * @example
 * ```ts
 * import { emptyLists, evolveLists } from '@jiceng/core/lists';
 * let lists = emptyLists();
 * for (const e of events) lists = evolveLists(lists, e);
 * ```
 * @module
 */
export { type ListContext, listContextOf } from './context.js';
export { exportListsCsv } from './csv-export.js';
export { FUNDING_CSV_FILES, importListsCsv, LIST_CSV_FILES, type ListCsvColumn } from './csv.js';
export {
  evolveListsChecked, checkListEvent, type ListEvent, type ListEventMeta, evolveLists,
  replayLists, workListFromLevels,
} from './events.js';
export { type FundingErr, applyFunding, releaseProject } from './funding-check.js';
export {
  allocatedBySource, type Allocation, emptyLedger, FUNDING_EVENT_TYPES, type FundingEvent,
  type FundingLedger, type FundingSource, type FundingTarget, inPeriod, netCents, sourceBalance,
  type Spending, toCents,
} from './funding.js';
export { nodeLists, type NodeLists } from './node-view.js';
export { policySet, type PolicySetCounts, SECTOR_SPELLINGS, sectorOf } from './policy-set.js';
export {
  budgetOf, citing, empoweredMismatches, empoweredOf, fundingBySource, type PooledSource,
  projectBudget, projectFunding, type ProjectRollup, responsibilitiesOf, rollUpProjects, sectorSummary,
  type SectorSummary, workListOf,
} from './rollup.js';
export { listRules, type ListRules } from './rules.js';
export {
  type EmpoweredRef, emptyLists, FREQUENCIES, type Frequency, type Funding, ITEM_STATUSES,
  type ItemStatus, type ListKind, type ListRecord, type ListsState, type Milestone, POLICY_KINDS,
  type PolicyDoc, type PolicyKind, type Project, type Responsibility, SECTOR_NAMES, type SectorId,
  type SectorItem, SECTORS, type WorkItem,
} from './types.js';
