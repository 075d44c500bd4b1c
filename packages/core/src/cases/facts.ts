/**
 * Case facts: one row per case in flat typed columns, the form in which metrics read the
 * case history. The lifecycle fold keeps them current; metrics never read event streams.
 * Times are epoch milliseconds; `NaN` means "not (yet)".
 * @module
 */
import { badArgument } from './args.js';

/** Where a case came from (index into {@link CASE_SOURCES}). @example `CASE_SOURCES[0] // 'patrol'` */
export const CASE_SOURCES = ['patrol', 'citizen', 'video', 'department', 'hotline', 'higher'] as const;
/** A case source id. @example `const s: CaseSource = 'hotline';` */
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * Coarse status for counting (index into {@link CASE_STATUSES}). `closed` is 办结;
 * `rejected` is 不予立案; `duplicate` was merged into another case; `void` was cancelled.
 *
 * @example
 * ```ts
 * CASE_STATUSES.indexOf('closed');
 * ```
 */
export const CASE_STATUSES = [
  'discovered', 'registered', 'dispatched', 'handling', 'handled', 'verified', 'followup',
  'closed', 'suspended', 'rejected', 'duplicate', 'void',
] as const;
/** A coarse case status. @example `const s: CaseStatus = 'closed';` */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The columnar facts of `length` cases (capacity may be larger). Row i is the case with
 * dense number i (see `caseIds`).
 *
 * @example
 * ```ts
 * const f = createCaseFacts(1024);
 * f.node[0] = hierarchy.indexOf('350302001001001001');
 * f.length = 1;
 * ```
 */
export interface CaseFacts {
  /** Number of rows in use. */
  length: number;
  /** The case id of each row. */
  caseIds: string[];
  /** Pre-order position (in the hierarchy index) of the node the case belongs to. */
  node: Int32Array;
  /** Category position (index into the category table in use). */
  category: Uint16Array;
  /** Source (index into CASE_SOURCES). */
  source: Uint8Array;
  /** Status (index into CASE_STATUSES). */
  status: Uint8Array;
  /** When discovered/reported. */
  reportedAt: Float64Array;
  /** When registered 立案 (NaN if not). */
  registeredAt: Float64Array;
  /** When first dispatched (NaN if not). */
  dispatchedAt: Float64Array;
  /** Deadline for dispatching (NaN if none). */
  dispatchDueAt: Float64Array;
  /** When the handler last reported it handled (NaN if not). */
  handledAt: Float64Array;
  /** Deadline for handling, after extensions and suspensions (NaN if none). */
  dueAt: Float64Array;
  /** When closed 办结 (NaN if not). */
  closedAt: Float64Array;
  /** Level position of the body that handled it when closed (−1 if not closed). */
  closedLevel: Int8Array;
  /** Number of failed verifications (返工). */
  rework: Uint8Array;
  /** Number of escalations. */
  escalations: Uint8Array;
  /** Number of extensions granted. */
  extensions: Uint8Array;
  /** Satisfaction 1..5 from follow-up, 0 if none. */
  satisfaction: Uint8Array;
}

/**
 * Allocates empty facts with room for `capacity` rows.
 *
 * @example
 * ```ts
 * const facts = createCaseFacts(533_500);
 * ```
 */
export function createCaseFacts(capacity: number): CaseFacts {
  if (!(Number.isInteger(capacity) && capacity >= 0 && capacity <= 1 << 28)) throw badArgument('capacity', '0 到 2²⁸ 的整数', 'an integer from 0 to 2^28');
  const nan = () => new Float64Array(capacity).fill(NaN);
  return {
    length: 0,
    caseIds: [],
    node: new Int32Array(capacity),
    category: new Uint16Array(capacity),
    source: new Uint8Array(capacity),
    status: new Uint8Array(capacity),
    reportedAt: nan(),
    registeredAt: nan(),
    dispatchedAt: nan(),
    dispatchDueAt: nan(),
    handledAt: nan(),
    dueAt: nan(),
    closedAt: nan(),
    closedLevel: new Int8Array(capacity).fill(-1),
    rework: new Uint8Array(capacity),
    escalations: new Uint8Array(capacity),
    extensions: new Uint8Array(capacity),
    satisfaction: new Uint8Array(capacity),
  };
}
