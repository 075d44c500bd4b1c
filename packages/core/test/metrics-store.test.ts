import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCategoryTable, DEFAULT_CATEGORIES } from '../src/cases/categories.js';
import { CaseStore } from '../src/cases/store.js';
import type { AnyCaseEvent } from '../src/cases/events.js';
import { applyMetrics, categoryOptions, createMetrics, patrolledUnits } from '../src/metrics/index.js';
import { h, NOW } from './metrics-fixture.js';

const table = buildCategoryTable(DEFAULT_CATEGORIES);
assert.ok(table.ok);
const HOUR = 3_600_000;
const ev = (caseId: string, version: number, type: string, at: number, data: Record<string, unknown>) =>
  ({ caseId, version, type, at, actor: 'u1', role: 'grid-worker', roleNode: '350302001001', data }) as unknown as AnyCaseEvent;

function history(k: number): AnyCaseEvent[] {
  const id = `c${k}`;
  const node = ['350302001001', '350302001002', '350302002001', '350303100201'][k % 4];
  const t0 = NOW - (40 - k) * 24 * HOUR;
  const out = [
    ev(id, 1, 'discovered', t0, { node, source: k % 2 ? 'citizen' : 'patrol', description: '楼道堆物' }),
    ev(id, 2, 'registered', t0 + HOUR, { category: k % 3 ? 'dispute' : 'safety', urgency: 'normal', description: '楼道堆物', dispatchDueAt: t0 + 2 * HOUR }),
    ev(id, 3, 'dispatched', t0 + 1.5 * HOUR, { node, dueAt: t0 + 48 * HOUR }),
  ];
  if (k % 5 !== 0) {
    out.push(ev(id, 4, 'accepted', t0 + 2 * HOUR, {}));
    out.push(ev(id, 5, 'handled', t0 + 20 * HOUR, { result: '已清理' }));
  }
  return out;
}

test('case events applied through the store keep metrics equal to a recount, also when the store grows', () => {
  const store = new CaseStore({ hierarchy: h, categories: table.value }, { capacity: 16 });
  const cat = categoryOptions(table.value);
  const r = createMetrics({ hierarchy: h, facts: store.facts, now: NOW, ...cat.options });
  assert.ok(r.ok);
  const m = r.value;
  let applied = 0;
  for (let k = 0; k < 24; k++) {
    for (const e of history(k)) {
      const res = applyMetrics(store, m, e);
      assert.ok(res.ok, JSON.stringify(!res.ok && res.errors));
      applied++;
    }
  }
  assert.ok(store.facts.node.length > 16); // the store reallocated its columns on the way
  const fresh = createMetrics({ hierarchy: h, facts: store.facts, now: NOW, ...cat.options });
  assert.ok(fresh.ok);
  for (let node = 0; node < h.size; node++) {
    for (const code of m.measures.codes) assert.ok(Math.abs(m.measure(node, code) - fresh.value.measure(node, code)) < 1e-6, `${node} ${code}`);
  }
  assert.equal(m.value(0, 'collected').value, 24);
  assert.equal(m.measure(0, 'handled'), 24 - 5); // k = 0, 5, 10, 15, 20 are never handled
  // a refused event changes nothing
  const bad = applyMetrics(store, m, ev('c1', 99, 'closed', NOW, {}));
  assert.equal(bad.ok, false);
  assert.equal(m.value(0, 'closed').value, fresh.value.value(0, 'closed').value);
  // topics come from the category table
  const byTopic = m.slice(0, { by: 'topic', codes: ['collected'] });
  assert.deepEqual(byTopic.map((x) => [x.label.en, x.values.collected.value]).sort(), [['Dispute resolution', 16], ['Work safety', 8]]);
  assert.ok(applied > 0);
});

test('patrolled units of a period come from patrol records', () => {
  const at = Date.parse('2024-03-10T10:00:00+08:00');
  const records = [
    { unit: '350302001001', at }, { unit: '350302001001', at: at + 1 }, { unit: '350302002001', at },
    { unit: '350303100201', at: Date.parse('2024-04-02T10:00:00+08:00') }, { unit: '999', at },
  ];
  const units = patrolledUnits(records, h, { unit: 'month', key: 2024 * 12 + 2 });
  assert.deepEqual(units, [3, 6]);
  const r = createMetrics({ hierarchy: h, facts: new CaseStore({ hierarchy: h, categories: table.value }).facts, now: NOW, patrolledUnits: units });
  assert.ok(r.ok);
  assert.deepEqual(r.value.value(0, 'patrolCoverage'), { value: 50, numerator: 2, denominator: 4 });
});
