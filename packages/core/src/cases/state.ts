/**
 * Case state as a fold of events: one plain `switch`, no immer, no allocation per event —
 * the hot path of replaying millions of events.
 * @module
 */
import { badArgument, checkCategoriesArg, checkEventArg, checkHierarchyArg, checkStateArg, isObj } from './args.js';
import { isList } from '../errors/args.js';
import { checkSeparationPolicy } from './separation.js';
import { fail, JcError, ok, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { CasePolicy } from './policy.js';
import { CASE_STATUSES, type CaseSource, type CaseStatus } from './facts.js';
import { URGENCIES, type CategoryTable, type Urgency } from './categories.js';
import type { TimeLimit } from '../calendar/calendar.js';
import type { AnyCaseEvent, CaseEvent } from './events.js';
import { eventKindIndex, TRANSITION_TABLE, CASE_EVENT_KINDS } from './transitions.js';
import { actorCode, FLAG_FEEDBACK, FLAG_FOLLOWED, FLAG_VERIFIED, RoleCheck, transitionCode } from './invariants.js';
import { DEFAULT_SEPARATION, type SeparationPolicy } from './separation.js';
import { caseIssue, type CaseCode } from './messages.js';

/**
 * The state of one case. Times are epoch ms, `NaN` = not (yet). Node fields hold codes.
 *
 * @example
 * ```ts
 * const s = foldCase(events);
 * s?.status; // 'closed'
 * ```
 */
export interface CaseState {
  id: string;
  /** Number of events applied (the version a command must expect). */
  version: number;
  status: CaseStatus;
  /** Code of the node the case belongs to. */
  node: string;
  source: CaseSource;
  /** Actor id of whoever reported/discovered it. */
  reportedBy: string;
  reportedAt: number;
  category: string | null;
  urgency: Urgency | null;
  registeredAt: number;
  dispatchDueAt: number;
  /** Code of the handling body's node (after dispatch or escalation). */
  handler: string | null;
  department: string | null;
  person: string | null;
  dispatchedAt: number;
  /** Handling deadline after extensions and suspensions. */
  dueAt: number;
  /** Actor id who last reported it handled (may not verify it). */
  handledBy: string | null;
  /** Code of the node whose grant the handler acted under (part of the handling body). */
  handledNode: string | null;
  handledAt: number;
  /** A request awaiting a decision. */
  pending: 'extension' | 'suspension' | null;
  requestedBy: string | null;
  requestedLimit: TimeLimit | null;
  /** Suspended 挂账 since (the clock is stopped). */
  suspendedAt: number;
  verified: boolean;
  feedback: boolean;
  followedUp: boolean;
  satisfaction: number;
  recurred: boolean;
  closedAt: number;
  duplicateOf: string | null;
  rework: number;
  escalations: number;
  extensions: number;
  supervisions: number;
  accountabilities: number;
  /** Time of the last event. */
  lastAt: number;
}

/**
 * The state created by a `discovered` event.
 *
 * @example
 * ```ts
 * const s = initialState(discoveredEvent);
 * s.status; // 'discovered'
 * ```
 */
export function initialState(e: CaseEvent<'discovered'>): CaseState {
  checkEventArg(e);
  if (e.type !== 'discovered' || !isObj(e.data) || typeof e.data.node !== 'string') throw badArgument('event', '一个 discovered 事件', 'a discovered event');
  return {
    id: e.caseId,
    version: 1,
    status: 'discovered',
    node: e.data.node,
    source: e.data.source,
    reportedBy: e.actor,
    reportedAt: e.at,
    category: null,
    // the finder's urgency until registration sets the official one
    urgency: (URGENCIES as readonly unknown[]).includes(e.data.urgency) ? e.data.urgency! : null,
    registeredAt: NaN,
    dispatchDueAt: NaN,
    handler: null,
    department: null,
    person: null,
    dispatchedAt: NaN,
    dueAt: NaN,
    handledBy: null,
    handledNode: null,
    handledAt: NaN,
    pending: null,
    requestedBy: null,
    requestedLimit: null,
    suspendedAt: NaN,
    verified: false,
    feedback: false,
    followedUp: false,
    satisfaction: 0,
    recurred: false,
    closedAt: NaN,
    duplicateOf: null,
    rework: 0,
    escalations: 0,
    extensions: 0,
    supervisions: 0,
    accountabilities: 0,
    lastAt: e.at,
  };
}

/**
 * What a fold checks events against besides the transition table: the separation of duties
 * (default {@link DEFAULT_SEPARATION}), the sources whose reporter must have feedback before
 * closing (default citizen and hotline), and — when given — the hierarchy (nodes must exist),
 * the category table (categories must exist) and the permission table (each event's role
 * must be allowed its command at its node's level; needs the hierarchy).
 *
 * @example
 * ```ts
 * const rules: FoldRules = { hierarchy, categories, policy: DEFAULT_CASE_POLICY };
 * ```
 */
export interface FoldRules {
  separation?: SeparationPolicy;
  feedbackSources?: readonly CaseSource[];
  hierarchy?: HierarchyIndex;
  categories?: CategoryTable;
  policy?: CasePolicy;
}

const STATUS_INDEX = Object.fromEntries(CASE_STATUSES.map((x, i) => [x, i])) as Record<CaseStatus, number>;
const N_KINDS = CASE_EVENT_KINDS.length;
const DEFAULT_FEEDBACK: readonly CaseSource[] = ['citizen', 'hotline'];
const roleChecks = new WeakMap<FoldRules, RoleCheck>();

function roleCheck(rules: FoldRules): RoleCheck | undefined {
  if (!rules.policy || !rules.hierarchy) return undefined;
  let r = roleChecks.get(rules);
  if (!r) roleChecks.set(rules, (r = new RoleCheck(rules.policy, rules.hierarchy)));
  return r;
}

/** Nodes, categories and roles an event names, checked when the rules give their tables. */
function referenceCode(e: AnyCaseEvent, kind: number, rules: FoldRules): CaseCode | null {
  const h = rules.hierarchy;
  if (h) {
    const node = e.type === 'discovered' || e.type === 'dispatched' || e.type === 'escalated' ? e.data.node : undefined;
    if (node !== undefined && h.indexOf(node) < 0) return 'E_UNKNOWN_NODE';
  }
  if (rules.categories && e.type === 'registered' && rules.categories.indexOf(e.data.category) < 0) return 'E_UNKNOWN_CATEGORY';
  const roles = roleCheck(rules);
  if (roles && !roles.allows(e.role, e.roleNode, kind)) return 'E_NOT_PERMITTED';
  return null;
}

/**
 * Why event `e` may not follow on state `s` — its version, the transition table, time order,
 * pending requests, the close conditions, the separation of duties and (with the rules'
 * tables) nodes, categories and roles — or `null` if it may.
 *
 * @example
 * ```ts
 * eventProblem(state, closedEvent); // 'E_NOT_VERIFIED' when no verification passed
 * ```
 */
export function eventProblem(s: CaseState, e: AnyCaseEvent, rules: FoldRules = {}): CaseCode | null {
  checkStateArg(s);
  checkEventArg(e);
  if (!Object.hasOwn(STATUS_INDEX, s.status)) throw badArgument('state', '案件状态（CaseState）', 'a case state (CaseState)');
  rules = ruleArg(rules);
  if (e.type === 'discovered') return 'E_CASE_EXISTS';
  if (e.caseId !== s.id || e.version !== s.version + 1) return 'E_EVENT_ORDER';
  const kind = eventKindIndex(e);
  const flags = (s.verified ? FLAG_VERIFIED : 0) | (s.feedback ? FLAG_FEEDBACK : 0) | (s.followedUp ? FLAG_FOLLOWED : 0);
  const pending = s.pending === 'extension' ? 1 : s.pending === 'suspension' ? 2 : 0;
  return transitionCode(STATUS_INDEX[s.status], kind, flags, pending, s.lastAt, e.at, (rules.feedbackSources ?? DEFAULT_FEEDBACK).includes(s.source))
    ?? actorCode(rules.separation ?? DEFAULT_SEPARATION, kind, e.actor, e.roleNode, s.handledBy, s.handler, s.handledNode, s.requestedBy, rules.hierarchy)
    ?? referenceCode(e, kind, rules);
}

/**
 * Applies one event to a state **in place** when it may follow ({@link eventProblem}); the
 * status comes from the transition table. A refused event changes nothing and gives its
 * code. `discovered` starts a case: see {@link initialState}.
 *
 * @example
 * ```ts
 * const s = initialState(events[0]);
 * for (let i = 1; i < events.length; i++) if (applyCase(s, events[i])) break;
 * ```
 */
export function applyCase(s: CaseState, e: AnyCaseEvent, rules: FoldRules = {}): CaseCode | null {
  const code = eventProblem(s, e, rules);
  if (code !== null) return code;
  const next = TRANSITION_TABLE[STATUS_INDEX[s.status] * N_KINDS + eventKindIndex(e)];
  s.version = e.version;
  s.lastAt = e.at;
  s.status = CASE_STATUSES[next];
  switch (e.type) {
    case 'discovered':
      break;
    case 'registered':
      s.category = e.data.category;
      s.urgency = e.data.urgency;
      s.registeredAt = e.at;
      s.dispatchDueAt = e.data.dispatchDueAt;
      break;
    case 'rejected':
      break;
    case 'duplicateLinked':
      s.duplicateOf = e.data.of;
      break;
    case 'dispatched':
      s.handler = e.data.node;
      s.department = e.data.department ?? null;
      s.person = e.data.person ?? null;
      if (s.dispatchedAt !== s.dispatchedAt) s.dispatchedAt = e.at;
      s.dueAt = e.data.dueAt;
      break;
    case 'accepted':
      break;
    case 'returned':
      s.handler = null;
      s.department = null;
      s.person = null;
      s.dueAt = NaN;
      break;
    case 'progressReported':
      break;
    case 'extensionRequested':
      s.pending = 'extension';
      s.requestedBy = e.actor;
      s.requestedLimit = e.data.limit;
      break;
    case 'extensionGranted':
      s.pending = null;
      s.requestedBy = null;
      s.requestedLimit = null;
      s.dueAt = e.data.dueAt;
      s.extensions++;
      break;
    case 'suspensionRequested':
      s.pending = 'suspension';
      s.requestedBy = e.actor;
      break;
    case 'extensionDenied':
    case 'suspensionDenied':
      s.pending = null;
      s.requestedBy = null;
      s.requestedLimit = null;
      break;
    case 'suspensionGranted':
      s.pending = null;
      s.requestedBy = null;
      s.suspendedAt = e.at;
      break;
    case 'resumed':
      s.suspendedAt = NaN;
      s.dueAt = e.data.dueAt;
      break;
    case 'escalated':
      s.handler = e.data.node;
      s.department = null;
      s.person = null;
      s.pending = null;
      s.requestedBy = null;
      s.requestedLimit = null;
      s.dueAt = e.data.dueAt;
      s.escalations++;
      break;
    case 'handled':
      s.handledBy = e.actor;
      s.handledNode = e.roleNode;
      s.handledAt = e.at;
      s.pending = null;
      s.requestedBy = null;
      s.requestedLimit = null;
      break;
    case 'verified':
      if (e.data.passed) {
        s.verified = true;
      } else {
        s.verified = false;
        s.rework++;
      }
      break;
    case 'feedbackGiven':
      s.feedback = true;
      break;
    case 'followedUp':
      s.satisfaction = e.data.satisfaction;
      s.recurred = e.data.recurred;
      if (e.data.recurred) {
        s.verified = false;
        s.followedUp = false;
        s.rework++;
      } else {
        s.followedUp = true;
      }
      break;
    case 'closed':
      s.closedAt = e.at;
      break;
    case 'reopened':
      s.closedAt = NaN;
      s.verified = false;
      s.feedback = false;
      s.followedUp = false;
      s.dueAt = e.data.dueAt;
      break;
    case 'supervised':
      s.supervisions++;
      break;
    case 'accountabilityRecorded':
      s.accountabilities++;
      break;
  }
  return null;
}

/**
 * Why a first event may not start a case — not a `discovered` at version 1, or (with the
 * rules' tables) on an unknown node or by a role not allowed to discover there — or `null`.
 *
 * @example
 * ```ts
 * firstEventProblem(events[0], { hierarchy }); // 'E_UNKNOWN_NODE' for a node the city lacks
 * ```
 */
export function firstEventProblem(e: AnyCaseEvent, rules: FoldRules = {}): CaseCode | null {
  checkEventArg(e);
  rules = ruleArg(rules);
  if (e.type !== 'discovered' || e.version !== 1) return 'E_EVENT_ORDER';
  return referenceCode(e, 0, rules);
}

/** The rules argument, checked: an object (or nothing) whose tables are what they say. */
function ruleArg(rules: unknown): FoldRules {
  if (rules === undefined) return {};
  if (!isObj(rules)) throw badArgument('rules', '检查规则对象（FoldRules）', 'a rules object (FoldRules)');
  const r = rules as FoldRules;
  if (r.hierarchy !== undefined) checkHierarchyArg(r.hierarchy, 'rules.hierarchy');
  if (r.categories !== undefined) checkCategoriesArg(r.categories, 'rules.categories');
  if (r.separation !== undefined) checkSeparationPolicy(r.separation);
  if (r.feedbackSources !== undefined && !Array.isArray(r.feedbackSources)) throw badArgument('rules.feedbackSources', '来源列表', 'a list of sources');
  if (r.policy !== undefined && (!isObj(r.policy) || !Array.isArray(r.policy.rules))) throw badArgument('rules.policy', '权限表（CasePolicy）', 'a permission table (CasePolicy)');
  return r;
}

/**
 * Pure transition: a new state, the old one untouched. Throws a `JcError` with the code when
 * the event may not follow (see {@link eventProblem}) or starts no case.
 *
 * @example
 * ```ts
 * const next = evolveCase(state, acceptedEvent);
 * next !== state; // true
 * ```
 */
export function evolveCase(s: CaseState | undefined, e: AnyCaseEvent, rules: FoldRules = {}): CaseState {
  checkEventArg(e);
  if (s !== undefined) checkStateArg(s);
  if (s === undefined || e.type === 'discovered') {
    const first = firstEventProblem(e, rules);
    if (first !== null || s !== undefined) throw new JcError(caseIssue(first ?? 'E_CASE_EXISTS', `${e.caseId} v${e.version} ${e.type}`));
    return initialState(e as CaseEvent<'discovered'>);
  }
  const next = { ...s };
  const code = applyCase(next, e, rules);
  if (code !== null) throw new JcError(caseIssue(code, `${e.caseId} v${e.version} ${e.type}`));
  return next;
}

/**
 * Folds a case's own events (in order) into its state, checking each against the
 * transition table and the invariants: the state, or the first refused event (its 1-based
 * position in `row`, its code and zh/en message).
 *
 * @example
 * ```ts
 * const r = foldCaseChecked(store.events('c-1'), { hierarchy, categories });
 * if (!r.ok) r.errors[0].code; // e.g. 'E_SELF_VERIFY'
 * ```
 */
export function foldCaseChecked(events: readonly AnyCaseEvent[], rules: FoldRules = {}): Result<CaseState> {
  if (!isList(events) || events.length === 0) return fail([caseIssue('E_INVALID_INPUT', 'events', 'events')]);
  rules = ruleArg(rules);
  for (let i = 0; i < events.length; i++) {
    const x = events[i] as unknown as Record<string, unknown> | null;
    if (!isObj(x) || typeof x.type !== 'string' || typeof x.caseId !== 'string' || typeof x.version !== 'number' || typeof x.at !== 'number'
      || typeof x.actor !== 'string' || typeof x.roleNode !== 'string' || !isObj(x.data)) {
      return fail([caseIssue('E_BAD_EVENT', `#${i + 1}`, undefined, i + 1)]);
    }
  }
  const first = firstEventProblem(events[0], rules);
  if (first !== null) return fail([caseIssue(first, `${events[0].caseId} v${events[0].version} ${events[0].type}`, undefined, 1)]);
  const s = initialState(events[0] as CaseEvent<'discovered'>);
  for (let i = 1; i < events.length; i++) {
    const e = events[i];
    const code = applyCase(s, e, rules);
    if (code !== null) return fail([caseIssue(code, `${e.caseId} v${e.version} ${e.type} (${s.status})`, undefined, i + 1)]);
  }
  return ok(s);
}

/**
 * Folds a case's own events (in order) into its state; `undefined` for an empty stream or
 * one with an event the table or the invariants refuse (see `foldCaseChecked` for why).
 * The same events always give the same state.
 *
 * @example
 * ```ts
 * const s = foldCase(store.events('c-1'));
 * ```
 */
export function foldCase(events: readonly AnyCaseEvent[], rules: FoldRules = {}): CaseState | undefined {
  if (!isList(events) || events.length === 0) return undefined;
  const r = foldCaseChecked(events, rules);
  return r.ok ? r.value : undefined;
}

/** Statuses in which a case is finished (no more handling). @example `TERMINAL_STATUSES.has('closed'); // true` */
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['closed', 'rejected', 'duplicate', 'void']);
