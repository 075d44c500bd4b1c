/**
 * The Putian engagement year: the 33,216 in-office party members of the overlay and 9,268
 * capable people 能人贤士 report to their villages and communities; each village keeps the four
 * rosters of 城厢区's 三步法 with attendance; residents order services through the year, the
 * village dispatches, members serve and residents confirm, so hours reach the time bank; points
 * are awarded, claimed, settled each quarter and spent in the town shops. Every change goes
 * through the core's `EngagementStore`, so the ledger obeys the same rules as a live system.
 * Seeded and reproducible.
 * @module
 */
import { buildHierarchy, type Actor, type HierarchyIndex } from '@jiceng/core';
import { addWorkingHours, CHINA_CALENDAR, createCalendar } from '@jiceng/core/calendar';
import {
  DEFAULT_SERVICE_CATEGORIES, DEFAULT_SHOP, EngagementStore, pointsAccountOf, timeAccountOf, type AnyEngagementEvent,
  type EngagementState,
} from '@jiceng/core/engagement';
import type { PutianData } from '../generate.js';
import { personName } from '../names.js';
import { apportion, createRng, type Rng } from '../random.js';
import { PUTIAN_ENGAGEMENT_INPUTS } from './inputs.js';
import { need } from '@jiceng/core/errors';
import { DATA } from '../shapes.js';

/**
 * Options of {@link generatePutianEngagement}. The volumes default to
 * {@link PUTIAN_ENGAGEMENT_INPUTS}; smaller volumes make quick demos and tests.
 *
 * @example
 * ```ts
 * const o: PutianEngagementOptions = { seed: 1, orders: 5_000 };
 * ```
 */
export interface PutianEngagementOptions {
  seed?: number;
  /** Service orders placed in the year. */
  orders?: number;
  /** Capable people to report. */
  capablePeople?: number;
}

/**
 * The generated engagement year: the event log, the state it folds to, and the hierarchy.
 *
 * @example
 * ```ts
 * const g = generatePutianEngagement(generatePutian({ seed: 1 }));
 * g.state.members.size; // 42484
 * ```
 */
export interface PutianEngagement {
  seed: number;
  year: number;
  hierarchy: HierarchyIndex;
  events: readonly AnyEngagementEvent[];
  state: EngagementState;
  /** Commands the store refused while generating, by code (the rules at work, e.g. a full item cap). */
  refused: Record<string, number>;
}

const H = 3_600_000;
const DAY = 24 * H;
const SKILLS = [...new Set(DEFAULT_SERVICE_CATEGORIES.map((c) => c.skill))];
const WEEKDAYS = [[1, 2, 3, 4, 5], [0, 6], [1, 3, 5], [2, 4, 6], [0, 1, 2, 3, 4, 5, 6]];

interface Action { at: number; order: number; run: () => void }

/**
 * Generates a year (2025) of engagement on a generated Putian. The in-office party members are
 * the overlay's `volunteer` party members; capable people are added per village in proportion
 * to its party members. Deterministic: the same data and seed give the same events.
 *
 * @example
 * ```ts
 * import { generatePutian, generatePutianEngagement } from '@jiceng/putian';
 * const g = generatePutianEngagement(generatePutian({ seed: 1 }), { orders: 2_000 });
 * g.refused; // { E_ITEM_CAP: … } — the rules refusing what they should
 * ```
 */
