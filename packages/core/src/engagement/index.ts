/**
 * `@jiceng/core/engagement`: 群众点单、社区派单、党员接单, the time bank and points (积分制) —
 * members reporting to communities and their rosters, service orders and candidate
 * suggestion, a double-entry ledger for hours and points with city rules as data, claims,
 * settlement, the shop, and participation rankings. Event-sourced like the case loop.
 *
 * @example
 * ```ts
 * import { EngagementStore, suggestCandidates } from '@jiceng/core/engagement';
 * const store = new EngagementStore({ hierarchy, calendar, clock: () => Date.now() });
 * ```
 * @module
 */
export { casePointsCommands } from './case-points.js';
export {
  ENGAGEMENT_FIELD_LABELS, type EngagementCommand, type EngagementCommandOf, engagementCommandSchema,
  engagementCommandSchemas, validateEngagementCommand,
} from './commands.js';
export { decideEngagement, type EngagementContext, pointsAccountOf, timeAccountOf } from './decide.js';
export {
  type AnyEngagementEvent, type EngagementEvent, type EngagementEventData, type EngagementEventType,
  type Movement, type RosterKind, type TransferKind,
} from './events.js';
export { ENGAGEMENT_MESSAGES, type EngagementCode } from './messages.js';
export {
  type CasePointsRule, checkShop, DEFAULT_CASE_POINTS_RULES, DEFAULT_ENGAGEMENT_POLICY,
  DEFAULT_POINTS_ITEMS, DEFAULT_SERVICE_CATEGORIES, DEFAULT_SHOP, ENGAGEMENT_COMMAND_TYPES,
  type EngagementCommandType, type EngagementPolicy, type PointsItem, type ServiceCategory,
  SHANGHAI_TIME_BANK, type ShopItem, type TimeBankRules,
} from './rules.js';
export {
  type AccountState, applyEngagement, type ClaimState, emptyEngagementState, type EngagementState,
  evolveEngagement, foldEngagement, foldLedger, type LedgerState, localDay, type MemberState, type OrderState, type OrderStatus,
  pendingOf, ROSTER_FREQUENCY, type RosterState, SYSTEM_ACCOUNTS, type TransferRecord,
} from './state.js';
export { EngagementStore } from './store.js';
export {
  buildCandidateIndex, type Candidate, type CandidateIndex, type DistanceLevels, suggestCandidates,
  type SuggestOptions,
} from './suggest.js';
export {
  accountStatement, orderMetrics, type OrderMetricsRow, participation, type ParticipationOptions,
  type ParticipationRow, type Statement, type StatementLine,
} from './views.js';
