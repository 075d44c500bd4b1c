/**
 * Engagement state as a fold of events: `applyEngagement` changes a state in place (the
 * store's hot path); `evolveEngagement` is the same step as a pure function; `foldEngagement` replays a
 * whole stream. One plain `switch`.
 * @module
 */
import type { AnyEngagementEvent, Movement, RosterKind, TransferKind } from './events.js';
import { argumentError, FINITE, need, TEXT } from '../errors/args.js';
import { ENGAGEMENT } from '../shapes.js';
import { bumpMemberEpoch } from './epoch.js';
import { CHINA_UTC_OFFSET_MS } from '../calendar/time.js';

/**
 * A reported member (an in-service party member or a capable person 能人贤士).
 *
 * @example
 * ```ts
 * const m = state.members.get('pm-1');
 * m?.load; // orders dispatched to them and not yet completed
 * ```
 */
export interface MemberState {
  id: string;
  name: string;
  kind: 'party-member' | 'capable';
  /** Code of the village or community reported to. */
  node: string;
  /** Code of the member's home grid, if known (used for distance). */
  home: string | null;
  skills: string[];
  /** Days of the week the member serves (0 = Sunday). */
  days: number[];
  household: string | null;
  reportedAt: number;
  active: boolean;
  /** Orders dispatched or accepted and not yet completed. */
  load: number;
  /** Orders confirmed. */
  served: number;
  /** Confirmed service hours (before the bank's caps). */
  hours: number;
  ratingSum: number;
  /** Roster sessions attended. */
  attended: number;
  /** Time of the member's last order completion or attendance (NaN: none). */
  lastActiveAt: number;
}

/** A roster of 三步法 and its attendance. @example `state.rosters.get('r-1')?.sessions;` */
export interface RosterState {
  id: string;
  kind: RosterKind;
  frequency: 'daily' | 'weekly' | 'monthly' | 'periodic';
  node: string;
  members: string[];
  target: string | null;
  sessions: number;
  /** Sessions attended per member. */
  attendance: Record<string, number>;
}

/** Order statuses. @example `const s: OrderStatus = 'dispatched';` */
export type OrderStatus = 'ordered' | 'dispatched' | 'accepted' | 'completed' | 'confirmed' | 'cancelled';

/**
 * A service order. Times are epoch ms, `NaN` = not (yet).
 *
 * @example
 * ```ts
 * state.orders.get('o-1')?.status; // 'confirmed'
 * ```
 */
export interface OrderState {
  id: string;
  status: OrderStatus;
  node: string;
  category: string;
  description: string;
  /** Actor id of the resident who ordered. */
  resident: string;
  from: number;
  to: number;
  orderedAt: number;
  dispatchDueAt: number;
  dueAt: number;
  member: string | null;
  dispatchedBy: string | null;
  dispatchedAt: number;
  acceptedAt: number;
  completedAt: number;
  confirmedAt: number;
  hours: number;
  credited: number;
  rating: number;
  declinedBy: string[];
}

/**
 * An account of the time bank or the points ledger. `floor`/`cap` null: none.
 *
 * @example
 * ```ts
 * state.accounts.get('time:pm-1')?.balance; // 12.5
 * ```
 */
export interface AccountState {
  id: string;
  ledger: 'time' | 'points';
  owner: string;
  kind: 'person' | 'household' | 'system' | 'pending';
  node: string;
  household: string | null;
  floor: number | null;
  cap: number | null;
  balance: number;
  /** Local day number of the last earning, and what was earned that day (daily cap). */
  earnDay: number;
  earnedThatDay: number;
}

/** A points claim. @example `state.claims.get('c-1')?.status; // 'approved'` */
export interface ClaimState {
  id: string;
  account: string;
  item: string;
  qty: number;
  claimant: string;
  filedAt: number;
  evidence: number;
  status: 'filed' | 'approved' | 'rejected';
  decidedBy: string | null;
}

/**
 * One posted transfer, as kept for statements.
 *
 * @example
 * ```ts
 * state.transfers[0].movements.reduce((s, m) => s + m.amount, 0); // 0
 * ```
 */
