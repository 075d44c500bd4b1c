/**
 * Figures derived from a generated engagement year (nothing here is an input): members by
 * kind, rosters and attendance, orders, hours and points, and the ledgers' sums.
 * @module
 */
import { SYSTEM_ACCOUNTS } from '@jiceng/core/engagement';
import type { PutianEngagement } from './generate.js';
import { need } from '@jiceng/core/errors';

/**
 * What a generated engagement year contains, counted from its state.
 *
 * @example
 * ```ts
 * const s = putianEngagementSummary(generatePutianEngagement(generatePutian({ seed: 1 })));
 * s.members.partyMembers; // 33216
 * ```
 */
export interface PutianEngagementSummary {
  members: { partyMembers: number; capablePeople: number; villages: number };
  rosters: { station: number; link: number; pair: number; joint: number; sessions: number; attendances: number };
  orders: { placed: number; confirmed: number; cancelled: number; onTime: number; hours: number; meanRating: number };
  time: { issued: number; held: number; donated: number; redeemed: number; capped: number };
  points: { awarded: number; deducted: number; settled: number; pending: number; spent: number };
  /** Sum of every account's balance per ledger: 0 when double entry holds. */
  ledgerSums: { time: number; points: number };
}

/**
 * Counts a generated engagement year.
 *
 * @example
 * ```ts
 * putianEngagementSummary(g).ledgerSums; // { time: 0, points: 0 }
 * ```
 */
export function putianEngagementSummary(g: PutianEngagement): PutianEngagementSummary {
  need('putianEngagementSummary', 'g', g, 'object', { hierarchy: 'object', events: 'array', state: 'object', 'state.members': 'map', refused: 'object' });
  const s = g.state;
  const villages = new Set<string>();
  let partyMembers = 0, capablePeople = 0;
  for (const m of s.members.values()) {
    if (m.kind === 'party-member') partyMembers++;
    else capablePeople++;
    villages.add(m.node);
  }
  const rosters = { station: 0, link: 0, pair: 0, joint: 0, sessions: 0, attendances: 0 };
  for (const r of s.rosters.values()) {
    rosters[r.kind]++;
    rosters.sessions += r.sessions;
    for (const n of Object.values(r.attendance)) rosters.attendances += n;
  }
  const orders = { placed: 0, confirmed: 0, cancelled: 0, onTime: 0, hours: 0, meanRating: 0 };
  let capped = 0;
  for (const o of s.orders.values()) {
    orders.placed++;
    if (o.status === 'cancelled') orders.cancelled++;
    if (Number.isFinite(o.completedAt) && o.completedAt <= o.dueAt) orders.onTime++;
    if (o.status !== 'confirmed') continue;
    orders.confirmed++;
    orders.hours += o.hours;
    orders.meanRating += o.rating;
    capped += o.hours - o.credited;
  }
  orders.meanRating = orders.confirmed ? orders.meanRating / orders.confirmed : NaN;
  const bal = (id: string) => s.accounts.get(id)?.balance ?? 0;
  const time = { issued: -bal(SYSTEM_ACCOUNTS.timeIssuer), held: 0, donated: bal(SYSTEM_ACCOUNTS.timePool), redeemed: bal(SYSTEM_ACCOUNTS.timeSpent), capped };
  const points = { awarded: 0, deducted: 0, settled: 0, pending: 0, spent: bal(SYSTEM_ACCOUNTS.pointsShop) };
  const ledgerSums = { time: 0, points: 0 };
  for (const a of s.accounts.values()) {
    ledgerSums[a.ledger] += a.balance;
    if (a.ledger === 'time' && a.kind === 'person') time.held += a.balance;
    if (a.ledger === 'points' && a.kind === 'pending') points.pending += a.balance;
  }
  for (const t of s.transfers) {
    if (t.ledger !== 'points') continue;
    const amt = Math.abs(t.movements[0].amount);
    if (t.kind === 'award') points.awarded += amt;
    else if (t.kind === 'deduct') points.deducted += amt;
    else if (t.kind === 'settle' && t.movements[0].amount < 0 && t.movements[0].account.endsWith('~pending')) points.settled += amt;
  }
  return { members: { partyMembers, capablePeople, villages: villages.size }, rosters, orders, time, points, ledgerSums };
}
