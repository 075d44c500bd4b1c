/**
 * Deadlines as pure functions of (case, now): which deadline runs, is it missed, is it near.
 * Suspension 挂账 stops the clock; an extension has already moved `dueAt`.
 * @module
 */
import type { CaseState } from './state.js';
import { need } from '../errors/args.js';
import { CASE } from '../shapes.js';

/**
 * The deadline running now: the dispatch deadline while registered, the handling deadline
 * while dispatched or handling (also while suspended, frozen); `NaN` if none runs.
 *
 * @example
 * ```ts
 * runningDeadline(store.get('c-1')!); // epoch ms
 * ```
 */
export function runningDeadline(s: CaseState): number {
  need('runningDeadline', 's', s, 'object', CASE);
  return deadlineOf(s);
}

/** {@link runningDeadline} for a state its caller has checked already (`overdue`, `dueSoon`). */
function deadlineOf(s: CaseState): number {
  switch (s.status) {
    case 'registered':
      return s.dispatchDueAt;
    case 'dispatched':
    case 'handling':
    case 'suspended':
      return s.dueAt;
    default:
      return NaN;
  }
}

/**
 * True if the running deadline has passed at `now`. A suspended case is overdue only if it
 * already was when it was suspended (the clock is stopped).
 *
 * @example
 * ```ts
 * overdue(state, Date.parse('2025-10-09T12:00:00+08:00'));
 * ```
 */
export function overdue(s: CaseState, now: number): boolean {
  need('overdue', 's', s, 'object', CASE);
  need('overdue', 'now', now, 'time');
  const due = deadlineOf(s);
  if (!(due === due)) return false;
  return s.status === 'suspended' ? s.suspendedAt > due : now > due;
}

/**
 * True if the running deadline is not yet passed but falls within `within` ms of `now`
 * (a suspended case is never due soon: its clock is stopped).
 *
 * @example
 * ```ts
 * dueSoon(state, Date.now(), 2 * 3_600_000); // due within two hours
 * ```
 */
export function dueSoon(s: CaseState, now: number, within: number): boolean {
  need('dueSoon', 's', s, 'object', CASE);
  need('dueSoon', 'now', now, 'time');
  need('dueSoon', 'within', within, 'number');
  if (s.status === 'suspended') return false;
  const due = deadlineOf(s);
  return due === due && now <= due && due - now <= within;
}
