/**
 * Funding as a ledger 资金拼盘: funding sources held in a fiscal level's budget
 * (列入同级财政预算) with a budget, purposes and a period; allocations of a source to projects
 * and work items (费随事转: funds follow the task); spendings against an allocation, only for
 * the source's purposes (专款专用). Every change is a list event, checked before it is folded:
 * an allocation never exceeds what its source has left, a cancelled project releases what it
 * has not spent. Amounts are yuan with at most two decimals; sums are kept in cents.
 * @module
 */
import type { LocalizedText } from '../errors/errors.js';
import { need } from '../errors/args.js';
import { LEDGER } from '../shapes.js';

/**
 * A funding source: money in the budget of one body (a node of a fiscal level), for some
 * purposes, over a period.
 *
 * @example
 * ```ts
 * const s: FundingSource = {
 *   id: 'F-CX-2024', name: { zh: '城厢区基层治理专项经费', en: 'Chengxiang grassroots governance fund' },
 *   level: 'county', node: '350302000000', budget: 5_000_000, purposes: ['resources', 'grid-operations'],
 *   period: { from: '2024-01-01', to: '2024-12-31' }, policies: [],
 * };
 * ```
 */
export interface FundingSource {
  id: string;
  name: LocalizedText;
  /** The fiscal level (a level id) whose budget holds the money: 列入同级财政预算. */
  level: string;
  /** Code of the body (a node of `level`) whose budget it is in; it funds only its own subtree. */
  node: string;
  /** Budget in yuan. */
  budget: number;
  /** What the money may be spent on (专款专用): purpose tags such as sector ids or `grid-operations`. */
  purposes: string[];
  /** ISO dates `YYYY-MM-DD`, both inclusive. */
  period: { from: string; to: string };
  policies: string[];
}

/**
 * What an allocation funds: a project, or a work item (a level's duty) at one node.
 *
 * @example
 * ```ts
 * const t: FundingTarget = { kind: 'work', id: 'W-grid-2', node: '350302001001001' };
 * ```
 */
export type FundingTarget = { kind: 'project'; id: string } | { kind: 'work'; id: string; node: string };

/**
 * Money of one source set aside for one target. `released` is what went back to the source
 * (a release, or the project was cancelled); `spent` what was spent against it.
 *
 * @example
 * ```ts
 * const a: Allocation = { id: 'A-1', source: 'F-CX-2024', target: { kind: 'project', id: 'PRJ-1' }, amount: 800_000, purpose: 'resources', date: '2024-03-01', released: 0, spent: 0 };
 * ```
 */
export interface Allocation {
  id: string;
  source: string;
  target: FundingTarget;
  amount: number;
  purpose: string;
  /** Date of the allocation, inside the source's period. */
  date: string;
  released: number;
  spent: number;
}

/**
 * One spending against an allocation.
 *
 * @example
 * ```ts
 * const s: Spending = { id: 'X-1', allocation: 'A-1', amount: 120_000, purpose: 'resources', date: '2024-05-10', note: '设备采购' };
 * ```
 */
export interface Spending {
  id: string;
  allocation: string;
  amount: number;
  purpose: string;
  date: string;
  note?: string;
}

/**
 * The ledger: sources, allocations and spendings by id.
 *
 * @example
 * ```ts
 * const l: FundingLedger = { sources: {}, allocations: {}, spendings: {} };
 * ```
 */
export interface FundingLedger {
  sources: Record<string, FundingSource>;
  allocations: Record<string, Allocation>;
  spendings: Record<string, Spending>;
}

/**
 * The funding events (part of the list events):
 * - `funding.source`: a source created or replaced (its budget may not fall below what is allocated);
 * - `funding.allocated`: money of a source set aside for a project or a work item;
 * - `funding.spent`: a spending against an allocation;
 * - `funding.released`: unspent money of an allocation given back (all of it without `amount`).
 *
 * @example
 * ```ts
 * const e: FundingEvent = { type: 'funding.spent', spending: { id: 'X-1', allocation: 'A-1', amount: 1000, purpose: 'resources', date: '2024-05-10' } };
 * ```
 */
