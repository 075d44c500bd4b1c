import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMetrics, dashboardSlice, DEFAULT_COMPOSITE, type CoverageSource } from '../src/metrics/index.js';
import type { CoverageDef } from '../src/overlay/types.js';
import { factsOf, h, history, NOW } from './metrics-fixture.js';

const branchDef: CoverageDef = {
  id: 'grid-party-branch', of: { nodes: 'village' }, test: { org: 'grid-branch' },
  name: { zh: '网格党支部覆盖率', en: 'Grids with a grid party branch' },
  numerator: { zh: '建有党支部的网格数', en: 'grids with a branch' }, denominator: { zh: '网格总数', en: 'all grids' },
};
// a hand-made overlay: branches on villages a, b and d (positions 3, 4, 9), not on c (6)
const withBranch = new Set([3, 4, 9]);
const villages = [3, 4, 6, 9];
const source: CoverageSource = {
  coverage(i, def) {
    const inside = villages.filter((v) => v >= i && v < h.ends[i]);
    const num = inside.filter((v) => withBranch.has(v)).length;
    return { id: def.id, numerator: num, denominator: inside.length, ratio: inside.length ? num / inside.length : null };
  },
};

function metrics() {
  const r = createMetrics({
    hierarchy: h, facts: factsOf(history), now: NOW, patrolledUnits: [3, 6], categoryTopics: [0, 0, 1],
    categoryNames: [{ zh: '纠纷', en: 'disputes' }, { zh: '隐患', en: 'hazards' }, { zh: '环境', en: 'environment' }],
    coverage: { source, defs: [branchDef] },
  });
  assert.ok(r.ok);
  return r.value;
}
const MARCH = { unit: 'month' as const, key: 2024 * 12 + 2 };

test('KPIs carry the previous period and the change', () => {
  const s = dashboardSlice(metrics(), 0, MARCH);
  assert.equal(s.period.label, '2024-03');
  assert.equal(s.previous.label, '2024-02');
  const k = Object.fromEntries(s.kpis.map((x) => [x.code, x]));
  assert.deepEqual([k.collected.value, k.collected.previous.value, k.collected.change], [7, 1, 6]);
  assert.deepEqual([k.closeRate.value, k.closeRate.previous.value, k.closeRate.change], [75, 100, -25]);
  assert.deepEqual([k.closeRate.numerator, k.closeRate.denominator], [3, 4]);
  assert.equal(k.banjieRate.note!.en, 'closed / registered');
  assert.equal(k.overdue.better, 'lower');
});

test('monthly trend ends with the period, breakdown and ranking are for the period', () => {
  const s = dashboardSlice(metrics(), 0, MARCH, { trendMonths: 3 });
  assert.deepEqual(s.trend.map((p) => [p.period.label, p.collected, p.closed, p.rate]), [['2024-01', 0, 0, null], ['2024-02', 1, 1, 100], ['2024-03', 7, 3, 75]]);
  assert.equal(s.breakdown.by, 'category');
  assert.deepEqual(s.breakdown.items.map((b) => [b.label.zh, b.collected, b.closed]), [['纠纷', 3, 3], ['隐患', 3, 0], ['环境', 1, 0]]);
  assert.equal(s.breakdown.items[0].share!.toFixed(2), ((3 / 7) * 100).toFixed(2));
  assert.deepEqual(s.ranking.rows.map((r) => [r.rank, r.name.zh, r.numerator, r.denominator]), [[1, '乙县', 1, 1], [2, '甲区', 2, 3]]);
  const byTopic = dashboardSlice(metrics(), 0, MARCH, { breakdown: 'topic', rankBy: 'overdue' });
  assert.deepEqual(byTopic.breakdown.items.map((b) => [b.key, b.collected]), [[0, 6], [1, 1]]);
  assert.equal(byTopic.ranking.order, 'asc');
  assert.deepEqual(byTopic.ranking.rows.map((r) => [r.name.zh, r.value]), [['乙县', 0], ['甲区', 1]]);
});

