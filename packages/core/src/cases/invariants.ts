/**
 * The loop's invariants an event must keep to follow on its case, shared by the state fold
 * and the store fold (and, for the separation of duties, by `decide`): the transition table,
 * time order, pending requests, the close conditions and the separation of duties. Plain
 * numbers in, a code out: no allocation on the replay's hot path.
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { can, type CasePolicy } from './policy.js';
import { TRANSITION_TABLE, CASE_EVENT_KINDS, commandOfKind } from './transitions.js';
import { dutyProblem, type Duty, type SeparationPolicy } from './separation.js';
import type { CaseCode } from './messages.js';
import type { AnyCaseEvent } from './events.js';

/** Case flag: a passed verification since the last handling. @example `flags & FLAG_VERIFIED` */
export const FLAG_VERIFIED = 1;
/** Case flag: the reporter has had feedback. @example `flags & FLAG_FEEDBACK` */
export const FLAG_FEEDBACK = 2;
/** Case flag: followed up without recurrence. @example `flags & FLAG_FOLLOWED` */
export const FLAG_FOLLOWED = 4;

const N_KINDS = CASE_EVENT_KINDS.length;
const TABLE = TRANSITION_TABLE;
const KIND: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(CASE_EVENT_KINDS.map((k, i) => [k, i])));
const VERIFIED_FAILED = CASE_EVENT_KINDS.indexOf('verifiedFailed');
const FOLLOWED_RECURRED = CASE_EVENT_KINDS.indexOf('followedUpRecurred');

/**
 * The kind index of an event whose envelope is already checked (the store's hot path): −1
 * for an unknown type.
 *
 * @example
 * ```ts
 * kindOf(event); // as eventKindIndex, without its argument checks
 * ```
 */
export function kindOf(e: AnyCaseEvent): number {
  const k = KIND[e.type];
  if (k === undefined) return -1;
  if (e.type === 'verified') return e.data.passed === true ? k : VERIFIED_FAILED;
  if (e.type === 'followedUp') return e.data.recurred === true ? FOLLOWED_RECURRED : k;
  return k;
}
const K = (t: string) => CASE_EVENT_KINDS.indexOf(t as never);
const CLOSED = K('closed');
const FEEDBACK_GIVEN = K('feedbackGiven');
/** Per kind: 0 no rule, 1 no request may be pending, 2 an extension must be, 3 a suspension must be. */
const PENDING_RULE = new Uint8Array(N_KINDS);
PENDING_RULE[K('extensionRequested')] = 1;
PENDING_RULE[K('suspensionRequested')] = 1;
PENDING_RULE[K('extensionGranted')] = 2;
PENDING_RULE[K('extensionDenied')] = 2;
PENDING_RULE[K('suspensionGranted')] = 3;
PENDING_RULE[K('suspensionDenied')] = 3;

/**
 * Per kind, the check of who did it: 0 none, 1 verify, 2 follow-up, 3 close, 4 a decision on
 * a request (not by whoever asked).
 *
 * @example
 * ```ts
 * DUTY_OF_KIND[CASE_EVENT_KINDS.indexOf('verifiedFailed')]; // 1
 * ```
 */
export const DUTY_OF_KIND: Uint8Array = (() => {
  const d = new Uint8Array(N_KINDS);
  d[K('verified')] = 1;
  d[K('verifiedFailed')] = 1;
  d[K('followedUp')] = 2;
  d[K('followedUpRecurred')] = 2;
  d[CLOSED] = 3;
  for (const t of ['extensionGranted', 'extensionDenied', 'suspensionGranted', 'suspensionDenied']) d[K(t)] = 4;
  return d;
})();
const DUTIES: readonly (Duty | null)[] = [null, 'verify', 'followUp', 'close', null];

/**
 * The code refusing an event of kind `kind` at time `at` on a case in status `status`
 * (indices) with `flags`, `pending` (0 none, 1 extension, 2 suspension) and last event time
 * `lastAt` — or `null` if the table and the invariants allow it. `feedbackNeeded`: the case's
 * source needs feedback before closing.
 *
 * @example
 * ```ts
 * transitionCode(statusIndex, kindIndex, flags, pending, lastAt, e.at, false); // e.g. 'E_NOT_VERIFIED'
 * ```
 */
