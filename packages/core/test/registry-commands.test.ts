import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAccess, type Access } from '@jiceng/core/access';
import {
  evolveRegistry, decideRegistry, emptyRegistry, registryFigures, registryHistory, registryRecords, replayRegistry, type RegistryCommand, type RegistryEvent, type RegistryState,
} from '@jiceng/core/registry';
import { BASIS, small } from './access-fixtures.js';

const h = small();
const TOWN = '350301101000';
const GRID = '350301101001001';
const UNIT = '350301101001001001';
const OTHER_UNIT = '350302102002002002';
const SIBLING_UNIT = '350301101001002001'; // same village, another grid
let clock = Date.parse('2026-03-02T09:00:00+08:00');
const now = () => clock;
const who = (role: string, node: string, id = role) => createAccess({ id, roles: [{ role, node }] }, h, { now });

function run(state: RegistryState, access: Access, cmds: RegistryCommand[], log: RegistryEvent[]): RegistryState {
  for (const c of cmds) {
    const r = decideRegistry(state, access, c);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    log.push(r.value);
    state = evolveRegistry(state, r.value);
  }
  return state;
}

const enrol = (personId: string, group: string, node: string, extra: Partial<RegistryCommand> = {}): RegistryCommand =>
  ({ type: 'enrolled', personId, group, node, person: { name: '张三明', idNumber: '350302199001011234', phone: '13812345678' }, legalBasis: BASIS, ...extra } as RegistryCommand);

test('enrolment needs a known group, a node in the writer’s reach, a name and a legal basis', () => {
  const w = who('grid-worker', GRID);
  const s = emptyRegistry();
  const bad = decideRegistry(s, w, { type: 'enrolled', personId: 'p', group: 'aliens', node: OTHER_UNIT, person: { name: '' }, legalBasis: { basis: 'whim', articles: [], informed: true } } as never);
  assert.ok(!bad.ok);
  assert.deepEqual(bad.errors.map((e) => e.code).sort(), ['E_BAD_INPUT', 'E_NO_LEGAL_BASIS', 'E_UNKNOWN_GROUP']);
  const hiv = decideRegistry(s, w, enrol('p', 'hiv-risk', UNIT));
  assert.equal(!hiv.ok && hiv.errors[0].code, 'E_NOT_PERMITTED', 'HIV status is for health workers and the town');
  const noRisk = decideRegistry(s, w, enrol('p', 'severe-mental-disorder', UNIT));
  assert.equal(!noRisk.ok && noRisk.errors[0].code, 'E_BAD_RISK_LEVEL');
  const riskOnOther = decideRegistry(s, w, enrol('p', 'drug-user', UNIT, { riskLevel: 2 }));
  assert.equal(!riskOnOther.ok && riskOnOther.errors[0].code, 'E_NOT_MENTAL_HEALTH');
  const out = decideRegistry(s, w, enrol('p', 'drug-user', OTHER_UNIT));
  assert.equal(!out.ok && out.errors[0].code, 'E_NOT_PERMITTED');
});

test('a refused command changes nothing; events replay to the same state', () => {
  const w = who('grid-worker', GRID);
  const police = who('police', TOWN);
  const log: RegistryEvent[] = [];
  let s = emptyRegistry();
  s = run(s, w, [enrol('p1', 'severe-mental-disorder', UNIT, { riskLevel: 1 }), enrol('p2', 'released-prisoner', UNIT)], log);
  clock += 86_400_000;
  s = run(s, w, [{ type: 'followed-up', personId: 'p1', riskLevel: 3 }, { type: 'handed-over', personId: 'p1', from: 'hospital', to: 'governance' }], log);
  s = run(s, police, [{ type: 'notified', personId: 'p1', from: 'police', to: 'town' }], log);
  const before = s;
  const dup = decideRegistry(s, w, enrol('p1', 'drug-user', UNIT));
  assert.equal(!dup.ok && dup.errors[0].code, 'E_DUPLICATE_PERSON');
  const again = decideRegistry(s, police, { type: 'notified', personId: 'p1', from: 'police', to: 'town' });
  assert.ok(!again.ok, 'a notification is made once per unstable spell');
  const stale = decideRegistry(s, w, { type: 'followed-up', personId: 'p1', expectedVersion: 1 });
  assert.equal(!stale.ok && stale.errors[0].code, 'E_BAD_VERSION');
  const future = decideRegistry(s, w, { type: 'followed-up', personId: 'p1', at: clock + 1 });
  assert.equal(!future.ok && future.errors[0].code, 'E_BAD_TIME');
  assert.equal(s, before);
  const p1 = s.persons.get('p1')!;
  assert.equal(p1.riskLevel, 3);
  assert.equal(p1.version, 4);
  assert.equal(p1.handovers.length, 1);
  assert.ok(p1.notification?.notifiedAt !== undefined);
  assert.deepEqual(replayRegistry(log), s);
  assert.deepEqual(replayRegistry(JSON.parse(JSON.stringify(log))), s, 'events survive JSON');
});

test('a person outside the actor’s reach is reported as unknown, never as existing', () => {
  const w = who('grid-worker', GRID);
  const town = who('town-officer', TOWN);
  let s = emptyRegistry();
  s = run(s, town, [enrol('h1', 'hiv-risk', UNIT)], []);
  const r = decideRegistry(s, w, { type: 'followed-up', personId: 'h1' });
  assert.equal(!r.ok && r.errors[0].code, 'E_UNKNOWN_PERSON');
  const d = decideRegistry(s, w, enrol('h1', 'drug-user', UNIT));
  assert.ok(!d.ok && d.errors[0].code !== 'E_DUPLICATE_PERSON', 'a duplicate id does not reveal the HIV record');
});

