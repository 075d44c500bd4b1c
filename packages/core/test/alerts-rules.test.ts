import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JcError } from '@jiceng/core';
import { AlertEngine, DEFAULT_ALERT_RULES, validateAlertRules, workingStartBefore, type AlertFinding, type AlertRuleSet } from '@jiceng/core/alerts';
import { calendar, categories, hierarchy, G1, G2, U1, U2, U3, U4, V1, T0 } from './cases-fixture.js';
import { cluster, deadline, DAY, History, HOUR, recurrence, rise, ruleSet } from './alerts-fixture.js';

const ctx = { hierarchy, categories, calendar };

/** Feeds the history; gives the findings after each event (by index) and those of the final advance. */
function run(rules: AlertRuleSet, hist: History, end?: number): { after: AlertFinding[][]; all: AlertFinding[] } {
  const engine = new AlertEngine(ctx, rules);
  const after = hist.sorted().map((e) => [...engine.apply(e)]);
  const tail = end === undefined ? [] : [...engine.advance(end)];
  return { after, all: [...after.flat(), ...tail] };
}

test('cluster: fires on the third case of one category in a grid within the window, and not before', () => {
  const h = new History()
    .report('a', U1, T0, 'city.rubbish')
    .report('b', U2, T0 + 20 * HOUR, 'city.rubbish')
    .report('x', U3, T0 + 21 * HOUR, 'city.rubbish') // another grid
    .report('y', U2, T0 + 22 * HOUR, 'city.vendor') // another category
    .report('c', U1, T0 + 40 * HOUR, 'city.rubbish')
    .report('d', U2, T0 + 41 * HOUR, 'city.rubbish'); // still inside: no second alert
  const { after, all } = run(ruleSet(cluster()), h);
  assert.equal(all.length, 1);
  assert.deepEqual(all[0], { rule: 'c', kind: 'cluster', severity: 'warning', at: T0 + 40 * HOUR, node: G1, count: 3, category: 'city.rubbish' });
  // It came with the third rubbish case in G1 (events 8 and 9 are that case's discovered + registered).
  assert.equal(after[9].length, 1);
  assert.equal(after.slice(0, 9).flat().length, 0);
});

test('cluster: a third case just outside the window does not fire; the rule re-arms after the window empties', () => {
  const h = new History()
    .report('a', U1, T0, 'city.rubbish')
    .report('b', U1, T0 + 10 * HOUR, 'city.rubbish')
    .report('c', U1, T0 + 72 * HOUR, 'city.rubbish'); // a left the window (t − 72 h is not inside)
  assert.equal(run(ruleSet(cluster()), h).all.length, 0);
  h.report('d', U1, T0 + 73 * HOUR, 'city.rubbish') // b, c, d: fires
    .report('e', U1, T0 + 300 * HOUR, 'city.rubbish')
    .report('f', U1, T0 + 301 * HOUR, 'city.rubbish')
    .report('g', U1, T0 + 302 * HOUR, 'city.rubbish'); // a new cluster later: fires again
  assert.deepEqual(run(ruleSet(cluster()), h).all.map((f) => f.at), [T0 + 73 * HOUR, T0 + 302 * HOUR]);
});

test('cluster: thresholds per topic — two fire hazards fire the fire rule only; village level groups grids', () => {
  const h = new History().report('a', U1, T0, 'safety.fire').report('b', U3, T0 + HOUR, 'safety.fire');
  const rules = ruleSet(cluster({ id: 'fire', minCases: 2, topics: ['fire-safety'] }), cluster({ id: 'any-grid', minCases: 2 }), cluster({ id: 'v', level: 'village', minCases: 2, categories: ['safety'] }));
  assert.deepEqual(run(rules, h).all.map((f) => `${f.rule}@${f.node}`), ['v@' + V1]);
  const same = new History().report('a', U1, T0, 'safety.fire').report('b', U2, T0 + HOUR, 'safety.fire');
  assert.deepEqual(run(rules, same).all.map((f) => f.rule).sort(), ['any-grid', 'fire', 'v']);
});

