// The engagement loop by example: report, order, suggest, dispatch, accept, complete, confirm;
// the time bank's caps and family transfers; claims, case points, settlement and the shop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnyCaseEvent } from '@jiceng/core/cases';
import {
  accountStatement, casePointsCommands, checkShop, DEFAULT_SHOP, foldEngagement, foldLedger, orderMetrics, participation,
  pendingOf, suggestCandidates, validateEngagementCommand, type EngagementStore,
} from '@jiceng/core/engagement';
import { ACT, cid, HOUR, hierarchy, makeEngagement, reportAll, T0, T1, U1, U3, U4, V1, G2 } from './engagement-fixture.js';

const must = (r: { ok: boolean; errors?: unknown }) => {
  if (!r.ok) throw new Error(JSON.stringify((r as { errors: unknown }).errors));
  return r;
};
const code = (r: { ok: boolean }) => (r.ok ? 'ok' : (r as unknown as { errors: { code: string }[] }).errors[0].code);
const bal = (store: EngagementStore, id: string) => store.state.accounts.get(id)?.balance;

/** Places an order by r1 at U1 and runs it to completion by `member` with `hours`. */
function serve(store: EngagementStore, order: string, member: keyof typeof ACT, hours: number, node = U1, resident = ACT.r1, officer = ACT.vo1) {
  must(store.execute({ type: 'placeOrder', commandId: cid(), order, node, category: 'repair', from: T0 + HOUR, to: T0 + 5 * HOUR, description: '水管漏水' }, resident));
  must(store.execute({ type: 'dispatchOrder', commandId: cid(), order, member: ACT[member].id }, officer));
  must(store.execute({ type: 'acceptOrder', commandId: cid(), order }, ACT[member]));
  must(store.execute({ type: 'completeOrder', commandId: cid(), order, hours }, ACT[member]));
}

test('an order runs from 点单 to confirmation and the hours reach the member’s time bank', () => {
  const { store } = makeEngagement();
  reportAll(store);
  serve(store, 'o1', 'pm3', 1.5);
  const r = must(store.execute({ type: 'confirmOrder', commandId: 'conf-1', order: 'o1', rating: 5 }, ACT.r1));
  assert.equal(store.state.orders.get('o1')?.status, 'confirmed');
  assert.equal(bal(store, 'time:pm3'), 1.5);
  assert.equal(bal(store, pendingOf('points:pm3')), 2, 'the service item pends until settlement');
  // a retry of the same command posts nothing
  const again = store.execute({ type: 'confirmOrder', commandId: 'conf-1', order: 'o1', rating: 5 }, ACT.r1);
  assert.ok(again.ok && again.value.length === 0 && again.warnings[0].code === 'W_REPEATED_COMMAND');
  assert.equal(bal(store, 'time:pm3'), 1.5);
  assert.ok(r.ok);
});

test('the order has time limits on the working calendar', () => {
  const { store } = makeEngagement(Date.parse('2025-03-07T16:00:00+08:00')); // a Friday afternoon
  reportAll(store);
  must(store.execute({ type: 'placeOrder', commandId: cid(), order: 'o', node: U1, category: 'repair', from: T0, to: T0 + HOUR, description: 'x' }, ACT.r1));
  const o = store.state.orders.get('o')!;
  const day = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);
  assert.equal(day(o.dispatchDueAt), '2025-03-10', 'one working day skips the weekend');
  assert.equal(day(o.dueAt), '2025-03-12', 'repair: three working days');
  assert.ok(o.dueAt > o.to, 'the deadline is the later of the window and the limit');
});

