// Property-based tests of the engagement ledger: random command sequences by random actors
// (mostly plausible, some not) and random retries keep its promises after every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  evolveEngagement, emptyEngagementState, foldEngagement, foldLedger, localDay, SHANGHAI_TIME_BANK, type EngagementState, type EngagementStore, type LedgerState,
} from '@jiceng/core/engagement';
import { ACT, HOUR, makeEngagement, reportAll, U1, U4, V1, V2, T1, type ActKey } from './engagement-fixture.js';

const WHO = Object.keys(ACT) as ActKey[];
const MEMBERS = ['pm1', 'pm2', 'pm3', 'pm4'];
const ORDERS = Array.from({ length: 12 }, (_, i) => `o${i}`);
const TIME = ['time:pm1', 'time:pm2', 'time:pm3', 'time:pm4', 'time:r1'];
const POINTS = ['points:pm1', 'points:pm2', 'points:pm3', 'points:pm4'];
const ITEMS = ['duty', 'service', 'patrol', 'mediation', 'overdue-case', 'absence'];
const SHOP = ['soap', 'oil', 'rice', 'towel'];

function command(kind: number, p: number, id: string): Record<string, unknown> {
  const pick = <T>(xs: readonly T[], k = 0) => xs[(p + k) % xs.length];
  const hours = 0.5 * (1 + (p % 6));
  switch (kind % 14) {
    case 0: return { type: 'placeOrder', commandId: id, order: pick(ORDERS), node: pick([U1, U4]), category: pick(['repair', 'elder-care']), from: 0, to: 1, description: 'x' };
    case 1: return { type: 'dispatchOrder', commandId: id, order: pick(ORDERS), member: pick(MEMBERS, 1) };
    case 2: return { type: 'acceptOrder', commandId: id, order: pick(ORDERS) };
    case 3: return { type: 'completeOrder', commandId: id, order: pick(ORDERS), hours: p % 9 === 0 ? 0.3 : hours };
    case 4: return { type: 'confirmOrder', commandId: id, order: pick(ORDERS), rating: 1 + (p % 5) };
    case 5: return { type: 'transferHours', commandId: id, from: pick(TIME), to: pick(TIME, 2), hours };
    case 6: return { type: 'donateHours', commandId: id, from: pick(TIME), hours };
    case 7: return { type: 'redeemHours', commandId: id, account: pick(TIME), hours };
    case 8: return { type: 'claimPoints', commandId: id, claim: `c${p % 5}`, account: pick(POINTS), item: pick(ITEMS), qty: 1 + (p % 12), evidence: [{ id: 'f', name: 'a.jpg', mime: 'image/jpeg', size: 1 }] };
    case 9: return { type: 'decideClaim', commandId: id, claim: `c${p % 5}`, approve: p % 4 !== 0 };
    case 10: return { type: 'awardPoints', commandId: id, account: pick(POINTS), item: pick(ITEMS), qty: 1 + (p % 20) };
    case 11: return { type: 'settleQuarter', commandId: id, node: pick([V1, V2, T1]), quarter: p % 3 };
    case 12: return { type: 'stockShop', commandId: id, node: pick([V1, V2]), item: pick(SHOP), qty: 1 + (p % 3) };
    default: return { type: 'redeemPoints', commandId: id, account: pick(POINTS), node: pick([V1, V2]), item: pick(SHOP), qty: 1 };
  }
}

/** Orders need the resident: placing by a resident, dispatching by an officer, the rest by the member. */
function actorFor(kind: number, who: number, store: EngagementStore, cmd: Record<string, unknown>) {
  if (who % 4 === 0) return ACT[WHO[(who >> 2) % WHO.length]];
  const o = store.state.orders.get(String(cmd.order));
  const k = kind % 14;
  if (k === 0) return cmd.node === U1 ? ACT.r1 : ACT.r2;
  if (k === 1) return o?.node === U4 ? ACT.vo2 : ACT.vo1;
  if ((k === 2 || k === 3) && o?.member) return ACT[o.member as ActKey];
  if (k === 4 && o) return ACT[o.resident as ActKey];
  if (k === 9 || k === 10 || k === 11 || k === 12) return ACT.to1;
  const by = cmd.from ?? cmd.account;
  const acc = typeof by === 'string' || typeof by === 'number' ? String(by) : '';
  return ACT[(acc.split(':')[1] ?? 'r1') as ActKey] ?? ACT.r1;
}

const step = fc.tuple(fc.nat(13), fc.nat(WHO.length * 3), fc.nat(1000), fc.nat(20), fc.nat(30));

