/**
 * Commands → events for engagement: each command is validated (zod), then checked — role and
 * scope (the policy table and the actor's subtree), identity (only the member accepts, only
 * the resident confirms, only the owner spends), separation of duties (no one approves their
 * own claim or confirms a service they gave), the ledger's floors and caps — and yields
 * events, or a refusal that changes nothing. A command id already used yields no events.
 * Pure: the clock is injected.
 * @module
 */
import { fail, issue, ok, type Result } from '../errors/errors.js';
import type { HierarchyIndex } from '../hierarchy/contract.js';
import type { Actor, RoleGrant } from '../cases/actor.js';
import type { TimeLimit } from '../calendar/calendar.js';
import { addTimeLimit, type WorkingCalendar } from '../calendar/calendar.js';
import { periodKey } from '../metrics/period.js';
import { validateEngagementCommand, type EngagementCommand } from './commands.js';
import type { AnyEngagementEvent, EngagementEventData, Movement } from './events.js';
import { engagementIssue, type EngagementCode } from './messages.js';
import {
  DEFAULT_ENGAGEMENT_POLICY, DEFAULT_POINTS_ITEMS, DEFAULT_SERVICE_CATEGORIES, DEFAULT_SHOP, SHANGHAI_TIME_BANK,
  type EngagementCommandType, type EngagementPolicy, type PointsItem, type ServiceCategory, type ShopItem, type TimeBankRules,
} from './rules.js';
import {
  ROSTER_FREQUENCY, SYSTEM_ACCOUNTS, itemTotalKey, localDay, pendingOf, type AccountState, type EngagementState,
} from './state.js';
import { argumentError, FINITE, TEXT } from '../errors/args.js';

/**
 * Everything an engagement command is checked against, injected by the host. Only the
 * hierarchy, calendar and clock are required; the rules default to the tables in `rules.ts`.
 *
 * @example
 * ```ts
 * const ctx: EngagementContext = { hierarchy, calendar, clock: () => Date.now() };
 * ```
 */
export interface EngagementContext {
  hierarchy: HierarchyIndex;
  calendar: WorkingCalendar;
  /** Current time, epoch ms. */
  clock: () => number;
  categories?: readonly ServiceCategory[];
  timeBank?: TimeBankRules;
  pointsItems?: readonly PointsItem[];
  shop?: readonly ShopItem[];
  policy?: EngagementPolicy;
  /** The level id members report to. Default `'village'`. */
  reportLevel?: string;
  /** Time to dispatch an order. Default 1 working day. */
  dispatchWithin?: TimeLimit;
  /** The points item awarded to the member when a resident confirms an order (null: none). Default `'service'`. */
  orderItem?: string | null;
}

/** The time-bank account of a person or household id. @example `timeAccountOf('pm-1'); // 'time:pm-1'` */
export function timeAccountOf(owner: string): string {
  if (typeof owner !== 'string') throw argumentError('timeAccountOf', 'owner', TEXT);
  return `time:${owner}`;
}
/** The points account of a person or household id. @example `pointsAccountOf('pm-1'); // 'points:pm-1'` */
export function pointsAccountOf(owner: string): string {
  if (typeof owner !== 'string') throw argumentError('pointsAccountOf', 'owner', TEXT);
  return `points:${owner}`;
}

type Draft = Omit<AnyEngagementEvent, 'seq' | 'at' | 'actor' | 'role' | 'roleNode' | 'commandId'>;
const EPS = 1e-9;
const refuse = (code: EngagementCode, detail?: string, column?: string) => fail<never>([engagementIssue(code, detail, column)]);

/** True if `x` is a whole number of `step`s. @example `isStep(1.5, 0.5); // true` */
export function isStep(x: number, step: number): boolean {
  if (!Number.isFinite(x)) throw argumentError('isStep', 'x', FINITE);
  if (!Number.isFinite(step)) throw argumentError('isStep', 'step', FINITE);
  const q = x / step;
  return Math.abs(q - Math.round(q)) < EPS;
}
const floorStep = (x: number, step: number) => Math.floor(x / step + EPS) * step;

