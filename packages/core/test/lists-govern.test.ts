import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listRules, type ListEvent } from '../src/lists/index.js';
import { ACTORS, categories, CONFIG, makeCtx, makeStore, T1, U1, V1, type Step, runSteps } from './cases-fixture.js';

const LEVELS = CONFIG.levels.map((l) => l.id);
const iso = (t: number) => new Date(t).toISOString();
const empowered = (id: string, node: string, category: string, t: number, extra: object = {}): ListEvent =>
  ({ type: 'list.upserted', kind: 'empowered', at: iso(t), record: { id, node, category, matter: { zh: '违法建设查处', en: 'illegal building' }, policies: [], ...extra } });

const registered = (category: string): Step[] => [
  ['gw', { type: 'discover', node: U1, source: 'patrol', description: '搭建违建' }],
  ['to', { type: 'register', category, urgency: 'normal', description: '未经批准搭建' }],
];

test('dispatch to a town is refused while its catalogue lacks the category, and accepted after the catalogue event adds it', () => {
  const rules = listRules([], categories, LEVELS);
  // the old separate catalogue empowers T1; with the lists' rules it no longer decides
  const ctx = makeCtx({ rules });
  const store = makeStore();
  const id = runSteps(store, ctx, registered('city.illegal-building'));
  const dispatch = () => store.execute({ type: 'dispatch', caseId: id, expectedVersion: store.get(id)!.version, node: T1 }, ACTORS.to, ctx);
  const refused = dispatch();
  assert.ok(!refused.ok);
  assert.equal(refused.errors[0].code, 'E_NOT_EMPOWERED');
  // an entry that is not yet in force does not help either
  rules.append(empowered('E1', T1, 'city.illegal-building', ctx.tick.now, { since: '2025-04-01' }));
  assert.equal(dispatch().ok, false);
  rules.append(empowered('E1', T1, 'city', ctx.tick.now, { since: '2025-01-01' }));
  const accepted = dispatch();
  assert.ok(accepted.ok, JSON.stringify(!accepted.ok && accepted.errors));
  assert.deepEqual([...rules.catalogueAt(ctx.tick.now).get(T1)!], ['city']);
});

test('the 权责清单 decides who handles and closes; a case keeps the rules it was dispatched under', () => {
  const ctx = makeCtx();
  const t = ctx.tick.now;
  // 违法建设: the category says town and up; the responsibility list gives it to the village
  const rules = listRules([
    { type: 'list.upserted', kind: 'responsibilities', at: iso(t), record: { id: 'R1', level: 'village', kind: 'duty', matter: { zh: '违建劝阻', en: 'stop illegal building' }, categories: ['city.illegal-building'], policies: [] } },
  ], categories, LEVELS);
  ctx.rules = rules;
  const store = makeStore();
  const a = runSteps(store, ctx, [...registered('city.illegal-building'), ['to', { type: 'dispatch', node: V1 }]]);
  // the list changes: the row is removed, so the category's own rule (town and up) applies again
  rules.append({ type: 'list.removed', kind: 'responsibilities', id: 'R1', at: iso(ctx.tick.now) });
  const b = runSteps(store, ctx, registered('city.illegal-building'));
  const r = store.execute({ type: 'dispatch', caseId: b, expectedVersion: store.get(b)!.version, node: V1 }, ACTORS.to, ctx);
  assert.ok(!r.ok);
  assert.equal(r.errors[0].code, 'E_BELOW_HANDLING_LEVEL');
  // case a, dispatched before the change, is handled and closed at the village under its own rule (verified by the town, outside the handling body)
  runSteps(store, ctx, [
    ['gw', { type: 'accept' }], ['gw', { type: 'reportHandled', result: '已劝停' }], ['to', { type: 'verify', passed: true, note: '已核查' }],
    ['vo', { type: 'followUp', satisfaction: 5, recurred: false }], ['vo', { type: 'close' }],
  ], a);
  assert.equal(store.get(a)!.status, 'closed');
  assert.equal(rules.versionAt(ctx.tick.now), 2);
});
