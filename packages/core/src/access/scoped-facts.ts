/**
 * Scoped case facts and metrics: aggregates are computed only over the rows the actor may
 * see, and a query for a node outside the scope is refused — never answered with zeros.
 * @module
 */
import { fail, ok, type Result } from '../errors/errors.js';
import { createCaseFacts, type CaseFacts } from '../cases/facts.js';
import type { Access } from './context.js';
import { accessIssue } from './messages.js';

const U8_COLUMNS = ['source', 'status', 'rework', 'escalations', 'extensions', 'satisfaction'] as const;
const F64_COLUMNS = [
  'reportedAt', 'registeredAt', 'dispatchedAt', 'dispatchDueAt', 'handledAt', 'dueAt', 'closedAt',
] as const;

// One gather per element type keeps every copy loop monomorphic (one loop over all the
// columns' types was 10× slower).
function gatherF64(src: Float64Array, dst: Float64Array, keep: Int32Array): void {
  for (let k = 0; k < keep.length; k++) dst[k] = src[keep[k]];
}
function gatherI32(src: Int32Array, dst: Int32Array, keep: Int32Array): void {
  for (let k = 0; k < keep.length; k++) dst[k] = src[keep[k]];
}
function gatherU16(src: Uint16Array, dst: Uint16Array, keep: Int32Array): void {
  for (let k = 0; k < keep.length; k++) dst[k] = src[keep[k]];
}
function gatherU8(src: Uint8Array, dst: Uint8Array, keep: Int32Array): void {
  for (let k = 0; k < keep.length; k++) dst[k] = src[keep[k]];
}
function gatherI8(src: Int8Array, dst: Int8Array, keep: Int32Array): void {
  for (let k = 0; k < keep.length; k++) dst[k] = src[keep[k]];
}

import { argumentError, isObject, needAccess } from '../errors/args.js';

/** Requires case facts columns (what `createCaseFacts` or a store gives). */
function needFacts(fn: string, facts: unknown): void {
  if (!isObject(facts) || !Number.isInteger(facts.length) || !(facts.node instanceof Int32Array) || !Array.isArray(facts.caseIds)) {
    throw argumentError(fn, 'facts', { zh: '案件事实列（createCaseFacts）', en: 'case facts columns (createCaseFacts)' });
  }
}

/**
 * The row numbers of `facts` the actor may see, ascending, without copying any column: rows
 * whose node is in scope, and for citizens the rows they reported (`reporterOf(row)`).
 * One binary search over the scope's ranges per row.
 *
 * @example
 * ```ts
 * const rows = scopedRows(access, facts);
 * for (const r of rows) total += facts.rework[r];
 * ```
 */
export function scopedRows(access: Access, facts: CaseFacts, reporterOf?: (row: number) => string | undefined): Int32Array {
  needAccess('scopedRows', access);
  needFacts('scopedRows', facts);
  if (reporterOf !== undefined && typeof reporterOf !== 'function') throw argumentError('scopedRows', 'reporterOf', { zh: '函数', en: 'a function' });
  const scope = access.scope;
  const { starts, ends } = scope;
  const k = starts.length;
  const nodes = facts.node;
  const keepBuf = new Int32Array(facts.length);
  const own = scope.ownReports && reporterOf !== undefined;
  const me = scope.actorId;
  let kept = 0;
  for (let i = 0; i < facts.length; i++) {
    const pos = nodes[i];
    // inline binary search over the ranges: the last start <= pos
    let lo = 0;
    let hi = k - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= pos) lo = mid + 1;
      else hi = mid - 1;
    }
    if ((hi >= 0 && pos < ends[hi]) || (own && reporterOf(i) === me)) keepBuf[kept++] = i;
  }
  return keepBuf.subarray(0, kept);
}

/**
 * The rows of `facts` the actor may see, as new facts: rows whose node is in scope, and for
 * citizens the rows they reported (`reporterOf(row)` gives a row's reporter id; facts carry
 * none themselves). Metrics computed on the result cannot count anything outside the scope.
 *
 * @example
 * ```ts
 * const mine = scopedFacts(access, facts);
 * mine.length; // cases the actor may see
 * ```
 */
export function scopedFacts(access: Access, facts: CaseFacts, reporterOf?: (row: number) => string | undefined): CaseFacts {
  needAccess('scopedFacts', access);
  needFacts('scopedFacts', facts);
  if (reporterOf !== undefined && typeof reporterOf !== 'function') throw argumentError('scopedFacts', 'reporterOf', { zh: '函数', en: 'a function' });
  const keep = scopedRows(access, facts, reporterOf);
  const out = createCaseFacts(keep.length);
  out.length = keep.length;
  gatherI32(facts.node, out.node, keep);
  gatherU16(facts.category, out.category, keep);
  for (const c of U8_COLUMNS) gatherU8(facts[c], out[c], keep);
  for (const c of F64_COLUMNS) gatherF64(facts[c], out[c], keep);
  gatherI8(facts.closedLevel, out.closedLevel, keep);
  out.caseIds = Array.from(keep, (i) => facts.caseIds[i]);
  return out;
}

/**
 * Per-node figures, restricted to the actor's scope: `at(node)` answers for nodes in the
 * scope and refuses (`E_OUT_OF_SCOPE`) for all others — including ancestors of the scope,
 * whose totals would reveal what lies outside it.
 *
 * @example
 * ```ts
 * const m = scopedMetrics(access, facts, (f) => countPerNode(f));
 * const r = m.at(h.indexOf('350302001001001'));
 * if (r.ok) show(r.value);
 * ```
 */
export interface ScopedMetrics<T> {
  /** The figure of node position `pos`, or a refusal outside the scope. */
  at(pos: number): Result<T>;
  /** The roots of the scope: the nodes a dashboard may open with. */
  roots(): number[];
}

/**
 * Computes figures over only the rows the actor may see (see {@link scopedFacts}) and gives
 * them out per node, refusing nodes outside the scope. `compute` receives scoped facts and
 * returns a per-node array (indexed by pre-order position) or a function of the position.
 *
 * @example
 * ```ts
 * const counts = scopedMetrics(access, facts, (f) => {
 *   const c = new Float64Array(h.size);
 *   for (let i = 0; i < f.length; i++) for (let n = f.node[i]; n >= 0; n = h.parents[n]) c[n]++;
 *   return c;
 * });
 * counts.at(h.indexOf('350302001000')); // { ok: true, value: 42 } for a town officer there
 * ```
 */
export function scopedMetrics<T>(
  access: Access,
  facts: CaseFacts,
  compute: (scoped: CaseFacts) => ArrayLike<T> | ((pos: number) => T),
): ScopedMetrics<T> {
  if (typeof compute !== 'function') throw argumentError('scopedMetrics', 'compute', { zh: '函数', en: 'a function' });
  const perNode = compute(scopedFacts(access, facts));
  const get = typeof perNode === 'function' ? perNode : (pos: number) => perNode[pos];
  return {
    at(pos: number): Result<T> {
      if (!Number.isInteger(pos) || pos < 0 || pos >= access.hierarchy.size) return fail([accessIssue('E_UNKNOWN_NODE', String(pos))]);
      if (!access.scope.inScope(pos)) return fail([accessIssue('E_OUT_OF_SCOPE', access.hierarchy.code(pos))]);
      return ok(get(pos));
    },
    roots: () => access.scope.roots(),
  };
}
