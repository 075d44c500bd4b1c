import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  evolveListsChecked, emptyLists, fundingBySource, listContextOf, projectFunding, evolveLists, replayLists, rollUpProjects,
  sourceBalance, toCents, netCents, type FundingSource, type ListEvent, type ListsState, type Project,
} from '../src/lists/index.js';
import { h } from './metrics-fixture.js';

const ctx = listContextOf(h);
const at = '2024-03-01T09:00:00+08:00';
const source = (id: string, node: string, level: string, budget: number, purposes: string[]): FundingSource => ({
  id, name: { zh: id, en: id }, level, node, budget, purposes, period: { from: '2024-01-01', to: '2024-12-31' }, policies: [],
});
const project = (id: string, owner: string, progress = 0, sector: Project['sector'] = 'resources'): ListEvent => ({
  type: 'list.upserted', kind: 'projects', at,
  record: { id, name: { zh: id, en: id }, owner, sector, status: 'active', progress, funding: [], milestones: [], policies: [] },
});
const alloc = (id: string, src: string, target: string, amount: number, purpose = 'resources', date = '2024-03-01'): ListEvent =>
  ({ type: 'funding.allocated', at, allocation: { id, source: src, target: { kind: 'project', id: target }, amount, purpose, date } });
const spend = (id: string, allocation: string, amount: number, purpose = 'resources', date = '2024-04-01'): ListEvent =>
  ({ type: 'funding.spent', at, spending: { id, allocation, amount, purpose, date } });

const base: ListEvent[] = [
  { type: 'funding.source', at, source: source('F-CITY', '350300000000', 'city', 1_000_000, ['resources', 'digital']) },
  { type: 'funding.source', at, source: source('F-JIA', '350302000000', 'county', 300_000, ['resources']) },
  project('PA', '350302001000', 40),
  project('PB', '350303100000', 10, 'digital'),
  { type: 'list.upserted', kind: 'work', at, record: { id: 'W-v-1', level: 'village', duty: { zh: '网格巡查', en: 'patrol' }, policies: [] } },
];
const start = (): ListsState => {
  const r = replayLists(base, ctx);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.value;
};
const codes = (s: ListsState, e: ListEvent) => { const r = evolveListsChecked(s, e, ctx); return r.ok ? [] : r.errors.map((x) => x.code); };
const apply = (s: ListsState, ...es: ListEvent[]) => {
  for (const e of es) { const r = evolveListsChecked(s, e, ctx); assert.ok(r.ok, JSON.stringify(!r.ok && r.errors)); s = r.value; }
  return s;
};

test('an allocation beyond what the source has left is refused, with what is left', () => {
  let s = apply(start(), alloc('A1', 'F-JIA', 'PA', 250_000));
  const r = evolveListsChecked(s, alloc('A2', 'F-JIA', 'PA', 50_000.01), ctx);
  assert.ok(!r.ok);
  assert.equal(r.errors[0].code, 'E_FUND_OVER_BUDGET');
  assert.match(r.errors[0].zh, /仅剩 50,000 元/);
  assert.match(r.errors[0].en, /has 50,000 yuan/);
  s = apply(s, alloc('A2', 'F-JIA', 'PA', 50_000));
  assert.deepEqual(sourceBalance(s.funding, 'F-JIA'), { budget: 300_000, allocated: 300_000, spent: 0, left: 0 });
  // a budget cut below what is allocated is refused too
  assert.deepEqual(codes(s, { type: 'funding.source', at, source: source('F-JIA', '350302000000', 'county', 299_999, ['resources']) }), ['E_FUND_BUDGET_BELOW_ALLOCATED']);
});

test('专款专用: allocating or spending for a purpose the source does not have is refused', () => {
  let s = start();
  assert.deepEqual(codes(s, alloc('A1', 'F-JIA', 'PA', 1000, 'digital')), ['E_FUND_PURPOSE']);
  s = apply(s, alloc('A1', 'F-CITY', 'PA', 10_000));
  assert.deepEqual(codes(s, spend('X1', 'A1', 100, 'banquets')), ['E_FUND_PURPOSE']);
  assert.deepEqual(codes(s, spend('X1', 'A1', 10_000.5)), ['E_FUND_OVER_ALLOCATION']);
  assert.deepEqual(codes(s, spend('X1', 'A1', 100, 'resources', '2025-01-02')), ['E_FUND_PERIOD']);
  s = apply(s, spend('X1', 'A1', 4_000));
  assert.equal(s.funding.allocations.A1.spent, 4_000);
});

