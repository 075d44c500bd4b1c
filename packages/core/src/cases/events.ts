/**
 * Case events: plain, immutable JSON records. A case's ordered events *are* its file
 * 一件一档; its state is a fold of them.
 * @module
 */
import type { CaseSource } from './facts.js';
import type { Urgency } from './categories.js';
import type { TimeLimit } from '../calendar/calendar.js';
import { ENFORCEMENT_EVENT_TYPES, type EnforcementEventData } from './enforcement-events.js';

/**
 * Metadata of a file attached to an event (the file itself lives with the host).
 *
 * @example
 * ```ts
 * const a: Attachment = { id: 'f-1', name: '现场.jpg', mime: 'image/jpeg', size: 204_800 };
 * ```
 */
export interface Attachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  /** Content hash, if the host computed one. */
  sha256?: string;
}

/**
 * The payload of each event type.
 *
 * @example
 * ```ts
 * const d: CaseEventData['dispatched'] = { node: '350302001001000', dueAt: Date.parse('2025-03-10T17:30:00+08:00') };
 * ```
 */
export interface CaseEventData extends EnforcementEventData {
  /** 源头发现: the case is created. */
  discovered: { node: string; source: CaseSource; description: string; reporter?: string; patrolId?: string; attachments?: Attachment[]; urgency?: Urgency; address?: string; lng?: number; lat?: number };
  /**
   * 信息采集 + 立案. `dispatchDueAt`: deadline to dispatch. In every event that sets a deadline,
   * `estimated: true` marks one computed with the calendar's weekday fallback outside its years.
   */
  registered: { category: string; urgency: Urgency; description: string; address?: string; lng?: number; lat?: number; parties?: string[]; attachments?: Attachment[]; dispatchDueAt: number; estimated?: true };
  /** 不予立案. */
  rejected: { reason: string };
  /** Merged into another case. */
  duplicateLinked: { of: string; note?: string };
  /** 任务分派 to a body (node), optionally a department there or a person. */
  dispatched: { node: string; department?: string; person?: string; dueAt: number; estimated?: true; note?: string };
  accepted: { note?: string };
  /** Returned as not ours 退回: back to the dispatcher. */
  returned: { reason: string };
  progressReported: { note: string; attachments?: Attachment[] };
  extensionRequested: { limit: TimeLimit; reason: string };
  extensionGranted: { dueAt: number; estimated?: true; note?: string };
  extensionDenied: { reason: string };
  suspensionRequested: { reason: string };
  suspensionGranted: { note?: string };
  suspensionDenied: { reason: string };
  /** The clock runs again; `dueAt` = resume time + the working time that was left. */
  resumed: { dueAt: number; estimated?: true; note?: string };
  /** 上报: one level up, to the parent of the handling body. */
  escalated: { node: string; dueAt: number; estimated?: true; reason: string };
  handled: { result: string; attachments?: Attachment[] };
  /** 核查: failure sends the case back to handling (返工). */
  verified: { passed: boolean; note: string; attachments?: Attachment[] };
  feedbackGiven: { channel: 'phone' | 'sms' | 'visit' | 'app' | 'letter'; note: string };
  /** 跟踪问效: a recurrence sends the case back to handling. */
  followedUp: { satisfaction: number; recurred: boolean; note?: string };
  /** 办结. */
  closed: { note?: string };
  reopened: { reason: string; dueAt: number; estimated?: true };
  /** 督办. */
  supervised: { note: string; dueAt?: number; estimated?: true };
  /** 问责. */
  accountabilityRecorded: { person: string; measure: string; reason: string };
}

/** An event type id. @example `const t: CaseEventType = 'verified';` */
export type CaseEventType = keyof CaseEventData;

/**
 * Every event type, in the order of the loop.
 *
 * @example
 * ```ts
 * CASE_EVENT_TYPES.includes('closed'); // true
 * ```
 */
export const CASE_EVENT_TYPES: readonly CaseEventType[] = Object.freeze([
  'discovered', 'registered', 'rejected', 'duplicateLinked', 'dispatched', 'accepted', 'returned',
  'progressReported', 'extensionRequested', 'extensionGranted', 'extensionDenied', 'suspensionRequested',
  'suspensionGranted', 'suspensionDenied', 'resumed', 'escalated', 'handled', 'verified', 'feedbackGiven',
  'followedUp', 'closed', 'reopened', 'supervised', 'accountabilityRecorded', ...ENFORCEMENT_EVENT_TYPES,
] satisfies CaseEventType[]);

/**
 * One event on a case's stream. `version` is its 1-based position in that stream; `at` is
 * epoch ms; `actor`, `role` and `roleNode` say who did it under which grant.
 *
 * @example
 * ```ts
 * const e: CaseEvent<'accepted'> = {
 *   caseId: 'c-1', version: 4, type: 'accepted', at: 1741570200000,
 *   actor: 'u-7', role: 'village-officer', roleNode: '350302001001', data: {},
 * };
 * ```
 */
export interface CaseEvent<T extends CaseEventType = CaseEventType> {
  caseId: string;
  version: number;
  type: T;
  at: number;
  actor: string;
  role: string;
  roleNode: string;
  data: CaseEventData[T];
}

/**
 * Any case event, discriminated by `type` (narrowing `data`).
 *
 * @example
 * ```ts
 * function dueOf(e: AnyCaseEvent) { return e.type === 'dispatched' ? e.data.dueAt : NaN; }
 * ```
 */
export type AnyCaseEvent = { [T in CaseEventType]: CaseEvent<T> }[CaseEventType];
