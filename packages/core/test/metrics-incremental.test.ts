import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CASE_SOURCES, type CaseFacts } from '../src/cases/facts.js';
import { createMetrics, readFactRow, writeFactRow, type CaseFactRow, type Metrics, type MetricsOptions } from '../src/metrics/index.js';
import { factsOf, h, NOW } from './metrics-fixture.js';

const HOUR = 3_600_000;
const time = fc.oneof(fc.constant(NaN), fc.integer({ min: -40 * 24, max: 10 * 24 }).map((k) => NOW + k * HOUR));
const rowArb: fc.Arbitrary<CaseFactRow> = fc.record({
  node: fc.integer({ min: 0, max: h.size - 1 }),
  category: fc.integer({ min: 0, max: 2 }),
  source: fc.integer({ min: 0, max: CASE_SOURCES.length - 1 }),
  status: fc.integer({ min: 0, max: 11 }),
  reportedAt: fc.integer({ min: -40 * 24, max: 0 }).map((k) => NOW + k * HOUR),
  registeredAt: time, dispatchedAt: time, dispatchDueAt: time, handledAt: time, dueAt: time, closedAt: time,
  closedLevel: fc.integer({ min: -1, max: 3 }),
  rework: fc.integer({ min: 0, max: 3 }),
  escalations: fc.integer({ min: 0, max: 2 }),
  extensions: fc.integer({ min: 0, max: 2 }),
  satisfaction: fc.integer({ min: 0, max: 5 }),
});

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
