/**
 * Copying one case's facts between the columns and a plain record (the before/after rows of
 * an incremental update).
 * @module
 */
import type { CaseFacts } from '../cases/facts.js';
import type { CaseFactRow } from './types.js';

import { argumentError, isObject, needObject } from '../errors/args.js';

/** Requires facts columns and a row index within their capacity. */
function needRow(fn: string, facts: unknown, i: unknown): void {
  if (!isObject(facts) || !(facts.node instanceof Int32Array)) throw argumentError(fn, 'facts', { zh: '案件事实列（createCaseFacts）', en: 'case facts columns (createCaseFacts)' });
  if (!Number.isInteger(i) || (i as number) < 0 || (i as number) >= facts.node.length) {
    throw argumentError(fn, 'i', { zh: `0 到 ${facts.node.length - 1} 的整数行号`, en: `an integer row from 0 to ${facts.node.length - 1}` });
  }
}

/**
 * Copies row `i` of the facts into a plain record.
 *
 * @example
 * ```ts
 * const row = readFactRow(facts, 0);
 * row.closedAt; // NaN while open
 * ```
 */
export function readFactRow(facts: CaseFacts, i: number): CaseFactRow {
  needRow('readFactRow', facts, i);
  // spelled out (not a loop over column names) so that rows share one shape and copying is cheap
  return {
    node: facts.node[i], category: facts.category[i], source: facts.source[i], status: facts.status[i],
    reportedAt: facts.reportedAt[i], registeredAt: facts.registeredAt[i], dispatchedAt: facts.dispatchedAt[i],
    dispatchDueAt: facts.dispatchDueAt[i], handledAt: facts.handledAt[i], dueAt: facts.dueAt[i], closedAt: facts.closedAt[i],
    closedLevel: facts.closedLevel[i], rework: facts.rework[i], escalations: facts.escalations[i], extensions: facts.extensions[i],
    satisfaction: facts.satisfaction[i],
  };
}

/**
 * Writes a plain record into row `i` of the facts (does not change `length`).
 *
 * @example
 * ```ts
 * writeFactRow(facts, facts.length, row); facts.caseIds.push('C-1'); facts.length++;
 * ```
 */
export function writeFactRow(facts: CaseFacts, i: number, row: CaseFactRow): void {
  needRow('writeFactRow', facts, i);
  needObject('writeFactRow', 'row', row);
  facts.node[i] = row.node; facts.category[i] = row.category; facts.source[i] = row.source; facts.status[i] = row.status;
  facts.reportedAt[i] = row.reportedAt; facts.registeredAt[i] = row.registeredAt; facts.dispatchedAt[i] = row.dispatchedAt;
  facts.dispatchDueAt[i] = row.dispatchDueAt; facts.handledAt[i] = row.handledAt; facts.dueAt[i] = row.dueAt;
  facts.closedAt[i] = row.closedAt; facts.closedLevel[i] = row.closedLevel; facts.rework[i] = row.rework;
  facts.escalations[i] = row.escalations; facts.extensions[i] = row.extensions; facts.satisfaction[i] = row.satisfaction;
}