test('rise: fires at the end of the day the open count exceeds factor × its baseline, not before', () => {
  const h = new History().report('a', U1, T0, 'city.rubbish');
  h.add('z', 'discovered', T0 + 1 * DAY, { node: U4, source: 'patrol', description: 'tick' });
  h.report('b', U1, T0 + 2 * DAY, 'city.rubbish').report('c', U3, T0 + 2 * DAY + HOUR, 'city.rubbish').report('d', U2, T0 + 2 * DAY + 2 * HOUR, 'city.rubbish');
  // Day 0: 1 open, day 1: 1, day 2: 4 > 1.5 × mean(1, 1).
  const before = run(ruleSet(rise()), h, T0 + 3 * DAY - 10 * HOUR); // just before midnight after day 2 (T0 is 09:00)
  assert.equal(before.all.length, 0);
  const { all } = run(ruleSet(rise()), h, T0 + 3 * DAY);
  assert.equal(all.length, 1);
  assert.equal(all[0].node, V1);
  assert.equal(all[0].count, 4);
  assert.equal(all[0].baseline, 1);
  assert.equal(new Date(all[0].at).toISOString(), '2025-03-05T16:00:00.000Z'); // midnight +08:00 after 2025-03-05
  // Closing three of them brings the count back to 1: nothing fires.
  h.add('b', 'closed', T0 + 2 * DAY + 3 * HOUR).add('c', 'closed', T0 + 2 * DAY + 3 * HOUR).add('d', 'closed', T0 + 2 * DAY + 3 * HOUR);
  assert.equal(run(ruleSet(rise()), h, T0 + 3 * DAY).all.length, 0);
});

test('rise on overdue: a case counts once its deadline passes while dispatched or handling', () => {
  const h = new History().report('a', U1, T0, 'city.rubbish').add('a', 'dispatched', T0, { node: G1, dueAt: T0 + 30 * HOUR });
  const rules = ruleSet(rise({ measure: 'overdue', level: 'grid', baselineDays: 1, factor: 1, minCount: 1 }));
  assert.equal(run(rules, h, T0 + 1 * DAY).all.length, 0); // due not passed at the first midnight
  const { all } = run(rules, h, T0 + 3 * DAY);
  assert.deepEqual(all.map((f) => [f.node, f.count, f.baseline]), [[G1, 1, 0]]);
  h.add('a', 'accepted', T0 + 2 * HOUR).add('a', 'handled', T0 + 3 * HOUR);
  assert.equal(run(rules, h, T0 + 3 * DAY).all.length, 0);
});

test('recurrence: a unit reported again within D days of a closed case of the same category', () => {
  const h = new History().report('a', U1, T0, 'city.rubbish').add('a', 'closed', T0 + DAY)
    .report('b', U1, T0 + 10 * DAY, 'city.rubbish') // fires
    .report('c', U1, T0 + 10 * DAY, 'city.vendor') // other category
    .report('d', U2, T0 + 10 * DAY, 'city.rubbish') // other unit
    .report('e', U1, T0 + 32 * DAY, 'city.rubbish'); // 31 days after the close
  const { all } = run(ruleSet(recurrence()), h);
  assert.deepEqual(all.map((f) => [f.caseId, f.node, f.category]), [['b', U1, 'city.rubbish']]);
  const byAddress = new History().report('a', U1, T0, 'city.rubbish', '荔城区镇海街道1号').add('a', 'closed', T0 + DAY)
    .report('b', U3, T0 + 2 * DAY, 'city.rubbish', '荔城区镇海街道1号').report('c', U1, T0 + 2 * DAY, 'city.rubbish');
  assert.deepEqual(run(ruleSet(recurrence({ by: 'address' })), byAddress).all.map((f) => f.caseId), ['b']);
});