test('registry records: only roles covering the group, in scope, with a purpose, never on open views', () => {
  const town = who('town-officer', TOWN);
  let s = emptyRegistry();
  s = run(s, town, [enrol('m1', 'severe-mental-disorder', UNIT, { riskLevel: 4 }), enrol('h1', 'hiv-risk', UNIT), enrol('d9', 'drug-user', SIBLING_UNIT)], []);
  const w = who('grid-worker', GRID);
  const r = registryRecords(w, s, { purpose: '季度随访' });
  assert.ok(r.ok);
  assert.deepEqual(r.value.map((x) => x.id).sort(), ['m1'], 'no HIV record, nothing outside the grid');
  assert.equal(r.value[0].name, '张三明');
  assert.equal(r.value[0].idNumber, '3503**********1234');
  assert.equal(r.value[0].riskLevel, 4);
  const noPurpose = registryRecords(w, s);
  assert.equal(!noPurpose.ok && noPurpose.errors[0].code, 'E_NO_PURPOSE');
  for (const view of ['public', 'wall-screen'] as const) {
    const v = registryRecords(town, s, { purpose: '展示', view });
    assert.equal(!v.ok && v.errors[0].code, 'E_FORBIDDEN_VIEW');
    const f = registryFigures(town, s, [h.indexOf(TOWN)], { view });
    assert.equal(!f.ok && f.errors[0].code, 'E_FORBIDDEN_VIEW');
  }
  const county = who('county-officer', '350301000000');
  const c = registryRecords(county, s, { purpose: '检查' });
  assert.ok(c.ok);
  assert.equal(c.value.length, 0, 'leaders above the town see figures, not people');
});

test('dashboards get in-scope figures with small cells suppressed', () => {
  const town = who('town-officer', TOWN);
  let s = emptyRegistry();
  const cmds: RegistryCommand[] = [];
  for (let k = 0; k < 7; k++) cmds.push(enrol(`d${k}`, 'drug-user', UNIT));
  for (let k = 0; k < 2; k++) cmds.push(enrol(`r${k}`, 'released-prisoner', UNIT));
  for (let k = 0; k < 6; k++) cmds.push(enrol(`m${k}`, 'severe-mental-disorder', UNIT, { riskLevel: 1 }));
  s = run(s, town, cmds, []);
  const county = who('county-officer', '350301000000');
  const r = registryFigures(county, s, [h.indexOf('350301000000'), h.indexOf(TOWN)], { minCell: 5 });
  assert.ok(r.ok);
  const [c] = r.value;
  assert.deepEqual(c.byGroup['drug-user'], { count: 7, suppressed: false });
  assert.deepEqual(c.byGroup['released-prisoner'], { count: null, suppressed: true });
  assert.deepEqual(c.byGroup['severe-mental-disorder'], { count: null, suppressed: true }, 'complementary: 2 could be recovered from the total');
  assert.equal(c.byGroup['hiv-risk'].count, 0);
  assert.equal(c.total, 15);
  assert.ok(!JSON.stringify(r.value).includes('张'), 'no names in figures');
  // six months without a follow-up: all six mental-health cases overdue (6 ≥ 5 shown)
  clock += 200 * 86_400_000;
  const later = registryFigures(county, s, [h.indexOf(TOWN)]);
  assert.equal(later.ok && later.value[0].overdueFollowUps, 6);
  const out = registryFigures(who('town-officer', '350302102000'), s, [h.indexOf(TOWN)]);
  assert.equal(!out.ok && out.errors[0].code, 'E_OUT_OF_SCOPE', 'refused, not zeros');
  const lower = registryFigures(county, s, [h.indexOf(TOWN)], { minCell: 10 });
  assert.equal(lower.ok && lower.value[0].overdueFollowUps, null);
});

test('a person’s file: follow-ups and hand-overs, masked, audited, empty for those who may not read it', () => {
  const w = who('grid-worker', GRID, 'w-file');
  let s = emptyRegistry();
  s = run(s, w, [enrol('f1', 'severe-mental-disorder', UNIT, { riskLevel: 2 })], []);
  clock += 3_600_000;
  s = run(s, w, [
    { type: 'followed-up', personId: 'f1', riskLevel: 2, outcome: '情况稳定' },
    { type: 'handed-over', personId: 'f1', from: 'hospital', to: 'family', note: '出院交接，监护人电话13900001111' },
  ], []);
  const r = registryHistory(w, s, 'f1', { purpose: '随访前查阅' });
  assert.ok(r.ok);
  assert.equal(r.value.followUps.length, 1);
  assert.deepEqual([r.value.handovers[0].from, r.value.handovers[0].to], ['hospital', 'family']);
  assert.equal(r.value.handovers[0].note, '***', 'a grid worker does not read sensitive hand-over notes');
  const before = w.audit.size;
  assert.ok(registryHistory(w, s, 'f1', { purpose: 'x' }).ok);
  assert.equal(w.audit.size, before + 2, 'both parts of the file are audited');
  assert.equal(registryHistory(w, s, 'f1').ok, false, 'a purpose is required');
  const stranger = who('grid-worker', '350302102002002');
  const none = registryHistory(stranger, s, 'f1', { purpose: 'x' });
  assert.deepEqual(none.ok && none.value, { followUps: [], handovers: [] });
  const health = who('health-worker', TOWN);
  const full = registryHistory(health, s, 'f1', { purpose: '复诊' });
  assert.ok(full.ok && String(full.value.handovers[0].note).includes('13900001111'));
});
