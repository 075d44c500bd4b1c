import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CASE_SOURCES, type CaseFacts } from '../src/cases/facts.js';
import { createMetrics, readFactRow, writeFactRow, type CaseFactRow, type Metrics, type MetricsOptions } from '../src/metrics/index.js';
import { factRowArb, factsOf, h, NOW } from './metrics-fixture.js';

const HOUR = 3_600_000;
const time = fc.oneof(fc.constant(NaN), fc.integer({ min: -40 * 24, max: 10 * 24 }).map((k) => NOW + k * HOUR));
const rowArb: fc.Arbitrary<CaseFactRow> = factRowArb(fc.integer({ min: -40 * 24, max: 0 }).map((k) => NOW + k * HOUR), time);

type Op = { kind: 'add'; row: CaseFactRow } | { kind: 'replace'; at: number; row: CaseFactRow } | { kind: 'patch'; at: number; col: keyof CaseFactRow; from: CaseFactRow };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  rowArb.map((row) => ({ kind: 'add' as const, row })),
  fc.record({ at: fc.nat(), row: rowArb }).map(({ at, row }) => ({ kind: 'replace' as const, at, row })),
  fc.record({ at: fc.nat(), col: fc.constantFrom<keyof CaseFactRow>('closedAt', 'status', 'node', 'dueAt', 'reportedAt', 'satisfaction', 'closedLevel', 'rework'), from: rowArb })
    .map(({ at, col, from }) => ({ kind: 'patch' as const, at, col, from })),
);
const optsArb: fc.Arbitrary<Partial<MetricsOptions>> = fc.record({
  period: fc.option(fc.constantFrom({ unit: 'month' as const, key: 2024 * 12 + 2 }, { unit: 'week' as const, key: Math.floor((Math.floor((NOW + 8 * HOUR) / 86_400_000) - 10 + 3) / 7) }), { nil: undefined }),
  filter: fc.option(fc.record({ sources: fc.option(fc.subarray([...CASE_SOURCES], { minLength: 1 }), { nil: undefined }), categories: fc.option(fc.subarray([0, 1, 2], { minLength: 1 }), { nil: undefined }) }), { nil: undefined }),
});

function build(facts: CaseFacts, extra: Partial<MetricsOptions>, interpret = false): Metrics {
  const r = createMetrics({ hierarchy: h, facts, now: NOW, categoryTopics: [0, 1, 1], interpret, ...extra });
  assert.ok(r.ok);
  return r.value;
}

function assertSame(a: Metrics, b: Metrics): void {
  for (let node = 0; node < h.size; node++) {
    for (const code of a.measures.codes) {
      const x = a.measure(node, code), y = b.measure(node, code);
      assert.ok(Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y)), `node ${node} ${code}: ${x} ≠ ${y}`);
    }
  }
}

test('incremental updates agree with a full recount on random histories', () => {
  fc.assert(fc.property(fc.array(rowArb, { maxLength: 25 }), fc.array(opArb, { maxLength: 40 }), optsArb, (rows, ops, extra) => {
    const facts = factsOf(rows, ops.length + 1);
    const m = build(facts, extra);
    for (const op of ops) {
      if (op.kind === 'add') {
        writeFactRow(facts, facts.length, op.row);
        facts.caseIds.push(`n${facts.length}`);
        facts.length++;
        m.update(facts.length - 1, null);
        continue;
      }
      if (facts.length === 0) continue;
      const at = op.at % facts.length;
      const before = readFactRow(facts, at);
      if (op.kind === 'replace') writeFactRow(facts, at, op.row);
      else facts[op.col][at] = op.from[op.col];
      m.update(at, before);
    }
    const fresh = build(facts, extra);
    assertSame(m, fresh);
    // scans (slices and series) read the changed rows too
    const codes = ['collected', 'closed', 'dueToClose', 'avgCloseHours'];
    for (const node of [0, 1, 8]) {
      assert.deepEqual(m.slice(node, { by: 'child', codes }), fresh.slice(node, { by: 'child', codes }));
      assert.deepEqual(m.series(node, { unit: 'week', count: 7, codes }), fresh.series(node, { unit: 'week', count: 7, codes }));
    }
  }), { numRuns: 300 });
});