function invariants(store: EngagementStore): void {
  const s = store.state;
  for (const ledger of ['time', 'points'] as const) {
    let sum = 0;
    for (const a of s.accounts.values()) if (a.ledger === ledger) sum += a.balance;
    assert.ok(Math.abs(sum) < 1e-9, `${ledger} ledger sums to zero (${sum})`);
  }
  for (const t of s.transfers) assert.equal(t.movements.reduce((x, m) => x + m.amount, 0), 0, `transfer ${t.id} sums to zero`);
  for (const a of s.accounts.values()) {
    if (a.floor !== null) assert.ok(a.balance >= a.floor - 1e-9, `${a.id} ${a.balance} below its floor ${a.floor}`);
    if (a.cap !== null) assert.ok(a.balance <= a.cap + 1e-9, `${a.id} above its cap`);
  }
  const earned = new Map<string, number>();
  for (const t of s.transfers) {
    if (t.kind !== 'earn') continue;
    for (const m of t.movements) {
      if (m.amount <= 0) continue;
      const k = `${m.account}|${localDay(t.at, 8 * HOUR)}`;
      earned.set(k, (earned.get(k) ?? 0) + m.amount);
    }
  }
  for (const [k, v] of earned) assert.ok(v <= SHANGHAI_TIME_BANK.dailyEarnCap + 1e-9, `${k} earned ${v} in a day`);
  for (const c of s.claims.values()) if (c.decidedBy !== null) assert.notEqual(c.decidedBy, c.claimant, 'no one decides their own claim');
  for (const e of store.events()) {
    if (e.type !== 'orderConfirmed') continue;
    const o = s.orders.get(e.data.order);
    assert.notEqual(e.actor, o?.member, 'no one confirms their own service');
    assert.equal(e.actor, o?.resident);
  }
}

/** The ledgers' part of a state: what foldLedger rebuilds. */
function ledgersOf(s: EngagementState): LedgerState {
  const { seq, accounts, transfers, itemTotals, settled, stock, unsettled } = s;
  return { seq, accounts, transfers, itemTotals, settled, stock, unsettled };
}

test('ledgers balance, floors and caps hold, duties stay separate, retries never pay twice, replay equals live state', () => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 30, maxLength: 200, size: 'max' }), (steps) => {
      const { store, clock } = makeEngagement();
      reportAll(store);
      store.execute({ type: 'openAccount', commandId: 'open-r1', account: 'time:r1', ledger: 'time', owner: 'r1', kind: 'person', node: U1, household: 'hh1' }, ACT.r1);
      const done: { cmd: Record<string, unknown>; who: (typeof ACT)[ActKey] }[] = [];
      let n = 0;
      for (const [firstKind, who, p, retry, dt] of steps) {
        let kind = firstKind;
        clock.now += dt * HOUR;
        if (retry === 0 && done.length > 0) {
          const prev = done[p % done.length];
          const balances = [...store.state.accounts.values()].map((a) => a.balance);
          const seq = store.state.seq;
          const r = store.execute(prev.cmd, prev.who);
          assert.ok(r.ok && r.value.length === 0, 'a retried command adds nothing');
          assert.equal(store.state.seq, seq);
          assert.deepEqual([...store.state.accounts.values()].map((a) => a.balance), balances);
          continue;
        }
        // most order steps advance the chosen order to its next state
        const o = store.state.orders.get(ORDERS[p % ORDERS.length]);
        const next = { ordered: 1, dispatched: 2, accepted: 3, completed: 4 } as Record<string, number>;
        if (kind <= 4 && retry % 3 !== 1) kind = o ? (next[o.status] ?? kind) : 0;
        const cmd = command(kind, p, `s-${n++}`);
        if (kind % 14 === 0) Object.assign(cmd, { from: clock.now, to: clock.now + 2 * HOUR });
        const actor = actorFor(kind, who, store, cmd);
        const before = store.state.seq;
        const r = store.execute(cmd, actor);
        if (r.ok) done.push({ cmd, who: actor });
        else assert.equal(store.state.seq, before, 'a refusal changes nothing');
        invariants(store);
      }
      assert.deepEqual(foldEngagement(store.events()), store.state, 'replay equals live state');
      assert.deepEqual(foldLedger(store.events()), ledgersOf(store.state), 'the ledgers replayed alone equal the live ledgers');
    }),
    { numRuns: 40 },
  );
});

test('the pure step equals the in-place step', () => {
  const { store } = makeEngagement();
  reportAll(store);
  let s = emptyEngagementState();
  for (const e of store.events()) {
    const before = structuredClone(s);
    const next = evolveEngagement(s, e);
    assert.deepEqual(s, before, 'evolveEngagement leaves its input alone');
    s = next;
  }
  assert.deepEqual(s, store.state);
});