export interface TransferRecord {
  id: string;
  seq: number;
  at: number;
  ledger: 'time' | 'points';
  kind: TransferKind;
  movements: Movement[];
  item?: string;
  qty?: number;
  order?: string;
  claim?: string;
  memo?: string;
}

/**
 * The ledgers' part of the state — the time bank and the points, double-entry: every account,
 * its balance and daily earnings, the transfers as kept for statements, the items' period
 * totals, the shop's stock, the settled quarters. What {@link foldLedger} rebuilds from a log.
 *
 * @example
 * ```ts
 * const l: LedgerState = foldLedger(events);
 * l.accounts.get('time:pm-1')?.balance;
 * ```
 */
export interface LedgerState {
  /** Events read (the `seq` of the last one, whatever its type). */
  seq: number;
  accounts: Map<string, AccountState>;
  transfers: TransferRecord[];
  /** Points gained (or lost) per `account|item|periodKey`, for the items' caps. */
  itemTotals: Map<string, number>;
  /** Settled `node|quarter` pairs. */
  settled: Set<string>;
  /** Shop stock per `node|item`. */
  stock: Map<string, number>;
  /** Pending points accounts whose balance is not zero (what a settlement visits). */
  unsettled: Set<string>;
}

/**
 * The whole engagement state: the ledgers and the people, rosters, orders and claims.
 *
 * @example
 * ```ts
 * const s = foldEngagement(events);
 * s.members.size;
 * ```
 */
export interface EngagementState extends LedgerState {
  /** Command ids already used. */
  commands: Set<string>;
  /** The command id of the last event applied (the events of one command come together: its id is added once). */
  lastCommand: string;
  members: Map<string, MemberState>;
  rosters: Map<string, RosterState>;
  orders: Map<string, OrderState>;
  claims: Map<string, ClaimState>;
}

/**
 * The system accounts every state starts with: the issuers (where hours and points are
 * minted; no floor), the donation pool, the sink of redeemed hours and the points shop.
 *
 * @example
 * ```ts
 * SYSTEM_ACCOUNTS.timeIssuer; // 'time:issuer'
 * ```
 */
export const SYSTEM_ACCOUNTS = Object.freeze({
  timeIssuer: 'time:issuer',
  timePool: 'time:pool',
  timeSpent: 'time:spent',
  pointsIssuer: 'points:issuer',
  pointsShop: 'points:shop',
});

/** The pending account of a points account (awards wait there until settlement). @example `pendingOf('points:pm-1'); // 'points:pm-1~pending'` */
export function pendingOf(account: string): string {
  if (typeof account !== 'string') throw argumentError('pendingOf', 'account', TEXT);
  return `${account}~pending`;
}

function account(id: string, ledger: 'time' | 'points', kind: AccountState['kind'], floor: number | null): AccountState {
  return { id, ledger, owner: 'system', kind, node: '', household: null, floor, cap: null, balance: 0, earnDay: -1, earnedThatDay: 0 };
}

/**
 * A new, empty state with the system accounts.
 *
 * @example
 * ```ts
 * emptyEngagementState().accounts.has('time:issuer'); // true
 * ```
 */
export function emptyEngagementState(): EngagementState {
  return {
    ...emptyLedger(), commands: new Set(), lastCommand: '', members: new Map(), rosters: new Map(), orders: new Map(), claims: new Map(),
  };
}

/** The ledgers with nothing but the system accounts. */
function emptyLedger(): LedgerState {
  const S = SYSTEM_ACCOUNTS;
  const accounts = new Map<string, AccountState>([
    [S.timeIssuer, account(S.timeIssuer, 'time', 'system', null)],
    [S.timePool, account(S.timePool, 'time', 'system', 0)],
    [S.timeSpent, account(S.timeSpent, 'time', 'system', 0)],
    [S.pointsIssuer, account(S.pointsIssuer, 'points', 'system', null)],
    [S.pointsShop, account(S.pointsShop, 'points', 'system', 0)],
  ]);
  return { seq: 0, accounts, transfers: [], itemTotals: new Map(), settled: new Set(), stock: new Map(), unsettled: new Set() };
}

