import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  evolveListsChecked, emptyLists, importListsCsv, listContextOf, policySet, replayLists, sectorOf, sectorSummary,
  type ListEvent, type ListsState, type PolicyDoc,
} from '../src/lists/index.js';
import { h } from './metrics-fixture.js';

const ctx = listContextOf(h);
const at = '2022-03-01T00:00:00+08:00';
const doc = (id: string, kind: PolicyDoc['kind'], sector?: string): ListEvent =>
  ({ type: 'list.upserted', kind: 'policies', at, record: { id, kind, title: { zh: id, en: id }, ...(sector ? { sector } : {}) } as PolicyDoc });
const whole: ListEvent[] = [
  doc('P1', 'overall'),
  doc('P2', 'sector', 'organisation'), doc('P3', 'sector', 'resources'), doc('P4', 'sector', '力量重合'), doc('P5', 'sector', 'digital'),
  ...Array.from({ length: 21 }, (_, k) => doc(`S${k + 1}`, 'supporting')),
  doc('M1', 'measure'), doc('M2', 'measure'),
];
const codes = (s: ListsState, e: ListEvent) => { const r = evolveListsChecked(s, e, ctx); return r.ok ? [] : r.errors.map((x) => x.code); };

test('1+4+21+N: one overall plan, one plan per sector, supporting rules and measures counted', () => {
  const r = replayLists(whole, ctx);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  const p = policySet(r.value, { supporting: 21 });
  assert.deepEqual([p.overall, p.sectorPlans, p.supporting, p.measures, p.complete], [1, 4, 21, 2, true]);
  assert.deepEqual(p.bySector, { organisation: 1, resources: 1, forces: 1, digital: 1 });
  // nothing cites them yet: warnings only, the set is still whole
  assert.ok(p.problems.every((x) => x.severity === 'warning' && x.code === 'W_POLICY_UNCITED'));
  // a second overall plan, a second plan for a sector (in the other spelling) and a sector plan without a sector are refused
  assert.deepEqual(codes(r.value, doc('P9', 'overall')), ['E_POLICY_OVERALL_TWICE']);
  assert.deepEqual(codes(r.value, doc('P9', 'sector', '力量整合')), ['E_POLICY_SECTOR_TWICE']);
  assert.deepEqual(codes(r.value, doc('P9', 'sector')), ['E_POLICY_SECTOR_MISSING']);
  // replacing the overall plan itself is fine
  assert.deepEqual(codes(r.value, doc('P1', 'overall')), []);
});

test('an incomplete set says what is missing; a supporting count other than expected is warned about', () => {
  const r = replayLists(whole.filter((e) => !(e.type === 'list.upserted' && ['P1', 'P5', 'S21'].includes(e.record.id))), ctx);
  assert.ok(r.ok);
  const p = policySet(r.value, { supporting: 21 });
  assert.equal(p.complete, false);
  const errs = p.problems.filter((x) => x.severity !== 'warning').map((x) => `${x.code}:${x.column ?? ''}`);
  assert.deepEqual(errs, ['E_POLICY_OVERALL:', 'E_POLICY_SECTOR_PLAN:digital']);
  assert.ok(p.problems.some((x) => x.code === 'W_POLICY_SUPPORTING' && /20/.test(x.en)));
});

test('both spellings of the third sector, 力量重合 and 力量整合, are one sector', () => {
  assert.equal(sectorOf('力量重合'), 'forces');
  assert.equal(sectorOf('力量整合'), 'forces');
  assert.equal(sectorOf('Force integration'), 'forces');
  assert.equal(sectorOf('力量'), undefined);
  const r = replayLists([
    { type: 'list.upserted', kind: 'sectors', at, record: { id: 'S-a', sector: '力量重合' as never, title: { zh: '部门下沉', en: 'departments sent down' }, status: 'active', policies: [] } },
    { type: 'list.upserted', kind: 'sectors', at, record: { id: 'S-b', sector: '力量整合' as never, title: { zh: '综合执法', en: 'joint enforcement' }, status: 'active', policies: [] } },
  ], ctx);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.equal(r.value.sectors['S-a'].sector, 'forces');
  assert.equal(sectorSummary(r.value).forces.items, 2);
  const csv = importListsCsv({
    'sector-items.csv': 'id,sector,title_zh,status\nS1,力量重合,三官一律挂钩,进行中\nS2,力量整合,一支队伍管执法,active\nS3,力量,x,active\n',
  }, emptyLists(), ctx, { at });
  assert.ok(!csv.ok);
  assert.deepEqual(csv.errors.map((e) => [e.row, e.code, e.column]), [[4, 'E_LIST_ENUM', 'sector']]);
  const good = importListsCsv({ 'sector-items.csv': 'id,sector,title_zh,status\nS1,力量重合,三官一律挂钩,进行中\nS2,力量整合,一支队伍管执法,active\n' }, emptyLists(), ctx, { at });
  assert.ok(good.ok);
  assert.deepEqual(Object.values(good.value.state.sectors).map((s) => s.sector), ['forces', 'forces']);
});
