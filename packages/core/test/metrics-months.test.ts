// A slice, series or ranking of a short period over a large subtree reads only the rows of
// the months the period touches (an index by month): its figures are still those of the
// engine built for that period — every measure, at every node of the slice, and every
// category of a breakdown — also after cases are added, moved to another node, month or category.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createMetrics, readFactRow, writeFactRow, type CaseFactRow, type Metrics, type PeriodRef } from '../src/metrics/index.js';
import { factRowArb, factsOf, h, NOW } from './metrics-fixture.js';

const HOUR = 3_600_000, DAY = 24 * HOUR;
// two years of history, so that one month is a small share of the rows
const when = fc.integer({ min: -730, max: 0 }).map((d) => NOW + d * DAY - (d % 5) * HOUR);
const time = fc.oneof(fc.constant(NaN), when);
const rowArb: fc.Arbitrary<CaseFactRow> = factRowArb(fc.oneof({ weight: 1, arbitrary: fc.constant(NaN) }, { weight: 20, arbitrary: when }), time);
const periodArb: fc.Arbitrary<PeriodRef> = fc.oneof(
  fc.integer({ min: 2022 * 12, max: 2024 * 12 + 3 }).map((key) => ({ unit: 'month' as const, key })),
  fc.integer({ min: 2022 * 4, max: 2024 * 4 + 1 }).map((key) => ({ unit: 'quarter' as const, key })),
  fc.integer({ min: -700, max: 0 }).map((d) => ({ unit: 'week' as const, key: Math.floor((Math.floor((NOW + 8 * HOUR) / DAY) + d + 3) / 7) })),
);

const build = (facts: ReturnType<typeof factsOf>, period?: PeriodRef): Metrics => {
  const r = createMetrics({ hierarchy: h, facts, now: NOW, categoryTopics: [0, 1, 1], ...(period ? { period } : {}) });
  assert.ok(r.ok);
  return r.value;
};
const close = (x: number | null, y: number | null, what: string) =>
  assert.ok(x === y || (x !== null && y !== null && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y))), `${what}: ${x} ≠ ${y}`);

test('a period\'s slice by child and ranking agree with the engine built for the period, after changes', () => {
  fc.assert(fc.property(fc.array(rowArb, { minLength: 40, maxLength: 160 }), fc.array(fc.tuple(fc.nat(), rowArb), { maxLength: 12 }), periodArb, (rows, changes, period) => {
    const facts = factsOf(rows, changes.length + 1);
    const m = build(facts);
    m.slice(0, { by: 'child', period }); // builds the index before the changes
    for (const [at, row] of changes) {
      const i = at % (facts.length + 1);
      const before = i < facts.length ? readFactRow(facts, i) : null;
      writeFactRow(facts, i, row);
      if (i === facts.length) { facts.caseIds.push(`n${i}`); facts.length++; }
      m.update(i, before);
    }
    const ref = build(facts, period);
    const codes = ref.measures.codes.filter((c) => ref.indicators.some((d) => d.code === c && d.aggregate !== 'median'));
    for (const node of [0, ...h.children(0)]) {
      const rows2 = m.slice(node, { by: 'child', period, codes });
      for (const r of rows2) for (const c of codes) close(r.values[c].value, ref.value(r.node!, c).value, `${period.unit} ${period.key} node ${r.node} ${c}`);
      const all = m.slice(node, { period, codes: ['collected', 'closed'] })[0];
      assert.equal(all.values.collected.numerator, ref.measure(node, 'collected'));
      assert.equal(all.values.closed.numerator, ref.measure(node, 'closed'));
    }
    const byCat = (x: Metrics, p?: PeriodRef) => x.slice(0, { by: 'category', empty: true, codes: ['collected'], ...(p ? { period: p } : {}) }).map((r) => [r.key, r.values.collected.numerator]);
    assert.deepEqual(byCat(m, period), byCat(ref));
    assert.deepEqual(m.rank(0, 'collected', { period }).map((r) => [r.node, r.value]), ref.rank(0, 'collected').map((r) => [r.node, r.value]));
  }), { numRuns: 200 });
});

test('a series over months counts each month\'s cases like the engine built for that month', () => {
  fc.assert(fc.property(fc.array(rowArb, { minLength: 40, maxLength: 160 }), fc.integer({ min: 2022 * 12 + 11, max: 2024 * 12 + 3 }), (rows, last) => {
    const facts = factsOf(rows);
    const m = build(facts);
    const s = m.series(0, { unit: 'month', count: 6, to: { unit: 'month', key: last }, codes: ['collected', 'closed'] });
    s.forEach((p, g) => {
      const ref = build(facts, { unit: 'month', key: last - 5 + g });
      assert.equal(p.values.collected.numerator, ref.measure(0, 'collected'));
      assert.equal(p.values.closed.numerator, ref.measure(0, 'closed'));
    });
  }), { numRuns: 100 });
});

test('a breakdown by category has a row for every category up to the largest in the facts, as they change', () => {
  const facts = factsOf([{ node: 3, category: 0, reportedAt: NOW - DAY }, { node: 4, category: 5, reportedAt: NOW - DAY }], 2);
  const m = build(facts);
  const keys = () => m.slice(0, { by: 'category', empty: true, codes: ['collected'] }).map((r) => r.key);
  assert.deepEqual(keys(), [0, 1, 2, 3, 4, 5]);
  const before = readFactRow(facts, 1);
  facts.category[1] = 1;
  m.update(1, before);
  assert.deepEqual(keys(), [0, 1]);
  writeFactRow(facts, 2, { ...before, category: 3 });
  facts.caseIds.push('n2'); facts.length++;
  m.update(2, null);
  assert.deepEqual(keys(), [0, 1, 2, 3]);
});