export function transitionCode(status: number, kind: number, flags: number, pending: number, lastAt: number, at: number, feedbackNeeded: boolean): CaseCode | null {
  if (!(kind >= 0 && kind < N_KINDS) || kind === 0) return 'E_WRONG_STATE';
  if (!(at >= lastAt)) return 'E_TIME_BACKWARDS';
  if (TABLE[status * N_KINDS + kind] === 255) {
    if (kind !== CLOSED) return 'E_WRONG_STATE';
    return (flags & FLAG_VERIFIED) === 0 ? 'E_NOT_VERIFIED' : (flags & FLAG_FOLLOWED) === 0 ? 'E_NO_FOLLOWUP' : 'E_WRONG_STATE';
  }
  const p = PENDING_RULE[kind];
  if (p !== 0) {
    if (p === 1 && pending !== 0) return 'E_PENDING_REQUEST';
    if (p === 2 && pending !== 1) return 'E_NO_REQUEST';
    if (p === 3 && pending !== 2) return 'E_NO_REQUEST';
  }
  if (kind === CLOSED && feedbackNeeded && (flags & FLAG_FEEDBACK) === 0) return 'E_NO_FEEDBACK';
  if (kind === FEEDBACK_GIVEN && (flags & FLAG_FEEDBACK) !== 0) return 'E_WRONG_STATE';
  return null;
}

/**
 * The code refusing who did an event of kind `kind` (see {@link DUTY_OF_KIND}): the
 * separation of duties for verify, follow-up and close; a request decided by whoever asked.
 *
 * @example
 * ```ts
 * actorCode(DEFAULT_SEPARATION, kind, e.actor, e.roleNode, s.handledBy, s.handler, s.handledNode, s.requestedBy); // e.g. 'E_SELF_VERIFY'
 * ```
 */
export function actorCode(
  sep: SeparationPolicy, kind: number, actor: string, actorNode: string, handledBy: string | null, handlerNode: string | null,
  handledNode: string | null, requestedBy: string | null, hierarchy?: HierarchyIndex,
): CaseCode | null {
  const d = DUTY_OF_KIND[kind];
  if (d === 0) return null;
  if (d === 4) return requestedBy !== null && actor === requestedBy ? 'E_SELF_APPROVE' : null;
  return dutyProblem(sep, DUTIES[d]!, actor, actorNode, handledBy, handlerNode, handledNode, hierarchy);
}

/**
 * The permission table (role × command × level) applied to events: may an event of `kind`
 * be done under `role` held on `roleNode`? Memoised per role and level, so a replay pays a
 * map lookup and the node's index an event.
 *
 * @example
 * ```ts
 * const roles = new RoleCheck(DEFAULT_CASE_POLICY, hierarchy);
 * roles.allows('grid-worker', gridCode, CASE_EVENT_KINDS.indexOf('closed')); // false
 * ```
 */
export class RoleCheck {
  /** Per role: the kinds allowed at each level (level position × kind), built on first use. */
  private readonly memo = new Map<string, Uint8Array>();
  constructor(private readonly policy: CasePolicy, private readonly hierarchy: HierarchyIndex) {}

  /** True if the role, held on that node, may run the command whose outcome `kind` is. */
  allows(role: string, roleNode: string, kind: number): boolean {
    const pos = this.hierarchy.indexOf(roleNode);
    if (pos < 0) return false;
    let ok = this.memo.get(role);
    if (ok === undefined) {
      // The table depends on the level only: one row of kinds per level, not one per node.
      const levels = this.hierarchy.config.levels;
      ok = new Uint8Array(levels.length * N_KINDS);
      for (let l = 0; l < levels.length; l++) {
        for (let k = 0; k < N_KINDS; k++) ok[l * N_KINDS + k] = can(this.policy, role, commandOfKind(k)!, levels[l].id) ? 1 : 0;
      }
      this.memo.set(role, ok);
    }
    return ok[this.hierarchy.levelOf[pos] * N_KINDS + kind] === 1;
  }
}
