import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCaseFacts, type CaseFacts } from '../src/cases/facts.js';
import {
  createMetrics, DEFAULT_COMPOSITE, readFactRow, writeFactRow, type CaseFactRow, type MetricsOptions,
} from '../src/metrics/index.js';
import { BLANK, factsOf, h, history, NOW, S, t } from './metrics-fixture.js';

function metricsOf(facts: CaseFacts, extra: Partial<MetricsOptions> = {}) {
  const r = createMetrics({
    hierarchy: h, facts, now: NOW, categoryTopics: [0, 0, 1],
    categoryNames: [{ zh: '纠纷', en: 'disputes' }, { zh: '隐患', en: 'hazards' }, { zh: '环境', en: 'environment' }],
    ...extra,
  });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.value;
}

const v = (m: ReturnType<typeof metricsOf>, node: number, code: string) => m.value(node, code);
const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

test('counts of the whole city: collected, registered, closed, open, overdue, due to close', () => {
  const m = metricsOf(factsOf(history));
  assert.equal(v(m, 0, 'collected').value, 8);
  assert.equal(v(m, 0, 'registered').value, 7); // all but the rejected c5
  assert.equal(v(m, 0, 'closed').value, 4); // c1 c2 c6 c7
  assert.equal(v(m, 0, 'open').value, 2); // c3 c4 (c8 is a duplicate)
  assert.equal(v(m, 0, 'overdue').value, 1); // c3
  assert.equal(v(m, 0, 'dueToClose').value, 5); // 4 closed + c3 past its deadline
});

test('rates: 结案率, 按期结案率, 返工率, 按时处置率, 及时派遣率 with their parts', () => {
  const m = metricsOf(factsOf(history));
  assert.deepEqual(v(m, 0, 'closeRate'), { value: 80, numerator: 4, denominator: 5 });
  assert.deepEqual(v(m, 0, 'onTimeCloseRate'), { value: 60, numerator: 3, denominator: 5 }); // c1 c6 c7
  assert.deepEqual(v(m, 0, 'reworkRate'), { value: 20, numerator: 1, denominator: 5 }); // c2
  assert.deepEqual(v(m, 0, 'onTimeHandleRate'), { value: 75, numerator: 3, denominator: 4 }); // c2 late
  assert.deepEqual(v(m, 0, 'onTimeDispatchRate'), { value: 80, numerator: 4, denominator: 5 }); // c2 late; c7 exactly on time
});

test('办结率 states and uses the configured denominator', () => {
  const byReg = metricsOf(factsOf(history));
  close(v(byReg, 0, 'banjieRate').value, (4 / 7) * 100);
  assert.equal(byReg.indicators.find((d) => d.code === 'banjieRate')!.note!.en, 'closed / registered');
  const byAll = metricsOf(factsOf(history), { closeRateBase: 'collected' });
  assert.deepEqual(v(byAll, 0, 'banjieRate'), { value: 50, numerator: 4, denominator: 8 });
  assert.equal(byAll.indicators.find((d) => d.code === 'banjieRate')!.note!.zh, '办结数 / 采集总数');
  const byDue = metricsOf(factsOf(history), { closeRateBase: 'dueToClose' });
  assert.deepEqual(v(byDue, 0, 'banjieRate'), { value: 80, numerator: 4, denominator: 5 });
});

test('handling and closing times: means from the aggregate, medians from the rows', () => {
  const m = metricsOf(factsOf(history));
  // handling (dispatch → handled): c1 24, c2 72, c6 24, c7 23 hours
  assert.deepEqual(v(m, 0, 'avgHandlingHours'), { value: 143 / 4, numerator: 143, denominator: 4 });
  assert.equal(v(m, 0, 'medianHandlingHours').value, 24);
  // to close (reported → closed): c1 30, c2 96, c6 48, c7 48 hours
  assert.deepEqual(v(m, 0, 'avgCloseHours'), { value: 55.5, numerator: 222, denominator: 4 });
  assert.equal(v(m, 0, 'medianCloseHours').value, 48);
  assert.equal(v(m, 3, 'medianCloseHours').value, 63); // a社区: (30 + 96) / 2
  assert.equal(v(m, 6, 'medianCloseHours').value, null); // nothing closed in c社区
});

