import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listContextOf, nodeLists, replayLists, workListOf, type ListEvent } from '../src/lists/index.js';
import { h } from './metrics-fixture.js';

const ctx = listContextOf(h);
const at = '2024-03-01T09:00:00+08:00';
const log: ListEvent[] = [
  { type: 'list.upserted', kind: 'work', at, record: { id: 'W-t-1', level: 'town', duty: { zh: '综合研判', en: 'comprehensive judgement' }, policies: [] } },
  { type: 'list.upserted', kind: 'work', at, record: { id: 'W-t-own', level: 'town', node: '350302001000', duty: { zh: '老旧小区改造协调', en: 'old compound renovation' }, policies: [] } },
  { type: 'list.upserted', kind: 'sectors', at, record: { id: 'S1', sector: 'digital', title: { zh: '镇级指挥哨所', en: 'town command post' }, owner: '350302001001', status: 'active', policies: [] } },
  { type: 'list.upserted', kind: 'sectors', at, record: { id: 'S2', sector: 'forces', title: { zh: '综合执法队', en: 'enforcement team' }, owner: '350303100000', status: 'planned', policies: [] } },
  { type: 'list.upserted', kind: 'projects', at, record: { id: 'PA', name: { zh: '网格站', en: 'grid station' }, owner: '350302001002', sector: 'resources', status: 'active', progress: 40, funding: [], milestones: [], policies: [] } },
  { type: 'funding.source', at, source: { id: 'F1', name: { zh: '区专项', en: 'district fund' }, level: 'county', node: '350302000000', budget: 100_000, purposes: ['resources', 'grid-operations'], period: { from: '2024-01-01', to: '2024-12-31' }, policies: [] } },
  { type: 'funding.allocated', at, allocation: { id: 'A1', source: 'F1', target: { kind: 'project', id: 'PA' }, amount: 60_000, purpose: 'resources', date: '2024-03-01' } },
  { type: 'funding.allocated', at, allocation: { id: 'A2', source: 'F1', target: { kind: 'work', id: 'W-t-own', node: '350302001000' }, amount: 5_000, purpose: 'grid-operations', date: '2024-03-02' } },
];

test("a node's view: its level's duties plus its own items, its subtree's sectors, projects and funding", () => {
  const r = replayLists(log, ctx);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  const s = r.value;
  const a = nodeLists(s, h, '350302001000')!;
  const b = nodeLists(s, h, '350302002000')!;
  assert.deepEqual(a.work.map((w) => w.id), ['W-t-1', 'W-t-own']);
  assert.deepEqual(b.work.map((w) => w.id), ['W-t-1']);
  assert.deepEqual(workListOf(s, 'town').map((w) => w.id), ['W-t-1']);
  assert.deepEqual(a.sectorItems.map((x) => x.id), ['S1']);
  assert.equal(a.sectors.digital.items, 1);
  assert.equal(a.sectors.forces.items, 0);
  assert.deepEqual(a.projects.map((p) => [p.project.id, p.budget]), [['PA', 60_000]]);
  assert.deepEqual([a.totals.budget, a.totals.progress, a.totals.unfunded], [60_000, 40, 0]);
  assert.deepEqual(a.funding.map((f) => [f.source, f.amount, f.projects, f.work]), [['F1', 65_000, 1, 1]]);
  assert.deepEqual(a.workFunding, [{ work: 'W-t-own', source: 'F1', amount: 5_000, spent: 0 }]);
  assert.deepEqual([b.projects.length, b.totals.progress, b.funding], [0, null, []]);
  // the county sees the same project with the same figures
  const county = nodeLists(s, h, '350302000000')!;
  assert.deepEqual([county.totals.budget, county.totals.progress], [60_000, 40]);
  assert.equal(nodeLists(s, h, '999'), undefined);
});

test('a work item of one node must sit at a node of its level', () => {
  const r = replayLists([{ type: 'list.upserted', kind: 'work', at, record: { id: 'W', level: 'town', node: '350302001001', duty: { zh: 'x', en: 'x' }, policies: [] } }], ctx);
  assert.ok(!r.ok);
  assert.equal(r.errors[0].code, 'E_LIST_LEVEL');
});
