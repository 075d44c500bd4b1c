/**
 * The one transition table of the case loop: which event may follow in which status, and
 * the status it leads to. `decide` (which commands a status allows), the state fold
 * ({@link applyCase}) and the store fold (`CaseStore`) all read it; no copy of it exists
 * anywhere else. The hot path reads it as one small typed array: status × event kind → next
 * status.
 * @module
 */
import { JcError } from '../errors/errors.js';
import type { CaseCommandType } from './policy.js';
import { CASE_STATUSES, type CaseStatus } from './facts.js';
import { CASE_EVENT_TYPES, type AnyCaseEvent, type CaseEventType } from './events.js';
import { caseIssue } from './messages.js';

/**
 * The kinds of event the table tells apart: every event type, plus the two outcomes that
 * lead elsewhere — a failed verification (`verifiedFailed`, back to handling) and a
 * follow-up that finds the problem back (`followedUpRecurred`).
 *
 * @example
 * ```ts
 * CASE_EVENT_KINDS.includes('verifiedFailed'); // true
 * ```
 */
export const CASE_EVENT_KINDS = Object.freeze([...CASE_EVENT_TYPES, 'verifiedFailed', 'followedUpRecurred'] as const) as readonly CaseEventKind[];
/** An event kind id (see {@link CASE_EVENT_KINDS}). @example `const k: CaseEventKind = 'followedUpRecurred';` */
export type CaseEventKind = CaseEventType | 'verifiedFailed' | 'followedUpRecurred';

const N_KINDS = CASE_EVENT_TYPES.length + 2;
const VERIFIED_FAILED = CASE_EVENT_TYPES.length;
const FOLLOWED_RECURRED = CASE_EVENT_TYPES.length + 1;
const KIND_INDEX: Record<string, number> = Object.fromEntries(CASE_EVENT_TYPES.map((t, i) => [t, i]));
KIND_INDEX.verifiedFailed = VERIFIED_FAILED;
KIND_INDEX.followedUpRecurred = FOLLOWED_RECURRED;

const OPEN_STATUSES: readonly CaseStatus[] = ['discovered', 'registered', 'dispatched', 'handling', 'handled', 'verified', 'followup', 'suspended'];

/**
 * One row of the table: after an event of kind `kind`, in any of the statuses `from`, the case
 * goes to `to` (`'same'`: it stays), and the event is the outcome of `command` — the command
 * whose role the permission table checks.
 *
 * @example
 * ```ts
 * const r: TransitionRule = { kind: 'accepted', from: ['dispatched'], to: 'handling', command: 'accept' };
 * ```
 */
export interface TransitionRule {
  kind: CaseEventKind;
  from: readonly CaseStatus[];
  to: CaseStatus | 'same';
  command: CaseCommandType;
}

/**
 * The table as data, in the order of the loop. `discovered` starts a case (version 1) and
 * follows nothing. Closing needs status `followup`, which only a passed verification then a
 * follow-up without recurrence reach (a failed one or a recurrence goes back to handling).
 *
 * @example
 * ```ts
 * CASE_TRANSITIONS.find((r) => r.kind === 'closed')?.from; // ['followup']
 * ```
 */