test('satisfaction: mean score and share rated 4–5', () => {
  const m = metricsOf(factsOf(history));
  assert.deepEqual(v(m, 0, 'satisfaction'), { value: 3.5, numerator: 14, denominator: 4 });
  assert.deepEqual(v(m, 0, 'satisfiedRate'), { value: 50, numerator: 2, denominator: 4 });
});

test('share closed at or below each level (小事不出村、大事不出镇)', () => {
  const m = metricsOf(factsOf(history));
  assert.deepEqual(v(m, 0, 'closedAtOrBelowShare:village'), { value: 50, numerator: 2, denominator: 4 }); // c1 c6
  assert.deepEqual(v(m, 0, 'closedAtOrBelowShare:town'), { value: 75, numerator: 3, denominator: 4 }); // + c2
  assert.deepEqual(v(m, 0, 'closedAtOrBelowShare:county'), { value: 100, numerator: 4, denominator: 4 }); // + c7
  const byLevel = m.slice(0, { by: 'closedLevel', codes: ['closed'] });
  assert.deepEqual(byLevel.map((r) => [r.label.en, r.values.closed.value]), [['county', 1], ['town', 1], ['village', 2]]);
});

test('backlog by age bucket', () => {
  const m = metricsOf(factsOf(history));
  assert.equal(v(m, 0, 'backlog:lt1d').value, 1); // c4, 12 h
  assert.equal(v(m, 0, 'backlog:7to30d').value, 1); // c3, 518 h
  assert.equal(v(m, 0, 'backlog:1to3d').value! + v(m, 0, 'backlog:3to7d').value! + v(m, 0, 'backlog:ge30d').value!, 0);
});

test('patrol coverage: distinct patrolled units over units in the subtree', () => {
  const m = metricsOf(factsOf(history), { patrolledUnits: [3, 3, 6] });
  assert.deepEqual(v(m, 0, 'patrolCoverage'), { value: 50, numerator: 2, denominator: 4 });
  const a = v(m, 1, 'patrolCoverage');
  assert.deepEqual([a.numerator, a.denominator], [2, 3]);
  assert.deepEqual(v(m, 7, 'patrolCoverage'), { value: 0, numerator: 0, denominator: 1 });
  assert.equal(createMetrics({ hierarchy: h, facts: factsOf([]), now: NOW, patrolledUnits: [99] }).ok, false);
});

test('every node sums its subtree; drill-down and ranking read the children', () => {
  const m = metricsOf(factsOf(history));
  assert.deepEqual(v(m, 1, 'closeRate'), { value: (2 / 3) * 100, numerator: 2, denominator: 3 }); // 甲区: c1 c2 / c1 c2 c3
  assert.deepEqual(v(m, 7, 'closeRate'), { value: 100, numerator: 2, denominator: 2 }); // 乙县: c6 c7
  assert.equal(v(m, 3, 'collected').value, 2);
  assert.equal(v(m, 8, 'collected').value, 4); // 乙一镇 holds c7 itself and d村's three
  const kids = m.children(0);
  assert.deepEqual(kids.map((f) => [f.code, f.values.collected.value]), [['350302000000', 4], ['350303000000', 4]]);
  assert.deepEqual(m.rank(0, 'closeRate').map((r) => [r.rank, r.name.zh]), [[1, '乙县'], [2, '甲区']]);
  assert.deepEqual(m.rank(0, 'overdue').map((r) => r.name.zh), ['乙县', '甲区']); // lower is better
  const col = m.column('collected');
  assert.deepEqual(Array.from(col), [8, 4, 3, 2, 1, 1, 1, 4, 4, 3]);
  assert.ok(Number.isNaN(m.column('closeRate')[6])); // c社区 has nothing due
});