/**
 * The grant under which `actor` may run `command` on the node `code`: a role the policy
 * lists for the command, held on `code` or one of its ancestors.
 */
function officerGrant(actor: Actor, command: EngagementCommandType, code: string, ctx: EngagementContext): Result<RoleGrant> {
  const h = ctx.hierarchy;
  const target = h.indexOf(code);
  if (target < 0) return refuse('E_UNKNOWN_NODE', code, 'node');
  const roles = (ctx.policy ?? DEFAULT_ENGAGEMENT_POLICY)[command] ?? [];
  let code2: EngagementCode = 'E_NOT_PERMITTED';
  for (const g of actor.roles) {
    if (!roles.includes(g.role)) continue;
    const pos = h.indexOf(g.node);
    if (pos >= 0 && h.isAncestor(pos, target)) return ok(g);
    code2 = 'E_OUT_OF_SCOPE';
  }
  return refuse(code2, actor.id);
}

/** The grant recorded when a person acts for themselves (their first grant, if any). */
const selfGrant = (actor: Actor): RoleGrant => actor.roles[0] ?? { role: 'self', node: '' };

function points(ctx: EngagementContext): readonly PointsItem[] {
  return ctx.pointsItems ?? DEFAULT_POINTS_ITEMS;
}

/**
 * The transfer that awards (or, for a deduction, takes) `qty` of `item` to the pending points
 * of `acc`, within the item's cap for the period containing `at`; null if the cap leaves nothing.
 */
function pointsTransfer(
  s: EngagementState, acc: AccountState, item: PointsItem, qty: number, at: number, transfer: string, extra: Partial<EngagementEventData['transferPosted']> = {},
): EngagementEventData['transferPosted'] | null {
  const gross = item.points * qty;
  let grant = gross;
  let period = -1;
  if (item.cap) {
    period = periodKey(at, item.cap.per);
    const done = s.itemTotals.get(itemTotalKey(acc.id, item.id, period)) ?? 0;
    grant = Math.max(0, Math.min(gross, item.cap.max - done));
  }
  if (grant <= 0) return null;
  const issuer = SYSTEM_ACCOUNTS.pointsIssuer;
  const pending = pendingOf(acc.id);
  const deduct = item.kind === 'deduction';
  const movements: Movement[] = deduct
    ? [{ account: pending, amount: -grant }, { account: issuer, amount: grant }]
    : [{ account: issuer, amount: -grant }, { account: pending, amount: grant }];
  const data: EngagementEventData['transferPosted'] = {
    transfer, ledger: 'points', kind: deduct ? 'deduct' : 'award', movements, item: item.id, qty, ...extra,
  };
  if (gross > grant) data.capped = gross - grant;
  if (item.cap) data.tally = { account: acc.id, item: item.id, period, amount: grant };
  return data;
}

function accountFor(s: EngagementState, id: string, ledger: 'time' | 'points'): Result<AccountState> {
  const a = s.accounts.get(id);
  if (!a) return refuse('E_NO_ACCOUNT', id, 'account');
  if (a.ledger !== ledger) return refuse('E_WRONG_LEDGER', id, 'account');
  if (a.kind !== 'person' && a.kind !== 'household') return refuse('E_NOT_OWNER', id, 'account');
  return ok(a);
}
const above = (a: AccountState, amount: number) => a.floor === null || a.balance - amount >= a.floor - EPS;

function openAccounts(
  s: EngagementState, ledger: 'time' | 'points', account: string, owner: string, kind: 'person' | 'household', node: string,
  household: string | undefined, rules: TimeBankRules,
): Draft[] {
  const out: Draft[] = [];
  const hh = household === undefined ? {} : { household };
  if (ledger === 'time') {
    out.push({ type: 'accountOpened', data: { account, ledger, owner, kind, node, ...hh, floor: rules.floor, cap: rules.storeCap } });
  } else {
    out.push({ type: 'accountOpened', data: { account, ledger, owner, kind, node, ...hh, floor: 0, cap: null } });
    if (!s.accounts.has(pendingOf(account))) {
      out.push({ type: 'accountOpened', data: { account: pendingOf(account), ledger, owner, kind: 'pending', node, floor: null, cap: null } });
    }
  }
  return out;
}

