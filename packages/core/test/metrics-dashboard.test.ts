import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMetrics, dashboardSlice, DEFAULT_COMPOSITE, type CoverageSource } from '../src/metrics/index.js';
import type { CoverageDef } from '../src/overlay/types.js';
import { JcError } from '../src/errors/index.js';
import { factsOf, h, history, NOW, S } from './metrics-fixture.js';

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

// Like with like: a year still running against the same span of the year before. By "now"
// (2026-03-05 14:20) every 2025 case is closed on time, so the whole of 2025 reads 100 %;
// on 2025-03-05 14:20 one of its three cases was closed and one overdue, as in 2026.
const at = (s: string) => Date.parse(`${s}+08:00`);
const SPAN_NOW = at('2026-03-05T14:20');
const sameSpan = [
  // 2025, within the span: closed on time; closed late after the span (overdue at its end); closed after the span, not yet due
  { node: 3, status: S('closed'), reportedAt: at('2025-01-10T09:00'), registeredAt: at('2025-01-10T09:00'), dueAt: at('2025-01-20T09:00'), closedAt: at('2025-01-15T09:00'), closedLevel: 3 },
  { node: 3, status: S('closed'), reportedAt: at('2025-02-20T09:00'), registeredAt: at('2025-02-20T09:00'), dueAt: at('2025-03-01T09:00'), closedAt: at('2025-03-10T09:00'), closedLevel: 3 },
  { node: 4, status: S('closed'), reportedAt: at('2025-03-04T09:00'), registeredAt: at('2025-03-04T09:00'), dueAt: at('2025-03-10T09:00'), closedAt: at('2025-03-08T09:00'), closedLevel: 3 },
  // 2025, after the span
  { node: 6, status: S('closed'), reportedAt: at('2025-06-01T09:00'), registeredAt: at('2025-06-01T09:00'), dueAt: at('2025-06-10T09:00'), closedAt: at('2025-06-03T09:00'), closedLevel: 3 },
  { node: 9, status: S('closed'), reportedAt: at('2025-11-01T09:00'), registeredAt: at('2025-11-01T09:00'), dueAt: at('2025-11-10T09:00'), closedAt: at('2025-11-02T09:00'), closedLevel: 3 },
  // 2026 to now: closed on time; open and overdue; open, not yet due
  { node: 3, status: S('closed'), reportedAt: at('2026-01-12T09:00'), registeredAt: at('2026-01-12T09:00'), dueAt: at('2026-01-22T09:00'), closedAt: at('2026-01-16T09:00'), closedLevel: 3 },
  { node: 4, status: S('handling'), reportedAt: at('2026-02-25T09:00'), registeredAt: at('2026-02-25T09:00'), dueAt: at('2026-03-02T09:00') },
  { node: 9, status: S('registered'), reportedAt: at('2026-03-04T09:00'), registeredAt: at('2026-03-04T09:00'), dueAt: at('2026-03-10T09:00') },
];
const spanMetrics = () => {
  const r = createMetrics({ hierarchy: h, facts: factsOf(sameSpan), now: SPAN_NOW });
  assert.ok(r.ok);
  return r.value;
};
const Y2026 = { unit: 'year' as const, key: 2026 };
const kpiOf = (s: ReturnType<typeof dashboardSlice>) => Object.fromEntries(s.kpis.map((x) => [x.code, x]));

test('with until, the previous period is read over the same span, as it stood at its end', () => {
  const m = spanMetrics();
  const whole = kpiOf(dashboardSlice(m, 0, Y2026));
  // compared whole, every rate reads worse: 2025's cases have all been closed since
  assert.deepEqual([whole.collected.previous.value, whole.closeRate.previous.value, whole.overdue.previous.value], [5, 100, 0]);
  const s = dashboardSlice(m, 0, Y2026, { until: SPAN_NOW });
  assert.deepEqual(s.span, { until: SPAN_NOW, previousUntil: at('2025-03-05T14:20') });
  assert.equal(s.previous.label, '2025');
  const k = kpiOf(s);
  assert.deepEqual([k.collected.value, k.collected.previous.value, k.collected.change], [3, 3, 0]);
  assert.deepEqual([k.closed.value, k.closed.previous.value], [1, 1]);
  assert.deepEqual([k.closeRate.numerator, k.closeRate.denominator, k.closeRate.previous.numerator, k.closeRate.previous.denominator], [1, 2, 1, 2]);
  assert.equal(k.closeRate.change, 0);
  assert.deepEqual([k.onTimeCloseRate.value, k.onTimeCloseRate.previous.value], [50, 50]);
  assert.deepEqual([k.overdue.value, k.overdue.previous.value, k.overdue.change], [1, 1, 0]);
  assert.deepEqual([k.avgCloseHours.value, k.avgCloseHours.previous.value], [96, 120]);
  // this year's own figures are what they were without a span
  for (const code of Object.keys(k)) assert.deepEqual([k[code].value, k[code].numerator, k[code].denominator], [whole[code].value, whole[code].numerator, whole[code].denominator], code);
});

test('until: the same offset into a shorter previous period stops at its end; at the start both spans are empty', () => {
  const m = spanMetrics();
  const march = { unit: 'month' as const, key: 2026 * 12 + 2 };
  const late = dashboardSlice(m, 0, march, { until: at('2026-03-31T12:00') });
  assert.equal(late.span!.previousUntil, at('2026-03-01T00:00')); // 30.5 days into a 28-day February: all of it
  const start = dashboardSlice(m, 0, Y2026, { until: at('2026-01-01T00:00') });
  const k = kpiOf(start);
  assert.deepEqual([k.collected.value, k.collected.previous.value, k.closeRate.value, k.closeRate.previous.value], [0, 0, null, null]);
});

test('until outside the period, or not a time, is refused with E_ARGUMENT in zh and en', () => {
  const m = spanMetrics();
  for (const until of [at('2025-12-31T23:59'), at('2027-01-01T00:01'), NaN, Infinity, '2026-03-05' as unknown as number]) {
    assert.throws(() => dashboardSlice(m, 0, Y2026, { until }), (e: unknown) => e instanceof JcError && e.issue.code === 'E_ARGUMENT'
      && /dashboardSlice: argument opts\.until must be a time in epoch ms within the period 2026/.test(e.issue.en)
      && /dashboardSlice：参数 opts\.until 应为2026 期间内的时间戳/.test(e.issue.zh), String(until));
  }
  assert.ok(dashboardSlice(m, 0, Y2026, { until: at('2027-01-01T00:00') }).span); // the period's end is in it
  assert.throws(() => m.slice(0, { asOf: NaN }), (e: unknown) => e instanceof JcError && e.issue.code === 'E_ARGUMENT' && /opts\.asOf/.test(e.issue.en) && /opts\.asOf/.test(e.issue.zh));
});