test('period cohorts, Asia/Shanghai months and monthly series', () => {
  const march = metricsOf(factsOf(history), { period: { unit: 'month', key: 2024 * 12 + 2 } });
  assert.equal(v(march, 0, 'collected').value, 7); // without February's c7
  assert.deepEqual(v(march, 0, 'closeRate'), { value: 75, numerator: 3, denominator: 4 });
  assert.equal((march.period as { label: string }).label, '2024-03');
  const m = metricsOf(factsOf(history));
  const s = m.series(0, { unit: 'month', to: { unit: 'month', key: 2024 * 12 + 2 }, count: 3, codes: ['collected', 'closed', 'closeRate'] });
  assert.deepEqual(s.map((p) => [p.period.label, p.values.collected.value, p.values.closed.value, p.values.closeRate.value]),
    [['2024-01', 0, 0, null], ['2024-02', 1, 1, 100], ['2024-03', 7, 3, 75]]);
  // a case reported at 23:30 on 31 March in Shanghai is March's, though it is already April in no zone west of +08
  const late = metricsOf(factsOf([{ node: 3, reportedAt: t('03-31T23:30') }]));
  const q = late.series(0, { unit: 'quarter', to: { unit: 'quarter', key: 2024 * 4 + 1 }, count: 2, codes: ['collected'] });
  assert.deepEqual(q.map((p) => [p.period.label, p.values.collected.value]), [['2024-Q1', 1], ['2024-Q2', 0]]);
});

test('slices by category, topic and source, and filters', () => {
  const m = metricsOf(factsOf(history));
  const cat = m.slice(0, { by: 'category', codes: ['collected', 'closed'] });
  assert.deepEqual(cat.map((r) => [r.label.zh, r.values.collected.value, r.values.closed.value]), [['纠纷', 3, 3], ['隐患', 3, 0], ['环境', 2, 1]]);
  const topic = m.slice(0, { by: 'topic', codes: ['collected', 'closed'] });
  assert.deepEqual(topic.map((r) => [r.key, r.values.collected.value, r.values.closed.value]), [[0, 6, 3], [1, 2, 1]]);
  const src = m.slice(0, { by: 'source', codes: ['collected'] });
  assert.deepEqual(src.map((r) => [r.label.en, r.values.collected.value]), [['patrol', 3], ['citizen', 2], ['video', 1], ['hotline', 2]]);
  const patrolOnly = metricsOf(factsOf(history), { filter: { sources: ['patrol'] } });
  assert.equal(v(patrolOnly, 0, 'collected').value, 3);
  const topic1 = metricsOf(factsOf(history), { filter: { topics: [1] } });
  assert.deepEqual([v(topic1, 0, 'collected').value, v(topic1, 0, 'closed').value], [2, 1]);
  const kids = m.slice(1, { by: 'child', period: { unit: 'month', key: 2024 * 12 + 2 }, filter: { categories: [1] }, codes: ['collected'] });
  assert.deepEqual(kids.map((r) => [r.label.zh, r.values.collected.value]), [['甲一街道', 1], ['甲二街道', 1]]);
});

test('composite score and grade from weighted parts', () => {
  const m = metricsOf(factsOf(history));
  // closeRate 80 ×30, onTimeCloseRate 60 ×30, reworkRate 20 → 80 ×15, satisfiedRate 50 ×15, dispatch 80 ×10
  const s = m.score(0, DEFAULT_COMPOSITE);
  close(s.score, 69.5);
  assert.equal(s.grade, 'C');
  const hours = m.score(0, { code: 'speed', name: { zh: '速度', en: 'speed' }, parts: [{ indicator: 'avgCloseHours', weight: 1, zero: 120, full: 24 }], grades: DEFAULT_COMPOSITE.grades });
  close(hours.score, ((55.5 - 120) / (24 - 120)) * 100); // 67.1875
  assert.equal(hours.grade, 'C');
  assert.equal(m.score(6, DEFAULT_COMPOSITE).score, null); // nothing to score in c社区
});