test('only the actions each party may take are accepted', () => {
  const { store } = makeEngagement();
  reportAll(store);
  must(store.execute({ type: 'placeOrder', commandId: cid(), order: 'o', node: U1, category: 'elder-care', from: T0, to: T0 + HOUR, description: '陪诊' }, ACT.r1));
  assert.equal(code(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o', member: 'pm2' }, ACT.r1)), 'E_NOT_PERMITTED');
  assert.equal(code(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o', member: 'pm2' }, ACT.vo2)), 'E_OUT_OF_SCOPE');
  assert.equal(code(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o', member: 'pm4' }, ACT.vo1)), 'E_OUT_OF_SCOPE', 'pm4 reported to another village');
  must(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o', member: 'pm2' }, ACT.vo1));
  assert.equal(code(store.execute({ type: 'acceptOrder', commandId: cid(), order: 'o' }, ACT.pm1)), 'E_NOT_ASSIGNEE');
  must(store.execute({ type: 'declineOrder', commandId: cid(), order: 'o', reason: '出差' }, ACT.pm2));
  assert.equal(code(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o', member: 'pm2' }, ACT.vo1)), 'E_DECLINED_BEFORE');
  must(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o', member: 'pm1' }, ACT.vo1));
  must(store.execute({ type: 'acceptOrder', commandId: cid(), order: 'o' }, ACT.pm1));
  assert.equal(code(store.execute({ type: 'completeOrder', commandId: cid(), order: 'o', hours: 1.25 }, ACT.pm1)), 'E_BAD_STEP');
  must(store.execute({ type: 'completeOrder', commandId: cid(), order: 'o', hours: 1 }, ACT.pm1));
  assert.equal(code(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'o', rating: 5 }, ACT.pm1)), 'E_SELF_CONFIRM');
  assert.equal(code(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'o', rating: 5 }, ACT.r2)), 'E_NOT_RESIDENT');
  assert.equal(store.state.members.get('pm2')?.load, 0, 'a decline frees the member');
});

test('a member may not be dispatched their own order', () => {
  const { store } = makeEngagement();
  reportAll(store);
  must(store.execute({ type: 'placeOrder', commandId: cid(), order: 'o', node: U1, category: 'repair', from: T0, to: T0 + HOUR, description: 'x' }, { id: 'pm1', roles: [{ role: 'party-member', node: V1 }] }));
  assert.equal(code(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o', member: 'pm1' }, ACT.vo1)), 'E_SELF_SERVE');
});

/** Four members reported and a resident's repair order `o` at U3 (in G2), for the suggestion tests. */
function repairOrderAtU3() {
  const { store } = makeEngagement();
  reportAll(store);
  const r3 = { id: 'r3', roles: [{ role: 'citizen', node: U3 }] };
  must(store.execute({ type: 'placeOrder', commandId: cid(), order: 'o', node: U3, category: 'repair', from: T0, to: T0 + HOUR, description: 'x' }, r3));
  return { store, r3, o: store.state.orders.get('o')! };
}

test('suggestions rank skill, then availability, then distance, then load', () => {
  const { store, r3, o } = repairOrderAtU3();
  // U3 lies in G2: pm3 (repair, home G2) first, pm1 (repair, G1, same village), pm4 (repair, other village), then pm2 (no skill)
  assert.deepEqual(suggestCandidates(store.state, o, hierarchy).map((c) => c.member), ['pm3', 'pm1', 'pm4', 'pm2']);
  serve(store, 'busy', 'pm3', 1);
  must(store.execute({ type: 'placeOrder', commandId: cid(), order: 'o2', node: U3, category: 'repair', from: T0, to: T0 + HOUR, description: 'x' }, r3));
  must(store.execute({ type: 'dispatchOrder', commandId: cid(), order: 'o2', member: 'pm3' }, ACT.vo1));
  const c = suggestCandidates(store.state, o, hierarchy, { limit: 2 });
  assert.deepEqual(c.map((x) => [x.member, x.distance, x.load]), [['pm3', 0, 1], ['pm1', 1, 0]], 'load only breaks ties of distance');
  const sunday = { ...o, from: Date.parse('2025-03-09T10:00:00+08:00') };
  assert.equal(suggestCandidates(store.state, sunday, hierarchy)[0].available, false, 'no one serves on Sunday');
});

test('a member who reports again is suggested as they now are, not as the cached index last saw them', () => {
  const { store, o } = repairOrderAtU3();
  assert.equal(suggestCandidates(store.state, o, hierarchy)[0].member, 'pm3');
  // pm3 reports again without the repair skill: the member count stays at four
  must(store.execute({ type: 'reportMember', commandId: cid(), member: 'pm3', kind: 'party-member', node: V1, skills: ['care'], days: [1, 2, 3, 4, 5], home: G2 }, ACT.pm3));
  assert.equal(store.state.members.size, 4);
  const after = suggestCandidates(store.state, o, hierarchy);
  assert.deepEqual(after.map((c) => c.member), ['pm1', 'pm4', 'pm2', 'pm3']);
  assert.equal(after.find((c) => c.member === 'pm3')?.skill, false);
});

test('the daily and stored caps hold and what is capped is recorded', () => {
  const { store, clock } = makeEngagement();
  reportAll(store);
  serve(store, 'a', 'pm3', 1.5);
  serve(store, 'b', 'pm3', 1.5);
  must(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'a', rating: 4 }, ACT.r1));
  const r = must(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'b', rating: 4 }, ACT.r1)) as unknown as { value: { type: string; data: { credited?: number; capped?: number } }[] };
  assert.deepEqual([r.value[0].data.credited, r.value[0].data.capped], [0.5, 1], '≤ 2 a day');
  assert.equal(bal(store, 'time:pm3'), 2);
  clock.now += 24 * HOUR;
  serve(store, 'c', 'pm3', 1);
  must(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'c', rating: 4 }, ACT.r1));
  assert.equal(bal(store, 'time:pm3'), 3, 'a new day, a new allowance');
  assert.equal(store.state.members.get('pm3')?.hours, 4, 'the service itself is recorded in full');
});

test('hours go to family only, never below the floor, and redemption leaves the bank', () => {
  const { store } = makeEngagement();
  reportAll(store);
  must(store.execute({ type: 'openAccount', commandId: cid(), account: 'time:r1', ledger: 'time', owner: 'r1', kind: 'person', node: U1, household: 'hh1' }, ACT.r1));
  serve(store, 'a', 'pm1', 2);
  must(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'a', rating: 5 }, ACT.r1));
  assert.equal(code(store.execute({ type: 'transferHours', commandId: cid(), from: 'time:pm1', to: 'time:pm2', hours: 1 }, ACT.pm1)), 'E_NOT_FAMILY');
  assert.equal(code(store.execute({ type: 'transferHours', commandId: cid(), from: 'time:pm1', to: 'time:r1', hours: 1 }, ACT.r1)), 'E_NOT_OWNER');
  assert.equal(code(store.execute({ type: 'transferHours', commandId: cid(), from: 'time:pm1', to: 'time:r1', hours: 3 }, ACT.pm1)), 'E_BELOW_FLOOR');
  must(store.execute({ type: 'transferHours', commandId: cid(), from: 'time:pm1', to: 'time:r1', hours: 1 }, ACT.pm1));
  must(store.execute({ type: 'redeemHours', commandId: cid(), account: 'time:r1', hours: 0.5, memo: '助浴' }, ACT.r1));
  must(store.execute({ type: 'donateHours', commandId: cid(), from: 'time:pm1', hours: 0.5 }, ACT.pm1));
  const st = accountStatement(store.state, 'time:r1')!;
  assert.deepEqual(st.lines.map((l) => [l.kind, l.amount, l.balance]), [['transfer', 1, 1], ['redeem', -0.5, 0.5]]);
  assert.equal(st.redemptions.length, 1);
  assert.deepEqual([bal(store, 'time:pm1'), bal(store, 'time:pool'), bal(store, 'time:spent'), bal(store, 'time:issuer')], [0.5, 0.5, 0.5, -2]);
});