test('deadline: due within H working hours and nobody accepted — from the working time left, on the calendar', () => {
  const fri = Date.parse('2025-03-07T15:00:00+08:00');
  const due = Date.parse('2025-03-10T10:00:00+08:00'); // Monday: 08:00–10:00 are the last 2 working hours
  const fri1730 = Date.parse('2025-03-07T17:30:00+08:00');
  assert.equal(workingStartBefore(calendar, due, 2 * HOUR), fri1730);
  const h = new History().report('a', U1, fri - HOUR, 'city.rubbish').add('a', 'dispatched', fri, { node: G1, dueAt: due });
  assert.equal(run(ruleSet(deadline()), h, fri1730).all.length, 0); // at 17:30 itself: not yet past
  assert.deepEqual(run(ruleSet(deadline()), h, fri1730 + 60_000).all.map((f) => [f.caseId, f.at]), [['a', fri1730]]);
  const accepted = new History().report('a', U1, fri - HOUR, 'city.rubbish').add('a', 'dispatched', fri, { node: G1, dueAt: due }).add('a', 'accepted', fri1730);
  assert.equal(run(ruleSet(deadline()), accepted, due).all.length, 0);
  // Already within the window when dispatched: fires with the dispatch.
  const mon = Date.parse('2025-03-10T09:00:00+08:00');
  const late = new History().report('b', U1, mon - HOUR, 'city.rubbish').add('b', 'dispatched', mon, { node: G1, dueAt: due });
  assert.deepEqual(run(ruleSet(deadline()), late).all.map((f) => f.at), [mon]);
});

test('the engine refuses an event earlier than one it applied, and changes nothing', () => {
  const engine = new AlertEngine(ctx, ruleSet(cluster({ minCases: 2 })));
  const h = new History().report('a', U1, T0 + HOUR, 'city.rubbish').report('b', U1, T0, 'city.rubbish');
  engine.apply(h.events[0]);
  engine.apply(h.events[1]);
  assert.throws(() => engine.apply(h.events[2]), (e: unknown) => e instanceof JcError && e.issue.code === 'E_EVENT_ORDER' && e.issue.zh.length > 0);
  assert.equal(engine.cases, 1);
});

test('applyAll applies a history as apply does one event at a time: the same findings in the same order, across read-ahead blocks and slices', () => {
  // 400 cases, ~1,500 events: several of applyAll's read-ahead blocks; every kind of rule fires.
  const h = new History();
  const units = [U1, U2, U3, U4];
  const cats = ['city.rubbish', 'city.vendor'];
  for (let k = 0; k < 400; k++) {
    const id = `PT-${String(k + 1).padStart(7, '0')}`;
    const t = T0 + k * 3 * HOUR;
    h.report(id, units[k % 4], t, cats[(k >> 2) % 2]);
    h.add(id, 'dispatched', t + HOUR, { node: G1, dueAt: t + (k % 3) * DAY + 2 * HOUR });
    if (k % 5 !== 0) h.add(id, 'accepted', t + 2 * HOUR);
    if (k % 2 === 0) h.add(id, 'closed', t + DAY);
  }
  const rules = ruleSet(cluster({ minCases: 2, windowHours: 12 }), recurrence({ withinDays: 2 }), deadline(), rise({ baselineDays: 3, factor: 1.2 }));
  const events = h.sorted();
  assert.ok(events.length > 3 * 512);
  const end = events[events.length - 1].at + 3 * DAY;
  const one = new AlertEngine(ctx, rules);
  const byOne = events.flatMap((e) => [...one.apply(e)]);
  const all = new AlertEngine(ctx, rules);
  const byAll = [...all.applyAll(events, 0, 700), ...all.applyAll(events, 700, 1234), ...all.applyAll(events, 1234)];
  assert.deepEqual(byAll, byOne);
  assert.deepEqual(new Set(byOne.map((f) => f.kind)), new Set(['cluster', 'recurrence', 'deadline', 'rise']));
  assert.deepEqual([all.cases, all.now, all.skipped], [one.cases, one.now, one.skipped]);
  assert.deepEqual(all.advance(end), one.advance(end));
  assert.deepEqual(new AlertEngine(ctx, rules).applyAll(events, 5, 5), []);
});