test('列入同级财政预算: a source sits at a node of its level and funds only its own area', () => {
  const s = start();
  assert.deepEqual(codes(s, { type: 'funding.source', at, source: source('F-X', '350302001000', 'county', 1, ['resources']) }), ['E_FUND_LEVEL']);
  // 甲区's budget cannot fund a project of 乙县
  assert.deepEqual(codes(s, alloc('A1', 'F-JIA', 'PB', 1000)), ['E_FUND_SCOPE']);
  // a work item is funded at a node of its own level (费随事转)
  const work = (node: string): ListEvent => ({ type: 'funding.allocated', at, allocation: { id: 'AW', source: 'F-JIA', target: { kind: 'work', id: 'W-v-1', node }, amount: 500, purpose: 'resources', date: '2024-02-01' } });
  assert.deepEqual(codes(s, work('350302001000')), ['E_FUND_TARGET']);
  const s2 = apply(s, work('350302001001'));
  assert.deepEqual(fundingBySource(s2, h, 2), [{ source: 'F-JIA', amount: 500, spent: 0, projects: 0, work: 1, checked: true }]);
});

test('a cancelled project releases its unspent money, takes no more, and leaves the pooled totals', () => {
  let s = apply(start(), alloc('A1', 'F-JIA', 'PA', 200_000), alloc('A2', 'F-CITY', 'PA', 100_000), spend('X1', 'A1', 30_000));
  assert.deepEqual(projectFunding(s, 'PA').map((p) => [p.source, p.amount, p.spent]), [['F-JIA', 200_000, 30_000], ['F-CITY', 100_000, 0]]);
  s = apply(s, { type: 'project.status', id: 'PA', status: 'cancelled', at });
  assert.deepEqual(sourceBalance(s.funding, 'F-JIA'), { budget: 300_000, allocated: 30_000, spent: 30_000, left: 270_000 });
  assert.deepEqual(sourceBalance(s.funding, 'F-CITY').left, 1_000_000);
  assert.deepEqual(codes(s, alloc('A3', 'F-JIA', 'PA', 1)), ['E_FUND_PROJECT_CANCELLED']);
  assert.deepEqual(codes(s, spend('X2', 'A1', 1)), ['E_FUND_PROJECT_CANCELLED', 'E_FUND_OVER_ALLOCATION']);
  const up = rollUpProjects(s, h);
  assert.equal(up.budget[0], 0);
  assert.equal(up.spent[0], 30_000);
});

test('once the ledger has sources, project.funded must name one and is checked like an allocation', () => {
  const s = start();
  const funded = (src: string, amount: number): ListEvent => ({ type: 'project.funded', id: 'PA', funding: { source: src, amount }, at });
  assert.deepEqual(codes(s, funded('市级财政', 5e9)), ['E_FUND_UNKNOWN_SOURCE']);
  assert.deepEqual(codes(s, funded('F-CITY', 5e9)), ['E_FUND_OVER_BUDGET']);
  const s2 = apply(s, funded('F-CITY', 1000));
  assert.equal(s2.funding.allocations['PA#1'].amount, 1000);
  assert.deepEqual(s2.projects.PA.funding, []);
  // without a ledger, declared funding stays as before
  const bare = replayLists([project('PZ', '350302001000')], ctx);
  assert.ok(bare.ok);
  assert.deepEqual(apply(bare.value, { type: 'project.funded', id: 'PZ', funding: { source: '市级财政', amount: 10 }, at }).projects.PZ.funding, [{ source: '市级财政', amount: 10 }]);
});