function decideCommand(s: EngagementState, c: EngagementCommand, actor: Actor, ctx: EngagementContext, now: number): Result<{ grant: RoleGrant; drafts: Draft[] }> {
  const h = ctx.hierarchy;
  const rules = ctx.timeBank ?? SHANGHAI_TIME_BANK;
  const done = (grant: RoleGrant, drafts: Draft[]) => ok({ grant, drafts });
  const asOfficerOrSelf = (self: boolean, node: string): Result<RoleGrant> => (self ? ok(selfGrant(actor)) : officerGrant(actor, c.type, node, ctx));
  const orderOf = (id: string) => s.orders.get(id);
  switch (c.type) {
    case 'reportMember': {
      const pos = h.indexOf(c.node);
      if (pos < 0) return refuse('E_UNKNOWN_NODE', c.node, 'node');
      if (h.config.levels[h.levelOf[pos]].id !== (ctx.reportLevel ?? 'village')) return refuse('E_NOT_VILLAGE', c.node, 'node');
      if (c.home !== undefined && h.indexOf(c.home) < 0) return refuse('E_UNKNOWN_NODE', c.home, 'home');
      const g = asOfficerOrSelf(actor.id === c.member, c.node);
      if (!g.ok) return g;
      const { type: _t, commandId: _c, ...data } = c;
      const drafts: Draft[] = [{ type: 'memberReported', data }];
      if (!s.accounts.has(timeAccountOf(c.member))) drafts.push(...openAccounts(s, 'time', timeAccountOf(c.member), c.member, 'person', c.node, c.household, rules));
      if (!s.accounts.has(pointsAccountOf(c.member))) drafts.push(...openAccounts(s, 'points', pointsAccountOf(c.member), c.member, 'person', c.node, c.household, rules));
      return done(g.value, drafts);
    }
    case 'withdrawMember': {
      const m = s.members.get(c.member);
      if (!m) return refuse('E_NO_MEMBER', c.member, 'member');
      if (!m.active) return refuse('E_MEMBER_INACTIVE', c.member, 'member');
      const g = asOfficerOrSelf(actor.id === c.member, m.node);
      return g.ok ? done(g.value, [{ type: 'memberWithdrawn', data: { member: c.member, reason: c.reason } }]) : g;
    }
    case 'createRoster': {
      if (s.rosters.has(c.roster)) return refuse('E_ROSTER_EXISTS', c.roster, 'roster');
      const g = officerGrant(actor, c.type, c.node, ctx);
      if (!g.ok) return g;
      for (const id of c.members) {
        const m = s.members.get(id);
        if (!m || !m.active) return refuse('E_NO_MEMBER', id, 'members');
      }
      const data: EngagementEventData['rosterCreated'] = {
        roster: c.roster, kind: c.kind, frequency: ROSTER_FREQUENCY[c.kind], node: c.node, members: [...new Set(c.members)],
      };
      if (c.target !== undefined) data.target = c.target;
      return done(g.value, [{ type: 'rosterCreated', data }]);
    }
    case 'recordAttendance': {
      const r = s.rosters.get(c.roster);
      if (!r) return refuse('E_NO_ROSTER', c.roster, 'roster');
      const g = officerGrant(actor, c.type, r.node, ctx);
      if (!g.ok) return g;
      const stray = c.present.find((id) => !r.members.includes(id));
      if (stray !== undefined) return refuse('E_NOT_ON_ROSTER', stray, 'present');
      return done(g.value, [{ type: 'attendanceRecorded', data: { roster: c.roster, present: [...new Set(c.present)] } }]);
    }
    case 'placeOrder': {
      if (s.orders.has(c.order)) return refuse('E_ORDER_EXISTS', c.order, 'order');
      const cat = (ctx.categories ?? DEFAULT_SERVICE_CATEGORIES).find((x) => x.id === c.category);
      if (!cat) return refuse('E_UNKNOWN_CATEGORY', c.category, 'category');
      if (!(c.from < c.to)) return refuse('E_BAD_WINDOW', undefined, 'to');
      const g = officerGrant(actor, c.type, c.node, ctx);
      if (!g.ok) return g;
      const dispatchDueAt = addTimeLimit(ctx.calendar, now, ctx.dispatchWithin ?? { amount: 1, unit: 'workDays' });
      const dueAt = Math.max(c.to, addTimeLimit(ctx.calendar, now, cat.limit));
      const data = { order: c.order, node: c.node, category: c.category, from: c.from, to: c.to, description: c.description, dispatchDueAt, dueAt };
      return done(g.value, [{ type: 'orderPlaced', data }]);
    }
    case 'dispatchOrder': {
      const o = orderOf(c.order);
      if (!o) return refuse('E_NO_ORDER', c.order, 'order');
      if (o.status !== 'ordered') return refuse('E_WRONG_STATE', o.status);
      const g = officerGrant(actor, c.type, o.node, ctx);
      if (!g.ok) return g;
      const m = s.members.get(c.member);
      if (!m) return refuse('E_NO_MEMBER', c.member, 'member');
      if (!m.active) return refuse('E_MEMBER_INACTIVE', c.member, 'member');
      const gp = h.indexOf(g.value.node);
      const mp = h.indexOf(m.node);
      if (mp < 0 || !h.isAncestor(gp, mp)) return refuse('E_OUT_OF_SCOPE', c.member, 'member');
      if (m.id === o.resident) return refuse('E_SELF_SERVE', c.member, 'member');
      if (o.declinedBy.includes(m.id)) return refuse('E_DECLINED_BEFORE', c.member, 'member');
      const data: EngagementEventData['orderDispatched'] = { order: o.id, member: m.id };
      if (c.note !== undefined) data.note = c.note;
      return done(g.value, [{ type: 'orderDispatched', data }]);
    }
    case 'acceptOrder':
    case 'declineOrder':
    case 'completeOrder': {
      const o = orderOf(c.order);
      if (!o) return refuse('E_NO_ORDER', c.order, 'order');
      const need = c.type === 'completeOrder' ? 'accepted' : 'dispatched';
      if (o.status !== need) return refuse('E_WRONG_STATE', o.status);
      if (o.member !== actor.id) return refuse('E_NOT_ASSIGNEE', actor.id);
      const g = selfGrant(actor);
      if (c.type === 'acceptOrder') return done(g, [{ type: 'orderAccepted', data: { order: o.id } }]);
      if (c.type === 'declineOrder') return done(g, [{ type: 'orderDeclined', data: { order: o.id, reason: c.reason } }]);
      if (!isStep(c.hours, rules.step)) return refuse('E_BAD_STEP', String(rules.step), 'hours');
      const data: EngagementEventData['orderCompleted'] = { order: o.id, hours: c.hours };
      if (c.note !== undefined) data.note = c.note;
      return done(g, [{ type: 'orderCompleted', data }]);
    }
    case 'confirmOrder': {
      const o = orderOf(c.order);
      if (!o) return refuse('E_NO_ORDER', c.order, 'order');
      if (o.status !== 'completed') return refuse('E_WRONG_STATE', o.status);
      if (actor.id === o.member) return refuse('E_SELF_CONFIRM', actor.id);
      if (actor.id !== o.resident) return refuse('E_NOT_RESIDENT', actor.id);
      const member = o.member as string;
      const acc = s.accounts.get(timeAccountOf(member));
      const coins = o.hours * rules.coinsPerHour;
      let credited = 0;
      if (acc) {
        const day = localDay(now, ctx.calendar.offset);
        const today = acc.earnDay === day ? acc.earnedThatDay : 0;
        const room = Math.min(rules.dailyEarnCap - today, acc.cap === null ? Infinity : acc.cap - acc.balance);
        credited = Math.max(0, floorStep(Math.min(coins, room), rules.step));
      }
      const conf: EngagementEventData['orderConfirmed'] = { order: o.id, rating: c.rating, credited, capped: coins - credited };
      if (c.note !== undefined) conf.note = c.note;
      const drafts: Draft[] = [{ type: 'orderConfirmed', data: conf }];
      if (credited > 0) {
        drafts.push({
          type: 'transferPosted',
          data: {
            transfer: `${c.commandId}:earn`, ledger: 'time', kind: 'earn', order: o.id,
            movements: [{ account: SYSTEM_ACCOUNTS.timeIssuer, amount: -credited }, { account: timeAccountOf(member), amount: credited }],
          },
        });
      }
      const itemId = ctx.orderItem === undefined ? 'service' : ctx.orderItem;
      const item = itemId === null ? undefined : points(ctx).find((i) => i.id === itemId);
      const pacc = s.accounts.get(pointsAccountOf(member));
      if (item && pacc) {
        const t = pointsTransfer(s, pacc, item, 1, now, `${c.commandId}:points`, { order: o.id });
        if (t) drafts.push({ type: 'transferPosted', data: t });
      }
      return done(selfGrant(actor), drafts);
    }
    case 'cancelOrder': {
      const o = orderOf(c.order);
      if (!o) return refuse('E_NO_ORDER', c.order, 'order');
      if (o.status !== 'ordered' && o.status !== 'dispatched') return refuse('E_WRONG_STATE', o.status);
      if (actor.id !== o.resident) return refuse('E_NOT_RESIDENT', actor.id);
      return done(selfGrant(actor), [{ type: 'orderCancelled', data: { order: o.id, reason: c.reason } }]);
    }
    case 'openAccount': {
      if (s.accounts.has(c.account) || s.accounts.has(pendingOf(c.account))) return refuse('E_ACCOUNT_EXISTS', c.account, 'account');
      const g = asOfficerOrSelf(actor.id === c.owner && h.indexOf(c.node) >= 0, c.node);
      if (!g.ok) return g;
      return done(g.value, openAccounts(s, c.ledger, c.account, c.owner, c.kind, c.node, c.household, rules));
    }
    case 'transferHours':
    case 'donateHours':
    case 'redeemHours': {
      const fromId = c.type === 'redeemHours' ? c.account : c.from;
      const from = accountFor(s, fromId, 'time');
      if (!from.ok) return from;
      const a = from.value;
      if (a.owner !== actor.id) return refuse('E_NOT_OWNER', fromId, 'account');
      if (!isStep(c.hours, rules.step)) return refuse('E_BAD_STEP', String(rules.step), 'hours');
      if (!above(a, c.hours)) return refuse('E_BELOW_FLOOR', String(a.balance), 'hours');
      let to: string;
      if (c.type === 'transferHours') {
        if (rules.transfer === 'none') return refuse('E_NOT_ALLOWED_BY_RULES', c.type);
        const b = accountFor(s, c.to, 'time');
        if (!b.ok) return b;
        if (b.value.id === a.id) return refuse('E_SAME_ACCOUNT', c.to, 'to');
        if (rules.transfer === 'family' && (a.household === null || a.household !== b.value.household)) return refuse('E_NOT_FAMILY', c.to, 'to');
        if (b.value.cap !== null && b.value.balance + c.hours > b.value.cap + EPS) return refuse('E_OVER_CAP', String(b.value.cap), 'hours');
        to = b.value.id;
      } else if (c.type === 'donateHours') {
        if (!rules.donate) return refuse('E_NOT_ALLOWED_BY_RULES', c.type);
        to = SYSTEM_ACCOUNTS.timePool;
      } else {
        if (!rules.redeemBy.includes(a.kind as 'person' | 'household')) return refuse('E_NOT_ALLOWED_BY_RULES', c.type);
        to = SYSTEM_ACCOUNTS.timeSpent;
      }
      const kind = c.type === 'transferHours' ? 'transfer' : c.type === 'donateHours' ? 'donate' : 'redeem';
      const data: EngagementEventData['transferPosted'] = {
        transfer: c.commandId, ledger: 'time', kind, movements: [{ account: a.id, amount: -c.hours }, { account: to, amount: c.hours }],
      };
      if (c.memo !== undefined) data.memo = c.memo;
      return done(selfGrant(actor), [{ type: 'transferPosted', data }]);
    }
    case 'claimPoints': {
      if (s.claims.has(c.claim)) return refuse('E_CLAIM_EXISTS', c.claim, 'claim');
      const acc = accountFor(s, c.account, 'points');
      if (!acc.ok) return acc;
      if (acc.value.owner !== actor.id) return refuse('E_NOT_OWNER', c.account, 'account');
      const item = points(ctx).find((i) => i.id === c.item);
      if (!item) return refuse('E_UNKNOWN_ITEM', c.item, 'item');
      if (item.evidence && !(c.evidence && c.evidence.length > 0)) return refuse('E_NEEDS_EVIDENCE', c.item, 'evidence');
      const data: EngagementEventData['claimFiled'] = { claim: c.claim, account: c.account, item: c.item, qty: c.qty };
      if (c.evidence !== undefined) data.evidence = c.evidence;
      if (c.note !== undefined) data.note = c.note;
      return done(selfGrant(actor), [{ type: 'claimFiled', data }]);
    }
    case 'decideClaim': {
      const cl = s.claims.get(c.claim);
      if (!cl) return refuse('E_NO_CLAIM', c.claim, 'claim');
      if (cl.status !== 'filed') return refuse('E_CLAIM_DECIDED', cl.status);
      const acc = s.accounts.get(cl.account) as AccountState;
      if (actor.id === cl.claimant || actor.id === acc.owner) return refuse('E_SELF_APPROVE', actor.id);
      const g = officerGrant(actor, c.type, acc.node, ctx);
      if (!g.ok) return g;
      const d: EngagementEventData['claimDecided'] = { claim: cl.id, approve: c.approve };
      if (c.reason !== undefined) d.reason = c.reason;
      const drafts: Draft[] = [{ type: 'claimDecided', data: d }];
      const item = points(ctx).find((i) => i.id === cl.item);
      if (c.approve && item) {
        const t = pointsTransfer(s, acc, item, cl.qty, now, c.commandId, { claim: cl.id });
        if (t) drafts.push({ type: 'transferPosted', data: t });
      }
      return done(g.value, drafts);
    }
    case 'awardPoints': {
      const acc = accountFor(s, c.account, 'points');
      if (!acc.ok) return acc;
      if (acc.value.owner === actor.id) return refuse('E_SELF_APPROVE', actor.id);
      const g = officerGrant(actor, c.type, acc.value.node, ctx);
      if (!g.ok) return g;
      const item = points(ctx).find((i) => i.id === c.item);
      if (!item) return refuse('E_UNKNOWN_ITEM', c.item, 'item');
      const t = pointsTransfer(s, acc.value, item, c.qty, now, c.commandId, c.memo === undefined ? {} : { memo: c.memo });
      if (!t) return refuse('E_ITEM_CAP', item.id, 'item');
      return done(g.value, [{ type: 'transferPosted', data: t }]);
    }
    case 'settleQuarter': {
      if (s.settled.has(`${c.node}|${c.quarter}`)) return refuse('E_SETTLED', String(c.quarter), 'quarter');
      const g = officerGrant(actor, c.type, c.node, ctx);
      if (!g.ok) return g;
      const root = h.indexOf(c.node);
      const drafts: Draft[] = [];
      let n = 0;
      for (const pid of [...s.unsettled].sort()) {
        const pend = s.accounts.get(pid);
        if (!pend) continue;
        const pos = h.indexOf(pend.node);
        if (pos < 0 || !h.isAncestor(root, pos)) continue;
        const a = s.accounts.get(pend.id.slice(0, -'~pending'.length));
        if (!a) continue;
        const p = pend.balance;
        const id = (k: string) => `${c.commandId}:${k}:${n++}`;
        if (p > 0) {
          drafts.push({ type: 'transferPosted', data: { transfer: id('settle'), ledger: 'points', kind: 'settle', movements: [{ account: pend.id, amount: -p }, { account: a.id, amount: p }] } });
          continue;
        }
        const take = Math.max(0, Math.min(-p, a.floor === null ? -p : a.balance - a.floor));
        if (take > 0) drafts.push({ type: 'transferPosted', data: { transfer: id('settle'), ledger: 'points', kind: 'settle', movements: [{ account: a.id, amount: -take }, { account: pend.id, amount: take }] } });
        const rest = -p - take;
        if (rest > 0) drafts.push({ type: 'transferPosted', data: { transfer: id('writeOff'), ledger: 'points', kind: 'writeOff', movements: [{ account: SYSTEM_ACCOUNTS.pointsIssuer, amount: -rest }, { account: pend.id, amount: rest }] } });
      }
      drafts.push({ type: 'quarterSettled', data: { node: c.node, quarter: c.quarter } });
      return done(g.value, drafts);
    }
    case 'stockShop': {
      if (!(ctx.shop ?? DEFAULT_SHOP).some((i) => i.id === c.item)) return refuse('E_NO_SHOP_ITEM', c.item, 'item');
      const g = officerGrant(actor, c.type, c.node, ctx);
      return g.ok ? done(g.value, [{ type: 'shopStocked', data: { node: c.node, item: c.item, qty: c.qty } }]) : g;
    }
    case 'redeemPoints': {
      const acc = accountFor(s, c.account, 'points');
      if (!acc.ok) return acc;
      const a = acc.value;
      if (a.owner !== actor.id) return refuse('E_NOT_OWNER', c.account, 'account');
      const item = (ctx.shop ?? DEFAULT_SHOP).find((i) => i.id === c.item);
      if (!item) return refuse('E_NO_SHOP_ITEM', c.item, 'item');
      const shopPos = h.indexOf(c.node);
      const accPos = h.indexOf(a.node);
      if (shopPos < 0) return refuse('E_UNKNOWN_NODE', c.node, 'node');
      if (accPos < 0 || !h.isAncestor(shopPos, accPos)) return refuse('E_OUT_OF_SCOPE', c.node, 'node');
      if ((s.stock.get(`${c.node}|${c.item}`) ?? 0) < c.qty) return refuse('E_OUT_OF_STOCK', c.item, 'qty');
      const cost = item.price * c.qty;
      if (!above(a, cost)) return refuse('E_BELOW_FLOOR', String(a.balance), 'qty');
      return done(selfGrant(actor), [{
        type: 'transferPosted',
        data: {
          transfer: c.commandId, ledger: 'points', kind: 'redeem', item: c.item, qty: c.qty, node: c.node,
          movements: [{ account: a.id, amount: -cost }, { account: SYSTEM_ACCOUNTS.pointsShop, amount: cost }],
        },
      }]);
    }
  }
}