const DAY = 86_400_000;
/** The local day number of `t` (days since 1970-01-01 at the given UTC offset). @example `localDay(Date.parse('2025-03-01T07:00:00+08:00'), 8 * 3_600_000);` */
export function localDay(t: number, offsetMs: number): number {
  if (!Number.isFinite(t)) throw argumentError('localDay', 't', FINITE);
  if (!Number.isFinite(offsetMs)) throw argumentError('localDay', 'offsetMs', FINITE);
  return Math.floor((t + offsetMs) / DAY);
}

/** The key of an item's period total. @example `itemTotalKey('points:pm-1', 'service', 24300);` */
export function itemTotalKey(account: string, item: string, periodKey: number): string {
  if (typeof account !== 'string') throw argumentError('itemTotalKey', 'account', TEXT);
  if (typeof item !== 'string') throw argumentError('itemTotalKey', 'item', TEXT);
  if (!Number.isFinite(periodKey)) throw argumentError('itemTotalKey', 'periodKey', FINITE);
  return totalKey(account, item, periodKey);
}

/** {@link itemTotalKey} without the entry checks (the fold's hot path). */
const totalKey = (account: string, item: string, periodKey: number): string => `${account}|${item}|${periodKey}`;

const FREQUENCY = { station: 'daily', link: 'weekly', pair: 'monthly', joint: 'periodic' } as const;
/** The frequency of each roster kind (每天驻点巡、每周挂钩助、每月结对帮、定期联合推). @example `ROSTER_FREQUENCY.pair; // 'monthly'` */
export const ROSTER_FREQUENCY: Readonly<Record<RosterKind, RosterState['frequency']>> = Object.freeze(FREQUENCY);

/**
 * Applies one event to a state **in place**. `earnOffset` is the calendar's UTC offset, used
 * to keep the daily earning total (default China Standard Time).
 *
 * @example
 * ```ts
 * const s = emptyEngagementState();
 * for (const e of events) applyEngagement(s, e);
 * ```
 */
export function applyEngagement(s: EngagementState, e: AnyEngagementEvent, earnOffset = CHINA_UTC_OFFSET_MS): void {
  need('applyEngagement', 's', s, 'object', ENGAGEMENT);
  need('applyEngagement', 'e', e, 'object', { type: 'string', seq: 'number' });
  need('applyEngagement', 'earnOffset', earnOffset, 'number');
  apply(s, e, earnOffset);
}