test('claims are approved by someone else, within the item cap, and settle quarterly', () => {
  const { store, clock } = makeEngagement();
  reportAll(store);
  assert.equal(code(store.execute({ type: 'claimPoints', commandId: cid(), claim: 'c0', account: 'points:pm1', item: 'patrol', qty: 1 }, ACT.pm1)), 'E_NEEDS_EVIDENCE');
  const ev = [{ id: 'f1', name: '巡查.jpg', mime: 'image/jpeg', size: 10 }];
  must(store.execute({ type: 'claimPoints', commandId: cid(), claim: 'c1', account: 'points:pm1', item: 'patrol', qty: 15, evidence: ev }, ACT.pm1));
  assert.equal(code(store.execute({ type: 'decideClaim', commandId: cid(), claim: 'c1', approve: true }, ACT.pm1)), 'E_SELF_APPROVE');
  assert.equal(code(store.execute({ type: 'decideClaim', commandId: cid(), claim: 'c1', approve: true }, ACT.gw1)), 'E_NOT_PERMITTED');
  must(store.execute({ type: 'decideClaim', commandId: cid(), claim: 'c1', approve: true }, ACT.vo1));
  assert.equal(bal(store, pendingOf('points:pm1')), 20, '15 × 2 capped at 20 a month');
  must(store.execute({ type: 'awardPoints', commandId: cid(), account: 'points:pm1', item: 'absence', qty: 1 }, ACT.vo1));
  assert.equal(bal(store, pendingOf('points:pm1')), 17);
  const q = 2025 * 4;
  must(store.execute({ type: 'settleQuarter', commandId: cid(), node: T1, quarter: q }, ACT.to1));
  assert.deepEqual([bal(store, 'points:pm1'), bal(store, pendingOf('points:pm1'))], [17, 0]);
  assert.equal(code(store.execute({ type: 'settleQuarter', commandId: cid(), node: T1, quarter: q }, ACT.to1)), 'E_SETTLED');
  // a net deduction next quarter takes from the balance down to the floor, the rest is written off
  clock.now += 100 * 24 * HOUR;
  for (let i = 0; i < 7; i++) must(store.execute({ type: 'awardPoints', commandId: cid(), account: 'points:pm1', item: 'absence', qty: 1 }, ACT.vo1));
  must(store.execute({ type: 'settleQuarter', commandId: cid(), node: T1, quarter: q + 1 }, ACT.to1));
  assert.deepEqual([bal(store, 'points:pm1'), bal(store, pendingOf('points:pm1'))], [0, 0]);
});