/**
 * Decides a command: validates it, checks it against the state and the rules, and gives the
 * events to append (numbered after `s.seq`), or the refusal. A command whose `commandId` was
 * already used gives no events and a warning — a retry never pays twice.
 *
 * @example
 * ```ts
 * const r = decideEngagement(state, { type: 'acceptOrder', commandId: 'k-7', order: 'o-1' }, member, ctx);
 * if (r.ok) for (const e of r.value) applyEngagement(state, e);
 * ```
 */
export function decideEngagement(s: EngagementState, input: unknown, actor: Actor, ctx: EngagementContext): Result<AnyEngagementEvent[]> {
  const v = validateEngagementCommand(input);
  if (!v.ok) return v;
  const c = v.value;
  if (s.commands.has(c.commandId)) {
    return ok([], [{ ...issue('W_REPEATED_COMMAND', '该操作已执行，未重复记账', 'this command was already applied; nothing was posted twice'), severity: 'warning' }]);
  }
  const now = ctx.clock();
  const r = decideCommand(s, c, actor, ctx, now);
  if (!r.ok) return r;
  const { grant, drafts } = r.value;
  const events = drafts.map((d, i) => ({
    ...d, seq: s.seq + i + 1, at: now, actor: actor.id, role: grant.role, roleNode: grant.node, commandId: c.commandId,
  })) as AnyEngagementEvent[];
  return ok(events);
}