test('share closed per level and at or below it', () => {
  const s = dashboardSlice(metrics(), 0, MARCH);
  // March closures: c1 and c6 by villages, c2 by a town
  assert.deepEqual(s.levels.map((l) => [l.level, l.closed, l.atOrBelow]), [['city', 0, 3], ['county', 0, 3], ['town', 1, 3], ['village', 2, 2]]);
  assert.equal(s.levels[3].shareAtOrBelow!.toFixed(2), '66.67');
  assert.equal(s.levels[2].shareAtOrBelow, 100);
});

test('coverage figures: patrol and the party overlay, for the node', () => {
  const m = metrics();
  const city = dashboardSlice(m, 0, MARCH);
  assert.deepEqual(city.coverage.map((c) => [c.code, c.numerator, c.denominator, c.value]),
    [['patrolCoverage', 2, 4, 50], ['coverage:grid-party-branch', 3, 4, 75]]);
  const countyA = dashboardSlice(m, 1, MARCH);
  assert.deepEqual(countyA.coverage.map((c) => c.value!.toFixed(2)), ['66.67', '66.67']);
  assert.deepEqual(m.column('coverage:grid-party-branch').slice(0, 5), Float64Array.from([75, (2 / 3) * 100, 100, 100, 100]));
});

test('node header, composite score, and plain serialisable data', () => {
  const s = dashboardSlice(metrics(), 4, MARCH, { composite: DEFAULT_COMPOSITE });
  assert.deepEqual(s.node.path.map((p) => p.name.zh), ['示范市', '甲区', '甲一街道', 'b社区']);
  assert.equal(s.node.level, 'village');
  assert.equal(s.node.childCount, 0);
  assert.deepEqual(s.ranking.rows, []);
  const city = dashboardSlice(metrics(), 0, MARCH, { composite: DEFAULT_COMPOSITE });
  // closeRate 75 ×30, onTimeCloseRate 50 ×30, reworkRate 25 → 75 ×15, satisfiedRate 66.67 ×15, dispatch 75 ×10
  assert.equal(city.score!.score!.toFixed(2), '66.25');
  assert.equal(city.score!.grade, 'C');
  assert.deepEqual(JSON.parse(JSON.stringify(city)), city);
});

test('KPIs of any period equal a direct slice of that period and the one before', () => {
  const m = metrics();
  const kpis = ['collected', 'closed', 'closeRate', 'onTimeCloseRate', 'avgCloseHours', 'medianCloseHours', 'patrolCoverage'];
  for (const period of [MARCH, { unit: 'quarter' as const, key: 2024 * 4 }, { unit: 'year' as const, key: 2024 }, { unit: 'week' as const, key: 2823 }, { unit: 'day' as const, key: 19802 }]) {
    for (const node of [0, 1, 9]) {
      const s = dashboardSlice(m, node, period, { kpis });
      const cur = m.slice(node, { period, codes: kpis, medians: true })[0].values;
      const prev = m.slice(node, { period: { unit: period.unit, key: period.key - 1 }, codes: kpis, medians: true })[0].values;
      for (const k of s.kpis) {
        assert.deepEqual({ value: k.value, numerator: k.numerator, denominator: k.denominator }, cur[k.code], `${period.unit} ${node} ${k.code}`);
        assert.deepEqual(k.previous, prev[k.code], `${period.unit} ${node} ${k.code} previous`);
      }
    }
  }
});

test('closing shares per level are the same for month-aligned and other periods', () => {
  const m = metrics();
  for (const period of [MARCH, { unit: 'quarter' as const, key: 2024 * 4 }, { unit: 'day' as const, key: 19802 }, { unit: 'week' as const, key: 2823 }]) {
    const s = dashboardSlice(m, 0, period);
    const byLevel = m.slice(0, { by: 'closedLevel', period, codes: ['closed'], empty: true });
    assert.deepEqual(s.levels.map((l) => l.closed), byLevel.map((r) => r.values.closed.numerator), `${period.unit}`);
  }
});