test('the shop sells from stock at its node, at ≥ ¥1 per 10 points', () => {
  assert.equal(checkShop(DEFAULT_SHOP).ok, true);
  const bad = checkShop([{ id: 'x', name: { zh: '香皂', en: 'Soap' }, price: 50, yuan: 2 }]);
  assert.equal(bad.ok ? '' : bad.errors[0].code, 'E_SHOP_RATE');
  const { store } = makeEngagement();
  reportAll(store);
  must(store.execute({ type: 'awardPoints', commandId: cid(), account: 'points:pm1', item: 'duty', qty: 3 }, ACT.vo1));
  must(store.execute({ type: 'settleQuarter', commandId: cid(), node: V1, quarter: 1 }, ACT.vo1));
  assert.equal(code(store.execute({ type: 'redeemPoints', commandId: cid(), account: 'points:pm1', node: V1, item: 'soap', qty: 1 }, ACT.pm1)), 'E_OUT_OF_STOCK');
  must(store.execute({ type: 'stockShop', commandId: cid(), node: V1, item: 'soap', qty: 2 }, ACT.vo1));
  must(store.execute({ type: 'redeemPoints', commandId: cid(), account: 'points:pm1', node: V1, item: 'soap', qty: 1 }, ACT.pm1));
  assert.equal(store.state.stock.get(`${V1}|soap`), 1);
  assert.equal(bal(store, 'points:pm1'), 10);
  must(store.execute({ type: 'stockShop', commandId: cid(), node: V1, item: 'oil', qty: 1 }, ACT.vo1));
  assert.equal(code(store.execute({ type: 'redeemPoints', commandId: cid(), account: 'points:pm1', node: V1, item: 'oil', qty: 1 }, ACT.pm1)), 'E_BELOW_FLOOR');
});