/** {@link applyEngagement} without the entry checks: the folds call it once per event. */
function apply(s: EngagementState, e: AnyEngagementEvent, earnOffset: number): void {
  s.seq = e.seq;
  if (e.commandId !== s.lastCommand) {
    s.commands.add(e.commandId);
    s.lastCommand = e.commandId;
  }
  switch (e.type) {
    case 'memberReported': {
      const d = e.data;
      const old = s.members.get(d.member);
      bumpMemberEpoch(s);
      s.members.set(d.member, {
        id: d.member, name: d.name ?? '', kind: d.kind, node: d.node, home: d.home ?? null, skills: [...d.skills], days: [...d.days],
        household: d.household ?? null, reportedAt: old?.reportedAt ?? e.at, active: true, load: old?.load ?? 0, served: old?.served ?? 0,
        hours: old?.hours ?? 0, ratingSum: old?.ratingSum ?? 0, attended: old?.attended ?? 0, lastActiveAt: old?.lastActiveAt ?? NaN,
      });
      break;
    }
    case 'memberWithdrawn': {
      const m = s.members.get(e.data.member);
      if (m) m.active = false;
      break;
    }
    case 'rosterCreated': {
      const d = e.data;
      s.rosters.set(d.roster, {
        id: d.roster, kind: d.kind, frequency: d.frequency, node: d.node, members: [...d.members], target: d.target ?? null, sessions: 0,
        attendance: Object.fromEntries(d.members.map((m) => [m, 0])),
      });
      break;
    }
    case 'attendanceRecorded': {
      const r = s.rosters.get(e.data.roster);
      if (!r) break;
      r.sessions++;
      for (const id of e.data.present) {
        r.attendance[id] = (r.attendance[id] ?? 0) + 1;
        const m = s.members.get(id);
        if (m) { m.attended++; m.lastActiveAt = e.at; }
      }
      break;
    }
    case 'orderPlaced': {
      const d = e.data;
      s.orders.set(d.order, {
        id: d.order, status: 'ordered', node: d.node, category: d.category, description: d.description, resident: e.actor,
        from: d.from, to: d.to, orderedAt: e.at, dispatchDueAt: d.dispatchDueAt, dueAt: d.dueAt, member: null, dispatchedBy: null,
        dispatchedAt: NaN, acceptedAt: NaN, completedAt: NaN, confirmedAt: NaN, hours: 0, credited: 0, rating: 0, declinedBy: [],
      });
      break;
    }
    case 'orderDispatched': {
      const o = s.orders.get(e.data.order);
      if (!o) break;
      o.status = 'dispatched';
      o.member = e.data.member;
      o.dispatchedBy = e.actor;
      o.dispatchedAt = e.at;
      const m = s.members.get(e.data.member);
      if (m) m.load++;
      break;
    }
    case 'orderAccepted': {
      const o = s.orders.get(e.data.order);
      if (!o) break;
      o.status = 'accepted';
      o.acceptedAt = e.at;
      break;
    }
    case 'orderDeclined': {
      const o = s.orders.get(e.data.order);
      if (!o || o.member === null) break;
      const m = s.members.get(o.member);
      if (m) m.load--;
      o.declinedBy.push(o.member);
      o.status = 'ordered';
      o.member = null;
      o.dispatchedBy = null;
      o.dispatchedAt = NaN;
      break;
    }
    case 'orderCompleted': {
      const o = s.orders.get(e.data.order);
      if (!o) break;
      o.status = 'completed';
      o.completedAt = e.at;
      o.hours = e.data.hours;
      const m = o.member === null ? undefined : s.members.get(o.member);
      if (m) { m.load--; m.lastActiveAt = e.at; }
      break;
    }
    case 'orderConfirmed': {
      const o = s.orders.get(e.data.order);
      if (!o) break;
      o.status = 'confirmed';
      o.confirmedAt = e.at;
      o.rating = e.data.rating;
      o.credited = e.data.credited;
      const m = o.member === null ? undefined : s.members.get(o.member);
      if (m) { m.served++; m.hours += o.hours; m.ratingSum += e.data.rating; }
      break;
    }
    case 'orderCancelled': {
      const o = s.orders.get(e.data.order);
      if (!o) break;
      if (o.status === 'dispatched' && o.member !== null) {
        const m = s.members.get(o.member);
        if (m) m.load--;
      }
      o.status = 'cancelled';
      break;
    }
    case 'claimFiled': {
      const d = e.data;
      s.claims.set(d.claim, {
        id: d.claim, account: d.account, item: d.item, qty: d.qty, claimant: e.actor, filedAt: e.at,
        evidence: d.evidence?.length ?? 0, status: 'filed', decidedBy: null,
      });
      break;
    }
    case 'claimDecided': {
      const c = s.claims.get(e.data.claim);
      if (!c) break;
      c.status = e.data.approve ? 'approved' : 'rejected';
      c.decidedBy = e.actor;
      break;
    }
    case 'accountOpened':
    case 'transferPosted':
    case 'quarterSettled':
    case 'shopStocked':
      ledgerStep(s, e, earnOffset);
      break;
  }
}

