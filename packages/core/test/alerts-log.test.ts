import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Actor } from '@jiceng/core';
import { scopeOf, DEFAULT_ROLE_RULES } from '@jiceng/core/access';
import {
  AlertLog, alertMeasures, alertRows, dispatchBoard, dueEscalations, foldAlert, raiseCommand, visibleAlerts,
  DEFAULT_ALERT_RULES, type AlertContext, type AlertFinding,
} from '@jiceng/core/alerts';
import { ACTORS, calendar, categories, CITY, G1, hierarchy, makeCtx, makeStore, PATHS, runSteps, T0, T1, U1, U2, V1, discover } from './cases-fixture.js';

const monitor: Actor = { id: 'monitor', roles: [{ role: 'alert-monitor', node: CITY }] };
function alertCtx(now: { t: number }): AlertContext {
  let n = 0;
  return { hierarchy, calendar, rules: DEFAULT_ALERT_RULES, clock: () => now.t, newId: () => `A-${++n}` };
}
const finding: AlertFinding = { rule: 'grid-cluster', kind: 'cluster', severity: 'warning', at: T0, node: G1, count: 3, category: 'city.rubbish' };

test('an alert is raised once per thing, acknowledged, assigned and resolved with a reason — each step one event', () => {
  const now = { t: T0 };
  const ctx = alertCtx(now);
  const log = new AlertLog();
  const r = log.execute(raiseCommand(finding), monitor, ctx);
  assert.ok(r.ok);
  const again = log.execute(raiseCommand(finding), monitor, ctx);
  assert.ok(!again.ok && again.errors[0].code === 'E_ALERT_EXISTS');
  const town = ACTORS.to;
  assert.deepEqual(alertRows(log.all(), town, ctx, categories)[0].actions, ['acknowledge', 'assign', 'escalate', 'resolve']);
  assert.deepEqual(alertRows(log.all(), ACTORS.toOther, ctx)[0].actions, []);
  const out = log.execute({ type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 }, ACTORS.toOther, ctx);
  assert.ok(!out.ok && out.errors[0].code === 'E_OUT_OF_SCOPE');
  now.t = T0 + 10 * 60_000;
  assert.ok(log.execute({ type: 'acknowledge', alertId: 'A-1', expectedVersion: 1 }, town, ctx).ok);
  const stale = log.execute({ type: 'assign', alertId: 'A-1', expectedVersion: 1, to: 'gw1' }, town, ctx);
  assert.ok(!stale.ok && stale.errors[0].code === 'E_STALE_VERSION');
  assert.ok(log.execute({ type: 'assign', alertId: 'A-1', expectedVersion: 2, to: 'gw1' }, town, ctx).ok);
  const badReason = log.execute({ type: 'resolve', alertId: 'A-1', expectedVersion: 3, reason: 'because' }, town, ctx);
  assert.ok(!badReason.ok && badReason.errors[0].code === 'E_INVALID_INPUT' && badReason.errors[0].column === 'reason');
  assert.ok(log.execute({ type: 'resolve', alertId: 'A-1', expectedVersion: 3, reason: 'handled' }, town, ctx).ok);
  assert.deepEqual(log.events('A-1').map((e) => e.type), ['raised', 'acknowledged', 'assigned', 'resolved']);
  assert.deepEqual(foldAlert(log.events('A-1')), log.get('A-1'));
  // Appending events straight: a second raise, a gap in versions and an unknown alert are refused, nothing changes.
  const [raised, acked] = log.events('A-1');
  const code = (r: ReturnType<AlertLog['apply']>) => (r.ok ? 'accepted' : r.errors[0].code);
  assert.equal(code(log.apply(raised)), 'E_ALERT_EXISTS');
  assert.equal(code(log.apply({ ...acked, version: 9 })), 'E_STALE_VERSION');
  assert.equal(code(log.apply({ ...acked, alertId: 'A-404' })), 'E_NO_ALERT');
  assert.equal(log.events('A-1').length, 4);
  assert.equal(log.get('A-1')!.resolution, 'handled');
  // Resolved: the same thing may be alerted again.
  assert.ok(log.execute(raiseCommand(finding), monitor, ctx).ok);
  const m = alertMeasures(log.all(), hierarchy, hierarchy.indexOf(T1));
  assert.deepEqual(m.rows.find((x) => x.node === V1), { node: V1, raised: 2, open: 1, acknowledged: 1 });
  assert.equal(m.medianAckMinutes, 10);
});

test('unacknowledged past the rule time limit, an alert goes one level up — not before', () => {
  const now = { t: T0 }; // Monday 09:00
  const ctx = alertCtx(now);
  const log = new AlertLog();
  log.execute(raiseCommand(finding), monitor, ctx);
  now.t = T0 + 3 * 3_600_000; // 12:00: 3 working hours
  assert.deepEqual(dueEscalations(log.all(), ctx), []);
  const early = log.execute({ type: 'escalate', alertId: 'A-1', expectedVersion: 1, reason: 'x' }, monitor, ctx);
  assert.ok(!early.ok && early.errors[0].code === 'E_ALERT_TOO_EARLY');
  now.t = Date.parse('2025-03-03T15:30:00+08:00'); // 4 working hours (lunch break not counted)
  const due = dueEscalations(log.all(), ctx);
  assert.equal(due.length, 1);
  assert.ok(log.execute(due[0], monitor, ctx).ok);
  assert.equal(log.get('A-1')!.node, V1);
  assert.equal(log.get('A-1')!.origin, G1);
  // Now shown on the village: a grid head no longer sees it, the village officer does.
  assert.equal(visibleAlerts(log.all(), scopeOf(ACTORS.gh, hierarchy, DEFAULT_ROLE_RULES), hierarchy).length, 0);
  assert.equal(visibleAlerts(log.all(), scopeOf(ACTORS.vo, hierarchy, DEFAULT_ROLE_RULES), hierarchy).length, 1);
});

test('the board lists waiting cases by deadline and each body\u2019s load', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const a = runSteps(store, ctx, PATHS.registered);
  const b = runSteps(store, ctx, [discover(U2)]);
  const c = runSteps(store, ctx, PATHS.dispatched);
  runSteps(store, ctx, PATHS.handling);
  const board = dispatchBoard(store.all(), { hierarchy, categories }, hierarchy.indexOf(T1), ctx.tick.now);
  assert.deepEqual(board.rows.map((r) => [r.caseId, r.waitingFor]), [[a, 'dispatch'], [c, 'accept'], [b, 'register']]);
  assert.deepEqual(board.rows[0].targets.map((t) => t.node), [T1, V1, G1, U1]);
  assert.deepEqual(board.loads.find((l) => l.node === V1), { node: V1, name: { zh: '村一', en: '村一' }, waiting: 1, handling: 1, overdue: 0 });
  // Out of the board's node: nothing.
  assert.equal(dispatchBoard(store.all(), { hierarchy, categories }, hierarchy.indexOf('350302102000'), ctx.tick.now).rows.length, 0);
});