test('roll-ups are sums over the subtree: every node equals its own projects plus its children', () => {
  const codesAll = Array.from({ length: h.size }, (_, i) => h.code(i));
  fc.assert(fc.property(
    fc.array(fc.record({ node: fc.integer({ min: 0, max: h.size - 1 }), progress: fc.integer({ min: 0, max: 100 }), funded: fc.nat(3), cancelled: fc.boolean() }), { maxLength: 12 }),
    (ps) => {
      let s = start();
      ps.forEach((p, k) => {
        const id = `P${k}`;
        s = evolveLists(s, { ...(project(id, codesAll[p.node], p.progress) as object), at } as ListEvent);
        if (p.funded) s = evolveLists(s, alloc(`A${k}`, 'F-CITY', id, p.funded * 10));
        if (p.cancelled) s = evolveLists(s, { type: 'project.status', id, status: 'cancelled', at });
      });
      const up = rollUpProjects(s, h);
      for (let i = 0; i < h.size; i++) {
        const mine = Object.values(s.projects).filter((p) => h.isAncestor(i, h.indexOf(p.owner)) && p.status !== 'cancelled');
        const mean = mine.length ? mine.reduce((a, p) => a + p.progress, 0) / mine.length : NaN;
        assert.ok(Number.isNaN(mean) ? Number.isNaN(up.progress[i]) : Math.abs(up.progress[i] - mean) < 1e-9, `node ${i}`);
        assert.equal(up.unfunded[i], mine.filter((p) => !s.funding.allocations[`A${p.id.slice(1)}`]).length);
      }
    },
  ), { numRuns: 60 });
});

test('property: at any point of a random sequence of funding events, every allocation is covered by its source', () => {
  const sources = ['F-CITY', 'F-JIA'];
  const ev = fc.oneof(
    fc.record({ k: fc.constant('alloc' as const), src: fc.constantFrom(...sources), target: fc.constantFrom('PA', 'PB', 'PC'), amount: fc.integer({ min: 1, max: 400_000 }), purpose: fc.constantFrom('resources', 'digital') }),
    fc.record({ k: fc.constant('spend' as const), a: fc.nat(20), amount: fc.integer({ min: 1, max: 200_000 }) }),
    fc.record({ k: fc.constant('release' as const), a: fc.nat(20), amount: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }) }),
    fc.record({ k: fc.constant('cancel' as const), target: fc.constantFrom('PA', 'PB', 'PC') }),
    fc.record({ k: fc.constant('budget' as const), src: fc.constantFrom(...sources), budget: fc.integer({ min: 0, max: 1_500_000 }) }),
  );
  fc.assert(fc.property(fc.array(ev, { maxLength: 40 }), (steps) => {
    let s = apply(start(), project('PC', '350302001001'));
    let n = 0;
    for (const st of steps) {
      const ids = Object.keys(s.funding.allocations);
      const e: ListEvent =
        st.k === 'alloc' ? alloc(`A${n++}`, st.src, st.target, st.amount, st.purpose)
        : st.k === 'spend' ? spend(`X${n++}`, ids[st.a % Math.max(1, ids.length)] ?? 'none', st.amount)
        : st.k === 'release' ? { type: 'funding.released', at, allocation: ids[st.a % Math.max(1, ids.length)] ?? 'none', ...(st.amount ? { amount: st.amount } : {}) }
        : st.k === 'cancel' ? { type: 'project.status', at, id: st.target, status: 'cancelled' }
        : { type: 'funding.source', at, source: { ...s.funding.sources[st.src], budget: st.budget } };
      const r = evolveListsChecked(s, e, ctx);
      if (r.ok) s = r.value;
      for (const src of Object.values(s.funding.sources)) {
        let allocated = 0;
        for (const a of Object.values(s.funding.allocations)) if (a.source === src.id) allocated += netCents(a);
        assert.ok(allocated <= toCents(src.budget), `${src.id}: ${allocated} > ${toCents(src.budget)}`);
      }
      for (const a of Object.values(s.funding.allocations)) assert.ok(toCents(a.spent) <= netCents(a) && a.released >= 0, a.id);
    }
  }), { numRuns: 150 });
});

test('the ledger is a fold of its events: replaying the log gives the same state', () => {
  const log = [...base, alloc('A1', 'F-JIA', 'PA', 1000), spend('X1', 'A1', 10), { type: 'funding.released', at, allocation: 'A1', amount: 90 } as ListEvent];
  const a = replayLists(log, ctx), b = replayLists(log, ctx);
  assert.ok(a.ok && b.ok);
  assert.deepEqual(a.value, b.value);
  assert.equal(a.value.funding.allocations.A1.released, 90);
  const empty = emptyLists();
  assert.deepEqual(empty.funding, { sources: {}, allocations: {}, spendings: {} });
});
