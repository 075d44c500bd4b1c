import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDossier, checkEvent, createEmpoweredCatalogue, decideEnforcement, enforcementSteps, type EnforcementCommand, type EnforcementTeam } from '../src/cases/index.js';
import { ACTORS, COUNTY, makeCtx, makeStore, runSteps, T1, U1, type ActorKey } from './cases-fixture.js';

const team: EnforcementTeam = {
  town: T1,
  members: [
    { id: 'to1', kind: 'town', home: T1 },
    { id: 'co1', kind: 'county', home: COUNTY, department: '住建局' },
    { id: 'gw1', kind: 'auxiliary', home: T1 },
  ],
};

function setup() {
  const ctx = makeCtx();
  const store = makeStore();
  const id = runSteps(store, ctx, [
    ['gw', { type: 'discover', node: U1, source: 'patrol', description: '搭建违建' }],
    ['to', { type: 'register', category: 'city.illegal-building', urgency: 'normal', description: '未经批准搭建' }],
    ['to', { type: 'dispatch', node: T1 }],
    ['to', { type: 'accept' }],
  ]);
  const step = (who: ActorKey, type: EnforcementCommand['type'], extra: Partial<EnforcementCommand> = {}, c = ctx) =>
    decideEnforcement({ type, caseId: id, expectedVersion: store.get(id)!.version, note: type, ...extra }, ACTORS[who], store.events(id), store.get(id), team, c);
  return { ctx, store, id, step };
}

test('一次告知、一次上门、一次到位: the town team records the three steps as events of the case, in order, once each', () => {
  const { store, id, step } = setup();
  assert.equal(step('co', 'settle', { outcome: '已拆除' }).ok, false);
  const order = step('co', 'visit');
  assert.ok(!order.ok);
  assert.equal(order.errors[0].code, 'E_ENF_ORDER');
  const n = step('co', 'notify', { members: ['to1'] });
  assert.ok(n.ok, JSON.stringify(!n.ok && n.errors));
  assert.deepEqual(n.value.data, { note: 'notify', members: ['co1', 'to1'] });
  assert.equal(n.value.roleNode, COUNTY);
  assert.ok(store.apply(n.value).ok);
  const again = step('to', 'notify');
  assert.ok(!again.ok);
  assert.equal(again.errors[0].code, 'E_ENF_ONCE');
  const steps: [ActorKey, EnforcementCommand['type'], Partial<EnforcementCommand>][] = [['to', 'visit', { members: ['co1', 'gw1'] }], ['co', 'settle', { outcome: '限期拆除完毕' }]];
  for (const [who, type, extra] of steps) {
    const r = step(who, type, extra);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.ok(store.apply(r.value).ok);
  }
  const events = store.events(id);
  assert.deepEqual(enforcementSteps(events), ['enforcementNotified', 'enforcementVisited', 'enforcementSettled']);
  for (const e of events) assert.deepEqual(checkEvent(JSON.parse(JSON.stringify(e))), []);
  const d = buildDossier(events);
  assert.ok(d.ok);
  assert.deepEqual(d.value.entries.slice(-3).map((x) => x.title.zh), ['一次告知', '一次上门', '一次到位']);
  // the case goes on through its loop
  runSteps(store, makeCtx(), [['to', { type: 'reportHandled', result: '已拆除' }]], id);
  assert.equal(store.get(id)!.status, 'handled');
});

test('only the town team acts, auxiliary members only alongside, and only on what the catalogue empowers', () => {
  const { step } = setup();
  assert.equal((step('gw', 'notify') as { errors: { code: string }[] }).errors[0].code, 'E_ENF_NOT_MEMBER');
  assert.equal((step('toOther', 'notify') as { errors: { code: string }[] }).errors[0].code, 'E_ENF_NOT_MEMBER');
  assert.equal((step('to', 'notify', { members: ['to9'] }) as { errors: { code: string }[] }).errors[0].code, 'E_ENF_NOT_MEMBER');
  const bare = makeCtx({ catalogue: createEmpoweredCatalogue({}) });
  assert.equal((step('to', 'notify', {}, bare) as { errors: { code: string }[] }).errors[0].code, 'E_ENF_NOT_EMPOWERED');
});
