/**
 * Read models over the engagement state: an account's statement, participation and rankings
 * per grid, village or town, and order metrics by node, period and category (built like the
 * case metrics: one pass, keyed rows).
 * @module
 */
import type { HierarchyIndex } from '../hierarchy/contract.js';
import { periodKey, type PeriodUnit, type TimeRange } from '../metrics/period.js';
import type { TransferKind } from './events.js';
import { pendingOf, type EngagementState, type LedgerState } from './state.js';
import { need } from '../errors/args.js';
import { ENGAGEMENT, HIERARCHY, ENGAGEMENT_LEDGER } from '../shapes.js';

/**
 * One line of a statement: a movement of the account, with the balance after it.
 *
 * @example
 * ```ts
 * const l: StatementLine = { seq: 9, at: 0, transfer: 'k-1:earn', kind: 'earn', amount: 1.5, balance: 3, counterparty: 'time:issuer' };
 * ```
 */
export interface StatementLine {
  seq: number;
  at: number;
  transfer: string;
  kind: TransferKind;
  amount: number;
  balance: number;
  counterparty: string;
  item?: string;
  qty?: number;
  order?: string;
  memo?: string;
}

/**
 * A statement of one account over a time range: opening and closing balance, the lines, the
 * totals in and out, the redemptions and (for points) what is pending settlement.
 *
 * @example
 * ```ts
 * const st = accountStatement(state, 'time:pm-1');
 * st?.closing === st!.opening + st!.credits - st!.debits; // true
 * ```
 */
export interface Statement {
  account: string;
  ledger: 'time' | 'points';
  owner: string;
  floor: number | null;
  cap: number | null;
  opening: number;
  closing: number;
  credits: number;
  debits: number;
  lines: StatementLine[];
  redemptions: StatementLine[];
  /** Points awarded and not yet settled (points accounts only). */
  pending: number | null;
}

/**
 * The statement of `account` for `range` (default: all time), or undefined if there is no such
 * account. `s` is the engagement state or the ledgers alone ({@link foldLedger}).
 *
 * @example
 * ```ts
 * accountStatement(state, 'points:pm-1', { from: q1Start, to: q2Start })?.lines.length;
 * ```
 */
export function accountStatement(s: LedgerState, account: string, range?: TimeRange): Statement | undefined {
  need('accountStatement', 's', s, 'object', ENGAGEMENT_LEDGER);
  need('accountStatement', 'account', account, 'string');
  need('accountStatement', 'range', range, 'object?');
  const a = s.accounts.get(account);
  if (!a) return undefined;
  let bal = 0;
  let opening = 0;
  let credits = 0;
  let debits = 0;
  const lines: StatementLine[] = [];
  for (const t of s.transfers) {
    if (t.ledger !== a.ledger) continue;
    const mv = t.movements.find((m) => m.account === account);
    if (!mv) continue;
    bal += mv.amount;
    if (range && t.at < range.from) { opening = bal; continue; }
    if (range && t.at >= range.to) continue;
    if (mv.amount >= 0) credits += mv.amount;
    else debits -= mv.amount;
    const other = t.movements.find((m) => m.account !== account);
    const line: StatementLine = { seq: t.seq, at: t.at, transfer: t.id, kind: t.kind, amount: mv.amount, balance: bal, counterparty: other?.account ?? '' };
    if (t.item !== undefined) line.item = t.item;
    if (t.qty !== undefined) line.qty = t.qty;
    if (t.order !== undefined) line.order = t.order;
    if (t.memo !== undefined) line.memo = t.memo;
    lines.push(line);
  }
  const closing = opening + credits - debits;
  const pend = a.ledger === 'points' ? s.accounts.get(pendingOf(account)) : undefined;
  return {
    account, ledger: a.ledger, owner: a.owner, floor: a.floor, cap: a.cap, opening, closing, credits, debits, lines,
    redemptions: lines.filter((l) => l.kind === 'redeem'), pending: pend ? pend.balance : a.ledger === 'points' ? 0 : null,
  };
}

