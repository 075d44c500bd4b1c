import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Actor } from '@jiceng/core';
import {
  applyMask, createAccess, maskIdNumber, maskName, maskPhone, maskRecord, maskText, readRecord, viewRecords, REDACTED,
} from '@jiceng/core/access';
import { small } from './access-fixtures.js';

const h = small();
const GRID = '350301101001001';
const UNIT = '350301101001001002';
const GRID_NAME = h.name(h.indexOf(GRID));

test('names keep the first and last character', () => {
  assert.equal(maskName('张三明'), '张*明');
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('欧阳明华'), '欧**华');
  assert.equal(maskName('张'), '*');
  assert.equal(maskName(''), '');
  assert.equal(maskName('𠀀二三'), '𠀀*三', 'characters outside the BMP count as one');
});

test('ID numbers keep the first 4 and last 4 characters', () => {
  assert.equal(maskIdNumber('350302199001011234'), '3503**********1234');
  assert.equal(maskIdNumber('35030219900101123X'), '3503**********123X');
  assert.equal(maskIdNumber('350302900101123'), '3503*******1123');
  assert.equal(maskIdNumber('1234'), '****');
});

test('mobile numbers keep 3 + 4 digits, landlines their last 2, separators stay', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('138-1234-5678'), '138-****-5678');
  assert.equal(maskPhone('+86 13812345678'), '+86 138****5678');
  assert.equal(maskPhone('0594-2345678'), '****-*****78');
});

test('free text has embedded ID and phone numbers masked', () => {
  const t = '王某电话13812345678，身份证350302199001011234，座机0594-2345678，门牌12号，工单20261126001';
  const m = maskText(t);
  for (const raw of ['13812345678', '350302199001011234', '2345678', '20261126001']) assert.ok(!m.includes(raw), raw);
  assert.ok(m.includes('138****5678') && m.includes('3503**********1234') && m.includes('门牌12号'));
});

test('an address becomes the grid name; redact and non-strings become ***', () => {
  assert.equal(applyMask('address', '某路 1 号 302', '第一网格'), '第一网格');
  assert.equal(applyMask('redact', 'x'), REDACTED);
  assert.equal(applyMask('name', 42), REDACTED);
  assert.deepEqual(applyMask('phone', ['13812345678']), ['138****5678']);
  assert.equal(applyMask('year', '1990-01-01'), '1990');
});

const record = {
  id: 'c1', node: UNIT, category: 'dispute', anonymous: false,
  description: '邻里噪音，联系13812345678',
  reporterId: 'citizen-9', reporterName: '张三明', reporterPhone: '13812345678',
  reporterIdNumber: '350302199001011234', reporterAddress: '龙桥路 8 号 301', location: '龙桥路 8 号',
  secretNote: '无登记的字段',
};
const actor = (role: string, node: string, id = 'u'): Actor => ({ id, roles: [{ role, node }] });

test('a grid worker reads personal fields in her grid, but not the ID number', () => {
  const a = createAccess(actor('grid-worker', GRID), h);
  const r = readRecord(a, 'case', record, { purpose: '联系反映人' });
  assert.ok(r.ok);
  const v = r.value;
  assert.equal(v.reporterName, '张三明');
  assert.equal(v.reporterPhone, '13812345678');
  assert.equal(v.reporterIdNumber, '3503**********1234');
  assert.equal(v.location, '龙桥路 8 号');
  assert.equal(v.description, record.description);
  assert.equal(v.secretNote, '无登记的字段', 'an unlisted field is personal: readable here');
});

test('a grid worker held on a village level reads only internal fields unmasked', () => {
  const a = createAccess(actor('grid-worker', '350301101001'), h);
  const v = maskRecord(a, 'case', record);
  assert.equal(v.reporterName, '张*明');
  assert.equal(v.reporterPhone, '138****5678');
  assert.equal(v.location, GRID_NAME);
  assert.equal(v.description, '邻里噪音，联系138****5678');
});

test('a county officer sees figures, not people: every personal field masked', () => {
  const a = createAccess(actor('county-officer', '350301000000'), h);
  const r = viewRecords(a, 'case', [record]);
  assert.ok(r.ok, 'nothing personal disclosed, so no purpose is needed');
  const v = r.value[0];
  assert.equal(v.reporterName, '张*明');
  assert.equal(v.reporterAddress, GRID_NAME);
  assert.equal(v.reporterId, REDACTED);
  assert.equal(v.secretNote, REDACTED, 'an unlisted field is withheld');
  assert.equal(a.audit.size, 0);
});

test('public and wall-screen views carry no personal field at all, whatever the role', () => {
  for (const role of ['town-officer', 'police', 'grid-worker']) {
    const node = role === 'grid-worker' ? GRID : '350301101000';
    const a = createAccess(actor(role, node), h);
    for (const view of ['public', 'wall-screen'] as const) {
      const v = maskRecord(a, 'case', record, view);
      const keys = Object.keys(v);
      for (const k of ['reporterName', 'reporterPhone', 'reporterIdNumber', 'reporterAddress', 'location', 'reporterId', 'secretNote']) {
        assert.ok(!keys.includes(k), `${role}/${view} leaks ${k}`);
      }
      const s = JSON.stringify(v);
      assert.ok(!s.includes('13812345678') && !s.includes('张') , `${role}/${view}: ${s}`);
      if (view === 'public') assert.ok(!keys.includes('description'));
    }
  }
});

test('anonymous reporters are hidden from everyone but the roles that contact them', () => {
  const anon = { ...record, anonymous: true };
  const police = createAccess(actor('police', '350301101000'), h);
  const pv = readRecord(police, 'case', anon, { purpose: '治安巡查' });
  assert.ok(pv.ok);
  assert.equal(pv.value.reporterName, '匿名');
  assert.equal(pv.value.reporterPhone, REDACTED, 'not even the masked number');
  assert.equal(pv.value.reporterIdNumber, REDACTED);
  assert.equal(pv.value.description, '邻里噪音，联系138****5678', 'free text does not give the hidden reporter away');
  const worker = createAccess(actor('grid-worker', GRID), h);
  const wv = readRecord(worker, 'case', anon, { purpose: '回访' });
  assert.ok(wv.ok);
  assert.equal(wv.value.reporterPhone, '13812345678');
});

test('a citizen reads his own details on his own report, and nothing personal of others', () => {
  const me = createAccess({ id: 'citizen-9', roles: [{ role: 'citizen', node: '350301101000' }] }, h);
  const mine = readRecord(me, 'case', record);
  assert.ok(mine.ok, 'own details need no purpose');
  assert.equal(mine.value.reporterPhone, '13812345678');
  assert.equal(mine.value.location, GRID_NAME, 'the exact location is not the reporter’s field');
  const other = readRecord(me, 'case', { ...record, reporterId: 'citizen-10' });
  assert.equal(!other.ok && other.errors[0].code, 'E_OUT_OF_SCOPE');
});

test('without a purpose a disclosing read is refused, or masked when asked', () => {
  const a = createAccess(actor('grid-worker', GRID), h);
  const r = viewRecords(a, 'case', [record]);
  assert.equal(!r.ok && r.errors[0].code, 'E_NO_PURPOSE');
  assert.ok(!r.ok && r.errors[0].zh.length > 0 && r.errors[0].en.length > 0);
  const m = viewRecords(a, 'case', [record], { withoutPurpose: 'mask' });
  assert.ok(m.ok);
  assert.equal(m.value[0].reporterPhone, '138****5678');
  assert.equal(m.value[0].description, '邻里噪音，联系138****5678');
});
