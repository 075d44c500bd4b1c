/**
 * Case state as a fold of events: one plain `switch`, no immer, no allocation per event —
 * the hot path of replaying millions of events.
 * @module
 */
import type { CaseSource, CaseStatus } from './facts.js';
import type { TimeLimit, Urgency } from './categories.js';
import type { AnyCaseEvent, CaseEvent } from './events.js';

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
  return {
    id: e.caseId,
    version: 1,
    status: 'discovered',
    node: e.data.node,
    source: e.data.source,
    reportedBy: e.actor,
    reportedAt: e.at,
    category: null,
    urgency: null,
    registeredAt: NaN,
    dispatchDueAt: NaN,
    handler: null,
    department: null,
    person: null,
    dispatchedAt: NaN,
    dueAt: NaN,
    handledBy: null,
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
 * Applies one event to a state **in place** (the store's hot path). The caller checks that
 * `e.version === s.version + 1`; `discovered` is handled by {@link initialState}.
 *
 * @example
 * ```ts
 * const s = initialState(events[0]);
 * for (let i = 1; i < events.length; i++) applyEvent(s, events[i]);
 * ```
 */
export function applyEvent(s: CaseState, e: AnyCaseEvent): void {
  s.version = e.version;
  s.lastAt = e.at;
  switch (e.type) {
    case 'discovered':
      break;
    case 'registered':
      s.status = 'registered';
      s.category = e.data.category;
      s.urgency = e.data.urgency;
      s.registeredAt = e.at;
      s.dispatchDueAt = e.data.dispatchDueAt;
      break;
    case 'rejected':
      s.status = 'rejected';
      break;
    case 'duplicateLinked':
      s.status = 'duplicate';
      s.duplicateOf = e.data.of;
      break;
    case 'dispatched':
      s.status = 'dispatched';
      s.handler = e.data.node;
      s.department = e.data.department ?? null;
      s.person = e.data.person ?? null;
      if (s.dispatchedAt !== s.dispatchedAt) s.dispatchedAt = e.at;
      s.dueAt = e.data.dueAt;
      break;
    case 'accepted':
      s.status = 'handling';
      break;
    case 'returned':
      s.status = 'registered';
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
      s.status = 'suspended';
      s.suspendedAt = e.at;
      break;
    case 'resumed':
      s.status = 'handling';
      s.suspendedAt = NaN;
      s.dueAt = e.data.dueAt;
      break;
    case 'escalated':
      s.status = 'dispatched';
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
      s.status = 'handled';
      s.handledBy = e.actor;
      s.handledAt = e.at;
      s.pending = null;
      s.requestedBy = null;
      s.requestedLimit = null;
      break;
    case 'verified':
      if (e.data.passed) {
        s.status = 'verified';
        s.verified = true;
      } else {
        s.status = 'handling';
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
        s.status = 'handling';
        s.verified = false;
        s.followedUp = false;
        s.rework++;
      } else {
        s.status = 'followup';
        s.followedUp = true;
      }
      break;
    case 'closed':
      s.status = 'closed';
      s.closedAt = e.at;
      break;
    case 'reopened':
      s.status = 'dispatched';
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
}

/**
 * Pure transition: a new state, the old one untouched.
 *
 * @example
 * ```ts
 * const next = evolve(state, acceptedEvent);
 * next !== state; // true
 * ```
 */
export function evolve(s: CaseState | undefined, e: AnyCaseEvent): CaseState {
  if (e.type === 'discovered') return initialState(e);
  if (!s) throw new TypeError(`evolve: event ${e.type} before discovered for ${e.caseId}`);
  const next = { ...s };
  applyEvent(next, e);
  return next;
}

/**
 * Folds a case's own events (in order) into its state; `undefined` for an empty stream.
 * The same events always give the same state.
 *
 * @example
 * ```ts
 * const s = foldCase(store.events('c-1'));
 * ```
 */
export function foldCase(events: readonly AnyCaseEvent[]): CaseState | undefined {
  if (events.length === 0 || events[0].type !== 'discovered') return undefined;
  const s = initialState(events[0]);
  for (let i = 1; i < events.length; i++) applyEvent(s, events[i]);
  return s;
}

/** Statuses in which a case is finished (no more handling). @example `TERMINAL_STATUSES.has('closed'); // true` */
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['closed', 'rejected', 'duplicate', 'void']);