/** One event applied in place to the ledgers (the ledgers' events; the others change nothing here): shared by both folds. */
function ledgerStep(s: LedgerState, e: AnyEngagementEvent, earnOffset: number): void {
  switch (e.type) {
    case 'accountOpened': {
      const d = e.data;
      s.accounts.set(d.account, {
        id: d.account, ledger: d.ledger, owner: d.owner, kind: d.kind, node: d.node, household: d.household ?? null,
        floor: d.floor, cap: d.cap, balance: 0, earnDay: -1, earnedThatDay: 0,
      });
      break;
    }
    case 'transferPosted': {
      const d = e.data;
      // one look-up per movement: the balance, the day's earnings (daily cap), the unsettled set
      const earn = d.kind === 'earn';
      const earnDay = earn ? localDay(e.at, earnOffset) : 0;
      for (const mv of d.movements) {
        const a = s.accounts.get(mv.account);
        if (!a) continue;
        a.balance += mv.amount;
        if (earn && mv.amount > 0) {
          if (a.earnDay !== earnDay) { a.earnDay = earnDay; a.earnedThatDay = 0; }
          a.earnedThatDay += mv.amount;
        }
        if (a.kind !== 'pending') continue;
        if (Math.abs(a.balance) < 1e-9) s.unsettled.delete(a.id);
        else s.unsettled.add(a.id);
      }
      if (d.kind === 'redeem' && d.ledger === 'points' && d.item !== undefined && d.node !== undefined) {
        const k = `${d.node}|${d.item}`;
        s.stock.set(k, (s.stock.get(k) ?? 0) - (d.qty ?? 0));
      }
      if (d.tally) {
        const k = totalKey(d.tally.account, d.tally.item, d.tally.period);
        s.itemTotals.set(k, (s.itemTotals.get(k) ?? 0) + d.tally.amount);
      }
      const rec: TransferRecord = { id: d.transfer, seq: e.seq, at: e.at, ledger: d.ledger, kind: d.kind, movements: d.movements };
      if (d.item !== undefined) rec.item = d.item;
      if (d.qty !== undefined) rec.qty = d.qty;
      if (d.order !== undefined) rec.order = d.order;
      if (d.claim !== undefined) rec.claim = d.claim;
      if (d.memo !== undefined) rec.memo = d.memo;
      s.transfers.push(rec);
      break;
    }
    case 'quarterSettled':
      s.settled.add(`${e.data.node}|${e.data.quarter}`);
      break;
    case 'shopStocked': {
      const k = `${e.data.node}|${e.data.item}`;
      s.stock.set(k, (s.stock.get(k) ?? 0) + e.data.qty);
      break;
    }
  }
}

/**
 * One step of the fold as a pure function: a new state, the old one untouched.
 *
 * @example
 * ```ts
 * const next = evolveEngagement(state, event); // state is unchanged
 * ```
 */
export function evolveEngagement(s: EngagementState, e: AnyEngagementEvent, earnOffset?: number): EngagementState {
  need('evolveEngagement', 's', s, 'object', ENGAGEMENT);
  need('evolveEngagement', 'e', e, 'object', { type: 'string', seq: 'number' });
  need('evolveEngagement', 'earnOffset', earnOffset, 'number?');
  const next = structuredClone(s);
  apply(next, e, earnOffset ?? CHINA_UTC_OFFSET_MS);
  return next;
}

/**
 * Replays a stream from the empty state.
 *
 * @example
 * ```ts
 * const s = foldEngagement(store.events());
 * ```
 */
export function foldEngagement(events: Iterable<AnyEngagementEvent>, earnOffset?: number): EngagementState {
  need('foldEngagement', 'events', events, 'iterable');
  need('foldEngagement', 'earnOffset', earnOffset, 'number?');
  const s = emptyEngagementState();
  for (const e of events) apply(s, e, earnOffset ?? CHINA_UTC_OFFSET_MS);
  return s;
}

/**
 * Replays the ledgers alone from a stream — every account of the time bank and the points with
 * its balance and daily earnings, the transfers for statements, the items' totals, the stock and
 * the settled quarters — passing over the people, rosters, orders and claims. What an audit or a
 * year's statements need; it equals the ledgers' part of {@link foldEngagement} over the same
 * stream, and {@link accountStatement} reads it.
 *
 * @example
 * ```ts
 * const l = foldLedger(store.events());
 * accountStatement(l, 'time:pm-1')?.closing;
 * ```
 */
export function foldLedger(events: Iterable<AnyEngagementEvent>, earnOffset?: number): LedgerState {
  need('foldLedger', 'events', events, 'iterable');
  need('foldLedger', 'earnOffset', earnOffset, 'number?');
  const offset = earnOffset ?? CHINA_UTC_OFFSET_MS;
  const s = emptyLedger();
  for (const e of events) {
    s.seq = e.seq;
    ledgerStep(s, e, offset);
  }
  return s;
}