test('the interpreter and the generated kernel give the same figures', () => {
  fc.assert(fc.property(fc.array(rowArb, { maxLength: 40 }), optsArb, (rows, extra) => {
    const facts = factsOf(rows);
    assertSame(build(facts, extra, true), build(facts, extra, false));
  }), { numRuns: 150 });
});

test('a node equals the sum of its own cases and its children (roll-up)', () => {
  fc.assert(fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
    const m = build(factsOf(rows), {});
    for (let node = 0; node < h.size; node++) {
      const own = rows.filter((r) => r.node === node).length;
      const kids = h.children(node).reduce((s, c) => s + m.measure(c, 'collected'), 0);
      assert.equal(m.measure(node, 'collected'), own + kids);
    }
  }), { numRuns: 100 });
});

test('a large tree (blocked pass, sequential scans) counts like a naive loop', () => {
  // a hand-made index: a root, 200 towns, 100 villages under each (20,201 nodes)
  const towns = 200, per = 100, size = 1 + towns * (per + 1);
  const parents = new Int32Array(size), ends = new Int32Array(size), levelOf = new Uint8Array(size), depths = new Uint8Array(size);
  parents[0] = -1; ends[0] = size;
  for (let t = 0; t < towns; t++) {
    const tp = 1 + t * (per + 1);
    parents[tp] = 0; ends[tp] = tp + per + 1; levelOf[tp] = depths[tp] = 1;
    for (let v = 1; v <= per; v++) { parents[tp + v] = tp; ends[tp + v] = tp + v + 1; levelOf[tp + v] = depths[tp + v] = 2; }
  }
  const lv = (id: string) => ({ id, name: { zh: id, en: id }, duties: [], code: { length: 12, significant: 12 } });
  const big = {
    config: { id: 'star', levels: [lv('city'), lv('town'), lv('village')] }, size, parents, ends, depths, levelOf,
    code: (i: number) => `N${i}`, name: (i: number) => `N${i}`, nameEn: (i: number) => `N${i}`,
    level: (i: number) => lv(['city', 'town', 'village'][levelOf[i]]),
    childCount: (i: number) => (i === 0 ? towns : levelOf[i] === 1 ? per : 0),
    children: (i: number) => (i === 0 ? Array.from({ length: towns }, (_, t) => 1 + t * (per + 1)) : levelOf[i] === 1 ? Array.from({ length: per }, (_, v) => i + 1 + v) : []),
  } as unknown as import('../src/hierarchy/contract.js').HierarchyIndex;
  const N = 70_000;
  const rows: Partial<CaseFactRow>[] = [];
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / (1 << 24);
  for (let i = 0; i < N; i++) {
    const node = Math.floor(rnd() * size);
    rows.push({ node, reportedAt: NOW - 1e6, registeredAt: NOW - 1e6, closedAt: rnd() < 0.7 ? NOW - 5e5 : NaN, category: Math.floor(rnd() * 3) });
  }
  const r = createMetrics({ hierarchy: big, facts: factsOf(rows), now: NOW });
  assert.ok(r.ok);
  const m = r.value;
  const own = new Float64Array(size), ownClosed = new Float64Array(size);
  for (const row of rows) { own[row.node!]++; if (row.closedAt! <= NOW) ownClosed[row.node!]++; }
  const naive = (i: number, a: Float64Array) => { let s = 0; for (let j = i; j < ends[i]; j++) s += a[j]; return s; };
  const collected = m.column('collected'), closed = m.column('closed');
  for (const i of [0, 1, 2, 5, 102, 1 + 150 * (per + 1), size - 1]) {
    assert.equal(collected[i], naive(i, own), `collected ${i}`);
    assert.equal(closed[i], naive(i, ownClosed), `closed ${i}`);
  }
  // the city's children by sequential scan, a town's by gathered rows: both equal the aggregate
  for (const node of [0, 1 + 7 * (per + 1)]) {
    for (const row of m.slice(node, { by: 'child', codes: ['collected', 'closed'] })) {
      assert.equal(row.values.collected.value, collected[row.node!]);
      assert.equal(row.values.closed.value, closed[row.node!]);
    }
  }
  const byCat = m.slice(0, { by: 'category', codes: ['collected'] });
  assert.equal(byCat.reduce((s, x) => s + x.values.collected.value!, 0), N);
});
