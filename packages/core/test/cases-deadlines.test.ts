import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueSoon, overdue, runningDeadline } from '@jiceng/core/cases';
import { makeCtx, makeStore, PATHS, runSteps } from './cases-fixture.js';

const HOUR = 3_600_000;

test('overdue and dueSoon follow the running deadline: dispatch, then handling', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.registered);
  const reg = { ...store.get(id)! };
  assert.equal(runningDeadline(reg), reg.dispatchDueAt);
  assert.equal(overdue(reg, reg.dispatchDueAt), false);
  assert.equal(overdue(reg, reg.dispatchDueAt + 1), true);
  assert.equal(dueSoon(reg, reg.dispatchDueAt - HOUR / 2, HOUR), true);
  assert.equal(dueSoon(reg, reg.dispatchDueAt - 2 * HOUR, HOUR), false);
  runSteps(store, ctx, [['vo', { type: 'dispatch', node: '350302101001' }], ['gw', { type: 'accept' }]], id);
  const s = { ...store.get(id)! };
  assert.equal(runningDeadline(s), s.dueAt);
  assert.equal(overdue(s, s.dueAt + 1), true);
  assert.equal(overdue(s, s.dueAt - 1), false);
});

test('a suspended case is frozen: never due soon, overdue only if it already was', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.suspended);
  const s = { ...store.get(id)! };
  assert.equal(overdue(s, s.dueAt + 100 * HOUR), false);
  assert.equal(dueSoon(s, s.dueAt - 1, HOUR), false);
  const late = { ...s, suspendedAt: s.dueAt + 1 };
  assert.equal(overdue(late, s.dueAt + 100 * HOUR), true);
});

test('finished cases have no running deadline', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.closed);
  const s = store.get(id)!;
  assert.ok(Number.isNaN(runningDeadline(s)));
  assert.equal(overdue(s, s.dueAt + 1e12), false);
  assert.equal(dueSoon(s, s.dueAt - 1, 1e12), false);
});
