import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Actor } from '@jiceng/core';
import {
  AuditLog, auditTrail, createAccess, exportAuditTrail, readRecord, scopedExport, viewRecords,
} from '@jiceng/core/access';
import { registryRecords, evolveRegistry, decideRegistry, emptyRegistry } from '@jiceng/core/registry';
import { BASIS, small } from './access-fixtures.js';

const h = small();
const TOWN = '350301101000';
const OTHER_TOWN = '350302102000';
const GRID = '350301101001001';
const UNIT = '350301101001001001';
const OTHER_UNIT = '350302102002002002';
const T = Date.parse('2026-03-02T09:00:00+08:00');
const now = () => T;
const rec = (id: string, node: string) => ({ id, node, reporterName: '李四光', reporterPhone: '13900001111', description: '路灯坏了' });
const actor = (id: string, role: string, node: string): Actor => ({ id, roles: [{ role, node }] });

test('every read that discloses personal data is an audit event with actor, purpose, time, what and scope', () => {
  const log = new AuditLog();
  const a = createAccess(actor('w1', 'grid-worker', GRID), h, { audit: log, now });
  const r = viewRecords(a, 'case', [rec('c1', UNIT), rec('c2', OTHER_UNIT)], { purpose: '办理' });
  assert.ok(r.ok && r.value.length === 1);
  assert.equal(log.size, 1);
  const [e] = log.events();
  assert.equal(e.action, 'read');
  assert.equal(e.actorId, 'w1');
  assert.equal(e.purpose, '办理');
  assert.equal(e.at, T);
  assert.deepEqual(e.records, ['c1'], 'the out-of-scope record is not even named');
  assert.deepEqual(e.nodes, [UNIT]);
  assert.deepEqual(e.scope, [GRID]);
  assert.deepEqual(e.roles, [`grid-worker@${GRID}`]);
  assert.deepEqual([...e.fields].sort(), ['reporterName', 'reporterPhone']);
  assert.ok(Object.isFrozen(e), 'audit events cannot be changed');
});

test('one audit event per sensitive read: n dossier reads give n events; masked overviews give none', () => {
  const log = new AuditLog();
  const w = createAccess(actor('w1', 'grid-worker', GRID), h, { audit: log, now });
  for (let k = 0; k < 5; k++) assert.ok(readRecord(w, 'case', rec(`c${k}`, UNIT), { purpose: '核查' }).ok);
  assert.equal(log.size, 5);
  const county = createAccess(actor('c1', 'county-officer', '350301000000'), h, { audit: log, now });
  assert.ok(viewRecords(county, 'case', [rec('c9', UNIT)]).ok);
  assert.equal(log.size, 5, 'nothing personal disclosed: nothing to audit');
});

test('reads without a purpose are refused, and the refusal is on record', () => {
  const log = new AuditLog();
  const w = createAccess(actor('w1', 'grid-worker', GRID), h, { audit: log, now });
  for (const purpose of [undefined, '', '   ']) {
    const r = readRecord(w, 'case', rec('c1', UNIT), { purpose });
    assert.equal(!r.ok && r.errors[0].code, 'E_NO_PURPOSE');
  }
  assert.deepEqual(log.events().map((e) => [e.action, e.refusal]), Array(3).fill(['refused', 'E_NO_PURPOSE']));
  const out = readRecord(w, 'case', rec('x', OTHER_UNIT), { purpose: '好奇' });
  assert.equal(!out.ok && out.errors[0].code, 'E_OUT_OF_SCOPE');
  assert.equal(log.events()[3].refusal, 'E_OUT_OF_SCOPE');
  assert.deepEqual(log.events()[3].records, []);
});

test('every export is an audit event, and exports need a purpose', () => {
  const log = new AuditLog();
  const t = createAccess(actor('t1', 'town-officer', TOWN), h, { audit: log, now });
  const r = scopedExport(t, 'case', [rec('c1', UNIT), rec('c2', OTHER_UNIT)], { purpose: '月报', format: 'csv' });
  assert.ok(r.ok && r.value.count === 1);
  const e = log.events()[0];
  assert.equal(e.action, 'export');
  assert.equal(e.format, 'csv');
  assert.deepEqual(e.records, ['c1']);
  const county = createAccess(actor('c1', 'county-officer', '350301000000'), h, { audit: log, now });
  const masked = scopedExport(county, 'case', [rec('c1', UNIT)], { purpose: '统计' });
  assert.ok(masked.ok);
  assert.equal(log.events()[1].action, 'export', 'an export is audited even when everything is masked');
  const none = scopedExport(county, 'case', [rec('c1', UNIT)], { purpose: '' });
  assert.equal(!none.ok && none.errors[0].code, 'E_NO_PURPOSE');
});

test('every registry read is audited, even of masked records', () => {
  const log = new AuditLog();
  const t = createAccess(actor('t1', 'town-officer', TOWN), h, { audit: log, now });
  const ev = decideRegistry(emptyRegistry(), t, { type: 'enrolled', personId: 'p1', group: 'drug-user', node: UNIT, person: { name: '王五' }, legalBasis: BASIS });
  assert.ok(ev.ok);
  const s = evolveRegistry(emptyRegistry(), ev.value);
  const v = createAccess(actor('v1', 'grid-worker', '350301101001'), h, { audit: log, now }); // village level: masked
  const r = registryRecords(v, s, { purpose: '走访' });
  assert.ok(r.ok);
  assert.equal(r.value[0].name, '王*');
  assert.equal(log.size, 1);
  assert.deepEqual(log.events()[0].records, ['p1']);
  assert.equal(log.events()[0].kind, 'special-population');
});

test('the audit trail is scoped, and exporting it is audited', () => {
  const log = new AuditLog();
  const inTown = createAccess(actor('w1', 'grid-worker', GRID), h, { audit: log, now });
  const elsewhere = createAccess(actor('w2', 'grid-worker', '350302102002002'), h, { audit: log, now });
  readRecord(inTown, 'case', rec('c1', UNIT), { purpose: '办理' });
  readRecord(elsewhere, 'case', rec('c2', OTHER_UNIT), { purpose: '办理' });
  const auditor = createAccess(actor('a1', 'auditor', TOWN), h, { audit: log, now });
  const trail = auditTrail(auditor);
  assert.ok(trail.ok);
  assert.deepEqual(trail.value.map((e) => e.actorId), ['w1'], 'events about another town stay hidden');
  const own = auditTrail(elsewhere, { ownOnly: true });
  assert.ok(own.ok && own.value.length === 1 && own.value[0].actorId === 'w2');
  const notAuditor = auditTrail(elsewhere);
  assert.equal(!notAuditor.ok && notAuditor.errors[0].code, 'E_NOT_PERMITTED');
  const file = exportAuditTrail(auditor, '季度审计');
  assert.ok(file.ok);
  const lines = file.value.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((e) => e.actorId), ['w1']);
  assert.ok(!file.value.includes(OTHER_UNIT));
  const last = log.events()[log.size - 1];
  assert.equal(last.action, 'export');
  assert.equal(last.kind, 'audit');
  assert.equal(exportAuditTrail(auditor, ' ').ok, false);
  const copy = AuditLog.from(JSON.parse(`[${log.events().map((e) => JSON.stringify(e)).join(',')}]`));
  assert.deepEqual(copy.events(), log.events(), 'the log is rebuilt from its stored events');
  const other = createAccess(actor('a2', 'auditor', OTHER_TOWN), h, { audit: log, now });
  const t2 = auditTrail(other);
  assert.ok(t2.ok && t2.value.every((e) => e.actorId === 'w2' || e.actorId === 'a2'));
});