test('case events earn points once, however often they are read', () => {
  const { store } = makeEngagement();
  reportAll(store);
  const base = { role: 'grid-worker', roleNode: V1 };
  const ev = [
    { caseId: 'c', version: 1, type: 'discovered', at: T0, actor: 'pm1', ...base, data: { node: U1, source: 'patrol', description: 'd' } },
    { caseId: 'c', version: 2, type: 'registered', at: T0, actor: 'gw1', ...base, data: { category: 'x', urgency: 'normal', description: 'd', dispatchDueAt: T0 + HOUR } },
    { caseId: 'c', version: 3, type: 'dispatched', at: T0, actor: 'gw1', ...base, data: { node: V1, dueAt: T0 + 10 * HOUR } },
    { caseId: 'c', version: 4, type: 'accepted', at: T0, actor: 'pm2', ...base, data: {} },
    { caseId: 'c', version: 5, type: 'handled', at: T0 + 20 * HOUR, actor: 'pm2', ...base, data: { result: 'r' } },
    { caseId: 'c', version: 6, type: 'verified', at: T0 + 21 * HOUR, actor: 'gw1', ...base, data: { passed: true, note: 'n' } },
  ] as AnyCaseEvent[];
  const cmds = casePointsCommands(ev, (id) => (store.state.accounts.has(`points:${id}`) ? `points:${id}` : undefined));
  assert.deepEqual(cmds.map((c) => [c.account, c.item]), [['points:pm2', 'overdue-case'], ['points:pm1', 'verified-discovery']]);
  for (const c of [...cmds, ...cmds]) must(store.execute(c, ACT.to1));
  assert.deepEqual([bal(store, pendingOf('points:pm1')), bal(store, pendingOf('points:pm2'))], [3, -2]);
});

test('participation, order metrics and statements come out of the record', () => {
  const { store } = makeEngagement();
  reportAll(store);
  serve(store, 'a', 'pm1', 1);
  serve(store, 'b', 'pm4', 2, U4, ACT.r2, ACT.vo2);
  must(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'a', rating: 4 }, ACT.r1));
  must(store.execute({ type: 'confirmOrder', commandId: cid(), order: 'b', rating: 2 }, ACT.r2));
  const rows = participation(store.state, hierarchy, T1, 'village', { expected: new Map([[V1, 4]]) });
  assert.deepEqual(rows.map((r) => [r.node, r.reported, r.reportRate, r.active, r.hours, r.orders, r.satisfaction]), [
    ['350302101002', 1, null, 1, 2, 1, 2],
    [V1, 3, 0.75, 1, 1, 1, 4],
  ]);
  const m = orderMetrics(store.state, hierarchy, { level: 'town', unit: 'month' });
  assert.equal(m.length, 1);
  assert.deepEqual([m[0].ordered, m[0].confirmed, m[0].onTime, m[0].hours, m[0].ratingSum], [2, 2, 2, 3, 6]);
  const st = accountStatement(store.state, 'points:pm1')!;
  assert.equal(st.pending, 2);
  assert.deepEqual(foldEngagement(store.events()), store.state, 'replay equals live state');
  const ledgers = foldLedger(store.events());
  assert.equal(ledgers.seq, store.state.seq);
  for (const id of ['points:pm1', 'time:pm1', 'time:pm4']) {
    assert.deepEqual(accountStatement(ledgers, id), accountStatement(store.state, id), `the statement of ${id} from the ledgers replayed alone`);
  }
});

test('bad input is refused field by field in zh and en, and nothing changes', () => {
  const r = validateEngagementCommand({ type: 'confirmOrder', commandId: 'k', order: 'o', rating: 9 });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors[0].column, 'rating');
  assert.match(r.errors[0].zh, /^评价：/);
  assert.match(r.errors[0].en, /^rating: /);
  const { store } = makeEngagement();
  const before = store.state.seq;
  assert.equal(code(store.execute({ type: 'placeOrder', commandId: 'k', order: 'o', node: U1, category: 'nope', from: 1, to: 2, description: 'x' }, ACT.r1)), 'E_UNKNOWN_CATEGORY');
  assert.equal(store.state.seq, before);
  assert.equal(store.state.commands.has('k'), false, 'a refused command id may be used again');
});