export const CASE_TRANSITIONS: readonly TransitionRule[] = Object.freeze([
  { kind: 'discovered', from: [], to: 'discovered', command: 'discover' },
  { kind: 'registered', from: ['discovered'], to: 'registered', command: 'register' },
  { kind: 'rejected', from: ['discovered'], to: 'rejected', command: 'reject' },
  { kind: 'duplicateLinked', from: ['discovered', 'registered'], to: 'duplicate', command: 'linkDuplicate' },
  { kind: 'dispatched', from: ['registered'], to: 'dispatched', command: 'dispatch' },
  { kind: 'accepted', from: ['dispatched'], to: 'handling', command: 'accept' },
  { kind: 'returned', from: ['dispatched'], to: 'registered', command: 'return' },
  { kind: 'progressReported', from: ['handling'], to: 'same', command: 'reportProgress' },
  { kind: 'extensionRequested', from: ['handling'], to: 'same', command: 'requestExtension' },
  { kind: 'extensionGranted', from: ['handling'], to: 'same', command: 'decideExtension' },
  { kind: 'extensionDenied', from: ['handling'], to: 'same', command: 'decideExtension' },
  { kind: 'suspensionRequested', from: ['handling'], to: 'same', command: 'requestSuspension' },
  { kind: 'suspensionGranted', from: ['handling'], to: 'suspended', command: 'decideSuspension' },
  { kind: 'suspensionDenied', from: ['handling'], to: 'same', command: 'decideSuspension' },
  { kind: 'resumed', from: ['suspended'], to: 'handling', command: 'resume' },
  { kind: 'escalated', from: ['dispatched', 'handling'], to: 'dispatched', command: 'escalate' },
  { kind: 'handled', from: ['handling'], to: 'handled', command: 'reportHandled' },
  { kind: 'verified', from: ['handled'], to: 'verified', command: 'verify' },
  { kind: 'verifiedFailed', from: ['handled'], to: 'handling', command: 'verify' },
  { kind: 'feedbackGiven', from: ['verified', 'followup'], to: 'same', command: 'giveFeedback' },
  { kind: 'followedUp', from: ['verified'], to: 'followup', command: 'followUp' },
  { kind: 'followedUpRecurred', from: ['verified'], to: 'handling', command: 'followUp' },
  { kind: 'closed', from: ['followup'], to: 'closed', command: 'close' },
  { kind: 'reopened', from: ['closed'], to: 'dispatched', command: 'reopen' },
  // 1+N+X comprehensive enforcement (一次告知、一次上门、一次到位): the town team's steps while it handles the case.
  { kind: 'enforcementNotified', from: ['handling'], to: 'same', command: 'reportProgress' },
  { kind: 'enforcementVisited', from: ['handling'], to: 'same', command: 'reportProgress' },
  { kind: 'enforcementSettled', from: ['handling'], to: 'same', command: 'reportProgress' },
  { kind: 'supervised', from: OPEN_STATUSES, to: 'same', command: 'supervise' },
  { kind: 'accountabilityRecorded', from: CASE_STATUSES, to: 'same', command: 'recordAccountability' },
] satisfies TransitionRule[]);

/** `NO`: the kind may not follow in that status. Any other value is the next status's index. */
const NO = 255;
const N_STATUSES = CASE_STATUSES.length;
const STATUS_INDEX: Record<string, number> = Object.fromEntries(CASE_STATUSES.map((s, i) => [s, i]));

/**
 * The compiled table: `TRANSITION_TABLE[status * CASE_EVENT_KINDS.length + kind]` is the index
 * (in `CASE_STATUSES`) of the next status, or 255 when the kind may not follow in that status.
 *
 * @example
 * ```ts
 * const k = CASE_EVENT_KINDS.indexOf('accepted');
 * CASE_STATUSES[TRANSITION_TABLE[CASE_STATUSES.indexOf('dispatched') * CASE_EVENT_KINDS.length + k]]; // 'handling'
 * ```
 */
export const TRANSITION_TABLE: Uint8Array = (() => {
  const t = new Uint8Array(N_STATUSES * N_KINDS).fill(NO);
  for (const r of CASE_TRANSITIONS) {
    const k = KIND_INDEX[r.kind];
    for (const from of r.from) {
      const s = STATUS_INDEX[from];
      t[s * N_KINDS + k] = r.to === 'same' ? s : STATUS_INDEX[r.to];
    }
  }
  return t;
})();

/** The command whose outcome each kind is (index = kind). */
const COMMAND_OF_KIND: readonly CaseCommandType[] = (() => {
  const out: CaseCommandType[] = new Array<CaseCommandType>(N_KINDS);
  for (const r of CASE_TRANSITIONS) out[KIND_INDEX[r.kind]] = r.command;
  return out;
})();

/**
 * The kind index of an event (its type's index in `CASE_EVENT_TYPES`, or one of the two
 * outcome kinds); −1 for an unknown type. No allocation: the replay's hot path.
 *
 * @example
 * ```ts
 * CASE_EVENT_KINDS[eventKindIndex(failedVerification)]; // 'verifiedFailed'
 * ```
 */