/**
 * Participation of one node (a grid, village or town): members reported, the reporting rate
 * against the expected count if given, members active in the range, confirmed hours and
 * orders, orders per member, mean rating and points (settled + pending).
 *
 * @example
 * ```ts
 * const r: ParticipationRow = participation(state, h, '350302000000', 'town')[0];
 * r.ordersPerMember;
 * ```
 */
export interface ParticipationRow {
  node: string;
  name: string;
  reported: number;
  expected: number | null;
  /** reported / expected, or null when no expected count was given. */
  reportRate: number | null;
  active: number;
  hours: number;
  orders: number;
  ordersPerMember: number;
  /** Mean rating 1–5 of confirmed orders, NaN if none. */
  satisfaction: number;
  points: number;
}

/**
 * Options of {@link participation}.
 *
 * @example
 * ```ts
 * const o: ParticipationOptions = { range: { from, to }, expected: new Map([['350302001001', 40]]), sortBy: 'hours' };
 * ```
 */
export interface ParticipationOptions {
  /** Orders confirmed (and activity) in this range; default all time. */
  range?: TimeRange;
  /** Members expected to report, per node code at the chosen level (应报到人数). */
  expected?: ReadonlyMap<string, number>;
  /** Sort key, descending (default `'hours'`); ties by pre-order. */
  sortBy?: 'hours' | 'reportRate' | 'active' | 'ordersPerMember' | 'satisfaction' | 'points' | 'reported';
}

/**
 * Participation per node at `level` under `root`, as a ranking. A member counts at the node
 * that contains its home grid if known, else its reporting village; a member is active if it
 * completed an order or attended a roster session in the range (all time: ever).
 *
 * @example
 * ```ts
 * participation(state, h, '350300000000', 'county', { sortBy: 'ordersPerMember' })[0].name;
 * ```
 */
export function participation(s: EngagementState, h: HierarchyIndex, root: string, level: string, opts: ParticipationOptions = {}): ParticipationRow[] {
  need('participation', 's', s, 'object', ENGAGEMENT);
  need('participation', 'h', h, 'object', HIERARCHY);
  need('participation', 'root', root, 'string');
  need('participation', 'level', level, 'string');
  need('participation', 'opts', opts, 'object');
  const rootPos = h.indexOf(root);
  if (rootPos < 0) return [];
  const rows = new Map<number, ParticipationRow & { ratings: number }>();
  const row = (pos: number) => {
    let r = rows.get(pos);
    if (!r) {
      const code = h.code(pos);
      const expected = opts.expected?.get(code) ?? null;
      r = { node: code, name: h.name(pos), reported: 0, expected, reportRate: null, active: 0, hours: 0, orders: 0, ordersPerMember: 0, satisfaction: NaN, points: 0, ratings: 0 };
      rows.set(pos, r);
    }
    return r;
  };
  const inRange = (t: number) => !opts.range || (t >= opts.range.from && t < opts.range.to);
  const placeOf = new Map<string, number>();
  for (const m of s.members.values()) {
    const p = h.indexOf(m.home ?? m.node);
    const at = p < 0 ? -1 : h.ancestorAt(p, level);
    if (at < 0 || !h.isAncestor(rootPos, at)) continue;
    placeOf.set(m.id, at);
    const r = row(at);
    if (m.active) r.reported++;
    const pa = s.accounts.get(`points:${m.id}`);
    const pp = s.accounts.get(pendingOf(`points:${m.id}`));
    r.points += (pa?.balance ?? 0) + (pp?.balance ?? 0);
  }
  const active = new Set<string>();
  for (const m of s.members.values()) if (Number.isFinite(m.lastActiveAt) && inRange(m.lastActiveAt) && m.attended > 0) active.add(m.id);
  for (const o of s.orders.values()) {
    if (o.member === null) continue;
    const at = placeOf.get(o.member);
    if (at === undefined) continue;
    if (Number.isFinite(o.completedAt) && inRange(o.completedAt)) active.add(o.member);
    if (o.status !== 'confirmed' || !inRange(o.confirmedAt)) continue;
    const r = row(at);
    r.orders++;
    r.hours += o.hours;
    r.satisfaction = (Number.isNaN(r.satisfaction) ? 0 : r.satisfaction) + o.rating;
    r.ratings++;
  }
  for (const id of active) {
    const at = placeOf.get(id);
    if (at !== undefined) row(at).active++;
  }
  const out: ParticipationRow[] = [];
  for (const [, r] of [...rows].sort((a, b) => a[0] - b[0])) {
    const { ratings, ...rest } = r;
    rest.satisfaction = ratings > 0 ? r.satisfaction / ratings : NaN;
    rest.ordersPerMember = r.reported > 0 ? r.orders / r.reported : 0;
    rest.reportRate = r.expected !== null && r.expected > 0 ? r.reported / r.expected : null;
    out.push(rest);
  }
  const key = opts.sortBy ?? 'hours';
  const val = (r: ParticipationRow) => {
    const v = r[key];
    return v === null || Number.isNaN(v) ? -Infinity : v;
  };
  return out.sort((a, b) => val(b) - val(a));
}

