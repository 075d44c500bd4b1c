/**
 * Separation of duties as data: who may verify, follow up and close a case relative to who
 * handled it — the person who reported it handled, the handling body (the node the case is
 * dispatched or escalated to, every department at that node included, and the node under
 * whose grant the handling was reported) and its level.
 * `decide` and both folds read the same policy.
 * @module
 */
import { JcError } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { caseIssue, type CaseCode } from './messages.js';

/**
 * What one duty requires of whoever does it.
 *
 * @example
 * ```ts
 * const r: DutyRule = { notHandler: true, notHandlingBody: true, level: 'not-below' };
 * ```
 */
export interface DutyRule {
  /** The person who reported the case handled may not do it. */
  notHandler?: boolean;
  /** No one acting under a grant on the handling body's node, or on the node the handler acted for, may do it. */
  notHandlingBody?: boolean;
  /**
   * Where the actor's node must sit relative to the handling body: `any` (default),
   * `not-below` (the same level or higher), `above` (strictly higher).
   */
  level?: 'any' | 'not-below' | 'above';
}

/**
 * The separation-of-duties policy: one rule per duty.
 *
 * @example
 * ```ts
 * const strict: SeparationPolicy = { ...DEFAULT_SEPARATION, close: { notHandler: true, notHandlingBody: true } };
 * ```
 */
export interface SeparationPolicy {
  /** 核查 (`verify`). */
  verify: DutyRule;
  /** 跟踪问效 and satisfaction (`followUp`). */
  followUp: DutyRule;
  /** 办结 (`close`). */
  close: DutyRule;
}

/** The duties a {@link SeparationPolicy} rules. @example `const d: Duty = 'verify';` */
export type Duty = keyof SeparationPolicy;

/**
 * The defaults: the verifier is neither the handler nor anyone of the handling body; the
 * follow-up (satisfaction) and the close are not by the handler.
 *
 * @example
 * ```ts
 * DEFAULT_SEPARATION.verify; // { notHandler: true, notHandlingBody: true, level: 'any' }
 * ```
 */
export const DEFAULT_SEPARATION: SeparationPolicy = Object.freeze({
  verify: Object.freeze({ notHandler: true, notHandlingBody: true, level: 'any' as const }),
  followUp: Object.freeze({ notHandler: true, notHandlingBody: false, level: 'any' as const }),
  close: Object.freeze({ notHandler: true, notHandlingBody: false, level: 'any' as const }),
});

const CODES: Record<Duty, { person: CaseCode; body: CaseCode }> = {
  verify: { person: 'E_SELF_VERIFY', body: 'E_HANDLING_BODY_VERIFY' },
  followUp: { person: 'E_HANDLER_FOLLOWUP', body: 'E_HANDLING_BODY_FOLLOWUP' },
  close: { person: 'E_HANDLER_CLOSE', body: 'E_HANDLING_BODY_CLOSE' },
};

/**
 * Checks a policy's shape: a `JcError` (`E_INVALID_INPUT`) names the first bad field.
 *
 * @example
 * ```ts
 * checkSeparationPolicy({ verify: {}, followUp: {}, close: { level: 'sideways' } }); // throws
 * ```
 */
export function checkSeparationPolicy(p: unknown): SeparationPolicy {
  const bad = (where: string) => new JcError(caseIssue('E_INVALID_INPUT', `separation.${where}`, where));
  if (p === null || typeof p !== 'object') throw bad('policy');
  for (const d of ['verify', 'followUp', 'close'] as const) {
    const r = (p as Record<string, unknown>)[d];
    if (r === null || typeof r !== 'object') throw bad(d);
    const { notHandler, notHandlingBody, level } = r as Record<string, unknown>;
    if (notHandler !== undefined && typeof notHandler !== 'boolean') throw bad(`${d}.notHandler`);
    if (notHandlingBody !== undefined && typeof notHandlingBody !== 'boolean') throw bad(`${d}.notHandlingBody`);
    if (level !== undefined && level !== 'any' && level !== 'not-below' && level !== 'above') throw bad(`${d}.level`);
  }
  return p as SeparationPolicy;
}

/**
 * The code refusing `actor` (acting under a grant on node `actorNode`) the duty on a case
 * handled by `handledBy` (acting under a grant on `handledNode`) for the body `handlerNode`,
 * or `null` if the policy allows it. The level rule needs the hierarchy (an unknown node
 * fails it). Used by `decide` and both folds.
 *
 * @example
 * ```ts
 * dutyProblem(DEFAULT_SEPARATION, 'verify', 'gw2', G1, 'gw1', V1, G1, hierarchy); // 'E_HANDLING_BODY_VERIFY'
 * ```
 */
export function dutyProblem(
  policy: SeparationPolicy, duty: Duty, actor: string, actorNode: string, handledBy: string | null, handlerNode: string | null,
  handledNode: string | null, hierarchy?: HierarchyIndex,
): CaseCode | null {
  if (policy === null || typeof policy !== 'object' || (duty !== 'verify' && duty !== 'followUp' && duty !== 'close')) {
    throw new JcError(caseIssue('E_INVALID_INPUT', 'policy / duty', 'policy'));
  }
  const r = policy[duty];
  if (r === null || typeof r !== 'object') throw new JcError(caseIssue('E_INVALID_INPUT', `separation.${duty}`, duty));
  if (r.notHandler && handledBy !== null && actor === handledBy) return CODES[duty].person;
  if (r.notHandlingBody && ((handlerNode !== null && actorNode === handlerNode) || (handledNode !== null && actorNode === handledNode))) return CODES[duty].body;
  if (r.level !== undefined && r.level !== 'any' && hierarchy !== undefined && handlerNode !== null) {
    const a = hierarchy.indexOf(actorNode);
    const b = hierarchy.indexOf(handlerNode);
    if (a < 0 || b < 0) return 'E_DUTY_LEVEL';
    const la = hierarchy.levelOf[a];
    const lb = hierarchy.levelOf[b];
    if (r.level === 'above' ? !(la < lb) : !(la <= lb)) return 'E_DUTY_LEVEL';
  }
  return null;
}