test('applyAll stops at the first event out of order, with the events before it applied; bad bounds change nothing', () => {
  const h = new History().report('a', U1, T0 + HOUR, 'city.rubbish').report('b', U1, T0, 'city.rubbish');
  const engine = new AlertEngine(ctx, ruleSet(cluster({ minCases: 2 })));
  assert.throws(() => engine.applyAll(h.events), (e: unknown) => e instanceof JcError && e.issue.code === 'E_EVENT_ORDER' && /事件时间/.test(e.issue.zh));
  assert.deepEqual([engine.cases, engine.now], [1, T0 + HOUR]);
  for (const [from, to] of [[-1, 2], [0, 1.5], [Number.NaN, 1]] as const) {
    assert.throws(() => engine.applyAll(h.events, from, to), (e: unknown) => e instanceof JcError && e.issue.code === 'E_ARGUMENT' && e.issue.zh.length > 0);
  }
  assert.throws(() => engine.applyAll(null as never), (e: unknown) => e instanceof JcError && e.issue.code === 'E_ARGUMENT');
  assert.deepEqual([engine.cases, engine.now], [1, T0 + HOUR]);
});

test('rule sets are validated: shape, ids, levels, topics and categories, in zh and en', () => {
  assert.ok(validateAlertRules(DEFAULT_ALERT_RULES, hierarchy.config, categories).ok);
  const bad = validateAlertRules({ city: '350300000000', rules: [cluster({ minCases: 1 })] });
  assert.ok(!bad.ok && bad.errors[0].code === 'E_INVALID_INPUT' && bad.errors[0].column === 'rules.0.minCases');
  const sem = validateAlertRules(ruleSet(cluster({ level: 'street' }), cluster({ topics: ['nope'], categories: ['city.none'] })), hierarchy.config, categories);
  assert.ok(!sem.ok);
  assert.deepEqual(sem.errors.map((e) => e.code), ['E_UNKNOWN_LEVEL', 'E_DUPLICATE_RULE', 'E_UNKNOWN_CATEGORY', 'E_UNKNOWN_TOPIC']);
  assert.match(sem.errors[0].zh, /层级不存在/);
});

void G2;

test('case ids alike in number are different cases: PT-0000007, PT-007, PT-7, QT-0000007 and PT-000000x each a case of its own', () => {
  // The engine finds a sequence id's row by its number; ids of another shape must not be taken for it.
  const ids = ['PT-0000007', 'PT-007', 'PT-7', 'QT-0000007', 'PT-000000x', 'PT-0000008'];
  const h = new History();
  ids.forEach((id, i) => h.report(id, U1, T0 + i * HOUR, 'city.rubbish'));
  // Each case closed, then a new one at the unit: one recurrence per close would need all six rows to be distinct.
  ids.forEach((id, i) => h.add(id, 'closed', T0 + DAY + i * HOUR));
  const engine = new AlertEngine(ctx, ruleSet(recurrence()));
  for (const e of h.sorted()) engine.apply(e);
  assert.equal(engine.cases, ids.length);
  assert.equal(engine.skipped, 0);
  // A new case at the unit after the closes recurs, under its own id.
  const [discovered, registered] = new History().report('PT-0000009', U1, T0 + 2 * DAY, 'city.rubbish').events;
  assert.equal(engine.apply(discovered).length, 0);
  assert.deepEqual(engine.apply(registered).map((f) => [f.caseId, f.node]), [['PT-0000009', U1]]);
  assert.equal(engine.cases, ids.length + 1);
});
