// The Putian engagement year: the seed's figures go in (33,216 party members from the overlay,
// 9,268 capable people); the tests check what the generator derives from them through the
// core's store — every member reported to an existing village, counts per node adding up,
// balanced ledgers within their floors and caps, a replay equal to the live state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldEngagement, participation, SHANGHAI_TIME_BANK } from '@jiceng/core/engagement';
import { generatePutian, generatePutianEngagement, putianEngagementSummary, PUTIAN_COUNTS, PUTIAN_ENGAGEMENT_INPUTS } from '@jiceng/putian';

const data = generatePutian({ seed: 1 });
const g = generatePutianEngagement(data, { orders: 3_000 });
const s = g.state;
const sum = putianEngagementSummary(g);

test('every member reports to an existing village, and the seed’s figures come out of the record', () => {
  const h = g.hierarchy;
  for (const m of s.members.values()) {
    const pos = h.indexOf(m.node);
    assert.ok(pos >= 0 && h.level(pos).id === 'village', `${m.id} reported to ${m.node}`);
    if (m.home !== null) assert.ok(h.isAncestor(pos, h.indexOf(m.home)), `${m.id} lives in its village`);
  }
  assert.equal(sum.members.partyMembers, PUTIAN_COUNTS.inOfficePartyMembers);
  assert.ok(sum.members.partyMembers > 33_000, '3.3万多');
  assert.equal(sum.members.capablePeople, PUTIAN_ENGAGEMENT_INPUTS.capablePeople);
  assert.equal(sum.members.villages, PUTIAN_COUNTS.levels.village, 'every village has members');
  assert.deepEqual(Object.keys(g.refused), ['E_ITEM_CAP'].filter((k) => k in g.refused), 'the only refusals are items at their cap');
});

test('counts per node add up from villages to towns to the city', () => {
  const h = g.hierarchy;
  const city = h.code(0);
  const byTown = participation(s, h, city, 'town');
  const byCounty = participation(s, h, city, 'county');
  const byCity = participation(s, h, city, 'city');
  const total = (rows: { reported: number; orders: number; hours: number }[]) =>
    rows.reduce((a, r) => [a[0] + r.reported, a[1] + r.orders, a[2] + r.hours], [0, 0, 0]);
  assert.equal(byTown.length, PUTIAN_COUNTS.levels.town);
  assert.deepEqual(total(byTown), total(byCounty));
  assert.deepEqual(total(byCounty), total(byCity));
  assert.equal(byCity[0].reported, s.members.size);
  assert.equal(byCity[0].orders, sum.orders.confirmed);
  let rosterMembers = 0;
  for (const r of s.rosters.values()) rosterMembers += r.members.length;
  assert.ok(sum.rosters.station === PUTIAN_COUNTS.levels.village && rosterMembers > 0);
  assert.ok(sum.rosters.attendances > 0 && sum.rosters.sessions > 0);
});

test('the ledgers balance, stay within their floors and caps, and replay to the same state', () => {
  assert.deepEqual(sum.ledgerSums, { time: 0, points: 0 });
  for (const a of s.accounts.values()) {
    if (a.floor !== null) assert.ok(a.balance >= a.floor, `${a.id} below floor`);
    if (a.cap !== null) assert.ok(a.balance <= a.cap, `${a.id} above cap`);
  }
  assert.ok(sum.time.issued > 0 && sum.points.settled > 0 && sum.points.spent > 0, 'hours earned, points settled and spent');
  assert.ok(sum.time.issued <= sum.orders.hours * SHANGHAI_TIME_BANK.coinsPerHour, 'no more coins than hours served');
  assert.equal(sum.time.issued, sum.time.held + sum.time.donated + sum.time.redeemed);
  const replay = foldEngagement(g.events);
  assert.equal(replay.seq, s.seq);
  for (const [id, a] of s.accounts) assert.equal(replay.accounts.get(id)?.balance, a.balance, id);
});

test('the same seed gives the same year', () => {
  const again = generatePutianEngagement(data, { orders: 3_000 });
  assert.equal(again.events.length, g.events.length);
  assert.deepEqual(again.events.at(-1), g.events.at(-1));
  assert.deepEqual(putianEngagementSummary(again), sum);
});