test('Tianmen 2016-12: 911 / 972 = 93.72 %, 737 / 972 = 75.82 %', () => {
  const d = (day: number, hour = 9) => Date.parse(`2016-12-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  const rows: Partial<CaseFactRow>[] = [];
  for (let k = 0; k < 972; k++) {
    const day = 1 + (k % 20);
    const row: Partial<CaseFactRow> = { node: 3 + (k % 2), status: S('handling'), reportedAt: d(day), registeredAt: d(day, 10), dueAt: d(day + 5) };
    if (k < 737) Object.assign(row, { status: S('closed'), closedAt: d(day + 2), closedLevel: 3 }); // before the deadline
    else if (k < 911) Object.assign(row, { status: S('closed'), closedAt: d(day + 7), closedLevel: 3 }); // after it
    rows.push(row);
  }
  // 20 registered cases whose deadline is still ahead are not due, and 5 rejected ones are not registered
  for (let k = 0; k < 20; k++) rows.push({ node: 6, status: S('dispatched'), reportedAt: d(30), registeredAt: d(30, 11), dueAt: Date.parse('2017-01-05T09:00:00+08:00') });
  for (let k = 0; k < 5; k++) rows.push({ node: 9, status: S('rejected'), reportedAt: d(12) });
  const m = metricsOf(factsOf(rows), { now: Date.parse('2017-01-01T00:00:00+08:00'), period: { unit: 'month', key: 2016 * 12 + 11 } });
  const closeRate = v(m, 0, 'closeRate');
  const onTime = v(m, 0, 'onTimeCloseRate');
  assert.deepEqual([closeRate.numerator, closeRate.denominator, onTime.numerator], [911, 972, 737]);
  assert.equal(closeRate.value!.toFixed(2), '93.72');
  assert.equal(onTime.value!.toFixed(2), '75.82');
  assert.equal(v(m, 0, 'open').value, 61 + 20);
  assert.equal(v(m, 0, 'overdue').value, 61);
});

test('Putian: 530,600 closed of 533,500 collected = 99.46 % (办结率 over all collected)', () => {
  const N = 533_500;
  const facts = createCaseFacts(N);
  const base = Date.parse('2022-01-01T00:00:00+08:00');
  const villages = [3, 4, 6, 9];
  for (let i = 0; i < N; i++) {
    facts.node[i] = villages[i % 4];
    facts.reportedAt[i] = base + i * 60_000;
    if (i % 1000 !== 0) facts.registeredAt[i] = base + i * 60_000 + 1;
    facts.dueAt[i] = base + i * 60_000 + 86_400_000;
  }
  let closed = 0;
  for (let i = 0; i < N && closed < 530_600; i++) {
    if (i % 1000 === 0) continue; // 534 rejected ones are never closed
    facts.closedAt[i] = base + i * 60_000 + 3_600_000;
    facts.status[i] = S('closed');
    closed++;
  }
  facts.length = N;
  const m = metricsOf(facts, { closeRateBase: 'collected', now: Date.parse('2026-01-01T00:00:00+08:00') });
  const r = v(m, 0, 'banjieRate');
  assert.deepEqual([r.numerator, r.denominator], [530_600, 533_500]);
  assert.equal(r.value!.toFixed(2), '99.46');
  assert.equal(r.value!.toFixed(1), '99.5');
});

test('one changed case updates the node and its ancestors exactly like a recount', () => {
  const facts = factsOf(history);
  const m = metricsOf(facts);
  // c3 is closed by b社区 on 31 March
  const before = readFactRow(facts, 2);
  facts.handledAt[2] = t('03-30T10:00'); facts.closedAt[2] = t('03-31T10:00'); facts.closedLevel[2] = 3; facts.status[2] = S('closed');
  m.update(2, before);
  // a new case at c社区
  writeFactRow(facts, facts.length, { ...BLANK, node: 6, reportedAt: t('03-31T20:00'), registeredAt: t('03-31T20:00'), dueAt: t('04-02T20:00'), status: S('registered') });
  facts.caseIds.push('c9'); facts.length++;
  m.update(8, null);
  const fresh = metricsOf(facts);
  for (let node = 0; node < h.size; node++) {
    for (const code of m.measures.codes) assert.equal(m.measure(node, code), fresh.measure(node, code), `${node} ${code}`);
  }
  assert.equal(v(m, 0, 'closed').value, 5);
  assert.equal(v(m, 0, 'overdue').value, 0);
  assert.equal(v(m, 6, 'open').value, 2);
  assert.equal(m.slice(6, { codes: ['collected'] })[0].values.collected.value, 2); // scans see the new row
});

test('bad definitions are refused with codes, nothing is built', () => {
  const facts = factsOf(history);
  const bad = (extra: Partial<MetricsOptions>) => {
    const r = createMetrics({ hierarchy: h, facts, now: NOW, ...extra });
    assert.equal(r.ok, false);
    return r.ok ? [] : r.errors.map((e) => e.code);
  };
  assert.deepEqual(bad({ measures: [{ code: 'x', name: { zh: 'x', en: 'x' }, where: { cmp: ['closedOn' as 'closedAt', '>', 0] } }] }), ['E_METRIC_COLUMN']);
  assert.deepEqual(bad({ measures: [
    { code: 'p', name: { zh: 'p', en: 'p' }, where: { ref: 'q' } },
    { code: 'q', name: { zh: 'q', en: 'q' }, where: { not: { ref: 'p' } } },
  ] }), ['E_METRIC_CYCLE']);
  assert.deepEqual(bad({ measures: [{ code: 'closed', name: { zh: 'x', en: 'x' }, where: { always: true } }] }), ['E_METRIC_DUPLICATE']);
  assert.deepEqual(bad({ indicators: [{ code: 'y', name: { zh: 'y', en: 'y' }, unit: 'percent', numerator: 'closed', denominator: 'nothing' }] }), ['E_METRIC_INDICATOR_REF']);
  assert.deepEqual(bad({ measures: [{ code: 'z', name: { zh: 'z', en: 'z' }, where: { status: ['lost' as 'closed'] } }] }), ['E_METRIC_STATUS']);
  const m = metricsOf(facts);
  assert.throws(() => m.value(0, 'nope'), /E_METRIC_UNKNOWN/);
  assert.throws(() => m.value(99, 'closed'), /E_NO_NODE/);
});

test('a custom indicator is data: escalation rate over registered cases', () => {
  const m = metricsOf(factsOf(history), {
    indicators: [{ code: 'escalationRate', name: { zh: '上报率', en: 'escalation rate' }, unit: 'percent', numerator: 'escalated', denominator: 'registered', better: 'lower' }],
    measures: [
      { code: 'weekendReports', name: { zh: '周末采集', en: 'weekend reports' }, where: { any: [{ cmp: ['reportedAt', '==', t('03-31T12:00')] }] } },
      { code: 'atD', name: { zh: 'd村的案件', en: 'cases of village d' }, where: { cmp: ['node', '==', 9] } },
    ],
  });
  assert.deepEqual(v(m, 0, 'escalationRate'), { value: (1 / 7) * 100, numerator: 1, denominator: 7 });
  assert.equal(m.measure(0, 'weekendReports'), 1);
  assert.equal(m.measure(0, 'atD'), 3); // c5 c6 c8
  assert.equal(m.measure(1, 'atD'), 0);
});

test('nodes of any level inside a subtree: slice and ranking (all towns of the city)', () => {
  const m = metricsOf(factsOf(history));
  const towns = m.slice(0, { by: 'descendants', level: 'town', period: { unit: 'month', key: 2024 * 12 + 2 }, codes: ['collected'] });
  assert.deepEqual(towns.map((r) => [r.label.zh, r.values.collected.value]), [['甲一街道', 3], ['甲二街道', 1], ['乙一镇', 3]]);
  assert.deepEqual(m.rank(0, 'collected', { level: 'village' }).map((r) => [r.rank, r.name.zh, r.value]), [[1, 'd村', 3], [2, 'a社区', 2], [3, 'b社区', 1], [4, 'c社区', 1]]);
  assert.deepEqual(m.rank(1, 'collected', { level: 'village', period: { unit: 'month', key: 2024 * 12 + 2 } }).map((r) => r.name.zh), ['a社区', 'b社区', 'c社区']);
  assert.throws(() => m.slice(0, { by: 'descendants', level: 'street' }), /E_METRIC_LEVEL/);
});
