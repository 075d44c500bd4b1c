/**
 * `@jiceng/core/cases`: the seven-step case loop — categories, commands, events, state, store and dossier.
 * Commands are decided (`decideCase`) against the case's state, the actor's role and scope
 * (the policy table, `DEFAULT_CASE_POLICY`: the command vocabulary lives here) and the
 * separation of duties; accepted commands become events, and `evolveCase` folds them.
 * `CaseStore` keeps the cases and their facts for the metrics.
 *
 * @example
 * ```ts
 * import { CaseStore, type Actor } from '@jiceng/core/cases';
 * const store = new CaseStore({ hierarchy, categories });
 * const gridWorker: Actor = { id: 'gw-1', roles: [{ role: 'grid-worker', node: gridCode }] };
 * const r = store.execute({ type: 'discover', node: unitCode, source: 'patrol', description: '楼道堆放杂物' }, gridWorker, ctx);
 * ```
 * @module
 */
export { type Actor, type RoleGrant } from './actor.js';
export {
  can, CASE_COMMAND_TYPES, type CaseCommandType, type CasePolicy, DEFAULT_CASE_POLICY, type PolicyRule,
} from './policy.js';
export {
  buildCategoryTable, CASE_TOPICS, type Category, type CategoryDef, type CategoryTable,
  createEmpoweredCatalogue, DEFAULT_CATEGORIES, type EmpoweredCatalogue, gbt47678Categories,
  isEmpowered, URGENCIES, type Urgency,
} from './categories.js';
export {
  type ChainHasher, ChainVerifier, ChainWriter, exportChainedLog, isChainTrailer, NOBLE_SHA256,
} from './chain.js';
export {
  attachmentSchema, type CaseCommand, type CaseCommandOf, caseCommandSchema, commandSchemas,
  FIELD_LABELS, type SchemaIssue, TEXT_LIMITS, validateCommand, zodIssues,
} from './commands.js';
export { dueSoon, overdue, runningDeadline } from './deadlines.js';
export {
  availableActions, CASE_ACTIONS, type CaseAction, type CaseContext, decideCase, decideCaseTyped,
  type DepartmentGrant,
} from './decide.js';
export {
  buildDossier, type Dossier, type DossierEntry, type DossierIntake, type DossierOptions,
  type DossierStep, EVENT_TITLES, formatDuration, SEVEN_STEPS, type StepId,
} from './dossier.js';
export {
  decideEnforcement, type EnforcementCommand, enforcementSteps, type EnforcementTeam, type TeamMember,
} from './enforcement.js';
export {
  ENFORCEMENT_EVENT_SCHEMAS, ENFORCEMENT_EVENT_TITLES, ENFORCEMENT_EVENT_TYPES, type EnforcementEventData,
} from './enforcement-events.js';
export {
  type AnyCaseEvent, type Attachment, CASE_EVENT_TYPES, type CaseEvent, type CaseEventData,
  type CaseEventType,
} from './events.js';
export {
  CASE_SOURCES, CASE_STATUSES, type CaseFacts, type CaseSource, type CaseStatus, createCaseFacts,
} from './facts.js';
export { GBT47678_ITEMS, GBT47678_MAJOR_CLASSES, type Gbt47678Kind } from './gbt47678-directory.js';
export {
  checkEvent, eventDataSchemas, type EventLogImport, exportEventLog, importEventLog, readEventLine,
} from './jsonl.js';
export { CASE_SOURCE_LABELS, CASE_STATUS_LABELS, COMMAND_LABELS, URGENCY_LABELS } from './labels.js';
export { CASE_MESSAGES, type CaseCode, caseIssue } from './messages.js';
export {
  patrolCoverage, type PatrolCoverage, type PatrolRecord, patrolsOfUnit, recordPatrol,
} from './patrol.js';
export { type CaseRules } from './rules.js';
export {
  checkSeparationPolicy, DEFAULT_SEPARATION, type Duty, dutyProblem, type DutyRule,
  type SeparationPolicy,
} from './separation.js';
export { decodeCaseSnapshot, encodeCaseSnapshot } from './snapshot.js';
export {
  applyCase, type CaseState, eventProblem, evolveCase, foldCase, type FoldRules, initialState,
  TERMINAL_STATUSES,
} from './state.js';
export { type CaseSnapshot, CaseStore, type CaseStoreOptions } from './store.js';
export {
  CASE_EVENT_KINDS, CASE_TRANSITIONS, type CaseEventKind, commandAllowedIn, eventKindIndex, nextStatus,
  TRANSITION_TABLE, type TransitionRule,
} from './transitions.js';