export function generatePutianEngagement(data: PutianData, options: PutianEngagementOptions = {}): PutianEngagement {
  need('generatePutianEngagement', 'data', data, 'object', DATA);
  need('generatePutianEngagement', 'options', options, 'object');
  const seed = Math.trunc(options.seed ?? data.seed);
  const rng = createRng(seed ^ 0xe6a6);
  const IN = PUTIAN_ENGAGEMENT_INPUTS;
  const year = IN.year;
  const built = buildHierarchy(data.config, data.nodes);
  if (!built.ok) throw new Error('generatePutianEngagement: the hierarchy does not build');
  const h = built.value;
  const cal = createCalendar(CHINA_CALENDAR);
  if (!cal.ok) throw new Error('calendar');
  const calendar = cal.value;
  const clock = { now: Date.parse(`${year}-01-02T09:00:00+08:00`) };
  const store = new EngagementStore({ hierarchy: h, calendar, clock: () => clock.now });
  const refused: Record<string, number> = {};
  let k = 0;
  const run = (cmd: Record<string, unknown>, actor: Actor): boolean => {
    const r = store.execute({ commandId: `g${++k}`, ...cmd }, actor);
    if (!r.ok) refused[r.errors[0].code] = (refused[r.errors[0].code] ?? 0) + 1;
    return r.ok;
  };

  // ---- villages, their grids and units -------------------------------------------------
  const villages: string[] = [];
  const gridsOf = new Map<string, string[]>();
  const unitsOf = new Map<string, string[]>();
  const townOf = new Map<string, string>();
  for (const n of data.nodes) {
    if (n.level === 'village') { villages.push(n.code); gridsOf.set(n.code, []); townOf.set(n.code, n.parent as string); }
    else if (n.level === 'grid') gridsOf.get(n.parent as string)?.push(n.code);
    else if (n.level === 'unit') {
      let u = unitsOf.get(n.parent as string);
      if (!u) unitsOf.set(n.parent as string, (u = []));
      u.push(n.code);
    }
  }
  const officer = (v: string): Actor => ({ id: `vo-${v}`, roles: [{ role: 'village-officer', node: v }] });
  const townOfficer = (t: string): Actor => ({ id: `to-${t}`, roles: [{ role: 'town-officer', node: t }] });

  // ---- members report (报到) --------------------------------------------------------------
  const membersOf = new Map<string, string[]>(villages.map((v) => [v, []]));
  const skillsOf = (r: Rng) => {
    const n = 1 + r.int(3);
    const out = new Set<string>();
    while (out.size < n) out.add(r.pick(SKILLS));
    return [...out];
  };
  const party = data.overlay.people.filter((p) => p.role === 'volunteer' && p.partyMember);
  // report in time order: sort the reporting days first so the stream stays chronological
  const reports: [string, string, 'party-member' | 'capable', string, number][] = party.map((p) => [p.id, p.name, 'party-member', p.node, 0]);
  const partyCount = new Map<string, number>();
  for (const p of party) partyCount.set(p.node, (partyCount.get(p.node) ?? 0) + 1);
  const partyPer = villages.map((v) => partyCount.get(v) ?? 0);
  const capable = apportion(options.capablePeople ?? IN.capablePeople, partyPer.map((n) => n + 1));
  villages.forEach((v, i) => {
    for (let j = 1; j <= capable[i]; j++) reports.push([`cp-${v}-${j}`, personName(rng), 'capable', v, 0]);
  });
  for (const r of reports) r[4] = rng.int(60);
  reports.sort((a, b) => a[4] - b[4]);
  const startAt = Date.parse(`${year}-01-02T09:00:00+08:00`);
  for (const [id, name, kind, v, day] of reports) {
    clock.now = startAt + day * DAY;
    const grids = gridsOf.get(v) ?? [];
    const home = grids.length ? rng.pick(grids) : undefined;
    const household = rng.next() < IN.familyShare ? `hh-${id}` : undefined;
    const ok = run({
      type: 'reportMember', member: id, name, kind, node: v, ...(home ? { home } : {}), skills: skillsOf(rng),
      days: rng.pick(WEEKDAYS), ...(household ? { household } : {}),
    }, { id, roles: [{ role: 'party-member', node: v }] });
    if (ok) membersOf.get(v)?.push(id);
  }

  // ---- family accounts, rosters ----------------------------------------------------------
  clock.now = Date.parse(`${year}-03-03T09:00:00+08:00`);
  for (const m of store.state.members.values()) {
    if (m.household === null) continue;
    run({ type: 'openAccount', account: timeAccountOf(`kin-${m.id}`), ledger: 'time', owner: `kin-${m.id}`, kind: 'person', node: m.node, household: m.household }, officer(m.node));
  }
  const rosters: { id: string; v: string; kind: 'station' | 'link' | 'pair' | 'joint'; members: string[] }[] = [];
  for (const v of villages) {
    const ms = membersOf.get(v) ?? [];
    if (ms.length === 0) continue;
    const take = (n: number) => Array.from({ length: Math.min(n, ms.length) }, () => rng.pick(ms));
    for (const [kind, size] of [['station', 3], ['link', 2], ['pair', 2], ['joint', 6]] as const) {
      const id = `r-${v}-${kind}`;
      const members = [...new Set(take(size))];
      if (run({ type: 'createRoster', roster: id, kind, node: v, members, ...(kind === 'pair' ? { target: `困难户${1 + rng.int(9)}` } : {}) }, officer(v))) {
        rosters.push({ id, v, kind, members });
      }
    }
  }

  // ---- the year's actions, in time order ---------------------------------------------------
  const actions: Action[] = [];
  let seq = 0;
  const at = (t: number, fn: () => void) => actions.push({ at: t, order: seq++, run: fn });
  const yearStart = Date.parse(`${year}-03-03T00:00:00+08:00`);
  const yearEnd = Date.parse(`${year + 1}-01-01T00:00:00+08:00`);
  // roster attendance: stationing on working days is kept as one session a week (the week's duty),
  // hooking weekly, pairing monthly, joint pushes quarterly
  const every = { station: 7 * DAY, link: 7 * DAY, pair: 30 * DAY, joint: 91 * DAY };
  for (const r of rosters) {
    for (let t = yearStart + 10 * H + rng.int(5) * DAY; t < yearEnd; t += every[r.kind]) {
      at(t, () => run({ type: 'recordAttendance', roster: r.id, present: r.members.filter(() => rng.next() < IN.attendance) }, officer(r.v)));
    }
  }
  // orders
  const nOrders = options.orders ?? IN.orders;
  const weights = villages.map((v) => (membersOf.get(v)?.length ?? 0) + 1);
  const perVillage = apportion(nOrders, weights);
  let oid = 0;
  villages.forEach((v, vi) => {
    const ms = membersOf.get(v) ?? [];
    if (ms.length === 0) return;
    const grids = gridsOf.get(v) ?? [];
    for (let j = 0; j < perVillage[vi]; j++) {
      const g = rng.pick(grids);
      const unit = rng.pick(unitsOf.get(g) ?? [g]);
      const resident: Actor = { id: `res-${unit}-${1 + rng.int(4)}`, roles: [{ role: 'citizen', node: unit }] };
      const placed = yearStart + rng.int(Math.floor((yearEnd - yearStart - 10 * DAY) / H)) * H;
      const cat = rng.pick(DEFAULT_SERVICE_CATEGORIES);
      const order = `o-${++oid}`;
      const hours = 0.5 * (1 + rng.int(6));
      const roll = rng.next();
      const first = rng.pick(ms);
      const second = rng.pick(ms);
      const rating = roll < 0.8 ? 5 : roll < 0.95 ? 4 : 3;
      const dispatched = addWorkingHours(calendar, placed, 1 + rng.int(6));
      const from = dispatched + (4 + rng.int(48)) * H;
      at(placed, () => run({ type: 'placeOrder', order, node: unit, category: cat.id, from, to: from + 3 * H, description: `${cat.name.zh}服务` }, resident));
      if (roll > 0.97) { at(placed + H, () => run({ type: 'cancelOrder', order, reason: '已自行解决' }, resident)); continue; }
      at(dispatched, () => run({ type: 'dispatchOrder', order, member: first }, officer(v)));
      let member = first;
      if (roll > 0.93 && second !== first) {
        at(dispatched + H, () => run({ type: 'declineOrder', order, reason: '时间冲突' }, { id: first, roles: [] }));
        at(dispatched + 2 * H, () => run({ type: 'dispatchOrder', order, member: second }, officer(v)));
        member = second;
      }
      const who: Actor = { id: member, roles: [] };
      at(dispatched + 3 * H, () => run({ type: 'acceptOrder', order }, who));
      at(from + hours * H, () => run({ type: 'completeOrder', order, hours }, who));
      at(from + (hours + 4 + rng.int(40)) * H, () => run({ type: 'confirmOrder', order, rating }, resident));
    }
  });
  // time bank: gifts to family, donations and redemptions in the second half of the year
  for (const m of store.state.members.values()) {
    const r = rng.next();
    const t = Date.parse(`${year}-09-01T10:00:00+08:00`) + rng.int(100) * DAY;
    const who: Actor = { id: m.id, roles: [] };
    const tryMove = (cmd: Record<string, unknown>) => at(t, () => {
      const bal = store.state.accounts.get(timeAccountOf(m.id))?.balance ?? 0;
      if (bal >= 1) run({ ...cmd, hours: Math.floor(bal / 2) || 1 }, who);
    });
    if (m.household !== null && r < 0.5) tryMove({ type: 'transferHours', from: timeAccountOf(m.id), to: timeAccountOf(`kin-${m.id}`) });
    else if (r < IN.donateShare) tryMove({ type: 'donateHours', from: timeAccountOf(m.id) });
    else if (r < IN.donateShare + IN.redeemShare) tryMove({ type: 'redeemHours', account: timeAccountOf(m.id), memo: '兑换助老服务' });
  }
  // points: base duty for rostered members, mediation claims, quarterly settlement, the shops
  const towns = [...new Set(townOf.values())];
  for (let q = 0; q < 4; q++) {
    const qEnd = Date.parse(`${year}-${String(3 * q + 3).padStart(2, '0')}-25T10:00:00+08:00`);
    for (const r of rosters) {
      for (const m of r.members) at(qEnd - 5 * DAY, () => run({ type: 'awardPoints', account: pointsAccountOf(m), item: 'duty', qty: 1 }, officer(r.v)));
    }
    for (const v of villages) {
      const ms = membersOf.get(v) ?? [];
      if (ms.length === 0 || rng.next() > IN.claimShare) continue;
      const m = rng.pick(ms);
      const claim = `cl-${q}-${v}`;
      const filed = qEnd - (20 + rng.int(30)) * DAY;
      at(filed, () => run({
        type: 'claimPoints', claim, account: pointsAccountOf(m), item: 'mediation', qty: 1 + rng.int(3),
        evidence: [{ id: `${claim}-f`, name: '调解协议.pdf', mime: 'application/pdf', size: 40_000 }],
      }, { id: m, roles: [] }));
      at(filed + 3 * DAY, () => run({ type: 'decideClaim', claim, approve: rng.next() < 0.9 }, officer(v)));
    }
    for (const t of towns) {
      at(qEnd, () => run({ type: 'settleQuarter', node: t, quarter: year * 4 + q }, townOfficer(t)));
      if (q === 0) for (const item of DEFAULT_SHOP) at(qEnd - DAY, () => run({ type: 'stockShop', node: t, item: item.id, qty: 200 }, townOfficer(t)));
    }
  }
  for (let i = 0; i < IN.shopRedemptions; i++) {
    const t = Date.parse(`${year}-07-01T10:00:00+08:00`) + rng.int(150) * DAY;
    const v = rng.pick(villages);
    const m = rng.pick(membersOf.get(v) ?? ['']);
    const item = rng.pick(DEFAULT_SHOP);
    at(t, () => {
      const a = store.state.accounts.get(pointsAccountOf(m));
      if (a && a.balance >= item.price) run({ type: 'redeemPoints', account: a.id, node: townOf.get(v), item: item.id, qty: 1 }, { id: m, roles: [] });
    });
  }
  actions.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const a of actions) {
    clock.now = a.at;
    a.run();
  }
  return { seed, year, hierarchy: h, events: store.events(), state: store.state, refused };
}