export type FundingEvent =
  | { type: 'funding.source'; source: FundingSource }
  | { type: 'funding.allocated'; allocation: Omit<Allocation, 'released' | 'spent'> }
  | { type: 'funding.spent'; spending: Spending }
  | { type: 'funding.released'; allocation: string; amount?: number; reason?: string };

/** The funding event type ids. @example `FUNDING_EVENT_TYPES.includes('funding.spent') // true` */
export const FUNDING_EVENT_TYPES: readonly FundingEvent['type'][] = Object.freeze(['funding.source', 'funding.allocated', 'funding.spent', 'funding.released']);

/** An empty ledger. @example `emptyLedger().sources // {}` */
export function emptyLedger(): FundingLedger {
  return { sources: {}, allocations: {}, spendings: {} };
}

/**
 * Yuan to whole cents (the unit every sum and comparison uses, so that 0.1 + 0.2 adds up).
 *
 * @example
 * ```ts
 * toCents(12.34); // 1234
 * ```
 */
export function toCents(yuan: number): number {
  need('toCents', 'yuan', yuan, 'number');
  return Math.round(yuan * 100);
}

/**
 * True for an amount in yuan a ledger accepts: finite, positive (or zero if `zero`), whole cents.
 *
 * @example
 * ```ts
 * isAmount(10.5); // true
 * isAmount(0.001); // false
 * ```
 */
export function isAmount(x: unknown, zero = false): x is number {
  return typeof x === 'number' && Number.isFinite(x) && (zero ? x >= 0 : x > 0) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6 && x < 1e13;
}

/**
 * What an allocation still holds: its amount less what was released (cents).
 *
 * @example
 * ```ts
 * netCents({ amount: 100, released: 40 } as Allocation); // 6000
 * ```
 */
export function netCents(a: Pick<Allocation, 'amount' | 'released'>): number {
  need('netCents', 'a', a, 'object', { amount: 'integer', released: 'integer?' });
  return toCents(a.amount) - toCents(a.released);
}

/**
 * What a source has allocated (net of releases) and what it has left, in yuan.
 *
 * @example
 * ```ts
 * sourceBalance(state.funding, 'F-CX-2024'); // { budget: 5e6, allocated: 8e5, spent: 1.2e5, left: 4.2e6 }
 * ```
 */
export function sourceBalance(ledger: FundingLedger, sourceId: string): { budget: number; allocated: number; spent: number; left: number } {
  need('sourceBalance', 'ledger', ledger, 'object', LEDGER);
  need('sourceBalance', 'sourceId', sourceId, 'string');
  const s = ledger.sources[sourceId];
  let allocated = 0;
  let spent = 0;
  for (const a of Object.values(ledger.allocations)) {
    if (a.source !== sourceId) continue;
    allocated += netCents(a);
    spent += toCents(a.spent);
  }
  const budget = s ? toCents(s.budget) : 0;
  return { budget: budget / 100, allocated: allocated / 100, spent: spent / 100, left: (budget - allocated) / 100 };
}

/**
 * Everything every source has allocated, in cents, by source id (one pass).
 *
 * @example
 * ```ts
 * allocatedBySource(state.funding).get('F-CX-2024'); // 80000000
 * ```
 */
export function allocatedBySource(ledger: FundingLedger): Map<string, number> {
  need('allocatedBySource', 'ledger', ledger, 'object', LEDGER);
  const out = new Map<string, number>();
  for (const a of Object.values(ledger.allocations)) out.set(a.source, (out.get(a.source) ?? 0) + netCents(a));
  return out;
}

/**
 * True if an ISO date lies inside the period (both ends inclusive).
 *
 * @example
 * ```ts
 * inPeriod('2024-12-31', { from: '2024-01-01', to: '2024-12-31' }); // true
 * ```
 */
export function inPeriod(date: string, period: { from: string; to: string }): boolean {
  need('inPeriod', 'date', date, 'string');
  need('inPeriod', 'period', period, 'object', { from: 'string', to: 'string' });
  return date >= period.from && date <= period.to;
}
