import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseStore } from '@jiceng/core';
import { buildDossier, exportEventLog, importEventLog } from '@jiceng/core/cases';
import { categories, hierarchy, makeCtx, makeStore, PATHS, runSteps, T1, type Step } from './cases-fixture.js';

const full: Step[] = [
  ...PATHS.handling,
  ['to', { type: 'supervise', note: '请加快办理' }],
  ['gw', { type: 'reportProgress', note: '已约谈', attachments: [{ id: 'f1', name: '约谈记录.pdf', mime: 'application/pdf', size: 1234 }] }],
  ['gw', { type: 'reportHandled', result: '已清理' }],
  ['to', { type: 'verify', passed: false, note: '未清理干净' }],
  ['gw', { type: 'reportHandled', result: '再次清理' }],
  ['to2', { type: 'verify', passed: true, note: '已核实' }],
  ['vo', { type: 'followUp', satisfaction: 4, recurred: false }],
  ['vo', { type: 'close' }],
  ['co', { type: 'recordAccountability', person: '某网格员', measure: '提醒谈话', reason: '首次处置不到位' }],
];

test('the dossier shows the seven steps, every event with actor, role, time, duration, deadline and marks', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, full);
  const d = store.dossier(id);
  assert.ok(d.ok);
  const v = d.value;
  assert.equal(v.format, 'jiceng.dossier');
  assert.deepEqual(v.steps.map((s) => s.status), ['done', 'done', 'done', 'done', 'done', 'done', 'done']);
  assert.deepEqual(v.entries.map((e) => e.type), store.events(id).map((e) => e.type));
  const dispatched = v.entries.find((e) => e.type === 'dispatched')!;
  assert.equal(dispatched.deadline?.met, true);
  assert.ok(dispatched.sets && dispatched.sets.dueLocal.endsWith('+08:00'));
  assert.equal(dispatched.sincePrevious.en, '1m');
  assert.equal(dispatched.roleNodeName, '村一');
  const handled = v.entries.filter((e) => e.type === 'handled');
  assert.equal(handled.length, 2);
  assert.ok(handled.every((e) => e.deadline?.met === true));
  assert.deepEqual(v.entries.find((e) => e.type === 'supervised')!.marks, ['supervision']);
  assert.equal(v.entries.find((e) => e.type === 'supervised')!.step, 'handling');
  assert.deepEqual(v.entries.find((e) => e.type === 'accountabilityRecorded')!.marks, ['accountability']);
  assert.deepEqual(v.entries.find((e) => e.type === 'verified')!.marks, ['rework']);
  assert.equal(v.entries.find((e) => e.type === 'progressReported')!.attachments[0].name, '约谈记录.pdf');
  assert.equal(v.summary.rework, 1);
  assert.equal(v.summary.supervisions, 1);
  assert.equal(v.category?.name?.zh, '邻里纠纷');
  // Self-contained: plain JSON that round-trips and replays.
  const back = JSON.parse(JSON.stringify(v));
  assert.deepEqual(back, v);
  const again = buildDossier(back.events, { hierarchy, categories });
  assert.ok(again.ok);
  assert.deepEqual(again.value, v);
});

test('an open case shows its current step; a missed deadline is marked missed', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, PATHS.handling);
  ctx.tick.now = Date.parse('2025-04-30T10:00:00+08:00'); // long after the 10-working-day limit
  runSteps(store, ctx, [['gw', { type: 'reportHandled', result: '迟办' }]], id);
  const d = store.dossier(id);
  assert.ok(d.ok);
  assert.deepEqual(d.value.steps.map((s) => s.status), ['done', 'done', 'done', 'done', 'done', 'current', 'pending']);
  const handled = d.value.entries.at(-1)!;
  assert.equal(handled.deadline?.met, false);
  assert.equal(d.value.summary.deadlinesMissed, 1);
  assert.match(handled.sincePrevious.zh, /天/);
});

test('a rejected case ends at collection; a case not from patrol skips the patrol step', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, [['gw', { type: 'discover', node: '350302101001001001', source: 'citizen', description: '投诉' }], ['vo', { type: 'reject', reason: '不属实' }]]);
  const d = store.dossier(id);
  assert.ok(d.ok);
  assert.deepEqual(d.value.steps.map((s) => s.status), ['skipped', 'done', 'done', 'skipped', 'skipped', 'skipped', 'skipped']);
  assert.equal(store.dossier('nope').ok, false);
  const noLog = new CaseStore({ hierarchy, categories }, { keepLog: false });
  const r = noLog.dossier(id);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.errors[0].code, 'E_LOG_NOT_KEPT');
});

test('the event log exports to JSON Lines and imports back losslessly', () => {
  const store = makeStore();
  const ctx = makeCtx();
  runSteps(store, ctx, full);
  runSteps(store, ctx, [...PATHS.discovered, ['to', { type: 'register', category: 'city.illegal-building', urgency: 'urgent', description: '加盖' }], ['to', { type: 'dispatch', node: T1, department: '城管' }]]);
  const text = exportEventLog(store.events());
  assert.equal(text.split('\n').length, store.eventCount + 1);
  const { events, issues } = importEventLog(text);
  assert.deepEqual(issues, []);
  assert.deepEqual(events, store.events());
  assert.equal(exportEventLog(events), text);
  const copy = makeStore();
  copy.replay(events);
  assert.deepEqual(copy.all(), store.all());
});

test('invalid lines are reported with line number, code and zh/en, and their case left out', () => {
  const store = makeStore();
  const ctx = makeCtx();
  runSteps(store, ctx, PATHS.dispatched);
  const lines = exportEventLog(store.events()).trimEnd().split('\n');
  const bad = [
    lines[0],
    '{ not json',
    JSON.stringify({ ...JSON.parse(lines[1]), type: 'teleported' }),
    JSON.stringify({ ...JSON.parse(lines[1]), data: { category: 'x', urgency: 'normal' } }),
    lines[2], // registered missing → dispatched comes out of order
    '',
    lines[1],
  ].join('\r\n');
  const { events, issues, broken } = importEventLog(bad);
  // Line 3 is c-1's and unreadable: c-1 is no record any more, none of its events come back.
  assert.deepEqual(events, []);
  assert.deepEqual(broken, ['c-1']);
  assert.deepEqual(issues.map((p) => [p.row, p.code]), [[2, 'E_BAD_JSON'], [3, 'E_BAD_EVENT'], [4, 'E_BAD_EVENT'], [4, 'E_BAD_EVENT'], [5, 'E_CASE_BROKEN'], [7, 'E_CASE_BROKEN']]);
  assert.equal(issues[1].column, 'type');
  assert.ok(issues.every((p) => p.zh && p.en));
  assert.deepEqual(issues.filter((p) => p.row === 4).map((p) => p.column).sort(), ['data.description', 'data.dispatchDueAt']);
});