export function eventKindIndex(e: AnyCaseEvent): number {
  if (e === null || typeof e !== 'object' || typeof e.type !== 'string' || !Object.hasOwn(KIND_INDEX, e.type)) return -1;
  const k = KIND_INDEX[e.type];
  if ((e.type === 'verified' || e.type === 'followedUp') && (e.data === null || typeof e.data !== 'object')) return -1;
  if (e.type === 'verified') return e.data.passed === true ? k : VERIFIED_FAILED;
  if (e.type === 'followedUp') return e.data.recurred === true ? FOLLOWED_RECURRED : k;
  return k;
}

/**
 * The next status index after kind `kind` in status `status` (both indices), or −1 when the
 * table does not allow it. An array lookup.
 *
 * @example
 * ```ts
 * nextStatusIndex(CASE_STATUSES.indexOf('followup'), CASE_EVENT_KINDS.indexOf('closed')); // index of 'closed'
 * ```
 */
export function nextStatusIndex(status: number, kind: number): number {
  if (typeof status !== 'number' || typeof kind !== 'number' || !(status >= 0 && status < N_STATUSES && kind >= 0 && kind < N_KINDS)) return -1;
  status |= 0;
  kind |= 0;
  const n = TRANSITION_TABLE[status * N_KINDS + kind];
  return n === NO ? -1 : n;
}

function badArg(name: string, value: unknown): JcError {
  const shown = typeof value === 'string' ? value.slice(0, 40) : typeof value;
  return new JcError(caseIssue('E_INVALID_INPUT', `${name}: ${shown}`, name));
}

/**
 * The status a case in `status` goes to when an event of `kind` follows, or `null` when the
 * table does not allow that event there. Throws a `JcError` (`E_INVALID_INPUT`) for an
 * unknown status or kind.
 *
 * @example
 * ```ts
 * nextStatus('handled', 'verifiedFailed'); // 'handling'
 * nextStatus('handling', 'closed');        // null
 * ```
 */
export function nextStatus(status: CaseStatus, kind: CaseEventKind): CaseStatus | null {
  const s = typeof status === 'string' ? STATUS_INDEX[status] : undefined;
  if (s === undefined || !Object.hasOwn(STATUS_INDEX, status)) throw badArg('status', status);
  const k = typeof kind === 'string' && Object.hasOwn(KIND_INDEX, kind) ? KIND_INDEX[kind] : undefined;
  if (k === undefined) throw badArg('kind', kind);
  const n = nextStatusIndex(s, k);
  return n < 0 ? null : CASE_STATUSES[n];
}

/**
 * The command each event kind is the outcome of (for the role check of a replay).
 *
 * @example
 * ```ts
 * commandOfKind(CASE_EVENT_KINDS.indexOf('verifiedFailed')); // 'verify'
 * ```
 */
export function commandOfKind(kind: number): CaseCommandType | undefined {
  return Number.isInteger(kind) ? COMMAND_OF_KIND[kind] : undefined;
}

const KINDS_OF_COMMAND = new Map<string, number[]>();
for (const r of CASE_TRANSITIONS) {
  const list = KINDS_OF_COMMAND.get(r.command) ?? [];
  list.push(KIND_INDEX[r.kind]);
  KINDS_OF_COMMAND.set(r.command, list);
}

/**
 * True if the table lets some outcome of `command` follow in `status` — how `decide` knows
 * which commands a status allows.
 *
 * @example
 * ```ts
 * commandAllowedIn('verify', 'handled'); // true
 * commandAllowedIn('close', 'handling'); // false
 * ```
 */
export function commandAllowedIn(command: CaseCommandType, status: CaseStatus): boolean {
  const kinds = typeof command === 'string' ? KINDS_OF_COMMAND.get(command) : undefined;
  if (!kinds) throw badArg('command', command);
  const s = typeof status === 'string' && Object.hasOwn(STATUS_INDEX, status) ? STATUS_INDEX[status] : undefined;
  if (s === undefined) throw badArg('status', status);
  for (const k of kinds) if (TRANSITION_TABLE[s * N_KINDS + k] !== NO) return true;
  return false;
}