/**
 * Order counts of one node, period and category, the way case metrics are kept.
 *
 * @example
 * ```ts
 * const r: OrderMetricsRow = orderMetrics(state, h, { level: 'town', unit: 'month' })[0];
 * r.onTime / r.completed;
 * ```
 */
export interface OrderMetricsRow {
  node: string;
  period: number;
  category: string;
  ordered: number;
  dispatched: number;
  dispatchedOnTime: number;
  completed: number;
  confirmed: number;
  cancelled: number;
  /** Completed by the deadline. */
  onTime: number;
  /** Completed after the deadline, or still open past it at `asOf`. */
  overdue: number;
  hours: number;
  ratingSum: number;
}

/**
 * Order metrics by node at `level`, period (of the order time) and category.
 *
 * @example
 * ```ts
 * orderMetrics(state, h, { level: 'village', unit: 'quarter', asOf: Date.now() });
 * ```
 */
export function orderMetrics(s: EngagementState, h: HierarchyIndex, opts: { level: string; unit: PeriodUnit; asOf?: number }): OrderMetricsRow[] {
  need('orderMetrics', 's', s, 'object', ENGAGEMENT);
  need('orderMetrics', 'h', h, 'object', HIERARCHY);
  need('orderMetrics', 'opts', opts, 'object', { level: 'string', unit: 'string', asOf: 'time?' });
  const rows = new Map<string, OrderMetricsRow>();
  const asOf = opts.asOf ?? Infinity;
  for (const o of s.orders.values()) {
    const p = h.indexOf(o.node);
    const at = p < 0 ? -1 : h.ancestorAt(p, opts.level);
    if (at < 0) continue;
    const period = periodKey(o.orderedAt, opts.unit);
    const k = `${at}|${period}|${o.category}`;
    let r = rows.get(k);
    if (!r) {
      r = { node: h.code(at), period, category: o.category, ordered: 0, dispatched: 0, dispatchedOnTime: 0, completed: 0, confirmed: 0, cancelled: 0, onTime: 0, overdue: 0, hours: 0, ratingSum: 0 };
      rows.set(k, r);
    }
    r.ordered++;
    if (Number.isFinite(o.dispatchedAt) || o.member !== null) r.dispatched++;
    if (Number.isFinite(o.dispatchedAt) && o.dispatchedAt <= o.dispatchDueAt) r.dispatchedOnTime++;
    if (o.status === 'cancelled') { r.cancelled++; continue; }
    if (Number.isFinite(o.completedAt)) {
      r.completed++;
      if (o.completedAt <= o.dueAt) r.onTime++;
      else r.overdue++;
    } else if (asOf > o.dueAt) r.overdue++;
    if (o.status === 'confirmed') { r.confirmed++; r.hours += o.hours; r.ratingSum += o.rating; }
  }
  return [...rows.values()].sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : a.period - b.period || (a.category < b.category ? -1 : 1)));
}
