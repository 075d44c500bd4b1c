import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Actor } from '@jiceng/core';
import { createAccess, readDossier } from '@jiceng/core/access';
import { COUNTY, G1, hierarchy, makeCtx, makeStore, runSteps, U1, V2 } from './cases-fixture.js';

const PHONE = '13812345678';
const ID = '350302199001011234';

function caseFile() {
  const store = makeStore();
  const ctx = makeCtx();
  const id = runSteps(store, ctx, [
    ['citizen', { type: 'discover', node: U1, source: 'citizen', description: `楼道堆物，联系电话 ${PHONE}，身份证 ${ID}` }],
    ['vo', { type: 'register', category: 'safety.fire', urgency: 'normal', description: `回电 ${PHONE}` }],
  ]);
  const d = store.dossier(id);
  assert.ok(d.ok);
  return d.value;
}
const text = (x: unknown) => JSON.stringify(x);
const who = (role: string, node: string): Actor => ({ id: `${role}-1`, roles: [{ role, node }] });

test('the raw file quotes the numbers (so the masking below is not vacuous)', () => {
  assert.ok(text(caseFile()).includes(PHONE));
});

test('a reader without personal rights gets quoted numbers masked and no raw events', () => {
  const r = readDossier(createAccess(who('county-officer', COUNTY), hierarchy), caseFile());
  assert.ok(r.ok);
  const out = text(r.value);
  assert.ok(!out.includes(PHONE) && !out.includes(ID), out);
  assert.ok(out.includes('138****5678'));
  assert.deepEqual(r.value.events, []);
  assert.equal(r.value.entries.length, caseFile().entries.length);
});

test('a reader with personal rights (the grid worker who calls the reporter back) reads the numbers', () => {
  const r = readDossier(createAccess(who('grid-worker', G1), hierarchy), caseFile());
  assert.ok(r.ok && text(r.value).includes(PHONE));
  assert.deepEqual(r.value.events, []);
});

test('out of scope: refused as "no such case within your scope", nothing of the case returned', () => {
  const r = readDossier(createAccess(who('village-officer', V2), hierarchy), caseFile());
  assert.ok(!r.ok);
  // The answer to a missing id, so a refusal never tells that the case exists.
  assert.equal(r.errors[0].code, 'E_NO_CASE');
  assert.equal(r.errors[0].en, `no such case within your scope: ${caseFile().caseId}`);
  assert.ok(!('value' in r));
});

test('a wall screen shows no quoted number, whatever the role', () => {
  const r = readDossier(createAccess(who('town-officer', '350302101000'), hierarchy), caseFile(), { view: 'wall-screen', purpose: '大屏展示' });
  assert.ok(r.ok);
  assert.ok(!text(r.value).includes(PHONE) && !text(r.value).includes(ID), text(r.value.entries.map((e) => e.note)));
});

test('the file keeps what the grid worker entered (urgency, address, coordinates, reporter), masked per reader', () => {
  const store = makeStore();
  const ctx = makeCtx();
  const ADDRESS = '黄石镇沙堤村18号楼2单元';
  const id = runSteps(store, ctx, [
    ['gw', { type: 'discover', node: U1, source: 'patrol', description: '消防通道被堵', urgency: 'critical', address: ADDRESS, lng: 119.0123, lat: 25.4321, reporter: '李四' }],
  ]);
  assert.equal(store.get(id)!.urgency, 'critical', 'the list shows the finder\'s urgency before registration');
  const file = store.dossier(id);
  assert.ok(file.ok);
  assert.deepEqual(file.value.intake, { source: 'patrol', urgency: 'critical', address: ADDRESS, lng: 119.0123, lat: 25.4321, reporter: '李四' });
  const own = readDossier(createAccess(who('grid-worker', G1), hierarchy), file.value, { purpose: '案件办理' });
  assert.ok(own.ok);
  assert.deepEqual(own.value.intake, file.value.intake, 'the grid worker, with a purpose, reads all of it');
  const noPurpose = readDossier(createAccess(who('grid-worker', G1), hierarchy), file.value);
  assert.ok(noPurpose.ok, 'without a purpose the file is still read, its personal fields masked');
  assert.notEqual(noPurpose.value.intake!.address, ADDRESS);
  const county = readDossier(createAccess(who('county-officer', COUNTY), hierarchy), file.value, { purpose: '督办' });
  assert.ok(county.ok);
  const it = county.value.intake!;
  assert.equal(it.urgency, 'critical');
  assert.equal(it.source, 'patrol');
  assert.ok(it.address && it.address !== ADDRESS, `address masked: ${it.address}`);
  assert.equal(it.lng, undefined);
  assert.equal(it.lat, undefined);
  assert.notEqual(it.reporter, '李四');
  assert.ok(!text(county.value).includes(ADDRESS) && !text(county.value).includes('119.0123'));
  // registration's values take over
  runSteps(store, ctx, [['vo', { type: 'register', category: 'safety.fire', urgency: 'urgent', description: '消防通道被堵' }]], id);
  const after = store.dossier(id);
  assert.ok(after.ok);
  assert.equal(after.value.intake!.urgency, 'urgent');
  assert.equal(after.value.intake!.address, ADDRESS);
});
